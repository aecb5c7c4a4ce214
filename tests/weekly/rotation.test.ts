import { describe, expect, it } from 'vitest';
import { parseCatalog } from '../../src/catalog/parse.ts';
import type { Catalog } from '../../src/catalog/types.ts';
import { groupReadings } from '../../src/weekly/readings.ts';
import {
  type ChannelHistory,
  nextPick,
  type Pick,
  type PostedItem,
  pickToPosted,
  upcomingPicks,
} from '../../src/weekly/rotation.ts';
import { shippedCatalog } from '../support/shipped.ts';
import { abc, listOf } from '../support/small-list.ts';

const empty: ChannelHistory = Object.freeze({ posted: [], queued: [], skipped: [] });

/** Keys of the next `count` picks. */
function keys(catalog: Catalog, history: ChannelHistory, count: number): string[] {
  return upcomingPicks(catalog, groupReadings(catalog), history, count).map((pick) => pick.reading.key);
}

/** The history after posting the next `count` picks of a catalog. */
function afterPosting(catalog: Catalog, count: number, history: ChannelHistory = empty): ChannelHistory {
  const picks = upcomingPicks(catalog, groupReadings(catalog), history, count);
  return { ...history, posted: [...history.posted, ...picks.map(pickToPosted)] };
}

function summary(pick: Pick | undefined) {
  return (
    pick && {
      key: pick.reading.key,
      section: pick.section,
      sectionIndex: pick.sectionIndex,
      cycle: pick.cycle,
      position: pick.position,
      total: pick.total,
      queued: pick.queued,
    }
  );
}

describe('nextPick over the shipped list', () => {
  const catalog = shippedCatalog();
  const readings = groupReadings(catalog);
  const cycle = upcomingPicks(catalog, readings, empty, 110);

  it('covers each of the 110 readings exactly once in one full cycle', () => {
    expect(cycle.map((pick) => pick.reading.key).toSorted()).toEqual(
      readings.map((reading) => reading.key).toSorted(),
    );
    expect(cycle.every((pick) => pick.cycle === 1)).toBe(true);
    expect(cycle.map((pick) => pick.position)).toEqual(readings.map((_, index) => index + 1));
    expect(cycle.every((pick) => pick.total === 110 && pick.sectionCount === 14)).toBe(true);
  });

  it('takes its first picks from sections 1, 2, 3, … 14 in order, the first reading of each', () => {
    expect(cycle.slice(0, 14).map((pick) => pick.sectionIndex)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14,
    ]);
    expect(cycle.slice(0, 14).map((pick) => pick.section)).toEqual(
      catalog.sections.map((section) => section.name),
    );
    expect(cycle.slice(0, 4).map((pick) => pick.reading.key)).toEqual([
      'sgd',
      'batchnorm',
      'convex-neural-networks',
      'curriculum-learning',
    ]);
    // Round two skips "Constrained Optimization for Deep Learning" (section 12): its one paper is done.
    expect(cycle.slice(14, 28).map((pick) => pick.sectionIndex)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 14, 1,
    ]);
  });

  it('never takes two consecutive picks from one section while two sections still have readings left', () => {
    const done = new Set<string>();
    const readingOf = new Map(readings.flatMap((reading) => reading.paperIds.map((id) => [id, reading.key])));
    let previous: Pick | undefined;
    for (const pick of cycle) {
      const sectionsLeft = catalog.sections.filter((section) =>
        section.paperIds.some((id) => !done.has(readingOf.get(id) ?? '')),
      );
      if (previous && sectionsLeft.length >= 2) expect(pick.section).not.toBe(previous.section);
      expect(pick.reading.sections).toContain(pick.section);
      done.add(pick.reading.key);
      previous = pick;
    }
  });

  it('posts SGD, Momentum, RMSProp and "Optimization" once, as one reading naming all four', () => {
    const book = cycle.filter((pick) =>
      pick.reading.paperIds.some((id) => ['sgd', 'momentum', 'rmsprop', 'optimization'].includes(id)),
    );
    expect(book).toHaveLength(1);
    expect(book[0]?.papers.map((paper) => paper.title)).toEqual([
      'SGD',
      'Momentum',
      'RMSProp',
      'Optimization',
    ]);
    expect(book[0]?.section).toBe('Popular Optimization algorithms');
  });

  it('posts ADAM and ADAMAX once, as one reading naming both', () => {
    const adam = cycle.filter((pick) => pick.reading.paperIds.some((id) => id === 'adam' || id === 'adamax'));
    expect(adam).toHaveLength(1);
    expect(adam[0]?.papers.map((paper) => paper.title)).toEqual(['ADAM', 'ADAMAX']);
    expect(adam[0]?.reading.links).toEqual(['https://arxiv.org/abs/1412.6980']);
    expect(adam[0]?.sectionIndex).toBe(1);
  });

  it('starts cycle 2 with every reading again, after the section the first cycle ended in', () => {
    const history = { ...empty, posted: cycle.map(pickToPosted) };
    const next = upcomingPicks(catalog, readings, history, 110);
    expect(next.every((pick) => pick.cycle === 2)).toBe(true);
    expect(next.map((pick) => pick.position)).toEqual(readings.map((_, index) => index + 1));
    expect(next.map((pick) => pick.reading.key).toSorted()).toEqual(
      readings.map((reading) => reading.key).toSorted(),
    );
    const lastIndex = cycle.at(-1)?.sectionIndex ?? 0;
    expect(next[0]?.sectionIndex).toBe((lastIndex % 14) + 1);
    expect(
      nextPick(catalog, readings, { ...empty, posted: [...history.posted, ...next.map(pickToPosted)] })
        ?.cycle,
    ).toBe(3);
  });
});

