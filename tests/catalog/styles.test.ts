import { describe, expect, it } from 'vitest';
import { parseCatalog } from '../../src/catalog/parse.ts';
import type { Catalog } from '../../src/catalog/types.ts';

const titles = (catalog: Catalog) => catalog.papers.map((paper) => paper.title);
const problems = (catalog: Catalog) =>
  catalog.diagnostics
    .filter((d) => d.severity !== 'info' || d.code === 'not-a-paper')
    .map((d) => `${d.line} ${d.severity} ${d.message}`);

describe('tables', () => {
  it('without a title column, takes the first cell whose link is not a label; search links are left out', () => {
    const catalog = parseCatalog(
      [
        '## Papers',
        '| When | Where | Implementation |',
        '| --- | --- | --- |',
        '| 2016 | [Layer Normalization](https://arxiv.org/abs/1607.06450) | [repo](https://gitlab.com/x/ln) |',
        '| 2018 | [Group Normalization](https://arxiv.org/abs/1803.08494) [Scholar](https://scholar.google.com/scholar?q=gn) | |',
      ].join('\n'),
    );
    expect(catalog.papers).toEqual([
      expect.objectContaining({
        title: 'Layer Normalization',
        year: 2016,
        lines: [4],
        links: [
          { label: 'Paper', url: 'https://arxiv.org/abs/1607.06450', kind: 'paper', host: 'arxiv.org' },
          { label: 'repo', url: 'https://gitlab.com/x/ln', kind: 'code', host: 'gitlab.com' },
        ],
      }),
      expect.objectContaining({
        title: 'Group Normalization',
        year: 2018,
        links: [
          { label: 'Paper', url: 'https://arxiv.org/abs/1803.08494', kind: 'paper', host: 'arxiv.org' },
        ],
      }),
    ]);
    expect(problems(catalog)).toEqual([]);
  });

  it('reports a row with links but no title, and a row with a title but no link, each with its line', () => {
    const catalog = parseCatalog(
      [
        '## Papers',
        '',
        '| Paper | Code |',
        '| --- | --- |',
        '| Adam: A Method for Stochastic Optimization | [code](https://github.com/x/adam) |',
        '| | [code](https://github.com/x/nothing) |',
        '| Dropout | |',
        '| Batch Normalization | [PyTorch](https://github.com/x/bn) |',
        '| Layer Normalization | [TF](https://github.com/x/ln) |',
      ].join('\n'),
    );
    expect(titles(catalog)).toEqual([
      'Adam: A Method for Stochastic Optimization',
      'Batch Normalization',
      'Layer Normalization',
    ]);
    // A link in a column named for a kind of link is labelled with the column's name.
    expect(catalog.papers[1]?.links).toEqual([
      { label: 'Code', url: 'https://github.com/x/bn', kind: 'code', host: 'github.com' },
    ]);
    expect(problems(catalog)).toEqual([
      '6 error row has no title: "code"',
      '7 error row has no link: "Dropout"',
    ]);
  });

  it('keeps an acronym ending a title cell as an alias, and a table before the first heading out', () => {
    const catalog = parseCatalog(
      [
        '| Title | Link |',
        '| --- | --- |',
        '| Not a paper | [x](https://example.org/x) |',
        '',
        '## Papers',
        '',
        '| Title | Link |',
        '| --- | --- |',
        '| Stochastic Weight Averaging (SWA) | [PDF](https://arxiv.org/abs/1803.05407) |',
      ].join('\n'),
    );
    expect(catalog.papers).toEqual([
      expect.objectContaining({
        title: 'Stochastic Weight Averaging',
        aliases: ['SWA'],
        sections: ['Papers'],
      }),
    ]);
    expect(catalog.diagnostics).toContainEqual({
      line: 1,
      severity: 'info',
      code: 'skipped-section',
      message: 'table before the first heading is not a section',
    });
  });
});

