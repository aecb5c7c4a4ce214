import { describe, expect, it } from 'vitest';
import { parseCatalog } from '../../src/catalog/parse.ts';
import { createSearch } from '../../src/search/search.ts';
import { relatedPapers } from '../../src/weekly/messages.ts';
import { groupReadings } from '../../src/weekly/readings.ts';
import { upcomingPicks } from '../../src/weekly/rotation.ts';
import { shippedCatalog } from '../support/shipped.ts';

const fresh = { posted: [], queued: [], skipped: [] };

describe('the discussion thread of a weekly post', () => {
  it('offers two or three related papers for every reading of a round of the shipped list, never the reading itself', () => {
    const catalog = shippedCatalog();
    const search = createSearch(catalog);
    const picks = upcomingPicks(catalog, groupReadings(catalog), fresh, 110);
    expect(picks).toHaveLength(110);
    for (const pick of picks) {
      const related = relatedPapers(pick, search).map((paper) => paper.id);
      expect({ title: pick.papers[0]?.title, count: related.length }).toEqual({
        title: pick.papers[0]?.title,
        count: expect.toSatisfy((count: number) => count >= 2 && count <= 3),
      });
      for (const id of related) expect(pick.reading.paperIds).not.toContain(id);
      expect(new Set(related).size).toBe(related.length);
    }
  });

  it('tops up from the neighbouring sections when the search and the section find too little', () => {
    const catalog = parseCatalog(
      '## Lonely\n- [Zebra stripes](https://example.org/z)\n## Other\n- [Alpha](https://example.org/a)\n- [Beta](https://example.org/b)\n',
    );
    const [pick] = upcomingPicks(catalog, groupReadings(catalog), fresh, 1);
    if (!pick) throw new Error('the list has a first pick');
    expect(pick.papers[0]?.title).toBe('Zebra stripes');
    expect(relatedPapers(pick, createSearch(catalog)).map((paper) => paper.title)).toEqual(['Alpha', 'Beta']);
  });
});
