import { describe, expect, it } from 'vitest';
import { parseCatalog } from '../../src/catalog/parse.ts';
import type { Catalog } from '../../src/catalog/types.ts';

/** A list written as lines. */
const list = (...lines: string[]): Catalog => parseCatalog(lines.join('\n'));

/** What the parser said about items, as `line severity code message`. */
const said = (catalog: Catalog): string[] =>
  catalog.diagnostics
    .filter((d) => ['unreadable-item', 'not-a-paper'].includes(d.code))
    .map((d) => `${d.line} ${d.severity} ${d.message}`);

const entries = (catalog: Catalog) =>
  catalog.entries.map((entry) => [entry.line, entry.section, entry.rawTitle]);

describe('an item without a link among prose items', () => {
  it.each([
    ['a year in parentheses', 'Dropout ( 2014b ) by Srivastava'],
    ['a year of the last century', 'Backpropagation (1986)'],
    ['"et al."', 'Dropout by Srivastava ET AL.'],
    ['arXiv', 'Dropout, on ArXiv'],
    ['a quoted title', 'Hinton, “Improving neural networks by”'],
    ['a quoted title in straight quotes', 'Hinton, "Dropout: a simple way"'],
  ])('is a paper whose link is missing when it has %s', (_what, item) => {
    const catalog = list('## Notes', `- ${item}`, '- welcomes pull requests');
    expect(said(catalog)).toEqual([
      `2 error item has no link: "${item}"`,
      '3 info item without a link is read as prose: "welcomes pull requests"',
    ]);
  });

  it.each([
    ['a year without parentheses', 'written in 2014'],
    ['a year out of range', 'Analytical engine (1843)'],
    ['a short quote', 'they said "it works"'],
    ['"et al" inside a word', 'a petal lands'],
    ['a short quote after long words', 'they said it again and again "hi" and then went on for a while'],
    ['a number that is no year', 'see (20145)'],
  ])('is prose when it has only %s', (_what, item) => {
    expect(said(list('## Notes', `- ${item}`))).toEqual([
      `2 info item without a link is read as prose: "${item}"`,
    ]);
  });

  it('is cut to 80 characters in the note', () => {
    const long = 'prose '.repeat(20).trim();
    expect(said(list('## Notes', `- ${long}`))).toEqual([
      `2 info item without a link is read as prose: "${long.slice(0, 79)}…"`,
    ]);
  });
});

describe('an item without a link among linked items', () => {
  it('is a paper whose link is missing, even when it reads like prose', () => {
    const catalog = list('## Papers', '- Adam [Link](https://example.org/adam)', '- welcomes pull requests');
    expect(entries(catalog)).toEqual([[2, 'Papers', 'Adam']]);
    expect(said(catalog)).toEqual(['3 error item has no link: "welcomes pull requests"']);
  });

  it('counts a reference link as a link', () => {
    const catalog = list(
      '## Papers',
      '- [Adam][adam]',
      '- welcomes pull requests',
      '',
      '[adam]: https://example.org/adam',
    );
    expect(said(catalog)).toEqual(['3 error item has no link: "welcomes pull requests"']);
  });

  it('is judged by the links of its own siblings, not those of the items around its parent', () => {
    const catalog = list(
      '## Papers',
      '- Adam [Link](https://example.org/adam)',
      '- Optimizers',
      '  - welcomes pull requests',
      '  - and issues',
    );
    expect(said(catalog)).toEqual([
      '4 info item without a link is read as prose: "welcomes pull requests"',
      '5 info item without a link is read as prose: "and issues"',
    ]);
  });

  it('nested under linked siblings, is a paper whose link is missing', () => {
    const catalog = list(
      '## Papers',
      '- welcomes pull requests',
      '- Optimizers',
      '  - Adam [Link](https://example.org/adam)',
      '  - Dropout',
    );
    expect(said(catalog)).toEqual([
      '2 info item without a link is read as prose: "welcomes pull requests"',
      '5 error item has no link: "Dropout"',
    ]);
    expect(entries(catalog)).toEqual([[4, 'Papers › Optimizers', 'Adam']]);
  });
});