describe('paragraphs', () => {
  it('takes a bold title when nothing is quoted, and leaves prose with a link alone', () => {
    const catalog = parseCatalog(
      [
        '## Reading',
        '',
        '**Deep Residual Learning for Image Recognition**, He et al., CVPR (2016). [[pdf]](https://arxiv.org/abs/1512.03385)',
        '',
        '**Note:** the [slides](https://example.org/slides) are worth a look (2016).',
        '',
        'We met on [Tuesday](https://example.org/calendar).',
      ].join('\n'),
    );
    expect(catalog.papers).toEqual([
      expect.objectContaining({
        title: 'Deep Residual Learning for Image Recognition',
        year: 2016,
        description: 'He et al., CVPR',
        lines: [3],
      }),
    ]);
    expect(problems(catalog)).toEqual([]);
  });

  it('leaves search-engine links out of a paragraph’s links', () => {
    const catalog = parseCatalog(
      '## Reading\n\n**[1]** Ba et al. "Layer normalization." (2016). [[scholar]](https://scholar.google.com/scholar?q=ln) [[pdf]](https://arxiv.org/abs/1607.06450)\n',
    );
    expect(catalog.papers).toEqual([
      expect.objectContaining({
        title: 'Layer normalization',
        links: [{ label: 'pdf', url: 'https://arxiv.org/abs/1607.06450', kind: 'paper', host: 'arxiv.org' }],
      }),
    ]);
  });

  it('reports a numbered paragraph with links but no title', () => {
    const catalog = parseCatalog('## Reading\n\n**[7]** [[pdf]](https://example.org/7.pdf)\n');
    expect(catalog.papers).toEqual([]);
    expect(problems(catalog)).toEqual([
      '1 error no papers found: a paper is a list item with a link ("- [Title](https://…)") under a heading ("## Section")',
      '3 error paragraph has links but no title: "[7]"',
    ]);
  });
});

describe('lists', () => {
  it('files the items of a group without a link under "Section › Group", and a group inside a group under both', () => {
    const catalog = parseCatalog(
      [
        '## Languages',
        '- JavaScript',
        '  - Promises',
        '    - [Promises/A+](https://example.org/promises)',
        '  - [The Event Loop](https://example.org/loop)',
      ].join('\n'),
    );
    expect(catalog.sections.map((section) => [section.name, section.line, section.paperIds])).toEqual([
      ['Languages › JavaScript › Promises', 3, ['promises-a']],
      ['Languages › JavaScript', 2, ['the-event-loop']],
    ]);
    expect(problems(catalog)).toEqual([]);
  });

  it('names a group by its <summary> without the tags inside it, and closes it at </details>', () => {
    const catalog = parseCatalog(
      [
        '## Methods',
        '<details>',
        '<summary><b>Second-order</b> :books:</summary>',
        '',
        '- [K-FAC](https://arxiv.org/abs/1503.05671)',
        '',
        '</details>',
        '',
        '- [SGDR](https://arxiv.org/abs/1608.03983)',
      ].join('\n'),
    );
    expect(catalog.sections.map((section) => [section.name, section.paperIds])).toEqual([
      ['Methods › Second-order', ['k-fac']],
      ['Methods', ['sgdr']],
    ]);
  });

  it('takes a list whose links all point into the page, README.md#… included, for a table of contents', () => {
    const catalog = parseCatalog(
      '## Contents\n- [Papers](README.md#papers)\n- [Talks](./#talks)\n## Papers\n- [Adam](https://arxiv.org/abs/1412.6980)\n',
    );
    expect(catalog.sections.map((section) => section.name)).toEqual(['Papers']);
    expect(catalog.diagnostics).toContainEqual({
      line: 2,
      severity: 'info',
      code: 'skipped-section',
      message: 'table of contents under "Contents" is not a section',
    });
  });

  it('skips an item that only links into the page, with a note', () => {
    const catalog = parseCatalog(
      '## Papers\n- [Adam](https://arxiv.org/abs/1412.6980)\n- [Back to top](./#papers)\n',
    );
    expect(titles(catalog)).toEqual(['Adam']);
    expect(problems(catalog)).toEqual(['3 info "Back to top" links to a place in this page']);
  });

  it('drops a link with an empty target and keeps the rest of the item', () => {
    const catalog = parseCatalog('## Papers\n- [:outbox_tray:]() [Adam](https://arxiv.org/abs/1412.6980)\n');
    expect(catalog.papers).toEqual([
      expect.objectContaining({
        title: 'Adam',
        links: [{ label: 'Paper', url: 'https://arxiv.org/abs/1412.6980', kind: 'paper', host: 'arxiv.org' }],
      }),
    ]);
  });

  it('names a heading without its emphasis, emoji codes and trailing colon; keeps its number', () => {
    const catalog = parseCatalog(
      '## *Optimizers* :rocket: :\n- [Adam](https://arxiv.org/abs/1412.6980)\n## 3.1 Schedules\n- [SGDR](https://arxiv.org/abs/1608.03983)\n',
    );
    expect(catalog.sections.map((section) => section.name)).toEqual(['Optimizers', '3.1 Schedules']);
  });

  it('keeps a list after a thematic break under its heading when the document has no title', () => {
    const catalog = parseCatalog(
      '## Optimizers\n- [Adam](https://arxiv.org/abs/1412.6980)\n\n---\n\n- [SGDR](https://arxiv.org/abs/1608.03983)\n',
    );
    expect(catalog.sections.map((section) => [section.name, section.paperIds])).toEqual([
      ['Optimizers', ['adam', 'sgdr']],
    ]);
  });

  it('files a list after a thematic break under the document title, not the heading before the break', () => {
    const catalog = parseCatalog(
      '# CafÃ© reading list\n## Contributing\nOpen a pull request.\n\n***\n\n- [Adam](https://arxiv.org/abs/1412.6980)\n',
    );
    expect(catalog.sections.map((section) => [section.name, section.line])).toEqual([
      ['Café reading list', 1],
    ]);
    expect(titles(catalog)).toEqual(['Adam']);
    // The title's repair is reported once, not again when the break files papers under it.
    expect(catalog.diagnostics.filter((d) => d.code === 'mojibake').map((d) => d.line)).toEqual([1]);
  });
});

