import { describe, expect, it } from 'vitest';
import { Ranker, rankerDefaults } from '../../src/search/ranker.ts';
import { optimizerDocs } from '../support/search-docs.ts';

// Built inside each test: a mutant that throws while building must fail a test, not the file's collection.
const ranker = () => new Ranker(optimizerDocs);
const ranked = (query: string, options = {}) =>
  ranker()
    .rank(query, options)
    .map((hit) => [hit.doc, hit.score]);

describe('the ranking’s knobs', () => {
  it('has these defaults', () => {
    expect(rankerDefaults).toEqual({
      candidates: 40,
      minCoverage: 0.55,
      minExactTerms: 2,
      minExactCoverage: 0.3,
      fuseWeight: 0.35,
      relativeCutoff: 0.25,
      suggestionCoverage: 0.3,
    });
  });
});

describe('ranking a small list', () => {
  it.each([
    [
      'adam',
      [
        [4, 1],
        [0, 0.898],
        [1, 0.847],
      ],
    ],
    [
      'sharp minima',
      [
        [3, 1],
        [5, 0.328],
      ],
    ],
    ['rmsprop', [[2, 1]]],
    ['adam rmsprop', [[2, 0.281]]],
    ['banana', []],
    ['landscape sharp', [[5, 0.619]]],
    [
      'optimizers',
      [
        [0, 0.714],
        [2, 0.218],
        [4, 0.21],
        [1, 0.206],
      ],
    ],
    [
      'theory',
      [
        [5, 0.224],
        [3, 0.212],
      ],
    ],
    [
      'minima theory',
      [
        [3, 0.501],
        [5, 0.279],
      ],
    ],
    [
      'optimizers adam',
      [
        [0, 0.678],
        [4, 0.551],
        [1, 0.46],
      ],
    ],
    ['stochastic optimization', [[0, 0.898]]],
  ])('"%s" ranks %j', (query, expected) => {
    expect(ranked(query)).toEqual(expected);
  });

  it('orders only the candidates asked for, among the allowed documents', () => {
    expect(ranked('adam', { candidates: 1 })).toEqual([[4, 1]]);
    expect(ranked('minima', { allowed: Uint8Array.from([1, 1, 1, 0, 1, 1]) })).toEqual([[5, 0.371]]);
  });

  it('measures coverage and names the unknown words as the index does', () => {
    expect(
      ranker()
        .coverage('adam rmsprop', [0, 2, 4])
        .map((value) => Number(value.toFixed(4))),
    ).toEqual([0.3103, 0.6897, 0.3103]);
    expect(ranker().unknownWords('adam kingma')).toEqual(['kingma']);
  });
});

describe('the order of a ranking', () => {
  const titled = () =>
    new Ranker([
      { title: 'alpha beta gamma delta epsilon zeta eta theta iota kappa lambda' },
      { title: 'alpha' },
      { title: ['Alpha beta', 'x'] },
      { title: 'zzz', description: ['alpha desc'] },
      { title: 'yyy', url: 'https://x.org/alpha' },
    ]);
  const order = (query: string, options = {}) =>
    titled()
      .rank(query, options)
      .map((hit) => [hit.doc, hit.score]);

  it('compares the query with the first title, and leaves out what scores below a quarter of the best', () => {
    expect(order('alpha')).toEqual([
      [1, 1],
      [2, 0.894],
      [0, 0.508],
      [3, 0.326],
    ]);
    expect(order('alpha beta')).toEqual([
      [2, 1],
      [0, 0.577],
    ]);
    expect(order('alpha', { minCoverage: 0.1, candidates: 2 })).toEqual([
      [1, 1],
      [2, 0.894],
    ]);
  });

  it('finds nothing in an empty list, nor for a query of stop words', () => {
    expect(new Ranker([]).rank('x')).toEqual([]);
    expect(new Ranker([{ title: 'a' }]).rank('a')).toEqual([]);
  });
});
