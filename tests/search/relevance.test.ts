import Fuse from 'fuse.js';
import { describe, expect, it } from 'vitest';
import { createSearch } from '../../src/search/search.ts';
import { shippedCatalog } from '../support/shipped.ts';
import { relevanceQueries } from './relevance-queries.ts';

const catalog = shippedCatalog();

function hitRates(rank: (query: string) => string[]): { top1: number; top3: number; misses: string[] } {
  let top1 = 0;
  let top3 = 0;
  const misses: string[] = [];
  for (const [query, expected] of relevanceQueries) {
    const position = rank(query).indexOf(expected);
    if (position === 0) top1++;
    if (position >= 0 && position < 3) top3++;
    else misses.push(`${query} → ${expected}`);
  }
  return { top1: top1 / relevanceQueries.length, top3: top3 / relevanceQueries.length, misses };
}

const percent = (rate: number) => `${(rate * 100).toFixed(1)}%`;

describe('relevance suite', () => {
  it('every expected paper exists in the shipped list', () => {
    const ids = new Set(catalog.papers.map((paper) => paper.id));
    expect(relevanceQueries.filter(([, id]) => !ids.has(id))).toEqual([]);
    expect(relevanceQueries.length).toBeGreaterThanOrEqual(30);
  });

  it('puts the expected paper in the top 3 for at least 95% of the queries', () => {
    const search = createSearch(catalog);
    const ours = hitRates((query) => search.search(query, { limit: 3 }).map((hit) => hit.paper.id));
    // The reference point: fuse.js with default options over the titles.
    const plain = new Fuse(catalog.papers, { keys: ['title'] });
    const baseline = hitRates((query) => plain.search(query, { limit: 3 }).map((hit) => hit.item.id));
    console.info(
      `relevance over ${relevanceQueries.length} queries: top-1 ${percent(ours.top1)}, top-3 ${percent(ours.top3)}` +
        ` (plain fuse.js: top-1 ${percent(baseline.top1)}, top-3 ${percent(baseline.top3)})`,
    );
    if (ours.misses.length > 0) console.info(`missed: ${ours.misses.join('; ')}`);
    expect(ours.top3).toBeGreaterThanOrEqual(0.95);
    expect(ours.top1).toBeGreaterThanOrEqual(0.85);
    expect(ours.top3).toBeGreaterThan(baseline.top3);
  });
});
