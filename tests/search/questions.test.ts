import { describe, expect, it } from 'vitest';
import { createSearch } from '../../src/search/search.ts';
import { shippedCatalog } from '../support/shipped.ts';

const search = createSearch(shippedCatalog());
const ids = (query: string, limit = 5) => search.search(query, { limit }).map((hit) => hit.paper.id);
const adaptive = ['adam', 'adagrad', 'rmsprop', 'adabound', 'nadam', 'adamax'];

describe('two or more methods in one question', () => {
  it('When no paper holds "sgd momentum" it answers with the best for each word, saying which each matched', () => {
    const found = search.answer('sgd momentum');
    expect(found.parts).toEqual(['sgd', 'momentum']);
    expect(found.hits.slice(0, 2).map((hit) => [hit.paper.id, hit.matched])).toEqual([
      ['sgd', ['sgd']],
      ['momentum', ['momentum']],
    ]);
    for (const hit of found.hits) expect(hit.matched).toHaveLength(1);
  });

  it.each([
    'adam vs rmsprop',
    'adam VS rmsprop',
    'adam vs. rmsprop',
    'adam versus rmsprop',
    'adam and rmsprop',
    'adam or rmsprop',
    'adam compared to rmsprop',
    'adam compared with rmsprop',
    'adam & rmsprop',
    'adam/rmsprop',
    'adam / rmsprop',
    'adam, rmsprop',
  ])('When asked "%s" the connector is no word to match: ADAM, then RMSProp', (query) => {
    const found = search.answer(query);
    expect(found.parts).toEqual(['adam', 'rmsprop']);
    expect(found.hits.slice(0, 2).map((hit) => [hit.paper.id, hit.matched])).toEqual([
      ['adam', ['adam']],
      ['rmsprop', ['rmsprop']],
    ]);
  });

  it('names the parts in the order asked: "rmsprop vs adam" shows RMSProp first', () => {
    expect(ids('rmsprop vs adam').slice(0, 2)).toEqual(['rmsprop', 'adam']);
  });

  it('returns a paper for each of three methods before a second paper of any', () => {
    expect(ids('sgd, adam and adagrad', 3).sort()).toEqual(['adagrad', 'adam', 'sgd']);
  });

  it('answers eight methods in one question, a paper for each in the first eight', () => {
    const methods = ['sgd', 'momentum', 'rmsprop', 'adagrad', 'adam', 'adabound', 'adamax', 'nadam'];
    expect(ids(methods.join(', '), 8).sort()).toEqual([...methods].sort());
    // Past eight, the last part takes the rest of the words: none is dropped.
    expect(search.answer(`${methods.join(' vs ')} vs batchnorm`).parts.at(-1)).toBe('nadam batchnorm');
  });

  it('puts papers that hold the whole question first, matching every part', () => {
    const found = search.answer('curriculum and reinforcement learning');
    const [first] = found.hits;
    expect(found.parts).toEqual(['curriculum', 'reinforcement learning']);
    expect(first?.matched).toEqual(['curriculum', 'reinforcement learning']);
    expect(first?.paper.title).toMatch(/curriculum/i);
    expect(first?.paper.title).toMatch(/reinforcement learning|\bRL\b/i);
  });

  it('keeps a title that says "and" whole: its paper holds every part', () => {
    expect(ids('learning and development in neural networks')[0]).toBe(
      'learning-and-development-in-neural-networks-the-importance-of-starting-small',
    );
  });

  it('says which part found nothing, and answers the others', () => {
    const found = search.answer('adam vs zzqxv');
    expect(found.unmatched).toEqual(['zzqxv']);
    expect(found.hits.map((hit) => hit.paper.id)).toEqual(['adam', 'adamax']);
  });

  it.each(['deep banana bread', 'banana vs zzqxv', 'zzqxv and qqxzz'])(
    'still finds nothing for nonsense in parts ("%s")',
    (query) => {
      expect(search.search(query)).toEqual([]);
    },
  );

  it('scores follow the order, in (0, 1]', () => {
    const hits = search.search('momentum vs nesterov vs adam', { limit: 10 });
    expect(hits.map((hit) => hit.paper.id).slice(0, 2)).toEqual(['momentum', 'adam']);
    for (const [index, hit] of hits.entries()) {
      expect(hit.score).toBeGreaterThan(0);
      expect(hit.score).toBeLessThanOrEqual(index === 0 ? 1 : (hits[index - 1]?.score ?? 1));
    }
  });
});

