import { describe, expect, it } from 'vitest';
import { canonicalUrl, isLabel, isSearchLink, makeLink } from '../../src/catalog/links.ts';

const hash = '01d8bae291b1e4724443375634ccfa0e';

describe('canonicalUrl of NeurIPS proceedings', () => {
  it('makes a paper’s .pdf and its landing page one link, on either host and in either layout', () => {
    const forms = [
      `https://papers.nips.cc/paper/2019/file/${hash}-Paper.pdf`,
      `https://papers.nips.cc/paper/2019/hash/${hash}-Abstract.html`,
      `https://proceedings.neurips.cc/paper/2019/file/${hash}-Paper.pdf`,
      `https://proceedings.neurips.cc/paper_files/paper/2019/hash/${hash}-Abstract-Conference.html`,
    ];
    expect(new Set(forms.map(canonicalUrl))).toEqual(
      new Set([`https://proceedings.neurips.cc/paper/2019/hash/${hash}`]),
    );
  });

  it('keeps two papers of one year apart', () => {
    const other = 'ffffbae291b1e4724443375634ccfa0e';
    expect(canonicalUrl(`https://papers.nips.cc/paper/2019/file/${hash}-Paper.pdf`)).not.toBe(
      canonicalUrl(`https://papers.nips.cc/paper/2019/file/${other}-Paper.pdf`),
    );
  });

  it('makes an old-style .pdf and its page one link', () => {
    expect(canonicalUrl('http://papers.nips.cc/paper/6113-weight-normalization.pdf')).toBe(
      'https://papers.nips.cc/paper/6113-weight-normalization',
    );
  });

  it('leaves .pdf alone on any other host: a PDF and a page elsewhere are two links', () => {
    expect(canonicalUrl('https://example.org/paper.pdf')).toBe('https://example.org/paper.pdf');
    expect(canonicalUrl('https://example.org/paper.pdf')).not.toBe(canonicalUrl('https://example.org/paper'));
  });
});

describe('canonicalUrl of ?id= links', () => {
  it('reads ?id= on openreview.net: the pdf and the forum of one paper are one link', () => {
    expect(canonicalUrl('https://openreview.net/pdf?id=SkMQg3C5K7')).toBe(
      'https://openreview.net/forum?id=SkMQg3C5K7',
    );
    expect(canonicalUrl('https://www.openreview.net/forum?id=SkMQg3C5K7&noteId=x')).toBe(
      'https://openreview.net/forum?id=SkMQg3C5K7',
    );
    expect(canonicalUrl('https://openreview.net/forum?id=A')).not.toBe(
      canonicalUrl('https://openreview.net/forum?id=B'),
    );
  });

  it('reads ?id= nowhere else: two pages of another site with one id stay two links', () => {
    expect(canonicalUrl('https://example.org/view?id=42')).toBe('https://example.org/view?id=42');
    expect(canonicalUrl('https://example.org/view?id=42')).not.toBe(
      canonicalUrl('https://example.org/other?id=42'),
    );
    expect(canonicalUrl('https://dl.acm.org/citation.cfm?id=3045390')).toBe(
      'https://dl.acm.org/citation.cfm?id=3045390',
    );
  });
});

describe('search-engine links', () => {
  it.each([
    'https://www.google.com/search?q=adam',
    'https://scholar.google.com/scholar?cluster=1',
    'https://scholar.google.de/scholar?q=adam',
    'https://duckduckgo.com/?q=adam',
    'https://www.bing.com/search?q=adam',
    'https://www.semanticscholar.org/search?q=adam',
  ])('%s is a search, not a paper’s link', (url) => {
    expect(isSearchLink(url)).toBe(true);
  });

  it.each([
    'https://www.semanticscholar.org/paper/Adam-Kingma/a6cb366736791bcccc5c8639de5a8f9636bf87e8',
    'https://arxiv.org/abs/1412.6980',
    'https://github.com/google/search',
    'not a url',
  ])('%s is not a search', (url) => {
    expect(isSearchLink(url)).toBe(false);
  });
});

describe('labels', () => {
  it.each([
    ['[web]', 'web', 'paper'],
    ['Poster', 'Poster', 'paper'],
    ['homepage', 'homepage', 'paper'],
  ])('%s is a label: the link is labelled %s, of kind %s', (text, label, kind) => {
    expect(isLabel(text)).toBe(true);
    expect(makeLink(text, 'https://example.org/x.pdf')).toMatchObject({ label, kind });
  });
});
