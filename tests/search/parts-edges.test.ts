import { describe, expect, it } from 'vitest';
import { rankParts } from '../../src/search/parts.ts';
import { type Ranked, Ranker } from '../../src/search/ranker.ts';
import { optimizerDocs } from '../support/search-docs.ts';

// Built inside each test: a mutant that throws while building must fail a test, not the file's collection.
const ranker = () => new Ranker(optimizerDocs);
const answer = (parts: string[], limit = 5, allowed?: Uint8Array, whole?: readonly Ranked[]) =>
  rankParts(ranker(), parts, { allowed, limit, ...(whole ? { whole } : {}) });

describe('a question in several parts', () => {
  it('puts each part’s best in turn, ties to the part named first, scores falling', () => {
    expect(answer(['adam', 'rmsprop'])).toEqual({
      hits: [
        { doc: 4, score: 0.5, matched: ['adam'] },
        { doc: 2, score: 0.5, matched: ['rmsprop'] },
        { doc: 0, score: 0.449, matched: ['adam'] },
        { doc: 1, score: 0.424, matched: ['adam'] },
      ],
      unmatched: [],
    });
    expect(answer(['rmsprop', 'adam']).hits.map((hit) => hit.doc)).toEqual([2, 4, 0, 1]);
  });

  it('puts the papers that hold every part first, their score undivided', () => {
    expect(answer(['adam', 'momentum'])).toEqual({
      hits: [
        { doc: 4, score: 1, matched: ['adam', 'momentum'] },
        { doc: 0, score: 0.449, matched: ['adam'] },
        { doc: 1, score: 0.424, matched: ['adam'] },
      ],
      unmatched: [],
    });
    expect(answer(['adam', 'sharp', 'momentum'])).toEqual({
      hits: [
        { doc: 4, score: 0.667, matched: ['adam', 'momentum'] },
        { doc: 3, score: 0.333, matched: ['sharp'] },
        { doc: 0, score: 0.299, matched: ['adam'] },
        { doc: 5, score: 0.129, matched: ['sharp'] },
        { doc: 1, score: 0.129, matched: ['adam'] },
      ],
      unmatched: [],
    });
    expect(answer(['minima', 'theory'])).toEqual({
      hits: [
        { doc: 3, score: 1, matched: ['minima', 'theory'] },
        { doc: 5, score: 0.371, matched: ['minima', 'theory'] },
      ],
      unmatched: [],
    });
  });

  it('keeps the whole question’s ranking when enough papers hold every part', () => {
    expect(answer(['adam', 'momentum'], 1)).toEqual({
      hits: [{ doc: 4, score: 0.798, matched: ['adam', 'momentum'] }],
      unmatched: [],
    });
    expect(answer(['minima', 'theory'], 1)).toEqual({
      hits: [
        { doc: 3, score: 0.501, matched: ['minima', 'theory'] },
        { doc: 5, score: 0.279, matched: ['minima', 'theory'] },
      ],
      unmatched: [],
    });
    expect(answer(['optimizers', 'adam'], 2)).toEqual({
      hits: [
        { doc: 0, score: 0.678, matched: ['optimizers', 'adam'] },
        { doc: 4, score: 0.551, matched: ['optimizers', 'adam'] },
        { doc: 1, score: 0.46, matched: ['optimizers', 'adam'] },
      ],
      unmatched: [],
    });
  });

  it('uses the whole ranking it is given instead of ranking again', () => {
    const whole = [
      { doc: 0, score: 0.9 },
      { doc: 4, score: 0.8 },
    ];
    expect(answer(['adam', 'momentum'], 1, undefined, whole)).toEqual({
      hits: [{ doc: 4, score: 0.8, matched: ['adam', 'momentum'] }],
      unmatched: [],
    });
    expect(answer(['adam', 'momentum'], 5, undefined, []).hits.map((hit) => hit.doc)).toEqual([4, 0, 1]);
  });

  it('names the parts no paper matches, and finds nothing when none matches', () => {
    expect(answer(['adam', 'banana'])).toEqual({
      hits: [
        { doc: 4, score: 0.5, matched: ['adam'] },
        { doc: 0, score: 0.449, matched: ['adam'] },
        { doc: 1, score: 0.424, matched: ['adam'] },
      ],
      unmatched: ['banana'],
    });
    expect(answer(['banana', 'kiwi'])).toEqual({ hits: [], unmatched: ['banana', 'kiwi'] });
  });

  it('orders a turn by the best score, and keeps to the allowed papers', () => {
    expect(answer(['stochastic', 'theory'])).toEqual({
      hits: [
        { doc: 0, score: 0.449, matched: ['stochastic'] },
        { doc: 5, score: 0.112, matched: ['theory'] },
        { doc: 3, score: 0.106, matched: ['theory'] },
      ],
      unmatched: [],
    });
    expect(answer(['adam', 'momentum'], 5, Uint8Array.from([0, 1, 1, 1, 1, 1]))).toEqual({
      hits: [
        { doc: 4, score: 1, matched: ['adam', 'momentum'] },
        { doc: 1, score: 0.424, matched: ['adam'] },
      ],
      unmatched: [],
    });
  });

  it('puts every paper holding all parts before any holding one, each listing its parts in the order asked', () => {
    const hits = (parts: string[]) =>
      answer(parts).hits.map((hit) => [hit.doc, hit.score, (hit.matched ?? []).join(' + ')]);
    expect(hits(['adam', 'optimizers'])).toEqual([
      [4, 1, 'adam + optimizers'],
      [0, 0.898, 'adam + optimizers'],
      [1, 0.847, 'adam + optimizers'],
      [2, 0.109, 'optimizers'],
    ]);
    expect(hits(['optimizers', 'adam'])).toEqual([
      [4, 1, 'optimizers + adam'],
      [0, 0.898, 'optimizers + adam'],
      [1, 0.847, 'optimizers + adam'],
      [2, 0.109, 'optimizers'],
    ]);
    expect(hits(['theory', 'adam'])).toEqual([
      [4, 0.5, 'adam'],
      [5, 0.112, 'theory'],
      [0, 0.112, 'adam'],
      [3, 0.106, 'theory'],
      [1, 0.106, 'adam'],
    ]);
    expect(hits(['minima', 'optimizers'])).toEqual([
      [3, 0.5, 'minima'],
      [0, 0.357, 'optimizers'],
      [5, 0.186, 'minima'],
      [2, 0.109, 'optimizers'],
      [4, 0.105, 'optimizers'],
      [1, 0.103, 'optimizers'],
    ]);
    expect(hits(['landscape', 'sharp'])).toEqual([
      [5, 1, 'landscape + sharp'],
      [3, 0.5, 'sharp'],
    ]);
  });
});