describe('nextPick on a small list', () => {
  const catalog = listOf(abc);

  it('goes round the sections in list order, skipping sections with nothing left', () => {
    expect(keys(catalog, empty, 6)).toEqual(['a1', 'b1', 'c1', 'a2', 'b2', 'a3']);
  });

  it('reports the section, its position, the cycle and the progress', () => {
    const history = afterPosting(catalog, 3);
    expect(summary(nextPick(catalog, groupReadings(catalog), history))).toEqual({
      key: 'a2',
      section: 'Alpha',
      sectionIndex: 1,
      cycle: 1,
      position: 4,
      total: 6,
      queued: false,
    });
  });

  it('opens a new cycle once every reading was posted, and starts over', () => {
    const history = afterPosting(catalog, 6);
    const picks = upcomingPicks(catalog, groupReadings(catalog), history, 7);
    // Cycle 1 ended in Alpha: cycle 2 continues the round-robin with Beta.
    expect(picks.map((pick) => [pick.reading.key, pick.cycle, pick.position])).toEqual([
      ['b1', 2, 1],
      ['c1', 2, 2],
      ['a1', 2, 3],
      ['b2', 2, 4],
      ['a2', 2, 5],
      ['a3', 2, 6],
      ['b1', 3, 1],
    ]);
  });

  it('takes the current cycle from the largest cycle in the history', () => {
    const posted: PostedItem[] = [
      { paperIds: ['a1'], links: [], section: 'Alpha', cycle: 4 },
      { paperIds: ['b1'], links: [], section: 'Beta', cycle: 3 },
    ];
    expect(summary(nextPick(catalog, groupReadings(catalog), { ...empty, posted }))).toMatchObject({
      key: 'c1',
      cycle: 4,
      position: 2,
    });
  });

  it('is deterministic: the same history gives the same pick', () => {
    const history = afterPosting(catalog, 2);
    expect(keys(catalog, history, 4)).toEqual(keys(catalog, history, 4));
  });

  it('returns undefined for an empty catalog, and no upcoming picks', () => {
    const none = parseCatalog('');
    expect(nextPick(none, groupReadings(none), empty)).toBeUndefined();
    expect(upcomingPicks(none, groupReadings(none), empty, 3)).toEqual([]);
  });

  it('posts a reading listed in two sections once, from the section reached first', () => {
    const twice = listOf({
      One: ['Shared | https://arxiv.org/abs/2101.00001', 'O2 | https://arxiv.org/abs/2101.00002'],
      Two: ['T1 | https://arxiv.org/abs/2102.00001', 'Shared | https://arxiv.org/abs/2101.00001'],
    });
    const picks = upcomingPicks(twice, groupReadings(twice), empty, 4);
    expect(picks.map((pick) => [pick.reading.key, pick.section, pick.cycle])).toEqual([
      ['shared', 'One', 1],
      ['t1', 'Two', 1],
      ['o2', 'One', 1],
      ['t1', 'Two', 2],
    ]);
    expect(picks[0]?.reading.sections).toEqual(['One', 'Two']);
  });

  it('posts papers that share a link as one reading naming both', () => {
    const shared = listOf({
      Optimizers: [
        'ADAM | https://arxiv.org/abs/1412.6980',
        'ADAMAX | https://arxiv.org/pdf/1412.6980v9.pdf',
      ],
      Other: ['Other | https://arxiv.org/abs/1502.03167'],
    });
    const picks = upcomingPicks(shared, groupReadings(shared), empty, 2);
    expect(picks.map((pick) => pick.papers.map((paper) => paper.title))).toEqual([
      ['ADAM', 'ADAMAX'],
      ['Other'],
    ]);
    expect(picks[0]?.total).toBe(2);
  });
});

