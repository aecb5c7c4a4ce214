import { describe, expect, it } from 'vitest';
import { identify, titleKey } from '../../src/catalog/identity.ts';
import { makeLink } from '../../src/catalog/links.ts';
import { parseCatalog } from '../../src/catalog/parse.ts';
import type { Diagnostic, Entry } from '../../src/catalog/types.ts';

/** An entry of section `section` at `line`, linking to `url`. */
const entry = (rawTitle: string, url: string, line: number, extra: Partial<Entry> = {}): Entry => ({
  line,
  section: 'Papers',
  rawTitle,
  links: [makeLink('Link', url)],
  ...extra,
});

const lines = new Map([['Papers', 1]]);

describe('titleKey', () => {
  it('drops accents, apostrophes of every kind, case and punctuation', () => {
    expect(titleKey("  Café’s  l'Été ‘x’ `y`: RÉSUMÉ-2 ")).toBe('cafes lete x y resume 2');
  });
});

describe('paper ids', () => {
  it('are the title slug, numbered from 2 when a title comes back as another paper', () => {
    const catalog = identify(
      lines,
      [
        entry('Deep Learning', 'https://example.org/a', 2, { year: 2015 }),
        entry('Deep learning!', 'https://example.org/b', 3, { year: 2016 }),
        entry('Deep Learning', 'https://example.org/c', 4, { year: 2017 }),
      ],
      [],
    );
    expect(catalog.papers.map((paper) => paper.id)).toEqual([
      'deep-learning',
      'deep-learning-2',
      'deep-learning-3',
    ]);
  });

  it('are "untitled" for a title without letters or digits', () => {
    expect(identify(lines, [entry('!!!', 'https://example.org/a', 2)], []).papers[0]?.id).toBe('untitled');
  });

  it('are cut at the last word boundary before 80 characters, or at 80 when that boundary is too early', () => {
    const words = identify(lines, [entry(`${'word '.repeat(20)}end`, 'https://example.org/a', 2)], [])
      .papers[0]?.id;
    expect(words).toBe('word-'.repeat(16).slice(0, -1));
    const long = `ab ${'x'.repeat(100)}`;
    expect(identify(lines, [entry(long, 'https://example.org/a', 2)], []).papers[0]?.id).toBe(
      `ab-${'x'.repeat(77)}`,
    );
    const boundaryAt20 = `${'a'.repeat(20)} ${'b'.repeat(100)}`;
    expect(identify(lines, [entry(boundaryAt20, 'https://example.org/a', 2)], []).papers[0]?.id).toBe(
      `${'a'.repeat(20)}-${'b'.repeat(59)}`,
    );
    const eightyWithWords = `${'a'.repeat(30)} ${'b'.repeat(49)}`;
    expect(identify(lines, [entry(eightyWithWords, 'https://example.org/a', 2)], []).papers[0]?.id).toBe(
      `${'a'.repeat(30)}-${'b'.repeat(49)}`,
    );
    const eighty = 'y'.repeat(80);
    expect(identify(lines, [entry(eighty, 'https://example.org/a', 2)], []).papers[0]?.id).toBe(eighty);
  });
});

describe('entries of one title', () => {
  it('join when they share a link even if their years differ', () => {
    const catalog = identify(
      lines,
      [
        entry('Adam', 'https://example.org/adam', 2, { year: 2014 }),
        entry('Adam', 'https://example.org/adam/', 3, { year: 2015 }),
      ],
      [],
    );
    expect(catalog.papers.map((paper) => [paper.id, paper.lines, paper.year])).toEqual([
      ['adam', [2, 3], 2014],
    ]);
  });

  it('join when only one of them has a year, an arXiv id or authors', () => {
    const catalog = identify(
      lines,
      [
        entry('Adam', 'https://arxiv.org/abs/1412.6980', 2),
        entry('Adam', 'https://example.org/adam', 3, { year: 2015, description: 'Kingma' }),
      ],
      [],
    );
    expect(catalog.papers).toHaveLength(1);
    expect(catalog.papers[0]).toMatchObject({ year: 2015, arxivId: '1412.6980', description: 'Kingma' });
  });

  it('join when only the first has a year or an arXiv id', () => {
    const catalog = identify(
      lines,
      [
        entry('Adam', 'https://arxiv.org/abs/1412.6980', 2, { year: 2015 }),
        entry('Adam', 'https://example.org/adam', 3),
      ],
      [],
    );
    expect(catalog.papers.map((paper) => paper.lines)).toEqual([[2, 3]]);
  });

  it('join when their authors differ only in case and punctuation', () => {
    const catalog = identify(
      lines,
      [
        entry('Adam', 'https://example.org/a', 2, { description: 'Kingma, Ba' }),
        entry('Adam', 'https://example.org/b', 3, { description: 'kingma ba' }),
      ],
      [],
    );
    expect(catalog.papers.map((paper) => paper.links.length)).toEqual([2]);
  });

  it('stay apart when one conflicts with any entry already joined', () => {
    const catalog = identify(
      lines,
      [
        entry('Adam', 'https://example.org/a', 2),
        entry('Adam', 'https://example.org/b', 3, { year: 2014 }),
        entry('Adam', 'https://example.org/c', 4, { year: 2015 }),
      ],
      [],
    );
    expect(catalog.papers.map((paper) => paper.lines)).toEqual([[2, 3], [4]]);
  });

  it('stay apart with two arXiv ids, and join another entry of the second id', () => {
    const catalog = identify(
      lines,
      [
        entry('Adam', 'https://arxiv.org/abs/1412.6980', 2),
        entry('Adam', 'https://arxiv.org/abs/1412.6981', 3),
        entry('Adam', 'https://arxiv.org/pdf/1412.6981v2', 4),
      ],
      [],
    );
    expect(catalog.papers.map((paper) => [paper.id, paper.lines, paper.links.length])).toEqual([
      ['adam', [2], 1],
      ['adam-2', [3, 4], 1],
    ]);
  });
});

