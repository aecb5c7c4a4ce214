import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { runCommand } from '../../../commands/dispatch.ts';
import { textReply } from '../../../commands/reply.ts';
import { toSlackMessage } from '../../blocks.ts';
import { commandContext, type SlackDeps } from '../../deps.ts';
import { logOf } from '../../request-log.ts';
import { teamKey } from '../../team.ts';

/**
 * `/optpaper …`: the reply goes back in the ack itself (the HTTP response, or the Socket Mode ack
 * payload), so a search costs no second round trip to Slack. Nothing is posted, so a command Slack
 * delivers twice is simply answered twice, to the same person.
 *
 * @param deps Listener dependencies.
 * @returns The Bolt listener.
 */
export function optpaperCommand(deps: SlackDeps) {
  return async ({
    command,
    ack,
    logger: appLogger,
    context,
  }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    const logger = logOf({ context, logger: appLogger });
    try {
      const reply = await runCommand(
        command.text ?? '',
        await commandContext(deps, {
          team: teamKey(context),
          channel: command.channel_id,
          user: command.user_id,
        }),
      );
      await ack({ response_type: reply.visibility, ...toSlackMessage(reply) });
    } catch (error) {
      logger.error(`/optpaper failed in ${command.channel_id}:`, error);
      const sorry = textReply(['Sorry, that failed on my side and has been logged. Please try again.']);
      await ack({ response_type: 'ephemeral', ...toSlackMessage(sorry) });
    }
  };
}