describe('the queue', () => {
  const catalog = listOf(abc);
  const readings = groupReadings(catalog);

  it('makes the first queued paper the next pick, from its first section', () => {
    const history = { ...afterPosting(catalog, 1), queued: ['c1'] };
    expect(summary(nextPick(catalog, readings, history))).toEqual({
      key: 'c1',
      section: 'Gamma',
      sectionIndex: 3,
      cycle: 1,
      position: 2,
      total: 6,
      queued: true,
    });
  });

  it('ignores unknown ids and papers already posted this cycle; the round-robin goes on as if nothing had been asked for', () => {
    const history = { ...afterPosting(catalog, 1), queued: ['no-such-paper', 'a1', 'b2', 'c1'] };
    const picks = upcomingPicks(catalog, readings, history, 5);
    expect(picks.map((pick) => [pick.reading.key, pick.queued])).toEqual([
      ['b2', true],
      ['c1', true],
      // The round-robin's last own pick was a1 (Alpha): Beta comes next, as it would have, with what is left.
      ['b1', false],
      ['a2', false],
      ['a3', false],
    ]);
  });

  it('asking for a paper of a later section does not make the sections before it wait a round', () => {
    // Without asking: a1 b1 c1 a2 b2 a3. Asking for c1 after a1 inserts it, and Beta still comes next.
    const history = { ...afterPosting(catalog, 1), queued: ['c1'] };
    expect(upcomingPicks(catalog, readings, history, 5).map((pick) => pick.reading.key)).toEqual([
      'c1',
      'b1',
      'a2',
      'b2',
      'a3',
    ]);
  });

  it('takes a queued paper in two sections from its first section', () => {
    const twice = listOf({
      One: ['O1 | https://arxiv.org/abs/2101.00002'],
      Two: ['T1 | https://arxiv.org/abs/2102.00001', 'Shared | https://arxiv.org/abs/2101.00001'],
      Three: ['Shared | https://arxiv.org/abs/2101.00001'],
    });
    const pick = nextPick(twice, groupReadings(twice), { ...empty, queued: ['shared'] });
    expect([pick?.reading.key, pick?.section, pick?.sectionIndex, pick?.queued]).toEqual([
      'shared',
      'Two',
      2,
      true,
    ]);
  });

  it('overrides a skip: asking for a paper brings it back', () => {
    const history: ChannelHistory = {
      posted: [],
      queued: ['b2'],
      skipped: [{ paperIds: ['b2'], links: [], cycle: 1 }],
    };
    expect(nextPick(catalog, readings, history)?.reading.key).toBe('b2');
  });
});

