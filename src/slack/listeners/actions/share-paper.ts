import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { paperById } from '../../../commands/papers.ts';
import { textReply } from '../../../commands/reply.ts';
import { sharedPaperMessage, shareOutcomeReply } from '../../../commands/share.ts';
import { toSlackMessage } from '../../blocks.ts';
import { commandContext, type SlackDeps } from '../../deps.ts';
import { interactivePolicy, postMessage } from '../../post.ts';

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
      const text = paper
        ? 'I cannot tell which channel to share into.'
        : 'That paper is no longer in the list.';
      await respond({
        response_type: 'ephemeral',
        replace_original: false,
        ...toSlackMessage(textReply([text])),
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
      ...toSlackMessage(shareOutcomeReply(result, paper.title, channel)),
    });
  };
}
