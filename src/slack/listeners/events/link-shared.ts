import type { AllMiddlewareArgs, SlackEventMiddlewareArgs, webApi } from '@slack/bolt';
import { unfurlReply } from '../../../commands/unfurl.ts';
import { asClientBlocks, toSlackMessage } from '../../blocks.ts';
import { commandContext, type SlackDeps } from '../../deps.ts';
import { classify } from '../../post.ts';
import { logOf } from '../../request-log.ts';
import { teamKey } from '../../team.ts';

/** Links of one message unfurled at most: a message pasting the whole list gets the first ones. */
const maxLinks = 10;

/**
 * `link_shared`: a message (or the composer) holds links to the domains in the manifest's
 * `unfurl_domains`. Links to papers of the list unfurl with the paper, its sections, and when this
 * channel discussed it (a link to the thread) or a Queue button; other links are left to Slack. Bolt
 * acknowledges the event before this runs (well within Slack's 3 s), and a redelivery is dropped
 * before it gets here (deliveries.ts), unless the unfurl was rate-limited: then the listener throws,
 * its claim is released, and Slack's retry unfurls.
 *
 * @param deps Listener dependencies.
 * @returns The Bolt listener.
 */
export function linkShared(deps: SlackDeps) {
  return async ({
    event,
    client,
    logger: appLogger,
    context,
  }: SlackEventMiddlewareArgs<'link_shared'> & AllMiddlewareArgs): Promise<void> => {
    const logger = logOf({ context, logger: appLogger });
    const asked = await commandContext(deps, {
      team: teamKey(context),
      channel: event.channel,
      user: event.user,
    });
    const unfurls: Record<string, { blocks: webApi.Block[] }> = {};
    for (const { url } of event.links.slice(0, maxLinks)) {
      const reply = await unfurlReply(url, asked);
      if (reply) unfurls[url] = { blocks: asClientBlocks(toSlackMessage(reply).blocks) };
    }
    if (Object.keys(unfurls).length === 0) return;
    // Links still in the composer have no message yet: Slack names them by unfurl_id.
    const target =
      event.source === 'composer' && event.unfurl_id
        ? { source: 'composer' as const, unfurl_id: event.unfurl_id }
        : { channel: event.channel, ts: event.message_ts };
    try {
      await client.chat.unfurl({ ...target, unfurls });
    } catch (error) {
      const { failure, detail } = classify(error);
      logger.warn(
        `unfurling ${Object.keys(unfurls).length} link(s) in ${event.channel} failed: ${failure} ${detail}`,
      );
      if (failure === 'ratelimited') throw new Error(`the unfurl of ${event.message_ts} was rate-limited`);
    }
  };
}
