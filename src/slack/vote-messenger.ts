import type { Logger, webApi } from '@slack/bolt';
import { commandText } from '../commands/command-name.ts';
import type { VoteMessenger } from '../votes/service.ts';
import { toSlackMessage } from './blocks.ts';
import { callSlack, editPolicy, interactivePolicy, postMessage, type Sleep } from './post.ts';

/**
 * A workspace's vote messages in Slack: posted with chat.postMessage (rate limits retried briefly, as
 * for Share), edited with chat.update as the counts change (an edit is retried on any failure but a
 * refusal: made twice, it leaves the same message). A failure is logged and answered with "not done": a
 * vote is decided from its ballots, never from its message.
 *
 * @param options The workspace's Web API client (none once uninstalled), a logger, how retries wait,
 *   the slash command's name the log suggests (default: `/optpaper`), and the bot's stop signal.
 * @returns The messenger.
 */
export function slackVoteMessenger(options: {
  client: () => Promise<webApi.WebClient | undefined>;
  logger: Logger;
  sleep?: Sleep;
  command?: string;
  /** Aborted when the bot stops: a retry still waiting is given up. */
  stopping?: AbortSignal;
}): VoteMessenger {
  const { logger } = options;
  return {
    async post(channel, reply) {
      const client = await options.client();
      if (!client) return undefined;
      const result = await postMessage(
        client,
        { channel, ...toSlackMessage(reply) },
        interactivePolicy,
        options.sleep,
        options.stopping,
      );
      if (result.ok) return result.ts;
      logger.warn(
        `votes: the vote could not be posted in ${channel} (${result.failure}: ${result.error})` +
          (result.error === 'not_in_channel' ? '; invite the bot: /invite @optpaper' : '') +
          `; members can still vote with ${commandText(options.command, 'vote')}`,
      );
      return undefined;
    },
    async update(channel, ts, reply) {
      const client = await options.client();
      if (!client) return false;
      const result = await callSlack(
        () => client.chat.update({ channel, ts, ...toSlackMessage(reply) }),
        editPolicy,
        options.sleep,
        options.stopping,
      );
      if (result.ok) return true;
      logger.warn(
        `votes: the vote message ${ts} in ${channel} could not be updated after ${result.attempts} ` +
          `attempt(s) (${result.failure}: ${result.error}); the next ballot updates it again`,
      );
      return false;
    },
  };
}
