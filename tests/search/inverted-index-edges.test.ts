import { describe, expect, it } from 'vitest';
import {
  type CandidateOptions,
  InvertedIndex,
  invertedIndexDefaults,
} from '../../src/search/inverted-index.ts';

// Built inside each test: a mutant that throws while building must fail a test, not the file's collection.
const defaults: CandidateOptions = { limit: 10, minCoverage: 0.55, minExactTerms: 2, minExactCoverage: 0.3 };
/** Candidates as `[doc, score, coverage]`, to four places. */
const found = (index: InvertedIndex, query: string, options: Partial<CandidateOptions> = {}) =>
  index
    .candidates(query, { ...defaults, ...options })
    .map((candidate) => [
      candidate.doc,
      Number(candidate.score.toFixed(4)),
      Number(candidate.coverage.toFixed(4)),
    ]);

describe('the first stage’s defaults', () => {
  it('weighs title 1, description 0.45, section 0.3, URL 0.2, with BM25 k1 1.2 and half length normalisation', () => {
    expect(invertedIndexDefaults).toEqual({
      fieldWeights: { title: 1, description: 0.45, section: 0.3, url: 0.2 },
      concepts: [],
      lengthNormalisation: 0.5,
      k1: 1.2,
    });
  });
});

describe('candidates from each field of a small list', () => {
  const index = () =>
    new InvertedIndex([
      {
        title: 'Sharp minima can generalize',
        description: 'flat regions',
        section: 'Theory',
        url: 'https://arxiv.org/abs/1703.04933',
      },
      {
        title: 'Adam: a method for stochastic optimization',
        section: 'Optimizers',
        url: 'https://example.org/adam-optimizer.pdf',
      },
      {
        title: 'Momentum methods',
        description: ['heavy ball', 'nesterov'],
        section: 'Optimizers',
        url: 'https://example.org/momentum',
      },
      {
        title: 'A very long title about the loss landscape of deep neural networks',
        section: 'Theory',
        url: 'https://example.org/x',
      },
      {
        title: ['Batch normalization', 'BN alt'],
        section: 'Normalization',
        url: 'https://www.example.com/papers/batchnorm.html',
      },
    ]);

  it.each([
    ['sharp minima', [[0, 1.0845, 1]]],
    ['adam', [[1, 0.9809, 1]]],
    ['adam optimizer', [[1, 0.9809, 1]]],
    [
      'optimizers',
      [
        [1, 0.9809, 1],
        [2, 0.3, 1],
      ],
    ],
    [
      'theory',
      [
        [0, 0.3, 1],
        [3, 0.3, 1],
      ],
    ],
    ['minima theory', [[0, 0.7808, 1]]],
    ['nesterov', [[2, 0.45, 1]]],
    ['arxiv', [[0, 0.2, 1]]],
    [
      'example',
      [
        [1, 0.2, 1],
        [2, 0.2, 1],
        [3, 0.2, 1],
        [4, 0.2, 1],
      ],
    ],
    ['batchnorm', [[4, 0.9218, 1]]],
    ['batch norm', [[4, 1.0032, 1]]],
    ['bn', [[4, 1.0845, 1]]],
    ['loss landscape', [[3, 0.7624, 1]]],
    ['loss surface', [[3, 0.7624, 1]]],
    ['sharpp minima', [[0, 0.7906, 0.9]]],
    ['adam kingma', [[1, 0.9809, 1]]],
    ['momentum adam', []],
    ['the of', []],
    ['1703.04933', []],
  ])('"%s" finds %j', (query, expected) => {
    expect(found(index(), query)).toEqual(expected);
  });

  it('leaves filtered-out documents alone, and keeps the best within the limit', () => {
    expect(found(index(), 'minima', { allowed: Uint8Array.from([0, 1, 1, 1, 1]) })).toEqual([]);
    expect(found(index(), 'example', { allowed: Uint8Array.from([1, 0, 1, 0, 1]) })).toEqual([
      [2, 0.2, 1],
      [4, 0.2, 1],
    ]);
    expect(found(index(), 'optimizers', { limit: 1 })).toEqual([[1, 0.9809, 1]]);
  });

  it('measures how much of a query some documents match', () => {
    expect(index().coverage('sharp minima', [0, 1, 3])).toEqual([1, 0, 0]);
    expect(index().coverage('adam kingma', [1])).toEqual([1]);
    expect(index().coverage('the', [0])).toEqual([0]);
    expect(index().coverage('', [0, 1])).toEqual([0, 0]);
  });

  it('names its commonest words, and knows its size', () => {
    expect(index().commonTerms(3)).toEqual(['exampl', 'theori', 'method']);
    expect(index().commonTerms(1)).toEqual(['exampl']);
    expect(index().size).toBe(5);
  });
});

