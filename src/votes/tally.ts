/**
 * Counting a vote and choosing its winner. Pure.
 *
 * - Each ballot counts once for the candidate it names; a ballot for a key the vote does not have
 *   (a stale button) counts for nothing.
 * - The winner has the most votes; a tie goes to the candidate listed first (the rotation's order:
 *   its own pick first, then what members asked for, then the round-robin's next picks).
 * - A candidate that cannot be posted any more (posted meanwhile) is passed over for the next best one
 *   with votes; nobody voting, or nobody's choice left, means no winner (the rotation's pick goes out).
 */
import type { Ballot } from '../store/types.ts';
import type { VoteCandidate } from './candidates.ts';

/** A candidate and its votes. */
export interface CandidateCount {
  candidate: VoteCandidate;
  /** 1-based place on the vote's message. */
  number: number;
  votes: number;
}

/** A vote's counts. */
export interface Tally {
  /** In candidate order. */
  counts: CandidateCount[];
  /** Ballots that count (for a candidate of the vote). */
  total: number;
}

/** What won, and how. */
export interface VoteResult<T> {
  winner: CandidateCount;
  total: number;
  /** Another candidate had as many votes: the rotation's order settled it. */
  tie: boolean;
  /** What the caller made of the winner (its pick). */
  value: T;
}

/**
 * Count a vote's ballots.
 *
 * @param candidates The vote's candidates, in order.
 * @param ballots Its ballots (one per person).
 * @returns The counts.
 */
export function tallyVote(candidates: readonly VoteCandidate[], ballots: readonly Ballot[]): Tally {
  const counts = candidates.map((candidate, index) => ({
    candidate,
    number: index + 1,
    votes: ballots.filter((ballot) => ballot.choice === candidate.key).length,
  }));
  return { counts, total: counts.reduce((sum, count) => sum + count.votes, 0) };
}

/**
 * The winner: most votes, ties to the first listed, skipping candidates `resolve` turns down.
 *
 * @param tally The final counts.
 * @param resolve What a candidate becomes if it wins (its pick); `undefined` when it cannot be posted.
 * @returns The result, or `undefined` when nobody voted for a candidate that can be posted.
 */
export function decideVote<T>(
  tally: Tally,
  resolve: (candidate: VoteCandidate) => T | undefined,
): VoteResult<T> | undefined {
  // Array.prototype.sort is stable: equal counts keep candidate order.
  const ranked = tally.counts.filter((count) => count.votes > 0).sort((a, b) => b.votes - a.votes);
  for (const count of ranked) {
    const value = resolve(count.candidate);
    if (value === undefined) continue;
    const tie = tally.counts.some((other) => other !== count && other.votes === count.votes);
    return { winner: count, total: tally.total, tie, value };
  }
  return undefined;
}
