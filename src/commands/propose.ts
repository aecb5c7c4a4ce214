import { type ProposalTarget, readProposal } from '../votes/proposals.ts';
import type { ProposalOutcome } from '../votes/service.ts';
import { formatDay, formatWhen } from '../weekly/dates.ts';
import { commandText } from './command-name.ts';
import type { CommandContext } from './context.ts';
import { quote } from './input.ts';
import { type Inline, type Reply, textReply } from './reply.ts';
import { notSubscribedReply, withWeekly } from './weekly.ts';

/**
 * `/optpaper propose <words or link>` as text (the shell; Slack opens a form to confirm instead): a
 * paper of the list is proposed at once; a link the list does not have needs its title after it
 * (`propose <link> | <title>`), and is asked for when missing.
 *
 * @param args The words after `propose`.
 * @param context The request.
 * @returns The reply.
 */
export function proposeReply(args: string, context: CommandContext): Promise<Reply> {
  return withWeekly(context, async (weekly) => {
    if (!context.votes) return textReply(['Proposals are not available here.']);
    if (!(await weekly.subscription(context.channel.id))) return notSubscribedReply(context);
    const request = readProposal(args, context.search);
    switch (request.kind) {
      case 'none':
        return proposalHelp(request.reason, request.words, context);
      case 'untitled':
        return textReply([
          'That link is not in the list: what is its title? Give it after the link: ',
          { text: commandText(context, `propose ${request.url} | <title>`), code: true },
          '.',
        ]);
      default:
        return submitProposal(request, context);
    }
  });
}

/**
 * Make a proposal (the shell's command, Slack's form once submitted) and say what became of it.
 *
 * @param target The paper: from the list, or a link with its title.
 * @param context The request (its channel and user).
 * @returns The reply: in the channel when something changed, to the proposer alone otherwise.
 */
export function submitProposal(target: ProposalTarget, context: CommandContext): Promise<Reply> {
  return withWeekly(context, async () => {
    if (!context.votes) return textReply(['Proposals are not available here.']);
    const outcome = await context.votes.propose(context.channel.id, target, context.user.id, context.now);
    const title = target.kind === 'list' ? target.paper.title : target.title;
    const url = target.kind === 'list' ? target.paper.links[0]?.url : target.url;
    return proposalReply(
      outcome,
      url ? { text: title, url, bold: true } : { text: title, bold: true },
      context,
    );
  });
}

/**
 * What proposing did, in words.
 *
 * @param outcome From `VoteService.propose`.
 * @param title The paper, as the reply names it.
 * @param context The request: who proposed it, and the command's name.
 * @returns The reply.
 */
export function proposalReply(
  outcome: ProposalOutcome,
  title: Inline,
  context: Pick<CommandContext, 'user' | 'command'>,
): Reply {
  const proposed: Inline[] = [{ user: context.user.id }, ' proposed ', title, ': '];
  switch (outcome.status) {
    case 'not-subscribed':
      return notSubscribedReply(context);
    case 'candidate': {
      const { next } = outcome;
      return textReply(
        next
          ? [
              ...proposed,
              `it will be a candidate in the vote on the paper of ${formatDay(next.slot, next.timeZone)}, which opens `,
              { text: formatWhen(next.opensAt, next.timeZone), bold: true },
              '.',
            ]
          : [...proposed, 'it will be a candidate in the next vote.'],
        'in_channel',
      );
    }
    case 'queued': {
      const place = outcome.position === 1 ? 'it is next' : `it is number ${outcome.position} in the queue`;
      const when: Inline[] = outcome.at
        ? [', and comes on ', { text: formatDay(outcome.at, outcome.timeZone), bold: true }, '.']
        : ['.'];
      return textReply([...proposed, place, ...when], 'in_channel');
    }
    case 'already-proposed':
      return textReply([
        title,
        ' was already proposed by ',
        { user: outcome.proposal.by },
        ` (${formatDay(outcome.proposal.at, outcome.timeZone)}): it is waiting for its turn.`,
      ]);
    case 'already-queued':
      return textReply([
        title,
        ' is already queued',
        ...(outcome.at
          ? [': it comes on ', { text: formatDay(outcome.at, outcome.timeZone), bold: true }]
          : []),
        '.',
      ]);
    case 'already-posted':
      return textReply([
        title,
        ' was already a paper of the week here',
        outcome.at ? ` (${formatDay(outcome.at, outcome.timeZone)})` : '',
        ', and a reading is not posted twice in a round.',
      ]);
  }
}

/**
 * How to propose, after a request that named nothing to propose.
 *
 * @param reason Why nothing: no words, no match, or a link that is not one.
 * @param words What was typed.
 * @param context The request (the command's name, for how to propose).
 * @returns The reply.
 */
export function proposalHelp(
  reason: 'empty' | 'no-match' | 'bad-link',
  words: string,
  context: Pick<CommandContext, 'command'>,
): Reply {
  const how: Inline[] = [
    { text: commandText(context, 'propose sharp minima'), code: true },
    ' proposes the best match in the list; ',
    { text: commandText(context, 'propose <link> | <title>'), code: true },
    ' proposes a paper the list does not have.',
  ];
  switch (reason) {
    case 'empty':
      return textReply(['Say which paper: ', ...how]);
    case 'no-match':
      return textReply([`No paper of the list matches ${quote(words)}. `, ...how]);
    case 'bad-link':
      return textReply([
        `${quote(words)} is not a link I can post (http or https, at most 2,000 characters). `,
        ...how,
      ]);
  }
}
