import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { mentionHelpReply } from '../../../commands/help.ts';
import { readUserText } from '../../../commands/input.ts';
import { mentionReply } from '../../../commands/mention.ts';
import { searchWithin } from '../../../commands/query-limit.ts';
import { exampleQueries } from '../../../commands/registry.ts';
import { toSlackMessage } from '../../blocks.ts';
import { commandContext, type SlackDeps } from '../../deps.ts';
import { interactivePolicy, postMessage } from '../../post.ts';
import { logOf } from '../../request-log.ts';
import { teamKey } from '../../team.ts';

/**
 * `@optpaper <query>`: the top three papers as a reply in the thread (the mention's thread, or a new
 * thread under the mention); `@optpaper` alone gets short help. A mention delivered again (Slack's
 * retries) is dropped before it gets here (see deliveries.ts), unless the first reply was refused for
 * a rate limit: then the listener throws, its claim is released, and the retry answers.
 *
 * @param deps Listener dependencies.
 * @returns The Bolt listener.
 */
export function appMention(deps: SlackDeps) {
  return async ({
    event,
    client,
    logger: appLogger,
    context,
  }: SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs): Promise<void> => {
    const logger = logOf({ context, logger: appLogger });
    // readUserText drops every <@…> mention, ours included.
    const query = readUserText(event.text ?? '');
    const where = { team: teamKey(context), channel: event.channel, user: event.user ?? '' };
    const asked = await commandContext(deps, where);
    const reply =
      query === ''
        ? mentionHelpReply(exampleQueries, asked.command)
        : await searchWithin(query, (searched) => mentionReply(searched, asked));
    const threadTs = event.thread_ts ?? event.ts;
    const result = await postMessage(
      client,
      { channel: event.channel, thread_ts: threadTs, ...toSlackMessage(reply) },
      interactivePolicy,
      deps.sleep,
      deps.stopping,
    );
    if (result.ok) return;
    logger.warn(`reply to a mention in ${event.channel} failed: ${result.failure} ${result.error}`);
    // Rate-limited to the end, or stopping while waiting to retry a rate limit (the only failure this
    // policy retries): certainly not posted, so Slack's retry of the event may answer it. Any other
    // failure may hide a reply that went through, and the retry is dropped (never two replies).
    if (result.failure === 'ratelimited' || result.failure === 'stopped')
      throw new Error(`the reply to ${event.event_ts} was not posted (${result.failure})`);
  };
}