describe('words of a URL', () => {
  const noise =
    'http https www com org net edu pdf html htm abs paper papers file files article articles full proceedings content contents document viewdoc download forum pub record volume anthology abstract pii wp uploads sites default publications camera ready static index php doi rep type'.split(
      ' ',
    );
  const index = () =>
    new InvertedIndex([{ url: `https://example.org/${noise.join('/')}/ab/abc-def` }, { title: 'other' }]);

  it.each(noise)('does not index "%s", which says nothing about a paper', (word) => {
    expect(found(index(), word)).toEqual([]);
  });

  it('indexes the other words of three letters or more one by one, never joined', () => {
    expect(found(index(), 'example')).toEqual([[0, 0.2, 1]]);
    expect(found(index(), 'abc')).toEqual([[0, 0.2, 1]]);
    expect(found(index(), 'def')).toEqual([[0, 0.2, 1]]);
    expect(found(index(), 'ab')).toEqual([]);
    expect(found(index(), 'abcdef')).toEqual([]);
  });
});

describe('scores by title length (BM25) and the best few', () => {
  const titles = [
    'alpha one two three four five six',
    'alpha one two three',
    'alpha one two three four five',
    'alpha',
    'alpha one',
    'alpha one two three four',
  ];
  const index = () => new InvertedIndex(titles.map((title) => ({ title })));

  it('ranks a word in a shorter title higher, and keeps the best within the limit', () => {
    expect(found(index(), 'alpha')).toEqual([
      [3, 0.9348, 1],
      [4, 0.8635, 1],
      [1, 0.7493, 1],
      [5, 0.7027, 1],
      [2, 0.6617, 1],
      [0, 0.6251, 1],
    ]);
    expect(found(index(), 'alpha', { limit: 3 })).toEqual([
      [3, 0.9348, 1],
      [4, 0.8635, 1],
      [1, 0.7493, 1],
    ]);
    expect(found(index(), 'alpha', { limit: 1 })).toEqual([[3, 0.9348, 1]]);
  });

  it('weighs rarer words more', () => {
    expect(found(index(), 'alpha five')).toEqual([
      [2, 0.8724, 1],
      [0, 0.8242, 1],
    ]);
    expect(found(index(), 'alpha six')).toEqual([[0, 0.8302, 1]]);
    expect(found(index(), 'six')).toEqual([[0, 0.8436, 1]]);
  });

  it('takes a document with part of a long query: enough of it, or two exact words and some of it', () => {
    const expected = [
      [0, 0.8387, 1],
      [2, 0.2507, 0.6568],
      [5, 0.073, 0.4274],
    ];
    expect(found(index(), 'alpha one two three four five six zeta')).toEqual(expected);
    expect(found(index(), 'one two three four five six alpha qqqq')).toEqual(expected);
    expect(found(index(), 'alpha one two qqqq rrrr ssss tttt')).toEqual([]);
  });

  it('takes the weights and normalisation asked for', () => {
    const flat = new InvertedIndex(
      [{ title: 'warm restarts' }, { title: 'warmup schedules' }, { title: 'cold starts' }],
      {
        lengthNormalisation: 0,
      },
    );
    expect(found(flat, 'warm')).toEqual([
      [0, 1, 1],
      [1, 0.343, 0.7],
    ]);
    expect(found(flat, 'warmup')).toEqual([[1, 1, 1]]);
    expect(found(flat, 'wrm starts')).toEqual([[2, 1, 1]]);
    expect(found(flat, 'restart')).toEqual([[0, 1, 1]]);
    expect(flat.coverage('warmup cold', [0, 1, 2])).toEqual([0, 0.5, 0.5]);
    expect(flat.coverage('wrm', [0, 1, 2])).toEqual([0, 0, 0]);
    const heavy = new InvertedIndex([{ title: 'x' }, {}], {
      fieldWeights: { title: 2, description: 1, section: 1, url: 1 },
    });
    expect(found(heavy, 'x')).toEqual([[0, 1.5714, 1]]);
    expect(heavy.commonTerms(3)).toEqual([]);
  });

  it('answers nothing on an empty list', () => {
    const empty = new InvertedIndex([]);
    expect(found(empty, 'x')).toEqual([]);
    expect(empty.commonTerms(2)).toEqual([]);
    expect(empty.coverage('x', [])).toEqual([]);
  });
});

