import { describe, expect, it } from 'vitest';
import { parseCatalog } from '../../src/catalog/parse.ts';
import type { Catalog } from '../../src/catalog/types.ts';

const noPapers = {
  line: 1,
  severity: 'error',
  code: 'no-papers',
  message:
    'no papers found: a paper is a list item with a link ("- [Title](https://…)") under a heading ("## Section")',
};

const errors = (catalog: Catalog) =>
  catalog.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.line} ${d.code} ${d.message}`);

describe('parseCatalog: a list mostly unread', () => {
  it('says first how many of the items that look like papers could not be read, counting only errors', () => {
    // Two items without a link are errors; the empty items are warnings and do not count.
    const catalog = parseCatalog(
      '## S\n\n- Adam [Link](https://a.org)\n- Just text one\n- Just text two\n-\n-\n-\n- ',
    );
    expect(catalog.entries.map((entry) => entry.rawTitle)).toEqual(['Adam']);
    expect(errors(catalog)).toEqual([
      '1 mostly-unread 2 of 3 items, rows and paragraphs that look like papers could not be read: see the errors below',
      '4 unreadable-item item has no link: "Just text one"',
      '5 unreadable-item item has no link: "Just text two"',
    ]);
    expect(catalog.diagnostics[0]?.code).toBe('mostly-unread');
  });

  it('says nothing more when as many items were read as not', () => {
    const catalog = parseCatalog(
      '## S\n\n- Adam [Link](https://a.org)\n- Just text one\n- Just text two\n- Ba [Link](https://b.org)',
    );
    expect(errors(catalog)).toEqual([
      '4 unreadable-item item has no link: "Just text one"',
      '5 unreadable-item item has no link: "Just text two"',
    ]);
  });

  it('counts unread paragraphs too, and says "no papers" rather than "mostly unread" when none was read', () => {
    const catalog = parseCatalog(
      '## S\n\n**[1]** Kingma. "Adam: a method for SGD". (2014).\n\n**[2]** Ba. "Adam: a method for SGD". (2014).',
    );
    expect(catalog.diagnostics[0]).toEqual(noPapers);
    expect(errors(catalog)).toEqual([
      `1 no-papers ${noPapers.message}`,
      '3 unreadable-item paragraph has no link: "[1] Kingma. "Adam: a method for SGD". (2014)."',
      '5 unreadable-item paragraph has no link: "[2] Ba. "Adam: a method for SGD". (2014)."',
    ]);
  });
});

describe('parseCatalog: what every list goes through', () => {
  it('says "no papers" first, and only when there are none', () => {
    expect(parseCatalog('Some prose.').diagnostics).toEqual([noPapers]);
    expect(parseCatalog('# Title\n\nSome prose.').diagnostics[0]).toEqual(noPapers);
    expect(parseCatalog('## S\n- Adam [Link](https://a.org)').diagnostics).toEqual([]);
  });

  it('limits nesting before parsing, reporting it with the line', () => {
    const catalog = parseCatalog(`## Deep\n${'- '.repeat(40)}[Deep](https://example.org/deep)\n`);
    expect(catalog.papers.map((paper) => paper.title)).toEqual(['Deep']);
    expect(catalog.diagnostics.map((d) => `${d.line} ${d.code}`)).toEqual(['2 too-deep']);
  });

  it('resolves reference links with the definitions of the whole document', () => {
    const catalog = parseCatalog('## S\n- [Adam][a]\n\n## T\n\n[a]: https://arxiv.org/abs/1412.6980');
    expect(catalog.papers).toEqual([
      expect.objectContaining({ title: 'Adam', arxivId: '1412.6980', sections: ['S'], lines: [2] }),
    ]);
  });
});
