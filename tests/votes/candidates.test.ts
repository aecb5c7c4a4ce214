import { describe, expect, it } from 'vitest';
import { parseCatalog } from '../../src/catalog/parse.ts';
import {
  type Ask,
  askedPick,
  candidatePick,
  readCandidates,
  voteCandidates,
} from '../../src/votes/candidates.ts';
import { groupReadings } from '../../src/weekly/readings.ts';
import { type ChannelHistory, nextPick, pickToPosted, upcomingPicks } from '../../src/weekly/rotation.ts';
import { abc, listOf } from '../support/small-list.ts';

/** The round-robin gives a1 b1 c1 a2 b2 a3. */
const catalog = listOf(abc);
const readings = groupReadings(catalog);
const empty: ChannelHistory = Object.freeze({ posted: [], queued: [], skipped: [] });
const day = (n: number) => new Date(Date.UTC(2026, 0, n, 12));
const ours = {
  id: 'outside:4',
  title: 'Our Own Paper',
  url: 'https://example.org/ours',
  by: 'U0CAROL',
  at: day(3),
};

/** The history after posting the round-robin's next `count` picks. */
function afterPosting(count: number): ChannelHistory {
  return { ...empty, posted: upcomingPicks(catalog, readings, empty, count).map(pickToPosted) };
}

const summary = (history: ChannelHistory, asks: readonly Ask[] = []) =>
  voteCandidates(catalog, readings, history, asks).map((candidate) =>
    [candidate.key, candidate.section, candidate.origin, candidate.by ?? ''].join(' '),
  );

describe('voteCandidates', () => {
  it('offers the rotation’s pick first, then its next picks from the other sections', () => {
    expect(summary(empty)).toEqual(['a1 Alpha rotation ', 'b1 Beta rotation ', 'c1 Gamma rotation ']);
    expect(voteCandidates(catalog, readings, empty, [])[0]).toEqual({
      key: 'a1',
      title: 'A1',
      url: 'https://arxiv.org/abs/2001.00001',
      section: 'Alpha',
      origin: 'rotation',
    });
  });

  it('puts a queued paper first (the rotation posts it with nobody voting), then fills from sections it left out', () => {
    const history = { ...empty, queued: ['b2'] };
    const asks: Ask[] = [{ paperId: 'b2', by: 'U0ALICE', at: day(1), origin: 'queued' }];
    expect(summary(history, asks)).toEqual([
      'b2 Beta queued U0ALICE',
      'a1 Alpha rotation ',
      'c1 Gamma rotation ',
    ]);
  });

  it('lists proposals first proposed first, a paper outside the list among them, before the rotation’s next picks', () => {
    const history = { ...empty, outside: [ours] };
    const asks: Ask[] = [
      { paperId: 'outside:4', by: 'U0CAROL', at: day(3), origin: 'proposed' },
      { paperId: 'c1', by: 'U0BOB', at: day(2), origin: 'proposed' },
    ];
    expect(summary(history, asks)).toEqual([
      'a1 Alpha rotation ',
      'c1 Gamma proposed U0BOB',
      'outside:4  proposed U0CAROL',
    ]);
    expect(voteCandidates(catalog, readings, history, asks)[2]).toEqual({
      key: 'outside:4',
      title: 'Our Own Paper',
      url: 'https://example.org/ours',
      section: '',
      origin: 'proposed',
      by: 'U0CAROL',
    });
  });

  it('passes over asks whose reading is done this round, unknown ids and outside papers already posted', () => {
    const history: ChannelHistory = {
      ...afterPosting(3),
      outside: [ours],
    };
    const posted = {
      ...history,
      posted: [...history.posted, { ...pickToPosted(askedOutside(history)), cycle: 1 }],
    };
    const asks: Ask[] = [
      { paperId: 'c1', by: 'U0BOB', at: day(1), origin: 'proposed' },
      { paperId: 'no-such-paper', by: 'U0BOB', at: day(1), origin: 'queued' },
      { paperId: 'outside:4', by: 'U0CAROL', at: day(2), origin: 'proposed' },
    ];
    expect(summary(posted, asks)).toEqual(['a2 Alpha rotation ', 'b2 Beta rotation ', 'a3 Alpha rotation ']);
  });

  it('takes two papers of one section when no other section has any left, and offers no choice with one reading left', () => {
    const twoLeft: ChannelHistory = {
      ...empty,
      posted: ['a1', 'b1', 'c1', 'b2'].map((key) => pickToPosted(askedOrThrow(empty, key))),
    };
    expect(summary(twoLeft)).toEqual(['a2 Alpha rotation ', 'a3 Alpha rotation ']);
    expect(summary(afterPosting(5))).toEqual(['a3 Alpha rotation ']);
    expect(voteCandidates(parseCatalog(''), [], empty, [])).toEqual([]);
  });
});

describe('candidatePick', () => {
  const rotation = nextPick(catalog, readings, empty);
  if (!rotation) throw new Error('no pick');

  it('gives the rotation’s own pick as it is (it moves the round-robin), any other candidate out of turn', () => {
    expect(candidatePick(catalog, readings, empty, rotation, { key: 'a1' })).toBe(rotation);
    expect(candidatePick(catalog, readings, empty, rotation, { key: 'c1' })).toMatchObject({
      reading: { key: 'c1' },
      section: 'Gamma',
      queued: true,
    });
    expect(
      candidatePick(catalog, readings, { ...empty, outside: [ours] }, rotation, { key: 'outside:4' }),
    ).toMatchObject({ reading: { key: 'outside:4' }, queued: true, outside: ours });
  });

  it('gives nothing for a candidate posted meanwhile, gone from the list, or an outside paper no longer proposed', () => {
    const posted = afterPosting(3);
    expect(candidatePick(catalog, readings, posted, rotation, { key: 'c1' })).toBeUndefined();
    expect(candidatePick(catalog, readings, empty, rotation, { key: 'gone' })).toBeUndefined();
    expect(candidatePick(catalog, readings, empty, rotation, { key: 'outside:4' })).toBeUndefined();
  });
});

describe('readCandidates', () => {
  it('reads what the store wrote and leaves out what is not a candidate', () => {
    const rotation = { key: 'a1', title: 'A1', section: 'Alpha', origin: 'rotation' };
    const proposed = {
      key: 'outside:4',
      title: 'Ours',
      url: 'https://example.org/ours',
      section: '',
      origin: 'proposed',
      by: 'U1',
    };
    const stored = JSON.stringify([
      rotation,
      proposed,
      { title: 'no key' },
      'text',
      { key: 'x', title: 'X', origin: 'invented' },
    ]);
    expect(readCandidates(stored)).toEqual([
      rotation,
      proposed,
      { key: 'x', title: 'X', section: '', origin: 'rotation' },
    ]);
    expect(readCandidates('not json')).toEqual([]);
    expect(readCandidates('{"key":"a1"}')).toEqual([]);
  });
});

function askedOrThrow(history: ChannelHistory, key: string) {
  const pick = askedPick(catalog, readings, history, key);
  if (!pick) throw new Error(`${key} cannot be asked for`);
  return pick;
}

function askedOutside(history: ChannelHistory) {
  return askedOrThrow(history, 'outside:4');
}
