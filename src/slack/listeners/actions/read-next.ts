import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { queueReply } from '../../../commands/queue.ts';
import { toSlackMessage } from '../../blocks.ts';
import { commandContext, type SlackDeps } from '../../deps.ts';
import { teamKey } from '../../team.ts';

/**
 * Read next (on search results in a subscribed channel) and Queue (on the unfurl of a link to a
 * paper): the paper becomes the channel's next pick.
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
    context,
  }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const reply = await queueReply(
      action.value ?? '',
      await commandContext(deps, {
        team: teamKey(context),
        // A press on an unfurl (Queue) names its channel in the container too.
        channel: body.channel?.id ?? String(body.container.channel_id ?? ''),
        user: body.user.id,
      }),
    );
    await respond({ response_type: reply.visibility, replace_original: false, ...toSlackMessage(reply) });
  };
}