describe('concepts of the field (the thesaurus)', () => {
  it('When searching for "adaptive learning rate" the top 5 are adaptive methods', () => {
    const found = ids('adaptive learning rate');
    expect(found).toHaveLength(5);
    for (const id of found) expect(adaptive).toContain(id);
  });

  it('a member reaches the concept, not the other members: "adam" does not find RMSProp', () => {
    expect(ids('adam', 10)).toEqual(['adam', 'adamax']);
  });

  it.each(['loss surface', 'loss landscape'])('"%s" finds the loss-surface papers, both names', (query) => {
    expect(ids(query, 3).sort()).toEqual([
      'the-loss-surface-of-deep-linear-networks-viewed-through-the-algebraic-geometry',
      'the-loss-surfaces-of-multilayer-networks',
      'visualizing-the-loss-landscape-of-neural-nets',
    ]);
  });

  it('"flat minima" reaches the sharp-vs-flat papers, the one that says "sharp minima" included', () => {
    expect(ids('flat minima', 4).sort()).toEqual([
      'a-reparameterization-invariant-flatness-measure-for-deep-neural-networks',
      'asymmetric-valleys-beyond-sharp-and-flat-local-minima',
      'sharp-minima-can-generalize-for-deep-nets',
      'the-generalization-mystery-sharp-vs-flat-minima',
    ]);
  });

  it('"generalization gap" reaches generalization papers, not the paper that bridges a gap', () => {
    const found = ids('generalization gap');
    expect(found[0]).toBe('generalization-error-in-deep-learning');
    expect(found).toContain('understanding-deep-learning-requires-rethinking-generalization');
    expect(found).not.toContain('equilibrium-propagation-bridging-the-gap-between-energy-based-models-and');
  });

  it('"generalization" is not "generation" (Porter stems both to "gener")', () => {
    expect(ids('generalization', 20)).not.toContain(
      'object-oriented-curriculum-generation-for-reinforcement-learning',
    );
    expect(ids('curriculum generation')[0]).toBe(
      'object-oriented-curriculum-generation-for-reinforcement-learning',
    );
  });

  it('a longer word that starts with the typed one is worth no more: "warm start" finds continuation first', () => {
    expect(ids('warm start', 2)).toEqual([
      'hashnet-deep-learning-to-hash-by-continuation',
      'convergence-analysis-of-homotopy-sgd-for-non-convex-optimization',
    ]);
  });

  it('"nesterov", a word no title uses, finds the momentum papers', () => {
    expect(ids('nesterov').sort()).toEqual([
      'momentum',
      'on-the-importance-of-initialization-and-momentum-in-deep-learning',
      'why-momentum-really-works',
    ]);
  });
});

describe('years', () => {
  it('"sharp minima 2017" finds the sharp-minima paper of 2017 only', () => {
    const found = search.answer('sharp minima 2017');
    expect(found.years).toEqual([2017]);
    expect(found.words).toBe('sharp minima');
    expect(found.hits.map((hit) => hit.paper.id)).toEqual(['sharp-minima-can-generalize-for-deep-nets']);
  });

  it('"2019" alone lists the papers of 2019 in list order, and counts them', () => {
    const found = search.answer('2019', { limit: 50 });
    expect(found.filtered).toBe(18);
    expect(found.hits).toHaveLength(18);
    expect(found.hits.every((hit) => hit.paper.year === 2019 && hit.score === 1)).toBe(true);
    expect(found.hits[0]?.paper.id).toBe('adabound');
  });

  it('a year anywhere in the query; a range; no paper of that year is no answer', () => {
    expect(ids('2015 batch normalization')).toEqual(['batchnorm']);
    expect(search.answer('curriculum 2018-2019').years).toEqual([2018, 2019]);
    for (const hit of search.search('curriculum 2018-2019', { limit: 50 }))
      expect([2018, 2019]).toContain(hit.paper.year);
    expect(search.search('batch normalization 2016')).toEqual([]);
  });

  it('no paper of that year matches: the papers whose year the list does not show, and says so', () => {
    const found = search.answer('weight norm 2016');
    expect(found.undated).toBe(true);
    expect(found.hits[0]?.paper.id).toBe('weight-norm');
    for (const hit of found.hits) expect(hit.paper.year).toBeUndefined();
    // A paper whose year the list shows, and it is another, is not offered: BatchNorm is of 2015.
    expect(search.answer('sharp minima 2017').undated).toBeUndefined();
  });

  it('an arXiv id is not a year: "2003.04960" finds its paper', () => {
    const found = search.answer('2003.04960');
    expect(found.years).toEqual([]);
    expect(found.hits.map((hit) => hit.paper.id)).toEqual([
      'curriculum-learning-for-reinforcement-learning-domains-a-framework-and-survey',
    ]);
  });

  it('text searched literally (a title, for related papers) reads no year, filter or connector', () => {
    expect(ids('curriculum learning 2009')).toEqual(['curriculum-learning']);
    const literal = search.answer('curriculum learning 2009 and section:tutorials', { literal: true });
    expect([literal.years, literal.sections, literal.parts]).toEqual([[], [], []]);
    expect(literal.hits.length).toBeGreaterThan(1);
  });
});