describe('skips', () => {
  const catalog = listOf(abc);
  const skipped = (...ids: string[]) => ids.map((id) => ({ paperIds: [id], links: [], cycle: 1 }));

  it('holds a skipped reading back until nothing else is left in the cycle, and posts it as not asked for', () => {
    const history = { ...afterPosting(catalog, 3), skipped: skipped('a2') };
    expect(
      upcomingPicks(catalog, groupReadings(catalog), history, 3).map((pick) => [
        pick.reading.key,
        pick.section,
        pick.position,
        pick.queued,
      ]),
    ).toEqual([
      ['a3', 'Alpha', 4, false],
      ['b2', 'Beta', 5, false],
      ['a2', 'Alpha', 6, false],
    ]);
  });

  it('brings held-back readings in the order they were skipped', () => {
    const history = { ...afterPosting(catalog, 3), skipped: skipped('b2', 'a2') };
    expect(keys(catalog, history, 3)).toEqual(['a3', 'b2', 'a2']);
    const reversed = { ...afterPosting(catalog, 3), skipped: skipped('a3', 'a2', 'b2') };
    expect(keys(catalog, reversed, 3)).toEqual(['a3', 'a2', 'b2']);
  });

  it('sends a reading skipped again behind the other held-back ones, so that skipping keeps moving', () => {
    const history = { ...afterPosting(catalog, 3), skipped: skipped('a3', 'a2', 'b2', 'a3') };
    expect(keys(catalog, history, 3)).toEqual(['a2', 'b2', 'a3']);
    // The last reading of a round, skipped twice, is still what is left.
    const [remaining = ''] = keys(catalog, afterPosting(catalog, 5), 1);
    const last = { ...afterPosting(catalog, 5), skipped: skipped(remaining, remaining) };
    expect(keys(catalog, last, 1)).toEqual([remaining]);
  });

  it('recognises a skip by link when the paper was renamed since', () => {
    const history = {
      ...afterPosting(catalog, 3),
      skipped: [{ paperIds: ['old-name'], links: ['https://arxiv.org/pdf/2001.00002v3.pdf'], cycle: 1 }],
    };
    expect(keys(catalog, history, 3)).toEqual(['a3', 'b2', 'a2']);
  });

  it('forgets skips of earlier cycles', () => {
    const history = { ...afterPosting(catalog, 6), skipped: skipped('a1') };
    expect(keys(catalog, history, 3)).toEqual(['b1', 'c1', 'a1']);
  });
});

