import Fuse from 'fuse.js';
import { describe, expect, it } from 'vitest';
import { createSearch } from '../../src/search/search.ts';
import { shippedCatalog } from '../support/shipped.ts';
import { questionQueries } from './question-queries.ts';
import { hitRates, percent, type RelevanceCase } from './relevance-cases.ts';
import { relevanceQueries } from './relevance-queries.ts';

const catalog = shippedCatalog();
const search = createSearch(catalog);
const ours = (query: string) => search.search(query, { limit: 5 }).map((hit) => hit.paper.id);
// The reference point: fuse.js with default options over the titles.
const plain = new Fuse(catalog.papers, { keys: ['title'] });
const baseline = (query: string) => plain.search(query, { limit: 5 }).map((hit) => hit.item.id);

const titleCases: readonly RelevanceCase[] = relevanceQueries.map(([query, expected]) => ({
  query,
  expected: [expected],
  match: 'any',
}));

function report(name: string, cases: readonly RelevanceCase[]) {
  const found = hitRates(cases, ours);
  const reference = hitRates(cases, baseline);
  console.info(
    `${name} over ${cases.length} queries: top-1 ${percent(found.top1)}, top-3 ${percent(found.top3)}` +
      ` (plain fuse.js: top-1 ${percent(reference.top1)}, top-3 ${percent(reference.top3)})`,
  );
  if (found.misses.length > 0) console.info(`missed: ${found.misses.join('; ')}`);
  return { found, reference };
}

describe('relevance suites', () => {
  it('every expected paper exists in the shipped list', () => {
    const ids = new Set(catalog.papers.map((paper) => paper.id));
    const cases = [...titleCases, ...questionQueries];
    expect(cases.flatMap((one) => one.expected.filter((id) => !ids.has(id)))).toEqual([]);
    expect(relevanceQueries.length).toBeGreaterThanOrEqual(100);
    expect(questionQueries.length).toBeGreaterThanOrEqual(40);
  });

  it('half-remembered titles: the expected paper first for every one of the 106 queries', () => {
    const { found, reference } = report('relevance', titleCases);
    // Pinned at today's figures: any regression fails.
    expect(found.misses).toEqual([]);
    expect(found.top1).toBe(1);
    expect(found.top3).toBe(1);
    expect(found.top3).toBeGreaterThan(reference.top3);
  });

  it('questions (two methods, comparisons, concepts, years, section filters): top-1 100%, top-3 over 98%', () => {
    const { found, reference } = report('questions', questionQueries);
    // Pinned at today's figures (63 of 64 in the top 3): a regression fails.
    expect(found.top1).toBe(1);
    expect(found.top3).toBeGreaterThanOrEqual(63 / 64);
    expect(found.top3).toBeGreaterThan(reference.top3);
  });

  it('the question suite covers each kind of question', () => {
    const kinds = {
      connectors: /\s(vs|versus|and|or|compared to|compared with)\s|[/&]/,
      years: /\b(19|20)\d\d\b/,
      sections: /section:/,
    };
    for (const pattern of Object.values(kinds)) {
      expect(questionQueries.filter((one) => pattern.test(one.query)).length).toBeGreaterThanOrEqual(8);
    }
    expect(questionQueries.filter((one) => one.match === 'all').length).toBeGreaterThanOrEqual(15);
  });
});