describe('what a paper gathers from its entries', () => {
  it('keeps the first description, every alias once, and the links of every entry', () => {
    const catalog = identify(
      lines,
      [
        entry('Adam', 'https://example.org/a', 2, { aliases: ['ADAM'] }),
        {
          ...entry('Adam', 'https://example.org/a', 3, { description: 'first', aliases: ['ADAM', 'AdaM'] }),
          section: 'More',
        },
        entry('Adam', 'https://example.org/b', 4, {
          description: 'second',
          links: [makeLink('Link', 'https://example.org/b'), makeLink('Link', 'https://example.org/a')],
        }),
      ],
      [],
    );
    expect(catalog.papers).toEqual([
      expect.objectContaining({
        sections: ['Papers', 'More'],
        description: 'first',
        aliases: ['ADAM', 'AdaM'],
        links: [makeLink('Link', 'https://example.org/a'), makeLink('Link', 'https://example.org/b')],
        lines: [2, 3, 4],
      }),
    ]);
    expect(catalog.sections).toEqual([
      { name: 'Papers', line: 1, paperIds: ['adam'] },
      { name: 'More', line: 0, paperIds: ['adam'] },
    ]);
  });

  it('takes its year from an entry, else a year ending its title, else its arXiv id, else a URL', () => {
    const years = identify(
      lines,
      [
        entry('Perceptrons (1969)', 'https://arxiv.org/abs/1412.6980', 2),
        entry('Old (1850)', 'https://example.org/x', 3),
        entry('Adam', 'https://arxiv.org/abs/1412.6980', 4),
        entry('Page', 'https://example.org/2019/page', 5),
        entry('Older (1899)', 'https://example.org/y', 6),
        entry('Nothing (2015) here', 'https://example.org/z', 7),
        entry('Recent (2015)', 'https://example.org/r', 8),
        entry('Glued (2015)x', 'https://example.org/g', 9),
        {
          ...entry('Later link', 'https://example.org/page', 10),
          links: [
            makeLink('Link', 'https://example.org/page'),
            makeLink('Link', 'https://example.org/2018/x'),
          ],
        },
        {
          ...entry('Later arXiv', 'https://example.org/page', 11),
          links: [
            makeLink('Link', 'https://example.org/p2'),
            makeLink('PDF', 'https://arxiv.org/abs/1706.03762'),
          ],
        },
      ],
      [],
    ).papers.map((paper) => [paper.rawTitle, paper.year]);
    expect(years).toEqual([
      ['Perceptrons (1969)', 1969],
      ['Old (1850)', 1850],
      ['Adam', 2014],
      ['Page', 2019],
      ['Older (1899)', 1899],
      ['Nothing (2015) here', undefined],
      ['Recent (2015)', 2015],
      ['Glued (2015)x', undefined],
      ['Later link', 2018],
      ['Later arXiv', 2017],
    ]);
  });

  it('has no arXiv id nor year keys when it has none', () => {
    const [paper] = identify(lines, [entry('Adam', 'https://example.org/adam', 2)], []).papers;
    expect(paper).toStrictEqual({
      id: 'adam',
      title: 'Adam',
      rawTitle: 'Adam',
      sections: ['Papers'],
      links: [makeLink('Link', 'https://example.org/adam')],
      lines: [2],
    });
  });
});

describe('duplicates', () => {
  it('are a warning within a section and a note across sections, at the second listing, sorted by line', () => {
    const diagnostics: Diagnostic[] = [
      { line: 9, severity: 'info', code: 'not-a-paper', message: 'later' },
      { line: 1, severity: 'info', code: 'not-a-paper', message: 'first' },
    ];
    identify(
      lines,
      [
        entry('Adam', 'https://example.org/adam', 2),
        entry('SGD', 'https://example.org/sgd', 3),
        entry('Adam', 'https://example.org/adam', 5),
        { ...entry('SGD', 'https://example.org/sgd', 7), section: 'More' },
        { ...entry('SGD', 'https://example.org/sgd', 8), section: 'Other' },
      ],
      diagnostics,
    );
    expect(diagnostics).toEqual([
      { line: 1, severity: 'info', code: 'not-a-paper', message: 'first' },
      {
        line: 5,
        severity: 'warning',
        code: 'duplicate',
        message: '"Adam" is listed 2 times: "Papers" (line 2), "Papers" (line 5)',
      },
      {
        line: 7,
        severity: 'info',
        code: 'duplicate',
        message: '"SGD" is listed 3 times: "Papers" (line 3), "More" (line 7), "Other" (line 8)',
      },
      { line: 9, severity: 'info', code: 'not-a-paper', message: 'later' },
    ]);
  });

  it('are read from a real list the same way', () => {
    const catalog = parseCatalog(
      '## A\n- Adam [Link](https://example.org/adam)\n## B\n- Adam [Link](https://example.org/adam)\n',
    );
    expect(
      catalog.diagnostics.filter((d) => d.code === 'duplicate').map((d) => [d.line, d.severity]),
    ).toEqual([[4, 'info']]);
  });
});
