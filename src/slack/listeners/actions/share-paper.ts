import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { paperById } from '../../../commands/papers.ts';
import { sharedPaperMessage } from '../../../commands/share.ts';
import { toSlackMessage } from '../../blocks.ts';
import { commandContext, type SlackDeps } from '../../deps.ts';
import { interactivePolicy, type PostResult, postMessage } from '../../post.ts';

/**
 * Share: post the paper into the channel (as the bot, naming who shared it), then tell the sharer
 * how it went. A failed post is explained, with what to do about it.
 *
 * @param deps Listener dependencies.
 * @returns The Bolt listener.
 */
export function sharePaper(deps: SlackDeps) {
  return async ({
    ack,
    body,
    action,
    client,
    respond,
    logger,
  }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const channel = body.channel?.id;
    const paper = paperById(commandContext(deps, channel ?? '', body.user.id), action.value ?? '');
    if (!channel || !paper) {
      await respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: paper ? 'I cannot tell which channel to share into.' : 'That paper is no longer in the list.',
      });
      return;
    }
    const message = toSlackMessage(sharedPaperMessage(paper, body.user.id));
    const result = await postMessage(client, { channel, ...message }, interactivePolicy, deps.sleep);
    if (!result.ok)
      logger.warn(`share of ${paper.id} in ${channel} failed: ${result.failure} ${result.error}`);
    await respond({
      response_type: 'ephemeral',
      replace_original: false,
      text: shareOutcome(result, paper.title),
    });
  };
}

/**
 * What the sharer is told after pressing Share.
 *
 * @param result The post's outcome.
 * @param title The paper's title.
 * @returns One sentence (plain text).
 */
export function shareOutcome(result: PostResult, title: string): string {
  if (result.ok) return `Shared “${title}” in the channel.`;
  switch (result.error) {
    case 'not_in_channel':
    case 'channel_not_found':
      return `I could not post “${title}”: I am not a member of this channel. Invite me with /invite @optpaper and press Share again.`;
    case 'is_archived':
      return 'I could not post: this channel is archived.';
    case 'restricted_action':
    case 'restricted_action_read_only_channel':
      return 'I could not post: this channel only lets some members post.';
  }
  switch (result.failure) {
    case 'ratelimited':
      return 'Slack is rate-limiting me right now. Please press Share again in a minute.';
    case 'server':
    case 'network':
      return `Slack did not confirm the post (${result.error}). Check the channel before pressing Share again, so it is not posted twice.`;
    default:
      return `I could not post “${title}” (${result.error}).`;
  }
}
