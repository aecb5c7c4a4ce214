import { commandText } from '../commands/command-name.ts';
import type { Action, Inline, PaperView, Reply, ReplyBlock, RichText } from '../commands/reply.ts';
import type { VoteRecord } from '../store/types.ts';
import { formatDay, formatWhen } from '../weekly/dates.ts';
import { proposalIdOf } from '../weekly/outside.ts';
import type { VoteCandidate } from './candidates.ts';
import type { CandidateCount, Tally } from './tally.ts';

/** Why a vote closed without a winner. */
export type AbandonReason = 'unsubscribed' | 'voting-off' | 'paused' | 'rescheduled' | 'missed';

/**
 * What a vote's button carries: the vote and the candidate (`<vote id>:<candidate key>`).
 *
 * @param voteId The vote.
 * @param key The candidate's key.
 * @returns The button value.
 */
export function ballotValue(voteId: number, key: string): string {
  return `${voteId}:${key}`;
}

/**
 * Read a vote button's value.
 *
 * @param value From {@link ballotValue}.
 * @returns The vote and candidate key, or `undefined` for anything else.
 */
export function readBallotValue(value: string): { voteId: number; key: string } | undefined {
  const match = /^(\d+):(.+)$/.exec(value);
  if (!match) return undefined;
  return { voteId: Number(match[1]), key: match[2] ?? '' };
}

/**
 * `5 of 8 votes`, `1 vote`.
 *
 * @param count Votes.
 * @param total Out of, when given.
 * @returns The words.
 */
export function votesText(count: number, total?: number): string {
  const noun = (total ?? count) === 1 ? 'vote' : 'votes';
  return total === undefined ? `${count} ${noun}` : `${count} of ${total} ${noun}`;
}

/** Where a candidate comes from, as the message says it. */
function originText(candidate: VoteCandidate, number: number): RichText {
  switch (candidate.origin) {
    case 'proposed':
      return [
        'Proposed by ',
        candidate.by ? { user: candidate.by } : 'a member',
        proposalIdOf(candidate.key) === undefined ? '' : ' · not in the list',
      ];
    case 'queued':
      return ['Asked for by ', candidate.by ? { user: candidate.by } : 'a member'];
    case 'rotation':
      return [number === 1 ? 'Next in the rotation' : 'Coming up in the rotation'];
  }
}

/**
 * A candidate as a paper view: title linked, its section, where it comes from and its votes.
 *
 * @param count The candidate and its votes.
 * @param mine Whether it is the reader's own choice.
 * @returns The view.
 */
export function candidateView(count: CandidateCount, mine = false): PaperView {
  const { candidate } = count;
  const note: Inline[] = [
    ...originText(candidate, count.number),
    ' · ',
    { text: votesText(count.votes), bold: true },
  ];
  if (mine) note.push(' · your vote');
  return {
    id: candidate.key,
    title: candidate.title,
    ...(candidate.url ? { url: candidate.url } : {}),
    sections: candidate.section ? [candidate.section] : [],
    otherLinks: [],
    note,
  };
}

/** How a vote's message ends once closed: what won, or why nothing did. */
export type VoteClosing =
  | { kind: 'won'; candidate: VoteCandidate; votes: number; total: number; tie: boolean }
  | { kind: 'nobody'; title: string; total: number }
  | { kind: 'abandoned'; reason: AbandonReason };

/**
 * The vote's message: the candidates with their counts and a Vote button each while it is open; the
 * outcome once it closed.
 *
 * @param vote The vote.
 * @param tally Its counts now.
 * @param options The channel's zone; the outcome once closed; the reader's choice (ephemeral views);
 *   the slash command's name the message points to (default: `/optpaper`).
 * @returns An in-channel reply.
 */
