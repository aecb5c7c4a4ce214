import { describe, expect, it } from 'vitest';
import { parseCatalog } from '../../src/catalog/parse.ts';
import type { Catalog, Entry } from '../../src/catalog/types.ts';

/** A list of one section holding one table, its lines given as written. */
const table = (...rows: string[]): Catalog => parseCatalog(['## Papers', '', ...rows].join('\n'));

/** The entries of a catalog with only what a table row decides. */
const read = (catalog: Catalog): Array<Omit<Entry, 'section' | 'line'>> =>
  catalog.entries.map(({ section: _section, line: _line, ...entry }) => entry);

/** Diagnostics other than the notes on sections, as `line severity message`. */
const problems = (catalog: Catalog): string[] =>
  catalog.diagnostics
    .filter((d) => !['skipped-section', 'empty-section', 'mostly-unread'].includes(d.code))
    .map((d) => `${d.line} ${d.severity} ${d.message}`);

const paper = (url: string) => ({ label: 'Paper', url, kind: 'paper', host: 'example.org' });

describe('the title column of a table', () => {
  it.each([
    'Title',
    'titles',
    'Paper',
    'PAPERS',
    'Name',
    'Names',
    'Article',
    'Articles',
    'Publication',
    'Publications',
    'Work',
    'works',
  ])('is the column headed "%s", even after a linked cell', (header) => {
    const catalog = table(
      `| Venue | ${header} | Link |`,
      '| --- | --- | --- |',
      '| [ICML](https://example.org/icml) | Adam | [PDF](https://example.org/adam) |',
    );
    expect(catalog.entries.map((entry) => entry.rawTitle)).toEqual(['Adam']);
  });

  it.each(['Best paper', 'Paper link', 'Titles list', 'Work done'])(
    'is not a column whose header only contains a title word ("%s")',
    (header) => {
      const catalog = table(
        `| Venue | ${header} |`,
        '| --- | --- |',
        '| [Dropout](https://example.org/dropout) | Adam [PDF](https://example.org/adam) |',
      );
      expect(catalog.entries.map((entry) => entry.rawTitle)).toEqual(['Dropout']);
    },
  );

  it('reads a header through its emphasis and spacing, and keeps its diagnostics to itself', () => {
    const catalog = table(
      '| Venue | **Paper**  cafÃ© |',
      '| --- | --- |',
      '| [Dropout](https://example.org/dropout) | Adam [PDF](https://example.org/adam) |',
    );
    expect(catalog.entries.map((entry) => entry.rawTitle)).toEqual(['Dropout']);
    expect(problems(catalog)).toEqual([]);
  });

  it('takes its plain text as the title, without separators, quotes or a trailing short name', () => {
    const catalog = table(
      '| Paper | Links |',
      '| --- | --- |',
      '| "Adam: A Method for Stochastic Optimization." - | [PDF](https://example.org/adam) |',
      '| Stochastic Weight Averaging (SWA) | [PDF](https://example.org/swa) |',
    );
    expect(read(catalog)).toStrictEqual([
      {
        rawTitle: 'Adam: A Method for Stochastic Optimization',
        links: [{ label: 'PDF', url: 'https://example.org/adam', kind: 'paper', host: 'example.org' }],
      },
      {
        rawTitle: 'Stochastic Weight Averaging',
        links: [{ label: 'PDF', url: 'https://example.org/swa', kind: 'paper', host: 'example.org' }],
        aliases: ['SWA'],
      },
    ]);
  });

  it('takes the text of the title link in it, not the words around the link', () => {
    const catalog = table(
      '| Paper |',
      '| --- |',
      '| [PDF](https://example.org/pdf) see [Dropout (DO)](https://example.org/dropout) by Hinton |',
    );
    expect(read(catalog)).toStrictEqual([
      {
        rawTitle: 'Dropout',
        links: [
          { label: 'PDF', url: 'https://example.org/pdf', kind: 'paper', host: 'example.org' },
          paper('https://example.org/dropout'),
        ],
        aliases: ['DO'],
      },
    ]);
  });

  it('falls back to the first linked cell when the title cell holds only a space, or is missing', () => {
    const catalog = table(
      '| Where | Paper |',
      '| --- | --- |',
      '| [Dropout](https://example.org/dropout) | &nbsp; |',
      '| [Adam](https://example.org/adam) |',
    );
    expect(catalog.entries.map((entry) => entry.rawTitle)).toEqual(['Dropout', 'Adam']);
  });

  it('falls back to the first linked cell when the title cell is empty', () => {
    const catalog = table(
      '| Paper | Where |',
      '| --- | --- |',
      '| | [Dropout](https://example.org/dropout) |',
      '| [Adam](https://example.org/adam) | [PDF](https://example.org/pdf) |',
    );
    expect(catalog.entries.map((entry) => entry.rawTitle)).toEqual(['Dropout', 'Adam']);
  });

  it('without a title column, skips label links and search links when it looks for the title', () => {
    const catalog = table(
      '| A | B | C |',
      '| --- | --- | --- |',
      '| [PDF](https://example.org/pdf) | [Find it](https://www.google.com/search?q=x) | [Dropout](https://example.org/dropout) |',
    );
    expect(read(catalog)).toStrictEqual([
      {
        rawTitle: 'Dropout',
        links: [
          { label: 'PDF', url: 'https://example.org/pdf', kind: 'paper', host: 'example.org' },
          paper('https://example.org/dropout'),
        ],
      },
    ]);
  });
});

