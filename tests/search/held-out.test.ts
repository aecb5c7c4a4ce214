import { describe, expect, it } from 'vitest';
import { createSearch } from '../../src/search/search.ts';
import { shippedCatalog } from '../support/shipped.ts';
import { heldOutByKind, heldOutQueries } from './held-out-queries.ts';
import { hitRates, percent } from './relevance-cases.ts';
import { relevanceQueries } from './relevance-queries.ts';

/**
 * The least top-3 rate the held-out suite must reach: the figure measured once the search work it
 * judges had landed (68 of 75; 74.7% before it), so that later changes cannot lose ground unnoticed.
 * Never tuned on: a miss here is reported, not fixed by fitting the ranking to the question.
 */
const heldOutFloor = 68 / 75;

const catalog = shippedCatalog();
const papersById = new Map(catalog.papers.map((paper) => [paper.id, paper]));

/** `section:name words` or `section:"several words" words` → the filter, lowercased. */
function sectionFilter(query: string): string {
  const match = /^section:(?:"([^"]+)"|(\S+))/i.exec(query);
  if (!match) throw new Error(`not a section question: ${query}`);
  return (match[1] ?? match[2] ?? '').toLowerCase();
}

describe('held-out relevance suite', () => {
  it('every expected paper exists in the shipped list', () => {
    const missing = heldOutQueries.flatMap(({ query, expected }) =>
      expected.filter((id) => !papersById.has(id)).map((id) => `${query} → ${id}`),
    );
    expect(missing).toEqual([]);
  });

  it('has at least 50 questions, at least 8 of each kind, none asked twice or taken from the tuned suite', () => {
    expect(heldOutQueries.length).toBeGreaterThanOrEqual(50);
    for (const [kind, cases] of Object.entries(heldOutByKind)) {
      expect(cases.length, kind).toBeGreaterThanOrEqual(8);
    }
    const asked = heldOutQueries.map(({ query }) => query.toLowerCase());
    expect(new Set(asked).size).toBe(asked.length);
    const tuned = new Set(relevanceQueries.map(([query]) => query.toLowerCase()));
    expect(asked.filter((query) => tuned.has(query))).toEqual([]);
  });

  it('a question naming several methods expects each of them', () => {
    for (const { query, expected, match } of heldOutByKind.methods) {
      expect(match, query).toBe('all');
      expect(expected.length, query).toBeGreaterThanOrEqual(2);
    }
  });

  it('a year question expects only papers the list dates to that year', () => {
    const wrong = heldOutByKind.years.flatMap(({ query, expected }) => {
      const year = Number(/\b(1[89]|20)\d\d\b/.exec(query)?.[0]);
      return expected.filter((id) => papersById.get(id)?.year !== year).map((id) => `${query} → ${id}`);
    });
    expect(wrong).toEqual([]);
  });

  it('a section question expects only papers listed in a section the filter names', () => {
    const wrong = heldOutByKind.sections.flatMap(({ query, expected }) => {
      const filter = sectionFilter(query);
      return expected
        .filter((id) => !papersById.get(id)?.sections.some((name) => name.toLowerCase().includes(filter)))
        .map((id) => `${query} → ${id}`);
    });
    expect(wrong).toEqual([]);
  });

  it(`puts the expected papers in the top 3 for at least ${percent(heldOutFloor)} of the questions`, () => {
    const search = createSearch(catalog);
    const rates = hitRates(heldOutQueries, (query) =>
      search.search(query, { limit: 5 }).map((hit) => hit.paper.id),
    );
    console.info(
      `held-out relevance over ${heldOutQueries.length} questions: top-1 ${percent(rates.top1)}, top-3 ${percent(rates.top3)}`,
    );
    if (rates.misses.length > 0) console.info(`missed: ${rates.misses.join('; ')}`);
    expect(rates.top3).toBeGreaterThanOrEqual(heldOutFloor);
  });
});
