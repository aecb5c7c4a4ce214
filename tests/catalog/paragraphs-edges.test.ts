import { describe, expect, it } from 'vitest';
import { parseCatalog } from '../../src/catalog/parse.ts';
import type { Entry } from '../../src/catalog/types.ts';

/** Paragraphs under one heading, a blank line apart: paragraph n is on line 2n + 1. */
function read(...paragraphs: string[]): { entries: Entry[]; problems: string[] } {
  const catalog = parseCatalog(['## S', ...paragraphs].join('\n\n'));
  return {
    entries: catalog.entries,
    problems: catalog.diagnostics
      .filter((d) => d.code === 'unreadable-item')
      .map((d) => `${d.line} ${d.severity} ${d.message}`),
  };
}

const link = (url: string, label = 'Link') => ({ label, url, kind: 'paper', host: 'x.org' });

describe('readParagraph: a citation', () => {
  it('takes the quoted title, the authors before it and the venue after it, and the year in parentheses', () => {
    expect(
      read('25\\. Kingma, D. and Ba, J.. “Adam: a method”, JMLR (2011a). [Link](https://x.org/1)'),
    ).toEqual({
      entries: [
        {
          line: 3,
          section: 'S',
          rawTitle: 'Adam: a method',
          links: [link('https://x.org/1')],
          description: 'Kingma, D. and Ba, J. · JMLR',
          year: 2011,
        },
      ],
      problems: [],
    });
  });

  it('keeps the full stop of "et al." and takes a bold title broken over lines, skipping bold numbers and lead-ins', () => {
    const { entries } = read(
      '**(26)** **(2014)** **2014** **Note:** Kingma et al. **A bold\ntitle _over_ lines**, (2019). [Link](https://x.org/u)',
    );
    expect(entries).toEqual([
      {
        line: 3,
        section: 'S',
        rawTitle: 'A bold title over lines',
        links: [link('https://x.org/u')],
        description: '(2014) 2014 Note: Kingma et al.',
        year: 2014,
      },
    ]);
  });

  it('reads the text up to the first label or bare link; a titled link is text, and every link but a search is kept', () => {
    const { entries } = read(
      '[27] Kingma, D. “Adam: a method” ICLR. [Adam: the site](https://x.org/3) [pdf](https://x.org/2) more text https://x.org/4 [Scholar](https://scholar.google.com/scholar?q=adam)',
    );
    expect(entries).toEqual([
      {
        line: 3,
        section: 'S',
        rawTitle: 'Adam: a method',
        links: [
          link('https://x.org/3', 'Adam: the site'),
          link('https://x.org/2', 'pdf'),
          link('https://x.org/4'),
        ],
        description: 'Kingma, D · ICLR. Adam: the site',
      },
    ]);
  });

  it('takes a bold title when nothing is quoted, without a trailing comma, and no year outside 1900–2099', () => {
    const { entries } = read('(29) Kingma. **Adam and Ba,** 1999 (1899) [“Adam” site](https://x.org/6)');
    expect(entries).toEqual([
      {
        line: 3,
        section: 'S',
        rawTitle: 'Adam and Ba',
        links: [link('https://x.org/6', '“Adam” site')],
        description: 'Kingma · 1999 (1899) “Adam” site',
      },
    ]);
  });

  it('reads a paragraph with a year and a bold title but no number', () => {
    expect(read('Kingma **Title here** and **more** ( 2018 ). [Link](https://x.org/7)').entries).toEqual([
      {
        line: 3,
        section: 'S',
        rawTitle: 'Title here',
        links: [link('https://x.org/7')],
        description: 'Kingma · and more',
        year: 2018,
      },
    ]);
  });
});

describe('readParagraph: what is not a citation', () => {
  it('leaves prose alone: no number, no year and nothing quoted, or a year and no title', () => {
    expect(
      read(
        'Some prose with **bold words** and [a link](https://x.org/about) in 2017.',
        'Prose (2018) with no title [Link](https://x.org/y)',
        '"One" word quoted [Link](https://x.org/v)',
        '[12345] Kingma. **Five digits** [Link](https://x.org/z)',
      ),
    ).toEqual({ entries: [], problems: [] });
  });

  it('reports a numbered paragraph with no link, or with links but no title, on its line', () => {
    expect(
      read(
        '[30] Kingma, "the title" (2014).',
        '**[31]** Kingma and Ba. **(2014)**. [[pdf]](https://x.org/t)',
        `[32] ${'word '.repeat(20)}[Link](https://x.org/w)`,
      ),
    ).toEqual({
      entries: [],
      problems: [
        '3 error paragraph has no link: "[30] Kingma, "the title" (2014)."',
        '5 error paragraph has links but no title: "[31] Kingma and Ba. (2014)."',
        `7 error paragraph has links but no title: "[32] ${'word '.repeat(14)}word…"`,
      ],
    });
  });
});

describe('readParagraph: titles, edge by edge', () => {
  const titleOf = (paragraph: string) => read(paragraph).entries.map((entry) => entry.rawTitle);

  it('takes a bold title with a year or a colon inside it, and drops only its last full stop or comma', () => {
    expect(titleOf('[1] Kingma. **Adam in 2014** [Link](https://x.org/1)')).toEqual(['Adam in 2014']);
    expect(titleOf('[1] Kingma. **2014 Adam** [Link](https://x.org/1)')).toEqual(['2014 Adam']);
    expect(titleOf('[2] Kingma. **Adam: a method** [Link](https://x.org/2)')).toEqual(['Adam: a method']);
    expect(titleOf('[3] **Adam, Ba.** [Link](https://x.org/3)')).toEqual(['Adam, Ba']);
  });

  it('does not join two bold runs with a titled link between them', () => {
    expect(titleOf('[5] K. **Bold one**[Titled](https://x.org/5)**two** [Link](https://x.org/6)')).toEqual([
      'Bold one',
    ]);
  });

  it('keeps the words around a year in parentheses apart in the description', () => {
    expect(read('[4] K. "Quoted title here" ICLR(2015)Workshop [Link](https://x.org/4)').entries).toEqual([
      expect.objectContaining({ description: 'K · ICLR Workshop', year: 2015 }),
    ]);
  });

  it('reports a citation with a quoted title and a year but no number and no link', () => {
    expect(read('Kingma. "The title here" (2014).').problems).toEqual([
      '3 error paragraph has no link: "Kingma. "The title here" (2014)."',
    ]);
  });
});