describe('list edits between picks', () => {
  const before = listOf(abc);

  it('ignores a posted paper that was removed from the list, and counts progress on the current list', () => {
    const history = afterPosting(before, 2); // a1, b1
    const after = listOf({ ...abc, Alpha: abc.Alpha.slice(1) });
    const readings = groupReadings(after);
    expect(summary(nextPick(after, readings, history))).toEqual({
      key: 'c1',
      section: 'Gamma',
      sectionIndex: 3,
      cycle: 1,
      position: 2,
      total: 5,
      queued: false,
    });
    expect(keys(after, history, 4)).toEqual(['c1', 'a2', 'b2', 'a3']);
  });

  it('lets a paper added mid-cycle join the current cycle', () => {
    const history = afterPosting(before, 2); // a1, b1
    const after = listOf({
      ...abc,
      Gamma: [...abc.Gamma, 'C2 | https://arxiv.org/abs/2003.00002'],
      Delta: ['D1 | https://arxiv.org/abs/2004.00001'],
    });
    const picks = upcomingPicks(after, groupReadings(after), history, 7);
    expect(picks.map((pick) => [pick.reading.key, pick.cycle])).toEqual([
      ['c1', 1],
      ['d1', 1],
      ['a2', 1],
      ['b2', 1],
      ['c2', 1],
      ['a3', 1],
      ['b1', 2],
    ]);
    expect(picks[0]?.total).toBe(8);
  });

  it('does not repeat a posted paper renamed in the list: its link still matches', () => {
    const history = afterPosting(before, 3); // a1, b1, c1
    const after = listOf({
      ...abc,
      Alpha: ['A one, renamed | https://arxiv.org/pdf/2001.00001v2.pdf', ...abc.Alpha.slice(1)],
    });
    const picks = upcomingPicks(after, groupReadings(after), history, 6);
    expect(picks.map((pick) => [pick.reading.key, pick.cycle])).toEqual([
      ['a2', 1],
      ['b2', 1],
      ['a3', 1],
      ['b1', 2],
      ['c1', 2],
      ['a-one-renamed', 2],
    ]);
  });

  it('continues the round-robin after a renamed section, found by its papers', () => {
    const history = afterPosting(before, 1); // a1 from Alpha
    const after = listOf({ 'Alpha, renamed': abc.Alpha, Beta: abc.Beta, Gamma: abc.Gamma });
    expect(keys(after, history, 3)).toEqual(['b1', 'c1', 'a2']);
  });

  it('continues after a renamed section whose posted paper was renamed too, found by link', () => {
    const history = afterPosting(before, 1);
    const after = listOf({
      'Alpha, renamed': ['A one, renamed | https://arxiv.org/abs/2001.00001', ...abc.Alpha.slice(1)],
      Beta: abc.Beta,
      Gamma: abc.Gamma,
    });
    expect(keys(after, history, 3)).toEqual(['b1', 'c1', 'a2']);
  });

  it('starts from the first section when the last posted item matches nothing any more', () => {
    const posted: PostedItem[] = [
      { paperIds: ['gone'], links: ['https://example.org/gone'], section: 'Gone', cycle: 1 },
    ];
    expect(summary(nextPick(before, groupReadings(before), { ...empty, posted }))).toMatchObject({
      key: 'a1',
      sectionIndex: 1,
      position: 1,
    });
  });

  it('keeps going when a posted paper was removed and every remaining reading is done', () => {
    const history = afterPosting(before, 6);
    const after = listOf({ Beta: abc.Beta });
    expect(keys(after, history, 2)).toEqual(['b1', 'b2']);
    expect(nextPick(after, groupReadings(after), history)?.cycle).toBe(2);
  });
});

describe('pickToPosted', () => {
  it('records the paper ids, identity links, section and cycle of a pick', () => {
    const catalog = parseCatalog(
      '#### Optimizers\n- AdaBound [Link](https://arxiv.org/pdf/1902.09843.pdf) [Github](https://github.com/Luolc/AdaBound)',
    );
    const pick = nextPick(catalog, groupReadings(catalog), empty);
    if (!pick) throw new Error('no pick');
    expect(pickToPosted(pick)).toEqual({
      paperIds: ['adabound'],
      links: ['https://arxiv.org/abs/1902.09843'],
      section: 'Optimizers',
      cycle: 1,
    });
  });
});

