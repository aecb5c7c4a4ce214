import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { paperById } from '../../../commands/papers.ts';
import { submitProposal } from '../../../commands/propose.ts';
import { textReply } from '../../../commands/reply.ts';
import { type ProposalTarget, proposalOfLink } from '../../../votes/proposals.ts';
import { toSlackMessage } from '../../blocks.ts';
import { commandContext, type SlackDeps } from '../../deps.ts';
import { interactivePolicy, postMessage } from '../../post.ts';
import { answerView, proposalIds, readFormState } from '../../proposal-form.ts';
import { logOf } from '../../request-log.ts';
import { teamKey } from '../../team.ts';

/**
 * The proposal form submitted: a title or link that is not right is pointed out in the form; a
 * proposal that changes nothing (already posted, already proposed) is answered in the form; otherwise
 * the form closes, the proposal is stored, and the channel is told (`<@U> proposed …: it will be a
 * candidate in the next vote` / `it is queued: it comes on …`).
 *
 * @param deps Listener dependencies.
 * @returns The Bolt listener.
 */
export function proposePaper(deps: SlackDeps) {
  return async ({
    ack,
    body,
    view,
    client,
    logger: appLogger,
    context,
  }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs): Promise<void> => {
    const logger = logOf({ context, logger: appLogger });
    const state = readFormState(view.private_metadata);
    if (!state) {
      await ack({
        response_action: 'update',
        view: answerView(textReply(['This form is broken: please propose again.'])) as never,
      });
      return;
    }
    const where = await commandContext(deps, {
      team: teamKey(context),
      channel: state.channel,
      user: body.user.id,
    });
    let target: ProposalTarget;
    if (state.paperId !== undefined) {
      const paper = paperById(where, state.paperId);
      if (!paper) {
        await ack({
          response_action: 'update',
          view: answerView(textReply(['That paper is no longer in the list.'])) as never,
        });
        return;
      }
      target = { kind: 'list', paper };
    } else {
      const value = (block: string) => view.state.values[block]?.value?.value ?? '';
      const request = proposalOfLink(
        value(proposalIds.urlBlock),
        value(proposalIds.titleBlock),
        where.search,
      );
      if (request.kind === 'none' || request.kind === 'untitled') {
        await ack({
          response_action: 'errors',
          errors:
            request.kind === 'none'
              ? { [proposalIds.urlBlock]: 'Give a link that starts with https:// (or http://).' }
              : { [proposalIds.titleBlock]: 'Give the paper a title.' },
        });
        return;
      }
      target = request;
    }
    const reply = await submitProposal(target, where);
    if (reply.visibility !== 'in_channel') {
      // Nothing changed: say why where the proposer is looking, in the form.
      await ack({ response_action: 'update', view: answerView(reply) as never });
      return;
    }
    await ack();
    const posted = await postMessage(
      client,
      { channel: state.channel, ...toSlackMessage(reply) },
      interactivePolicy,
      deps.sleep,
      deps.stopping,
    );
    if (posted.ok) return;
    logger.warn(
      `proposal in ${state.channel} stored, but the answer could not be posted (${posted.failure}: ${posted.error})`,
    );
    // The proposal is stored: tell the proposer where they can read it (the bot's Messages tab).
    const note = textReply([
      ...(reply.blocks[0]?.type === 'text' ? reply.blocks[0].text : []),
      ` (I could not say so in the channel: ${posted.error}${posted.error === 'not_in_channel' ? '; invite me there with /invite @optpaper' : ''}.)`,
    ]);
    await postMessage(
      client,
      { channel: body.user.id, ...toSlackMessage(note) },
      interactivePolicy,
      deps.sleep,
      deps.stopping,
    );
  };
}
