import { describe, expect, it } from 'vitest';
import type { VoteCandidate } from '../../src/votes/candidates.ts';
import { decideVote, tallyVote } from '../../src/votes/tally.ts';

const candidate = (key: string): VoteCandidate => ({
  key,
  title: key.toUpperCase(),
  section: 'S',
  origin: 'rotation',
});
const candidates = ['first', 'second', 'third'].map(candidate);
const at = new Date('2026-01-11T09:00:00Z');
const ballots = (...choices: string[]) => choices.map((choice, index) => ({ user: `U${index}`, choice, at }));
const any = (found: VoteCandidate) => found.key;

describe('tallyVote', () => {
  it('counts each ballot for its candidate, in candidate order; a ballot for no candidate counts for nothing', () => {
    const tally = tallyVote(candidates, ballots('third', 'first', 'third', 'a-stale-button'));
    expect(tally.counts.map((count) => [count.number, count.candidate.key, count.votes])).toEqual([
      [1, 'first', 1],
      [2, 'second', 0],
      [3, 'third', 2],
    ]);
    expect(tally.total).toBe(3);
  });
});

describe('decideVote', () => {
  it('chooses the candidate with the most votes', () => {
    expect(decideVote(tallyVote(candidates, ballots('third', 'first', 'third')), any)).toMatchObject({
      winner: { candidate: { key: 'third' }, votes: 2 },
      total: 3,
      tie: false,
      value: 'third',
    });
  });

  it('gives a tie to the candidate listed first (the rotation’s order), and says it was a tie', () => {
    expect(decideVote(tallyVote(candidates, ballots('third', 'second')), any)).toMatchObject({
      winner: { candidate: { key: 'second' }, votes: 1 },
      tie: true,
    });
    expect(
      decideVote(tallyVote(candidates, ballots('third', 'second', 'first', 'third', 'first')), any),
    ).toMatchObject({
      winner: { candidate: { key: 'first' }, votes: 2 },
      total: 5,
      tie: true,
    });
  });

  it('passes over a winner that cannot be posted any more for the next best with votes', () => {
    const tally = tallyVote(candidates, ballots('third', 'third', 'second'));
    const postedMeanwhile = (found: VoteCandidate) => (found.key === 'third' ? undefined : found.key);
    expect(decideVote(tally, postedMeanwhile)).toMatchObject({
      winner: { candidate: { key: 'second' }, votes: 1 },
    });
    // Candidates nobody voted for never win: the rotation's pick goes out instead.
    expect(decideVote(tallyVote(candidates, ballots('third')), postedMeanwhile)).toBeUndefined();
  });

  it('has no winner when nobody voted', () => {
    expect(decideVote(tallyVote(candidates, []), any)).toBeUndefined();
  });
});
