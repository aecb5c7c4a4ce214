import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { textReply } from '../../../commands/reply.ts';
import { castReply } from '../../../commands/vote.ts';
import { readBallotValue } from '../../../votes/messages.ts';
import { toSlackMessage } from '../../blocks.ts';
import type { SlackDeps } from '../../deps.ts';
import { teamKey } from '../../team.ts';

/**
 * Vote (on a vote's message, or on `/optpaper vote`'s reply): the person's ballot, one per person and
 * changeable; the vote's message then shows the new counts (chat.update), and the voter alone is told
 * what they voted for. Pressing one's current choice again does nothing (a press Slack delivers twice
 * is dropped before this, like every press).
 *
 * @param deps Listener dependencies.
 * @returns The Bolt listener.
 */
export function castVote(deps: SlackDeps) {
  return async ({
    ack,
    body,
    action,
    respond,
    context,
  }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const ballot = readBallotValue(action.value ?? '');
    const votes = deps.votesFor?.(teamKey(context));
    const outcome =
      ballot && votes ? await votes.cast(ballot.voteId, ballot.key, body.user.id, deps.clock()) : undefined;
    if (outcome?.status === 'unchanged') return;
    const reply = outcome ? castReply(outcome) : textReply(['That vote is no longer open.']);
    await respond({ response_type: 'ephemeral', replace_original: false, ...toSlackMessage(reply) });
  };
}