describe('words no document uses', () => {
  const index = () =>
    new InvertedIndex([
      { title: 'adam optimizer' },
      { title: 'sharp minima' },
      { title: 'adam and sharp minima' },
    ]);

  it('are left out when at most half the query and the rest is found as written', () => {
    expect(index().unknownWords('sharp minima kingma')).toEqual(['kingma']);
    expect(found(index(), 'sharp minima kingma').map(([doc]) => doc)).toEqual([1, 2]);
    expect(index().unknownWords('adam kingma welling')).toEqual([]);
    expect(found(index(), 'adam kingma welling')).toEqual([]);
    expect(index().unknownWords('adamm kingma')).toEqual([]);
  });

  it('a query of stop words asks for nothing, and stop words add nothing', () => {
    expect(found(index(), 'the')).toEqual([]);
    expect(found(index(), 'adam the').map(([doc]) => doc)).toEqual([0, 2]);
  });

  it('a document with half the query passes only below the coverage asked for', () => {
    expect(found(index(), 'adam minima')).toEqual([[2, 0.88, 1]]);
    expect(found(index(), 'adam minima', { minCoverage: 0.5 }).map(([doc]) => doc)).toEqual([2, 0, 1]);
    expect(found(index(), 'adam minima', { minCoverage: 0.4 })).toEqual([
      [2, 0.88, 1],
      [0, 0.1341, 0.5],
      [1, 0.1341, 0.5],
    ]);
    expect(
      found(index(), 'adam minima', { minCoverage: 0.6, minExactTerms: 1, minExactCoverage: 0.5 }),
    ).toEqual([
      [2, 0.88, 1],
      [0, 0.1341, 0.5],
      [1, 0.1341, 0.5],
    ]);
    expect(
      found(index(), 'adam minima', { minCoverage: 0.6, minExactTerms: 2, minExactCoverage: 0.5 }),
    ).toEqual([[2, 0.88, 1]]);
  });
});

describe('the best few of many candidates', () => {
  // Titles of many lengths, in no order, some of a length twice: scores fall with length and tie.
  const lengths = [5, 1, 3, 3, 7, 2, 1, 6, 4, 2, 5, 0, 3, 8, 4, 1, 6, 0, 2, 7];
  const index = () =>
    new InvertedIndex(lengths.map((pad) => ({ title: ['alpha', ...Array(pad).fill('pad')].join(' ') })));

  it('keeps, for every limit, the first of the whole ranking, ties in list order', () => {
    const all = index().candidates('alpha', { ...defaults, limit: 100 });
    expect(all).toHaveLength(lengths.length);
    const byScore = [...all].sort((a, b) => b.score - a.score || a.doc - b.doc);
    expect(all).toEqual(byScore);
    expect(all.map((candidate) => candidate.doc).slice(0, 6)).toEqual([11, 17, 1, 6, 15, 5]);
    expect(new Set(all.map((candidate) => candidate.score)).size).toBe(9);
    for (let limit = 1; limit <= lengths.length; limit++) {
      expect(index().candidates('alpha', { ...defaults, limit }), `limit ${limit}`).toEqual(
        all.slice(0, limit),
      );
    }
  });

  it('gives a tie to the earlier paper even when a later one was found first', () => {
    // "beta" and "gamma" are as rare as each other: "beta" is read first, as typed, and finds papers 2 and 3.
    const index = new InvertedIndex([
      { title: 'gamma' },
      { title: 'gamma' },
      { title: 'beta' },
      { title: 'beta' },
    ]);
    const half = { minCoverage: 0.5 };
    expect(found(index, 'beta gamma', { ...half, limit: 1 })).toEqual([[0, 0.125, 0.5]]);
    expect(found(index, 'beta gamma', { ...half, limit: 3 }).map(([doc]) => doc)).toEqual([0, 1, 2]);
  });
});