export function voteMessage(
  vote: VoteRecord,
  tally: Tally,
  options: { timeZone: string; closing?: VoteClosing; mine?: string; command?: string },
): Reply {
  const { timeZone, closing, mine } = options;
  const day = formatDay(vote.slot, timeZone);
  const blocks: ReplyBlock[] = [
    {
      type: 'header',
      text: closing ? `Vote closed: the paper of ${day}` : `Vote: the paper of ${day}`,
    },
  ];
  blocks.push({
    type: 'text',
    text: closing ? closingText(closing, vote, timeZone) : openText(vote, timeZone),
  });
  for (const count of tally.counts) {
    const actions: Action[] = closing
      ? []
      : [{ id: 'cast_vote', label: 'Vote', value: ballotValue(vote.id, count.candidate.key) }];
    blocks.push({ type: 'paper', paper: candidateView(count, count.candidate.key === mine), actions });
  }
  blocks.push({
    type: 'context',
    text: [
      closing ? `${votesText(tally.total)} in all.` : `${votesText(tally.total)} so far.`,
      closing ? '' : ' See the vote and your ballot with ',
      closing ? '' : { text: commandText(options.command, 'vote'), code: true },
      closing ? '' : '.',
    ],
  });
  const title = tally.counts.map((count) => `${count.number}. ${count.candidate.title} (${count.votes})`);
  return {
    text: `${closing ? 'Vote closed' : 'Vote'}: the paper of ${day}: ${title.join('; ')}`,
    blocks,
    visibility: 'in_channel',
  };
}

function openText(vote: VoteRecord, timeZone: string): RichText {
  return [
    'Which paper should we read next? One vote each, changeable until ',
    { text: formatWhen(vote.slot, timeZone), bold: true },
    ', when the winner is posted. A tie goes to the first of the tied; with no votes, the first goes out.',
  ];
}

function closingText(closing: VoteClosing, vote: VoteRecord, timeZone: string): RichText {
  const day = formatDay(vote.slot, timeZone);
  switch (closing.kind) {
    case 'won':
      return [
        { text: closing.candidate.title, bold: true },
        ` won with ${votesText(closing.votes, closing.total)}${closing.tie ? ' (a tie, settled by the rotation’s order)' : ''}: it is the paper of ${day}.`,
      ];
    case 'nobody':
      return [
        closing.total === 0
          ? 'Nobody voted: the rotation’s pick, '
          : 'None of the papers voted for can be posted any more: the rotation’s pick, ',
        { text: closing.title, bold: true },
        `, is the paper of ${day}.`,
      ];
    case 'abandoned':
      return [`This vote closed without a winner: ${abandonText(closing.reason, day)}.`];
  }
}

function abandonText(reason: AbandonReason, day: string): string {
  switch (reason) {
    case 'unsubscribed':
      return 'the channel stopped its paper of the week';
    case 'voting-off':
      return `voting was turned off, so the rotation’s pick goes out on ${day}`;
    case 'paused':
      return `${day} falls in a break, so nothing is posted that day`;
    case 'rescheduled':
      return `the schedule changed, so there is no post on ${day}`;
    case 'missed':
      return `the post of ${day} did not go out (the bot was down)`;
  }
}

/**
 * The line the weekly post gets about how its paper was chosen.
 *
 * @param closing How the vote ended (`won` or `nobody`).
 * @returns The note.
 */
export function voteNote(closing: Exclude<VoteClosing, { kind: 'abandoned' }>): RichText {
  if (closing.kind === 'nobody')
    return [
      closing.total === 0
        ? 'Nobody voted: the rotation’s pick.'
        : 'None of the papers voted for can be posted any more: the rotation’s pick.',
    ];
  const { candidate } = closing;
  const note: Inline[] = [
    'Chosen by the channel’s vote: ',
    { text: votesText(closing.votes, closing.total), bold: true },
    closing.tie ? ' (a tie, settled by the rotation’s order)' : '',
  ];
  // An outside paper's post names its proposer already.
  if (candidate.by && proposalIdOf(candidate.key) === undefined)
    note.push(candidate.origin === 'queued' ? ' · asked for by ' : ' · proposed by ', { user: candidate.by });
  note.push('.');
  return note;
}
