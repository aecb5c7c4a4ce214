import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { queueReply } from '../../../commands/queue.ts';
import { toSlackMessage } from '../../blocks.ts';
import { commandContext, type SlackDeps } from '../../deps.ts';

/**
 * Read next (on search results in a subscribed channel): the paper becomes the channel's next pick.
 * The answer goes to the channel when something changed, to the presser alone otherwise.
 *
 * @param deps Listener dependencies.
 * @returns The Bolt listener.
 */
export function readNext(deps: SlackDeps) {
  return async ({
    ack,
    body,
    action,
    respond,
  }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const reply = queueReply(action.value ?? '', commandContext(deps, body.channel?.id ?? '', body.user.id));
    await respond({ response_type: reply.visibility, replace_original: false, ...toSlackMessage(reply) });
  };
}