describe('section filters', () => {
  const curriculum = [
    'Continuation Methods and Curriculum Learning',
    'Multi-Task Learning with curricula',
    'Reinforcement Learning and Curriculum',
  ];

  it('"section:curriculum warm" searches "warm" in every curriculum section', () => {
    const found = search.answer('section:curriculum warm');
    expect(found.sections.map((section) => section.name)).toEqual(curriculum);
    expect(found.words).toBe('warm');
    expect(found.hits.length).toBeGreaterThan(0);
    for (const hit of found.hits)
      expect(hit.paper.sections.some((name) => curriculum.includes(name))).toBe(true);
    expect(found.hits[0]?.paper.id).toBe('hashnet-deep-learning-to-hash-by-continuation');
  });

  it('a quoted name of several words, curly quotes, a number, the filter anywhere', () => {
    const sharp = 'Poor Local Minima? and Sharp Minima';
    expect(search.answer('section:"sharp minima" flat').sections.map((s) => s.name)).toEqual([sharp]);
    expect(search.answer('flat section:“sharp minima”').sections.map((s) => s.name)).toEqual([sharp]);
    for (const hit of search.search('section:"sharp minima" flat'))
      expect(hit.paper.sections).toEqual([sharp]);
    expect(ids('section:12')).toEqual(['a-primal-dual-formulation-for-deep-learning-with-constraints']);
    expect(ids('momentum section:tutorials')).toEqual(['why-momentum-really-works']);
  });

  it("the option does what the syntax does (the CLI's --section)", () => {
    expect(ids('section:curriculum warm')).toEqual(
      search.search('warm', { section: 'curriculum' }).map((hit) => hit.paper.id),
    );
  });

  it('a name that designates no section answers nothing and says so', () => {
    const found = search.answer('section:zzqxv adam');
    expect(found.unknownSections).toEqual(['zzqxv']);
    expect(found.hits).toEqual([]);
  });

  it('section and year together', () => {
    const found = search.answer('section:surveys curriculum 2020', { limit: 10 });
    expect(found.hits.map((hit) => hit.paper.id).sort()).toEqual([
      'automatic-curriculum-learning-for-deep-rl-a-short-survey',
      'curriculum-learning-for-reinforcement-learning-domains-a-framework-and-survey',
    ]);
  });
});

describe('invisible characters', () => {
  it.each([
    ['zero-width space', 'sha\u200brp minima'],
    ['soft hyphen', 'sharp mini\u00adma'],
    ['bidi override and isolate', '\u202esharp\u202c \u2066minima\u2069'],
    ['byte-order mark and word joiner', '\ufeffsharp\u2060 minima'],
    ['zero-width joiner and marks', 'sharp\u200d \u200eminima\u200f'],
  ])('are removed before matching (%s), and not kept in the query as read', (_name, query) => {
    const found = search.answer(query);
    expect(found.hits[0]?.paper.id).toBe('sharp-minima-can-generalize-for-deep-nets');
    expect(found.query).toBe('sharp minima');
  });
});