describe('items that are not papers', () => {
  it('reports an item with label links only', () => {
    const catalog = list(
      '## Papers',
      '- Adam [Link](https://example.org/adam)',
      '- [PDF](https://example.org/x)',
    );
    expect(said(catalog)).toEqual(['3 error item has links but no title: "PDF"']);
  });

  it('warns of an empty item, but not of an empty item that holds a list', () => {
    const catalog = list(
      '## Papers',
      '- Adam [Link](https://example.org/adam)',
      '-',
      '- ',
      '  - Dropout [Link](https://example.org/dropout)',
    );
    expect(said(catalog)).toEqual(['3 warning empty list item']);
    expect(entries(catalog)).toEqual([
      [2, 'Papers', 'Adam'],
      [5, 'Papers', 'Dropout'],
    ]);
  });

  it('warns of an item of images only as empty', () => {
    const catalog = list(
      '## Papers',
      '- Adam [Link](https://example.org/adam)',
      '- ![a](https://example.org/a.png) ![b](https://example.org/b.png)',
    );
    expect(said(catalog)).toEqual(['3 warning empty list item']);
  });

  it('reports an item whose only link has no text as a link without a title, not as empty', () => {
    const catalog = list(
      '## Papers',
      '- Adam [Link](https://example.org/adam)',
      '- [](https://example.org/x)',
    );
    expect(said(catalog)).toEqual(['3 error item has links but no title: ""']);
  });

  it('reads an item that links into the page and out of it', () => {
    const catalog = list('## Papers', '- [Adam](https://example.org/adam) [top](#top)');
    expect(entries(catalog)).toEqual([[2, 'Papers', 'Adam']]);
  });

  it('warns of an empty item under a paper', () => {
    // A blank line first: an empty item cannot interrupt a paragraph (`-` under it would underline a heading).
    const catalog = list(
      '## Papers',
      '- Adam [Link](https://example.org/adam)',
      '',
      '  -',
      '  - SGD [Link](https://example.org/sgd)',
    );
    expect(said(catalog)).toEqual(['4 warning empty list item']);
    expect(entries(catalog)).toEqual([
      [2, 'Papers', 'Adam'],
      [5, 'Papers', 'SGD'],
    ]);
  });

  it('reads an item without a paragraph first as one without a link', () => {
    const catalog = list('## Notes', '- # [Adam](https://example.org/adam)', '- welcomes pull requests');
    expect(said(catalog)).toEqual([
      '2 warning empty list item',
      '3 info item without a link is read as prose: "welcomes pull requests"',
    ]);
  });

  it('reports a label link in bold among prose items as a link without a title', () => {
    const catalog = list('## Notes', '- **[PDF](https://example.org/x)**', '- welcomes pull requests');
    expect(said(catalog)).toEqual([
      '2 error item has links but no title: "PDF"',
      '3 info item without a link is read as prose: "welcomes pull requests"',
    ]);
  });

  it('notes an item that only links into the page', () => {
    const catalog = list(
      '## Papers',
      '- Adam [Link](https://example.org/adam)',
      '- [Optimizers](#optimizers)',
    );
    expect(said(catalog)).toEqual(['3 info "Optimizers" links to a place in this page']);
    expect(entries(catalog)).toEqual([[2, 'Papers', 'Adam']]);
  });
});

