import { describe, expect, it } from 'vitest';
import { arxivIdOf, canonicalUrl, makeLink, urlYear } from '../../src/catalog/links.ts';
import { repairMojibake } from '../../src/catalog/mojibake.ts';
import { parseCatalog } from '../../src/catalog/parse.ts';
import { buildCasingLexicon, readableTitle } from '../../src/catalog/title.ts';

describe('repairMojibake', () => {
  it.each([
    ['RUBIKâ€™S', 'RUBIK’S'],
    ['cafÃ© crÃ¨me', 'café crème'],
    ['â€œquotedâ€\u009d', '“quoted”'],
    ['emoji ðŸ˜€', 'emoji 😀'],
  ])('When reading "%s" it gives "%s"', (input, output) => {
    expect(repairMojibake(input)).toEqual({ text: output, repaired: true });
  });

  it.each(['plain café', 'naïve über', 'Ã alone', '£5'])('leaves correct text "%s" alone', (text) => {
    expect(repairMojibake(text)).toEqual({ text, repaired: false });
  });
});

describe('readableTitle', () => {
  const lexicon = buildCasingLexicon(['Depth Creates No Bad Local Minima in ResNets']);

  it('title-cases shouting titles, keeping acronyms and names the list writes with capitals', () => {
    expect(readableTitle('SKIP CONNECTIONS FOR RESNETS AND GANS WITH SGD', lexicon)).toBe(
      'Skip Connections for ResNets and GANs with SGD',
    );
  });

  it('leaves titles in mixed case as written', () => {
    expect(readableTitle('On the difficulty of training RNNs', lexicon)).toBe(
      'On the difficulty of training RNNs',
    );
  });
});

describe('links', () => {
  it.each([
    ['https://arxiv.org/abs/1412.6980', '1412.6980'],
    ['https://arxiv.org/pdf/1611.03530.pdf', '1611.03530'],
    ['http://arxiv.org/abs/1412.6980v9', '1412.6980'],
    ['https://arxiv.org/abs/hep-th/9901001', 'hep-th/9901001'],
    ['https://arxiv.org/abs/1412.6980?context=cs', '1412.6980'],
    ['https://arxiv.org/abs/1412.6980v2#S3', '1412.6980'],
    ['https://openreview.net/forum?id=x', undefined],
    ['https://example.org/?next=https://arxiv.org/abs/1412.6980', undefined],
  ])('When reading %s the arXiv id is %s', (url, id) => {
    expect(arxivIdOf(url)).toBe(id);
  });

  it.each([
    ['Link', 'https://github.com/someone/adabound', 'code', 'Link'],
    ['', 'https://github.com/someone/adabound', 'code', 'Code'],
    ['Link', 'https://www.youtube.com/watch?v=x', 'video', 'Link'],
    ['Link', 'https://distill.pub/2017/momentum/', 'blog', 'Link'],
    ['Link', 'https://www.deeplearningbook.org/contents/optimization.html', 'book', 'Link'],
    ['Link', 'https://example.org/', 'blog', 'Link'],
    ['Link', 'https://example.org/paper.pdf', 'paper', 'Link'],
    ['Slides', 'https://example.org/slides.pdf', 'video', 'Slides'],
  ])('When a link labelled %s points to %s its kind is %s, labelled %s', (text, url, kind, label) => {
    expect(makeLink(text, url)).toMatchObject({ kind, label });
  });

  it('gives one canonical form to the ways of writing one link', () => {
    expect(canonicalUrl('https://arxiv.org/pdf/1312.6120.pdf')).toBe(
      canonicalUrl('https://arxiv.org/abs/1312.6120v3'),
    );
    expect(canonicalUrl('https://openreview.net/pdf?id=SkMQg3C5K7')).toBe(
      canonicalUrl('https://openreview.net/forum?id=SkMQg3C5K7'),
    );
    expect(canonicalUrl('http://www.example.org/a/')).toBe('https://example.org/a');
    expect(canonicalUrl('https://example.org/a')).not.toBe(canonicalUrl('https://example.org/b'));
  });

  it.each([
    ['https://www.aclweb.org/anthology/N19-1208.pdf', 2019],
    ['https://papers.nips.cc/paper/2019/file/01d8bae291b1e4724443375634ccfa0e-Paper.pdf', 2019],
    ['https://pdfs.semanticscholar.org/b579/27b713a6f9b73c7941f99144165396483478.pdf', undefined],
    ['http://papers.nips.cc/paper/6113-weight-normalization', undefined],
  ])('When reading %s the year is %s', (url, year) => {
    expect(urlYear(url)).toBe(year);
  });
});

describe('parseCatalog on hostile input', () => {
  it.each([
    ['an empty file', ''],
    ['prose only', 'Just a paragraph.\n\nAnother one.'],
    ['binary noise', '\u0000\u0001\uFFFD\u0007 [[[ ]]] ((( '],
  ])('gives an empty catalog for %s, with an error saying what a list needs', (_name, markdown) => {
    const catalog = parseCatalog(markdown);
    expect(catalog.sections).toEqual([]);
    expect(catalog.papers).toEqual([]);
    expect(catalog.diagnostics.filter((d) => d.severity === 'error')).toEqual([
      expect.objectContaining({
        line: 1,
        code: 'no-papers',
        message: expect.stringMatching(/^no papers found/),
      }),
    ]);
  });

  it('reads a heading with five hundred items', () => {
    const items = Array.from(
      { length: 500 },
      (_, i) => `- Paper number ${i} [Link](https://example.org/${i})`,
    );
    const catalog = parseCatalog(`## Big\n${items.join('\n')}\n`);
    expect(catalog.papers).toHaveLength(500);
    expect(catalog.papers[499]?.title).toBe('Paper number 499');
  });
});