describe('outside readings (papers proposed from outside the list)', () => {
  const catalog = listOf(abc);
  const readings = groupReadings(catalog);
  const ours = {
    id: 'outside:4',
    title: 'Our Own Paper',
    url: 'https://example.org/ours.pdf',
    by: 'U0BOB',
    at: new Date('2026-01-05T10:00:00Z'),
  };
  const withOurs: ChannelHistory = { ...empty, outside: [ours] };

  it('are never picked by the round-robin, only from the queue, out of turn and outside every section', () => {
    expect(keys(catalog, withOurs, 6)).toEqual(['a1', 'b1', 'c1', 'a2', 'b2', 'a3']);
    const queued = { ...withOurs, queued: ['outside:4', 'b2'] };
    const pick = nextPick(catalog, readings, queued);
    expect(pick).toMatchObject({
      reading: {
        key: 'outside:4',
        paperIds: ['outside:4'],
        links: ['https://example.org/ours.pdf'],
        sections: [],
      },
      section: '',
      sectionIndex: 0,
      queued: true,
      outside: ours,
      position: 0,
      total: 6,
    });
    expect(pick?.papers.map((paper) => [paper.title, paper.links[0]?.url])).toEqual([
      ['Our Own Paper', 'https://example.org/ours.pdf'],
    ]);
    // Posted out of turn: the round-robin goes on where it was, and the outside reading counts nowhere.
    expect(keys(catalog, queued, 4)).toEqual(['outside:4', 'b2', 'a1', 'b1']);
    expect(keys(catalog, { ...withOurs, queued: ['b2', 'outside:4'] }, 3)).toEqual(['b2', 'outside:4', 'a1']);
    expect(upcomingPicks(catalog, readings, queued, 4).map((item) => item.position)).toEqual([0, 1, 2, 3]);
  });

  it('are never posted twice, in any round, even queued again or proposed again under another id', () => {
    const posted = [
      ...afterPosting(catalog, 6).posted,
      {
        paperIds: ['outside:4'],
        links: ['https://example.org/ours.pdf'],
        section: '',
        cycle: 1,
        queued: true,
      },
    ];
    const again = { ...empty, posted, queued: ['outside:4'], outside: [ours] };
    // A new round starts after the last section posted from (Alpha), without the outside reading.
    expect(nextPick(catalog, readings, again)?.reading.key).toBe('b1');
    expect(nextPick(catalog, readings, again)?.cycle).toBe(2);
    const sameLink = { ...ours, id: 'outside:9', url: 'http://www.example.org/ours.pdf' };
    expect(
      nextPick(catalog, readings, { ...again, queued: ['outside:9'], outside: [sameLink] })?.reading.key,
    ).toBe('b1');
  });

  it('ignore a queued outside id whose proposal is gone', () => {
    expect(nextPick(catalog, readings, { ...empty, queued: ['outside:5', 'b2'] })?.reading.key).toBe('b2');
  });
});

