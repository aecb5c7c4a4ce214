import { describe, expect, it } from 'vitest';
import { FuseReranker, fuseDefaults, fusePattern } from '../../src/search/rerank.ts';

describe('the query as fuse.js compares it', () => {
  it('is folded, with single spaces, and whole words up to 32 characters', () => {
    expect(fusePattern('Adam: a method for stochastic optimization')).toBe('adam: a method for stochastic');
    expect(fusePattern('  Café   au lait ')).toBe('cafe au lait');
    expect(fusePattern('abcdefghij abcdefghij abcdefghij')).toBe('abcdefghij abcdefghij abcdefghij');
    expect(fusePattern('abcdefghij abcdefghij abcdefghijk')).toBe('abcdefghij abcdefghij');
  });

  it('cuts a first word longer than 32 characters inside the word, and keeps blanks as they are', () => {
    expect(fusePattern(`É${'a'.repeat(40)}`)).toBe(`e${'a'.repeat(31)}`);
    expect(fusePattern('   ')).toBe('   ');
  });
});

// Built inside each test: a mutant that throws while building must fail a test, not the file's collection.
describe('fuse.js similarity of the query to the candidates', () => {
  it('weighs the title 0.85 and the description 0.15, and keeps every candidate however poor', () => {
    expect(fuseDefaults).toMatchObject({
      keys: [
        { name: 'title', weight: 0.85 },
        { name: 'description', weight: 0.15 },
      ],
      includeScore: true,
      ignoreLocation: true,
      threshold: 1,
      ignoreFieldNorm: false,
    });
  });

  const reranker = () =>
    new FuseReranker([
      { title: 'Café Society', description: 'Paris' },
      { title: 'On the surprising effectiveness of very long titles about momentum', description: '' },
      { title: 'Sharp Minima', description: 'Flat' },
      { title: 'Zebra', description: 'Quokka' },
    ]);
  const similarity = (query: string, candidates: number[]) =>
    [...reranker().similarity(query, candidates)].map(([doc, value]) => [doc, Number(value.toFixed(6))]);

  it('is about 1 for the title itself, accents and case aside, and small for the others', () => {
    expect(similarity('cafe society', [0, 1, 2, 3])).toEqual([
      [0, 1],
      [1, 0.103187],
      [2, 0.181458],
      [3, 0.083333],
    ]);
  });

  it('reads the description, folded too', () => {
    expect(similarity('PARÍS', [0, 2])).toEqual([
      [0, 0.996076],
      [2, 0.288551],
    ]);
  });

  it('finds a word wherever it is in a long title', () => {
    expect(similarity('momentum', [1, 2])).toEqual([
      [1, 0.843613],
      [2, 0.261016],
    ]);
  });

  it('scores only the candidates asked for, and ignores document numbers it does not hold', () => {
    expect(similarity('sharp minima', [2, 7])).toEqual([[2, 1]]);
    expect(similarity('xylophone', [3])).toEqual([[3, 0.111111]]);
    expect(similarity('xylophone', [])).toEqual([]);
  });
});