describe('coverage of long posting lists', () => {
  it('finds by binary search which of many papers hold a word', () => {
    const index = new InvertedIndex(
      Array.from({ length: 41 }, (_, doc) => ({ title: doc % 3 === 0 ? 'alpha' : 'beta' })),
    );
    const docs = Array.from({ length: 41 }, (_, doc) => doc);
    expect(index.coverage('alpha', docs)).toEqual(docs.map((doc) => (doc % 3 === 0 ? 1 : 0)));
    expect(index.coverage('beta', [...docs].reverse())).toEqual(
      [...docs].reverse().map((doc) => (doc % 3 === 0 ? 0 : 1)),
    );
  });

  it('counts the best match a paper holds, not the last', () => {
    const index = new InvertedIndex([{ title: 'warm warmup' }, { title: 'warmup' }, { title: 'cold' }]);
    expect(index.coverage('warm', [0, 1, 2])).toEqual([1, 0.7, 0]);
  });
});

describe('the rarest words first', () => {
  it('finds the paper of a rare word typed after a word most papers use', () => {
    const docs = [...Array.from({ length: 60 }, () => ({ title: 'common pad' })), { title: 'rare pad' }];
    const index = new InvertedIndex(docs);
    expect(found(index, 'common rare', { limit: 1 })).toEqual([[60, 0.9235, 0.9738]]);
  });

  it('adds every paper a word reaches, even when other words reached all the others first', () => {
    const index = new InvertedIndex([{ title: 'alpha beta' }, { title: 'alpha beta' }, { title: 'beta' }]);
    expect(found(index, 'alpha beta', { minCoverage: 0.01 }).map(([doc]) => doc)).toEqual([0, 1, 2]);
  });

  it('reads no more than 32 words of a query', () => {
    const words = Array.from(
      { length: 40 },
      (_, at) => `zq${String.fromCharCode(97 + Math.floor(at / 26))}${String.fromCharCode(97 + (at % 26))}k`,
    );
    const index = new InvertedIndex([
      { title: words.slice(0, 32).join(' ') },
      { title: words.slice(32).join(' ') },
    ]);
    expect(found(index, words.join(' '))).toEqual([[0, 0.8594, 1]]);
  });
});

describe('how a word as typed counts against longer words that start with it', () => {
  const index = () =>
    new InvertedIndex([{ title: 'warm restarts' }, { title: 'warm starts' }, { title: 'warmup schedules' }], {
      lengthNormalisation: 0,
    });

  it('weighs the longer, rarer word no more than the word typed', () => {
    expect(found(index(), 'warm')).toEqual([
      [0, 1, 1],
      [1, 1, 1],
      [2, 0.343, 0.7],
    ]);
  });

  it('leaves out an unknown word only when every other word is found as typed', () => {
    expect(index().unknownWords('warm kingma')).toEqual(['kingma']);
    expect(index().unknownWords('warmm restarts kingma')).toEqual([]);
  });

  it('weighs a misspelt word by the rarest word it may stand for', () => {
    expect(found(index(), 'warmupp restarts', { minCoverage: 0.1 })).toEqual([
      [0, 0.4376, 0.8188],
      [2, 0.064, 0.4],
      [1, 0.0155, 0.3187],
    ]);
  });
});

describe('words no document uses, when kept', () => {
  it('weigh as much as the rarest word of the list', () => {
    const index = new InvertedIndex([
      { title: 'adam optimizer' },
      { title: 'sharp minima' },
      { title: 'adam and sharp minima' },
    ]);
    expect(found(index, 'sharp kingma welling', { minCoverage: 0.1 })).toEqual([
      [1, 0.0077, 0.1933],
      [2, 0.0064, 0.1933],
    ]);
  });
});

describe('what a title holds besides letters', () => {
  it('keeps words with digits, and counts a title’s words however it is spaced', () => {
    const index = new InvertedIndex([
      { title: 'L2 regularization' },
      { title: '  alpha  ' },
      { title: 'alpha beta' },
    ]);
    expect(found(index, 'l2')).toEqual([[0, 0.9483, 1]]);
    expect(found(index, 'alpha')).toEqual([
      [1, 1.1224, 1],
      [2, 0.9483, 1],
    ]);
  });

  it('names as common words only words of letters', () => {
    const index = new InvertedIndex([
      { title: 'resnet50 x' },
      { title: 'resnet50 y' },
      { title: '50resnet z' },
      { title: '50resnet w' },
      { title: 'alphabet' },
    ]);
    expect(index.commonTerms(3)).toEqual(['alphabet']);
  });
});

