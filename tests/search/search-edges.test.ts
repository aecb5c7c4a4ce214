import { describe, expect, it } from 'vitest';
import { createSearch } from '../../src/search/search.ts';
import { listOf } from '../support/small-list.ts';

/** Twelve sections with no digit in their names or titles ("Area A" holds "Lemma a"), then Optimizers. */
const catalog = listOf({
  ...Object.fromEntries(
    Array.from({ length: 12 }, (_, i) => [
      `Area ${String.fromCharCode(65 + i)}`,
      [
        `Lemma ${String.fromCharCode(97 + i)} | https://arxiv.org/abs/15${String(i + 1).padStart(2, '0')}.00001`,
      ],
    ]),
  ),
  Optimizers: [
    'Adaptive moment estimation | https://arxiv.org/abs/1412.6980',
    'Momentum methods | https://example.org/momentum',
  ],
});
const search = createSearch(catalog);
const titles = (query: string, options = {}) => search.search(query, options).map((hit) => hit.paper.title);

describe('sections named by number, trimmed, two digits', () => {
  it('reads "12" as the twelfth section and " 2 " as the second; "2x" and "x2" are names', () => {
    expect(search.findSection('12')?.name).toBe('Area L');
    expect(search.findSection(' 2 ')?.name).toBe('Area B');
    expect(search.findSections('12').map((section) => section.name)).toEqual(['Area L']);
    expect(search.findSections(' 2 ').map((section) => section.name)).toEqual(['Area B']);
    expect(search.findSections('99')).toEqual([]);
    expect(search.findSections('   ')).toEqual([]);
    expect(search.findSection('2x')?.name).not.toBe('Area B');
    expect(search.findSections('x2').map((section) => section.name)).not.toEqual(['Area B']);
  });

  it('takes the section option trimmed, and lists a section’s papers for a query of no words', () => {
    expect(titles('lemma', { section: ' 12 ' })).toEqual(['Lemma l']);
    expect(search.answer('', { section: 'optimizers', limit: 1 }).hits.map((hit) => hit.paper.title)).toEqual(
      ['Adaptive moment estimation'],
    );
    expect(search.answer('', { section: 'optimizers' }).hits.map((hit) => hit.paper.title)).toEqual([
      'Adaptive moment estimation',
      'Momentum methods',
    ]);
  });
});

describe('papers named exactly', () => {
  it('finds an arXiv id with any version, and leaves no word of it behind', () => {
    for (const query of ['1412.6980v12', '1412.6980v2', 'arxiv:1412.6980', 'arXiv 1412.6980']) {
      const answer = search.answer(query);
      expect(answer.hits.map((hit) => hit.paper.title)).toEqual(['Adaptive moment estimation']);
      expect(answer.words).toBe('');
    }
  });

  it('finds an http:// link, a link in parentheses or before a full stop, and keeps the words around an id apart', () => {
    expect(titles('http://arxiv.org/abs/1412.6980')).toEqual(['Adaptive moment estimation']);
    expect(search.answer('http://example.org/momentum').words).toBe('');
    expect(titles('(https://example.org/momentum).')[0]).toBe('Momentum methods');
    expect(titles('see https://example.org/momentum, please')[0]).toBe('Momentum methods');
    expect(search.answer('momentum1412.6980lemma').words).toBe('momentum lemma');
  });

  it('keeps the word arxiv when the query names no paper by id', () => {
    expect(search.answer('arxiv momentum').words).toBe('arxiv momentum');
  });
});

describe('a question in many parts', () => {
  it('keeps eight parts at most, the last taking the words of those beyond it', () => {
    const parts = search.answer(
      'lemma vs momentum vs adaptive vs moment vs estimation vs methods vs area vs optimizers vs alpha vs beta',
    ).parts;
    expect(parts).toHaveLength(8);
    expect(parts.slice(0, 7)).toEqual([
      'lemma',
      'momentum',
      'adaptive',
      'moment',
      'estimation',
      'methods',
      'area',
    ]);
    expect(parts[7]).toContain('beta');
  });
});

describe('a query longer than 500 characters', () => {
  it('is cut at the last word that fits, and a query of exactly 500 is kept', () => {
    const words = `${'momentum '.repeat(60)}`.trim(); // 539 characters
    const query = search.answer(words).query;
    expect(query.length).toBeLessThanOrEqual(500);
    expect(query.endsWith('momentum')).toBe(true);
    expect(query).toBe('momentum '.repeat(55).trim());
    const exact = `${'a'.repeat(495)} abcd`;
    expect(search.answer(exact).query).toBe(exact);
    // One word longer than the limit is cut inside the word; a space at the start does not count as a word break.
    expect(search.answer('b'.repeat(600)).query).toBe('b'.repeat(500));
    expect(search.answer(` ${'b'.repeat(600)}`).query).toBe('b'.repeat(499));
  });
});