describe('a held-back reading coming back at the end of a round', () => {
  const catalog = listOf(abc);
  const readings = groupReadings(catalog);

  it('is not marked as asked for: it was skipped, not queued', () => {
    const history: ChannelHistory = {
      ...afterPosting(catalog, 5), // a1 b1 c1 a2 b2: a3 is left
      skipped: [{ paperIds: ['a3'], links: [], cycle: 1 }],
    };
    expect(summary(nextPick(catalog, readings, history))).toEqual({
      key: 'a3',
      section: 'Alpha',
      sectionIndex: 1,
      cycle: 1,
      position: 6,
      total: 6,
      queued: false,
    });
  });

  it('comes from the first section after the last post that lists it', () => {
    // Shared is listed in One and Three; the last post came from Two, so it comes from Three.
    const twice = listOf({
      One: ['Shared | https://arxiv.org/abs/2101.00001', 'O2 | https://arxiv.org/abs/2101.00002'],
      Two: ['T1 | https://arxiv.org/abs/2102.00001'],
      Three: ['Shared | https://arxiv.org/abs/2101.00001'],
    });
    const skipped = [{ paperIds: ['shared'], links: [], cycle: 1 }];
    const history: ChannelHistory = {
      posted: [
        { paperIds: ['o2'], links: [], section: 'One', cycle: 1 },
        { paperIds: ['t1'], links: [], section: 'Two', cycle: 1 },
      ],
      queued: [],
      skipped,
    };
    expect(summary(nextPick(twice, groupReadings(twice), history))).toMatchObject({
      key: 'shared',
      section: 'Three',
      sectionIndex: 3,
      queued: false,
    });
    // After a post from Three, the next section that lists it is One.
    const fromThree: ChannelHistory = {
      posted: [
        { paperIds: ['t1'], links: [], section: 'Two', cycle: 1 },
        { paperIds: ['o2'], links: [], section: 'Three', cycle: 1 },
      ],
      queued: [],
      skipped,
    };
    expect(summary(nextPick(twice, groupReadings(twice), fromThree))).toMatchObject({
      key: 'shared',
      section: 'One',
      sectionIndex: 1,
    });
    // After a post from One, the next section (Two) does not list it: Three does.
    const fromOne: ChannelHistory = {
      posted: [
        { paperIds: ['t1'], links: [], section: 'Two', cycle: 1 },
        { paperIds: ['o2'], links: [], section: 'One', cycle: 1 },
      ],
      queued: [],
      skipped,
    };
    expect(summary(nextPick(twice, groupReadings(twice), fromOne))).toMatchObject({
      key: 'shared',
      section: 'Three',
      sectionIndex: 3,
    });
  });

  it('comes in the order of the skips, the latest skip last, even against list order', () => {
    const history: ChannelHistory = {
      ...afterPosting(catalog, 3), // a1 b1 c1
      skipped: [
        { paperIds: ['b2'], links: [], cycle: 1 },
        { paperIds: ['a3'], links: [], cycle: 1 },
        { paperIds: ['a2'], links: [], cycle: 1 },
      ],
    };
    expect(
      upcomingPicks(catalog, readings, history, 3).map((pick) => [
        pick.reading.key,
        pick.section,
        pick.queued,
      ]),
    ).toEqual([
      ['b2', 'Beta', false],
      ['a3', 'Alpha', false],
      ['a2', 'Alpha', false],
    ]);
  });
});

describe('the section the round-robin continues after, when the list changed', () => {
  const before = listOf(abc);

  it('finds a renamed section by the paper ids of the last post, when its links changed too', () => {
    // The stored link no longer matches any reading: only the paper id tells where a1 is.
    const posted: PostedItem[] = [
      { paperIds: ['a1'], links: ['https://example.org/a1-old-link'], section: 'Alpha', cycle: 1 },
    ];
    const after = listOf({ 'Alpha, renamed': abc.Alpha, Beta: abc.Beta, Gamma: abc.Gamma });
    expect(keys(after, { ...empty, posted }, 3)).toEqual(['b1', 'c1', 'a2']);
  });

  it('finds a renamed section by the posted paper id before the sections of its reading', () => {
    // Q joined P's reading (one link) in Alpha; the post named only P, from Beta, since renamed. The
    // section listing P is the reference (the next pick comes from Gamma), not Alpha, the reading's first.
    const posted: PostedItem[] = [{ paperIds: ['p'], links: [], section: 'Beta', cycle: 1 }];
    const after = listOf({
      Alpha: ['Q | https://arxiv.org/abs/2001.00001', 'A2 | https://arxiv.org/abs/2001.00002'],
      'Beta, renamed': ['P | https://arxiv.org/abs/2001.00001', 'B2 | https://arxiv.org/abs/2002.00002'],
      Gamma: ['C1 | https://arxiv.org/abs/2003.00001'],
    });
    expect(summary(nextPick(after, groupReadings(after), { ...empty, posted }))).toMatchObject({
      key: 'c1',
      section: 'Gamma',
    });
  });

  it('prefers the section still called by the posted name over one that lists the paper', () => {
    // a1 moved from Alpha to Gamma; the post was from Beta, which still exists: continue after Beta.
    const posted: PostedItem[] = [{ paperIds: ['a1'], links: [], section: 'Beta', cycle: 1 }];
    const after = listOf({ Alpha: abc.Alpha.slice(1), Beta: abc.Beta, Gamma: [...abc.Gamma, abc.Alpha[0]] });
    expect(summary(nextPick(after, groupReadings(after), { ...empty, posted }))).toMatchObject({
      key: 'c1',
      section: 'Gamma',
    });
  });

  it('continues after the first section when the post came from it, even if its paper moved', () => {
    const posted: PostedItem[] = [{ paperIds: ['c1'], links: [], section: 'Alpha', cycle: 1 }];
    expect(summary(nextPick(before, groupReadings(before), { ...empty, posted }))).toMatchObject({
      key: 'b1',
      section: 'Beta',
    });
  });

  it('finds a renamed section by link when neither its name nor the paper id remains', () => {
    const posted: PostedItem[] = [
      { paperIds: ['old-id'], links: ['https://arxiv.org/abs/2002.00001'], section: 'Old Beta', cycle: 1 },
    ];
    expect(summary(nextPick(before, groupReadings(before), { ...empty, posted }))).toMatchObject({
      key: 'c1',
      section: 'Gamma',
    });
  });
});