describe('nested items', () => {
  it('add their label links to the paper above them, however deep', () => {
    const catalog = list(
      '## Papers',
      '- Adam [Link](https://example.org/adam)',
      '  - [Code](https://example.org/adam-code)',
      '    - [Talk](https://example.org/adam-talk)',
      '- Dropout [Link](https://example.org/dropout)',
    );
    expect(catalog.entries.map((entry) => [entry.rawTitle, entry.links.map((link) => link.label)])).toEqual([
      ['Adam', ['Link', 'Code', 'Talk']],
      ['Dropout', ['Link']],
    ]);
  });

  it('under a paper are papers of their own, in list order', () => {
    const catalog = list(
      '## Papers',
      '- Adam [Link](https://example.org/adam)',
      '  - AdamW [Link](https://example.org/adamw)',
      '    - [Code](https://example.org/adamw-code)',
      '  - AMSGrad [Link](https://example.org/amsgrad)',
      '- Dropout [Link](https://example.org/dropout)',
    );
    expect(catalog.entries.map((entry) => [entry.line, entry.rawTitle, entry.links.length])).toEqual([
      [2, 'Adam', 1],
      [3, 'AdamW', 2],
      [5, 'AMSGrad', 1],
      [6, 'Dropout', 1],
    ]);
  });

  it('with label links only and no paper above them are reported', () => {
    const catalog = list('## Papers', '- Optimizers', '  - [Code](https://example.org/code)');
    expect(said(catalog)).toEqual(['3 error item has links but no title: "Code"']);
  });

  it('under an item without a link are a group of the section, registered at the item line', () => {
    const catalog = list(
      '## Papers',
      '- Optimizers',
      '  - Adam [Link](https://example.org/adam)',
      '  - Regularizers',
      '    - Dropout [Link](https://example.org/dropout)',
      '- SGD [Link](https://example.org/sgd)',
    );
    expect(entries(catalog)).toEqual([
      [3, 'Papers › Optimizers', 'Adam'],
      [5, 'Papers › Optimizers › Regularizers', 'Dropout'],
      [6, 'Papers', 'SGD'],
    ]);
    expect(catalog.sections.map((section) => [section.name, section.line])).toEqual([
      ['Papers › Optimizers', 2],
      ['Papers › Optimizers › Regularizers', 4],
      ['Papers', 1],
    ]);
  });

  it('in a group named twice keep the line of its first mention', () => {
    const catalog = list(
      '## Papers',
      '- Optimizers',
      '  - Adam [Link](https://example.org/adam)',
      '- Optimizers',
      '  - SGD [Link](https://example.org/sgd)',
    );
    expect(entries(catalog)).toEqual([
      [3, 'Papers › Optimizers', 'Adam'],
      [5, 'Papers › Optimizers', 'SGD'],
    ]);
    expect(catalog.sections).toEqual([{ name: 'Papers › Optimizers', line: 2, paperIds: ['adam', 'sgd'] }]);
  });
});

describe('sections and groups of html details', () => {
  it('file the items of a <details> block under the group, at the line of its summary', () => {
    const catalog = list(
      '## Papers',
      '',
      '- Adam [Link](https://example.org/adam)',
      '',
      '<details><summary>Older</summary>',
      '',
      '- SGD [Link](https://example.org/sgd)',
      '',
      '</details>',
      '',
      '<details><summary>Older</summary>',
      '',
      '- Momentum [Link](https://example.org/momentum)',
      '',
      '</details>',
    );
    expect(entries(catalog)).toEqual([
      [3, 'Papers', 'Adam'],
      [7, 'Papers › Older', 'SGD'],
      [13, 'Papers › Older', 'Momentum'],
    ]);
    expect(catalog.sections.map((section) => [section.name, section.line])).toEqual([
      ['Papers', 1],
      ['Papers › Older', 5],
    ]);
  });

  it('keep the line of a group when a later heading bears its name', () => {
    const catalog = list(
      '## A',
      '- B',
      '  - Adam [Link](https://example.org/adam)',
      '## A › B',
      '- SGD [Link](https://example.org/sgd)',
    );
    expect(catalog.sections.map((section) => [section.name, section.line, section.paperIds])).toEqual([
      ['A › B', 2, ['adam', 'sgd']],
    ]);
  });

  it('keep the line of a heading written twice at its first place', () => {
    const catalog = list(
      '## Papers',
      '- Adam [Link](https://example.org/adam)',
      '## Other',
      '- SGD [Link](https://example.org/sgd)',
      '## Papers',
      '- Dropout [Link](https://example.org/dropout)',
    );
    expect(catalog.sections.map((section) => [section.name, section.line, section.paperIds])).toEqual([
      ['Papers', 1, ['adam', 'dropout']],
      ['Other', 3, ['sgd']],
    ]);
  });
});