describe('the other columns of a table', () => {
  it.each(['Year', 'years', 'Date', 'Dates', 'When', 'Time'])(
    'takes the year from the column headed "%s", and not as a description',
    (header) => {
      const catalog = table(
        `| ${header} | Paper |`,
        '| --- | --- |',
        '| June 2017 | [Attention](https://example.org/attention) |',
      );
      expect(read(catalog)).toStrictEqual([
        { rawTitle: 'Attention', links: [paper('https://example.org/attention')], year: 2017 },
      ]);
    },
  );

  it('takes the first year column that names a year, and a year header that is a sentence is a description', () => {
    const catalog = table(
      '| Date | Year | Time spent | Paper |',
      '| --- | --- | --- | --- |',
      '| soon | 2015 | 2016 | [Adam](https://example.org/adam) |',
    );
    expect(read(catalog)).toStrictEqual([
      { rawTitle: 'Adam', links: [paper('https://example.org/adam')], description: '2016', year: 2015 },
    ]);
  });

  it('is no year column when its header only ends with a year word', () => {
    const catalog = table(
      '| Best year | Paper |',
      '| --- | --- |',
      '| 2016 | [Adam](https://example.org/adam) |',
    );
    expect(read(catalog)).toStrictEqual([
      { rawTitle: 'Adam', links: [paper('https://example.org/adam')], description: '2016' },
    ]);
  });

  it('reads the cells past the last header: their links and their text', () => {
    const catalog = table(
      '| Paper | Year |',
      '| --- | --- |',
      '| [Adam](https://example.org/adam) | 2015 | Kingma **and** Ba | [notes](https://example.org/notes) [Ba](https://example.org/ba) |',
    );
    expect(read(catalog)).toStrictEqual([
      {
        rawTitle: 'Adam',
        links: [
          paper('https://example.org/adam'),
          { label: 'notes', url: 'https://example.org/notes', kind: 'blog', host: 'example.org' },
          paper('https://example.org/ba'),
        ],
        description: 'Kingma and Ba',
        year: 2015,
      },
    ]);
  });

  it('reports the repairs of a row at the line of the row', () => {
    const catalog = table(
      '| Paper | Notes |',
      '| --- | --- |',
      '| [Adam](https://example.org/adam) | fine |',
      '| [Dropout](https://example.org/dropout) | cafÃ© |',
    );
    expect(catalog.diagnostics.filter((d) => d.code === 'mojibake').map((d) => d.line)).toEqual([6]);
    expect(catalog.entries.map((entry) => entry.description)).toEqual(['fine', 'café']);
  });

  it('has no year when the year cell names none', () => {
    const catalog = table('| Year | Paper |', '| --- | --- |', '| n/a | [Adam](https://example.org/adam) |');
    expect(read(catalog)).toStrictEqual([{ rawTitle: 'Adam', links: [paper('https://example.org/adam')] }]);
  });

  it('joins the text of the unlinked cells into the description, cleaned, and leaves linked cells out of it', () => {
    const catalog = table(
      '| Paper | Authors | Venue | Notes | Code |',
      '| --- | --- | --- | --- | --- |',
      '| [Adam](https://example.org/adam) | - Kingma,  Ba; | *ICLR* | | see [repo](https://github.com/x/adam) |',
    );
    expect(read(catalog)).toStrictEqual([
      {
        rawTitle: 'Adam',
        links: [
          paper('https://example.org/adam'),
          { label: 'repo', url: 'https://github.com/x/adam', kind: 'code', host: 'github.com' },
        ],
        description: 'Kingma, Ba · ICLR',
      },
    ]);
  });

  it('labels a link by its text when that is a label, else by its column when that is one, else by its kind', () => {
    const catalog = table(
      '| Paper | Code | Slides | Where |',
      '| --- | --- | --- | --- |',
      '| [Adam](https://example.org/adam) | [adam-impl](https://example.org/impl) | [Video](https://example.org/talk) | [elsewhere](https://example.org/else) |',
      '| [SGD](https://example.org/sgd) | https://example.org/sgd-code | | |',
    );
    expect(catalog.entries.map((entry) => entry.links)).toStrictEqual([
      [
        paper('https://example.org/adam'),
        { label: 'Code', url: 'https://example.org/impl', kind: 'code', host: 'example.org' },
        { label: 'Video', url: 'https://example.org/talk', kind: 'video', host: 'example.org' },
        paper('https://example.org/else'),
      ],
      [
        paper('https://example.org/sgd'),
        { label: 'Link', url: 'https://example.org/sgd-code', kind: 'paper', host: 'example.org' },
      ],
    ]);
  });

  it('leaves out links into the page and to search engines', () => {
    const catalog = table(
      '| Paper | More |',
      '| --- | --- |',
      '| [Adam](https://example.org/adam) | [top](#papers) [scholar](https://scholar.google.com/scholar?q=adam) |',
    );
    expect(catalog.entries.map((entry) => entry.links)).toStrictEqual([[paper('https://example.org/adam')]]);
  });
});