describe('the queue, further', () => {
  const catalog = listOf(abc);
  const readings = groupReadings(catalog);

  it('does not ask for a paper again in the next round once it was posted', () => {
    // a3 is asked for and is the last reading of the round. A queued pick is out of turn, so the
    // next round goes on after the last pick in turn (b2, from Beta), not after Alpha.
    const history: ChannelHistory = { ...afterPosting(catalog, 5), queued: ['a3'] };
    expect(
      upcomingPicks(catalog, readings, history, 3).map((pick) => [pick.reading.key, pick.cycle, pick.queued]),
    ).toEqual([
      ['a3', 1, true],
      ['c1', 2, false],
      ['a1', 2, false],
    ]);
  });

  it("takes a queued paper of a shared reading from that paper's own first section", () => {
    // Alias and Main point to one text: the reading is listed in One and Two, Main only in Two.
    const shared = listOf({
      One: ['Alias | https://arxiv.org/abs/2101.00001', 'O2 | https://arxiv.org/abs/2101.00002'],
      Two: ['Main | https://arxiv.org/abs/2101.00001'],
    });
    const pick = nextPick(shared, groupReadings(shared), { ...empty, queued: ['main'] });
    expect([pick?.reading.key, pick?.section, pick?.sectionIndex, pick?.queued]).toEqual([
      'alias',
      'Two',
      2,
      true,
    ]);
  });
});

describe('readings computed before the list changed (a stale cache)', () => {
  // The readings know a1, which the list dropped; the list has d1, which the readings do not know yet.
  const readings = groupReadings(listOf(abc));
  const after = listOf({
    ...abc,
    Alpha: abc.Alpha.slice(1),
    Delta: ['D1 | https://arxiv.org/abs/2004.00001'],
  });

  it('never throws: a paper without a reading waits, a reading without papers comes last, empty', () => {
    const history: ChannelHistory = { ...empty, queued: ['d1', 'a1'] };
    const picks = upcomingPicks(after, readings, history, 7);
    expect(
      picks.map((pick) => [
        pick.reading.key,
        pick.papers.map((paper) => paper.id),
        pick.section,
        pick.queued,
      ]),
    ).toEqual([
      ['a2', ['a2'], 'Alpha', false],
      ['b1', ['b1'], 'Beta', false],
      ['c1', ['c1'], 'Gamma', false],
      ['a3', ['a3'], 'Alpha', false],
      ['b2', ['b2'], 'Beta', false],
      ['a1', [], 'Alpha', false],
      ['b1', ['b1'], 'Beta', false],
    ]);
    expect(picks.map((pick) => pick.cycle)).toEqual([1, 1, 1, 1, 1, 1, 2]);
  });

  it('has no pick when there are no readings at all', () => {
    expect(nextPick(after, [], empty)).toBeUndefined();
  });
});