describe('identity', () => {
  it('keeps two papers of one title with different arXiv ids apart, and merges the same id in two sections', () => {
    const catalog = parseCatalog(
      [
        '## A',
        '- [Deep Learning](https://arxiv.org/abs/1111.11111)',
        '- [Deep Learning](https://arxiv.org/abs/2222.22222)',
        '## B',
        '- [Deep Learning](https://arxiv.org/pdf/2222.22222v2.pdf)',
      ].join('\n'),
    );
    expect(catalog.papers.map((paper) => [paper.id, paper.sections, paper.lines])).toEqual([
      ['deep-learning', ['A'], [2]],
      ['deep-learning-2', ['A', 'B'], [3, 5]],
    ]);
  });

  it('merges one title with one shared link even when the text beside it differs', () => {
    const catalog = parseCatalog(
      '## A\n- [Adam](https://arxiv.org/abs/1412.6980) - Kingma and Ba\n## B\n- [Adam](https://arxiv.org/pdf/1412.6980.pdf) - the default optimizer\n',
    );
    expect(catalog.papers.map((paper) => [paper.id, paper.sections, paper.description])).toEqual([
      ['adam', ['A', 'B'], 'Kingma and Ba'],
    ]);
  });

  it('keeps two papers of one title, no shared link and different authors apart', () => {
    const catalog = parseCatalog(
      '## A\n- [Adam](https://example.org/a) - Kingma and Ba\n- [Adam](https://example.org/b) - Someone Else\n- [Adam](https://example.org/c)\n',
    );
    // The third, with no authors, conflicts with neither: it is the first Adam listed again.
    expect(catalog.papers.map((paper) => [paper.id, paper.lines])).toEqual([
      ['adam', [2, 4]],
      ['adam-2', [3]],
    ]);
  });

  it('keeps two papers of one title and different years apart', () => {
    const catalog = parseCatalog(
      '## A\n- Deep learning (2015), LeCun [pdf](https://example.org/a.pdf)\n- Deep learning (2016), Goodfellow [pdf](https://example.org/b.pdf)\n',
    );
    expect(catalog.papers.map((paper) => [paper.id, paper.year])).toEqual([
      ['deep-learning', 2015],
      ['deep-learning-2', 2016],
    ]);
  });
});