describe('rows and tables that are not papers', () => {
  it('notes a table whose only links point into the page or to a search, and reads none of it', () => {
    const catalog = table(
      '| Topic | Where |',
      '| --- | --- |',
      '| Optimizers | [here](#optimizers) |',
      '| Search | [google](https://www.google.com/search?q=adam) |',
    );
    expect(catalog.entries).toEqual([]);
    expect(catalog.diagnostics).toContainEqual({
      line: 3,
      severity: 'info',
      code: 'not-a-paper',
      message: 'a table without links is not a list of papers',
    });
  });

  it('reports unreadable rows with their own lines and text, cells joined, empty rows not at all', () => {
    const long = 'word '.repeat(30).trim();
    const catalog = table(
      '| Paper | Notes | Link |',
      '| --- | --- | --- |',
      '| [Adam](https://example.org/adam) | | |',
      '| | | |',
      '| Dropout | hinton | |',
      `| ${long} | | |`,
      '| | great | [PDF](https://example.org/pdf) |',
    );
    expect(catalog.entries.map((entry) => [entry.line, entry.rawTitle])).toEqual([[5, 'Adam']]);
    expect(catalog.diagnostics).toContainEqual({
      line: 7,
      severity: 'error',
      code: 'unreadable-item',
      message: 'row has no link: "Dropout | hinton"',
    });
    expect(problems(catalog)).toEqual([
      '7 error row has no link: "Dropout | hinton"',
      `8 error row has no link: "${long.slice(0, 79)}…"`,
      '9 error row has no title: "great | PDF"',
    ]);
  });

  it('files every row under the section, with the row line', () => {
    const catalog = table(
      '| Paper |',
      '| --- |',
      '| [Adam](https://example.org/adam) |',
      '| [SGD](https://example.org/sgd) |',
    );
    expect(catalog.entries.map((entry) => [entry.section, entry.line])).toEqual([
      ['Papers', 5],
      ['Papers', 6],
    ]);
  });
});
