import type { VoteCandidate } from '../votes/candidates.ts';
import { voteMessage, votesText } from '../votes/messages.ts';
import { type CastOutcome, type VoteService, voteTimings } from '../votes/service.ts';
import { formatDay, formatWhen } from '../weekly/dates.ts';
import { commandText } from './command-name.ts';
import type { CommandContext } from './context.ts';
import { quote } from './input.ts';
import { type Inline, type Reply, type RichText, textReply } from './reply.ts';
import { notSubscribedReply, withWeekly } from './weekly.ts';

/** What follows `/optpaper vote`. */
type VoteRequest =
  | { kind: 'show' }
  | { kind: 'on'; leadMinutes: number }
  | { kind: 'off' }
  | { kind: 'cast'; number: number }
  | { kind: 'bad'; words: string };

const units: Readonly<Record<string, number>> = Object.freeze({
  m: 1,
  min: 1,
  mins: 1,
  minute: 1,
  minutes: 1,
  h: 60,
  hour: 60,
  hours: 60,
  d: 1440,
  day: 1440,
  days: 1440,
});

/**
 * Read the words after `vote`: nothing, `on [24] [hours|days]` (hours when no unit: `on 12`, `on 2d`),
 * `off`, or a candidate's number.
 *
 * @param args The words.
 * @returns The request.
 */
export function readVoteRequest(args: string): VoteRequest {
  const words = args.trim().toLowerCase();
  if (words === '') return { kind: 'show' };
  if (words === 'off') return { kind: 'off' };
  if (/^\d+$/.test(words)) return { kind: 'cast', number: Number(words) };
  const on = /^on(?:\s+(\d+(?:\.\d+)?)\s*([a-z]*)(?:\s+before)?)?$/.exec(words);
  if (!on) return { kind: 'bad', words: args.trim() };
  if (on[1] === undefined) return { kind: 'on', leadMinutes: voteTimings.defaultLeadMinutes };
  // An unknown unit makes the lead NaN, which the bounds refuse.
  const minutes = Math.round(Number(on[1]) * (units[on[2] || 'h'] ?? Number.NaN));
  return minutes >= voteTimings.minLeadMinutes && minutes <= voteTimings.maxLeadMinutes
    ? { kind: 'on', leadMinutes: minutes }
    : { kind: 'bad', words: args.trim() };
}

/**
 * `/optpaper vote …`: the open vote and your ballot, turning voting on or off, or a ballot by number.
 *
 * @param args The words after `vote`.
 * @param context The request.
 * @returns The reply.
 */
export function voteReply(args: string, context: CommandContext): Promise<Reply> {
  return withWeekly(context, async (weekly) => {
    const votes = context.votes;
    if (!votes) return textReply(['Votes are not available here.']);
    const channel = context.channel.id;
    const subscription = await weekly.subscription(channel);
    if (!subscription) return notSubscribedReply(context);
    const request = readVoteRequest(args);
    switch (request.kind) {
      case 'bad':
        return textReply([
          `I did not understand ${quote(request.words)}. `,
          { text: commandText(context, 'vote on 24'), code: true },
          ' opens a vote 24 hours before each post (from 1 hour to 7 days: ',
          { text: 'vote on 2 days', code: true },
          '), ',
          { text: commandText(context, 'vote off'), code: true },
          ' stops voting, ',
          { text: commandText(context, 'vote'), code: true },
          ' shows the open vote and ',
          { text: commandText(context, 'vote 2'), code: true },
          ' votes for its second paper.',
        ]);
      case 'on':
        return votingOn(votes, request.leadMinutes, context);
      case 'off': {
        const was = subscription.voteLeadMinutes !== undefined;
        await votes.setVoting(channel, undefined, context.now);
        return textReply(
          [
            was
              ? 'Voting is off: the rotation picks the paper of the week again (an open vote closed without a winner).'
              : 'This channel does not vote: the rotation picks the paper of the week.',
          ],
          was ? 'in_channel' : 'ephemeral',
        );
      }
      case 'show':
        return showVote(votes, context);
      case 'cast': {
        const open = await votes.current(channel, context.user.id, context.now);
        if (!open) return noVoteReply(votes, context);
        const candidate = open.vote.candidates[request.number - 1];
        if (!candidate) {
          return textReply([
            `This vote has candidates 1 to ${open.vote.candidates.length}: `,
            { text: commandText(context, 'vote 1'), code: true },
            ' votes for the first.',
          ]);
        }
        return castReply(await votes.cast(open.vote.id, candidate.key, context.user.id, context.now));
      }
    }
  });
}