describe('a part held below its own ranking’s cut', () => {
  it('still counts for a paper that holds it, however weakly (a word of its URL)', () => {
    const ranker = new Ranker([{ title: 'Adam' }, { title: 'Momentum', url: 'https://x.org/adam' }]);
    expect(rankParts(ranker, ['adam', 'momentum'], { allowed: undefined, limit: 5 })).toEqual({
      hits: [
        { doc: 1, score: expect.any(Number), matched: ['adam', 'momentum'] },
        { doc: 0, score: 0.5, matched: ['adam'] },
      ],
      unmatched: [],
    });
  });

  it('ranks ten papers per part even when one result is asked for', () => {
    expect(answer(['adam', 'rmsprop'], 1).hits.map((hit) => hit.doc)).toEqual([4, 2, 0, 1]);
  });

  it('breaks a full tie by list order', () => {
    const twins = new Ranker([{ title: 'Zeta' }, { title: 'Adam' }, { title: 'Adam' }]);
    expect(
      rankParts(twins, ['adam', 'zeta'], { allowed: undefined, limit: 5 }).hits.map((hit) => hit.doc),
    ).toEqual([1, 0, 2]);
  });
});

describe('ties between papers found by different parts', () => {
  const build = () =>
    new Ranker([{ title: 'Beta gamma' }, { title: 'Alpha gamma' }, { title: 'Alpha beta' }]);

  it('go to the paper holding the part named first, whatever else it holds', () => {
    const hits = rankParts(build(), ['alpha', 'beta', 'gamma'], {
      allowed: Uint8Array.from([1, 1, 0]),
      limit: 5,
    });
    expect(hits.hits.map((hit) => [hit.doc, hit.matched])).toEqual([
      [1, ['alpha', 'gamma']],
      [0, ['beta', 'gamma']],
    ]);
  });

  it('then to the paper first in the list, in whatever order the whole question ranked them', () => {
    const whole = [
      { doc: 2, score: 0.5 },
      { doc: 1, score: 0.5 },
    ];
    const hits = rankParts(build(), ['alpha', 'beta', 'gamma'], {
      allowed: Uint8Array.from([0, 1, 1]),
      limit: 5,
      whole,
    });
    expect(hits.hits.map((hit) => [hit.doc, hit.matched])).toEqual([
      [1, ['alpha', 'gamma']],
      [2, ['alpha', 'beta']],
    ]);
  });

  it('leave out a paper of the whole ranking that holds no part', () => {
    const whole = [
      { doc: 3, score: 0.9 },
      { doc: 4, score: 0.8 },
    ];
    expect(answer(['adam', 'momentum'], 5, undefined, whole)).toEqual({
      hits: [
        { doc: 4, score: 1, matched: ['adam', 'momentum'] },
        { doc: 0, score: 0.449, matched: ['adam'] },
        { doc: 1, score: 0.424, matched: ['adam'] },
      ],
      unmatched: [],
    });
  });
});

describe('a part found by its own ranking', () => {
  it('counts for a paper that ranking found through two exact words, below the share a paper must hold', () => {
    const ranker = new Ranker([{ title: 'Alpha beta' }, { title: 'Gamma delta epsilon' }, { title: 'Zeta' }]);
    const long = 'alpha beta gamma delta epsilon';
    expect(ranker.coverage(long, [0, 1]).map((share) => share.toFixed(2))).toEqual(['0.40', '0.60']);
    expect(
      rankParts(ranker, [long, 'zeta'], { allowed: undefined, limit: 5 }).hits.map((hit) => [
        hit.doc,
        hit.matched,
      ]),
    ).toEqual([
      [2, ['zeta']],
      [1, [long]],
      [0, [long]],
    ]);
  });
});