describe('a list’s concepts', () => {
  it('are found from a compound as written and from its parts', () => {
    const index = new InvertedIndex([{ title: 'Multi-step warm-up' }, { title: 'other' }], {
      concepts: [
        { names: ['gradual'], members: ['multi-step warm-up'] },
        { names: ['piecewise'], members: ['multistep'] },
      ],
    });
    expect(found(index, 'gradual').map(([doc]) => doc)).toEqual([0]);
    expect(found(index, 'piecewise').map(([doc]) => doc)).toEqual([0]);
  });
});

describe('documents turned away once the rarer words found many', () => {
  // "alpha" (60 papers) is rarer than "beta" and "gamma" (70 papers each), and no paper holds all three.
  const index = () =>
    new InvertedIndex([
      ...Array.from({ length: 60 }, () => ({ title: 'alpha' })),
      ...Array.from({ length: 70 }, () => ({ title: 'beta gamma' })),
    ]);

  it('are read after all when too few of those kept match enough', () => {
    // A limit of 1 stops new papers after 50: "alpha" alone touched 60, none holding enough.
    expect(found(index(), 'alpha beta gamma', { limit: 1 })).toEqual([[60, 0.216, 0.616]]);
    expect(found(index(), 'alpha beta gamma', { limit: 100 })).toHaveLength(70);
  });

  it('are not needed when enough of those kept match', () => {
    expect(found(index(), 'alpha', { limit: 1 })).toEqual([[0, 1.1055, 1]]);
  });
});

describe('one word matching a paper twice', () => {
  it('touches the paper once, and misses none of the papers after it', () => {
    const index = new InvertedIndex([
      { title: 'warm warmup' },
      { title: 'warm warmup' },
      { title: 'warmup' },
      { title: 'warmup' },
    ]);
    expect(found(index, 'warm').map(([doc]) => doc)).toEqual([0, 1, 2, 3]);
  });
});

describe('two exact words, or enough of the query', () => {
  it('a paper matching two words only as misspelt is not taken for a paper matching them as typed', () => {
    const index = new InvertedIndex([{ title: 'alpha beta' }, { title: 'gamma delta' }]);
    expect(found(index, 'alphaa betaa gamma delta').map(([doc, , coverage]) => [doc, coverage])).toEqual([
      [1, 0.5],
    ]);
  });

  it('weighs a misspelt word by the words it may stand for, common ones too', () => {
    const index = new InvertedIndex([
      { title: 'warm restarts' },
      { title: 'warm starts' },
      { title: 'cold' },
    ]);
    expect(found(index, 'warmm cold', { minCoverage: 0.1 })).toEqual([
      [2, 0.3468, 0.676],
      [0, 0.0165, 0.2592],
      [1, 0.0165, 0.2592],
    ]);
  });
});

describe('more of the best few', () => {
  it('turns away a lower score however early its paper, once the few are full', () => {
    // Read in the order 2, 3, 0, 1; paper 1's longer title scores less than the others.
    const index = new InvertedIndex([
      { title: 'gamma' },
      { title: 'gamma pad' },
      { title: 'beta' },
      { title: 'beta' },
    ]);
    expect(found(index, 'beta gamma', { minCoverage: 0.5, limit: 2 }).map(([doc]) => doc)).toEqual([0, 2]);
  });

  it('takes two exact words only with some of the query besides', () => {
    const words = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel'];
    const index = new InvertedIndex([
      { title: words.slice(0, 2).join(' ') },
      { title: words.slice(2).join(' ') },
    ]);
    expect(found(index, words.join(' ')).map(([doc, , coverage]) => [doc, coverage])).toEqual([[1, 0.75]]);
  });

  it('reads a compound of a query as its parts, not as one more word', () => {
    const index = new InvertedIndex([{ title: 'multi task' }, { title: 'multitask' }]);
    expect(found(index, 'multi-task').map(([doc, , coverage]) => [doc, coverage])).toEqual([[0, 1]]);
  });

  it('counts no word in a title of spaces', () => {
    const index = new InvertedIndex([{ title: 'alpha' }, { title: '   ' }]);
    expect(found(index, 'alpha')).toEqual([[0, 0.7857, 1]]);
  });
});