async function votingOn(votes: VoteService, leadMinutes: number, context: CommandContext): Promise<Reply> {
  const channel = context.channel.id;
  await votes.setVoting(channel, leadMinutes, context.now);
  // Due already (turned on within the lead): the vote opens now rather than at the next minute.
  const opened = await votes.openDue(channel, context.now);
  const next = await votes.nextVote(channel, context.now);
  const text: Inline[] = [
    `This channel now votes on its paper of the week: a vote opens ${leadText(leadMinutes)} before each post, `,
    'with three candidates: what the rotation would post, the papers members asked for or proposed ',
    '(',
    { text: commandText(context, 'propose'), code: true },
    '), then the rotation’s next picks from other sections. One vote each, changeable until the post; the ',
    'winner is posted, a tie goes to the rotation’s order, and with nobody voting the rotation’s pick goes out.',
  ];
  if (opened) text.push(' The vote on the next post is open now.');
  else if (next)
    text.push(' The first vote opens ', { text: formatWhen(next.opensAt, next.timeZone), bold: true }, '.');
  return {
    text: `Voting on: a vote opens ${leadText(leadMinutes)} before each post.`,
    blocks: [{ type: 'text', text }],
    visibility: 'in_channel',
  };
}

async function showVote(votes: VoteService, context: CommandContext): Promise<Reply> {
  const open = await votes.current(context.channel.id, context.user.id, context.now);
  if (!open) return noVoteReply(votes, context);
  const message = voteMessage(open.vote, open.tally, {
    timeZone: open.timeZone,
    ...(context.command ? { command: context.command } : {}),
    ...(open.mine ? { mine: open.mine } : {}),
  });
  const choice = open.vote.candidates.find((candidate) => candidate.key === open.mine);
  const yours: RichText = choice
    ? ['Your vote: ', titleOf(choice), '. Press another Vote to change it.']
    : ['You have not voted yet: press Vote on the paper you want to read.'];
  return {
    ...message,
    blocks: [...message.blocks, { type: 'context', text: yours }],
    visibility: 'ephemeral',
  };
}

async function noVoteReply(votes: VoteService, context: CommandContext): Promise<Reply> {
  const next = await votes.nextVote(context.channel.id, context.now);
  if (!next) {
    return textReply([
      'This channel does not vote on its paper of the week. Turn it on with ',
      { text: commandText(context, 'vote on [hours before]'), code: true },
      ' (default: a day before each post).',
    ]);
  }
  return textReply([
    `No vote is open here yet. The vote on the paper of ${formatDay(next.slot, next.timeZone)} opens `,
    { text: formatWhen(next.opensAt, next.timeZone), bold: true },
    '; propose a paper for it with ',
    { text: commandText(context, 'propose <words or link>'), code: true },
    '.',
  ]);
}

/**
 * What a ballot did, told to the person who cast it (ephemeral).
 *
 * @param outcome From `VoteService.cast`.
 * @returns The reply.
 */
export function castReply(outcome: CastOutcome): Reply {
  if (outcome.status === 'unknown') return textReply(['That vote is no longer open.']);
  const { candidate, tally, vote, timeZone } = outcome;
  const votes = tally.counts.find((count) => count.candidate.key === candidate.key)?.votes ?? 0;
  const until: RichText = [
    ' You can change it until ',
    { text: formatWhen(vote.slot, timeZone), bold: true },
    '.',
  ];
  switch (outcome.status) {
    case 'cast':
      return textReply(['You voted for ', titleOf(candidate), ` (${votesText(votes)} now).`, ...until]);
    case 'changed':
      return textReply([
        'You changed your vote to ',
        titleOf(candidate),
        ` (${votesText(votes)} now).`,
        ...until,
      ]);
    case 'unchanged':
      return textReply(['You already voted for ', titleOf(candidate), '.', ...until]);
    case 'closed':
      return textReply([`The vote on the paper of ${formatDay(vote.slot, timeZone)} has closed.`]);
  }
}

function titleOf(candidate: VoteCandidate): Inline {
  return candidate.url
    ? { text: candidate.title, url: candidate.url, bold: true }
    : { text: candidate.title, bold: true };
}

/** `24 hours`, `2 days`, `90 minutes`. */
function leadText(minutes: number): string {
  if (minutes % 1440 === 0) return minutes === 1440 ? '24 hours' : `${minutes / 1440} days`;
  if (minutes % 60 === 0) return minutes === 60 ? '1 hour' : `${minutes / 60} hours`;
  return `${minutes} minutes`;
}
