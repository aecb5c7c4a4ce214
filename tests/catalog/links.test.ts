import { describe, expect, it } from 'vitest';
import {
  arxivIdOf,
  arxivYear,
  canonicalUrl,
  hostOf,
  isLabel,
  isSearchLink,
  makeLink,
  titleFromUrl,
  urlYear,
} from '../../src/catalog/links.ts';

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

describe('makeLink: the kind a label or a host implies', () => {
  it.each([
    ['pdf', 'paper'],
    ['paper', 'paper'],
    ['arxiv', 'paper'],
    ['openreview', 'paper'],
    ['abstract', 'paper'],
    ['html', 'paper'],
    ['book', 'book'],
    ['chapter', 'book'],
    ['github', 'code'],
    ['gitlab', 'code'],
    ['code', 'code'],
    ['repo', 'code'],
    ['repository', 'code'],
    ['implementation', 'code'],
    ['source', 'code'],
    ['talk', 'video'],
    ['video', 'video'],
    ['youtube', 'video'],
    ['lecture', 'video'],
    ['slides', 'video'],
    ['blog', 'blog'],
    ['post', 'blog'],
    ['blog post', 'blog'],
    ['notes', 'blog'],
    ['tutorial', 'blog'],
    ['website', 'blog'],
    ['project', 'blog'],
    ['poster', 'paper'],
    ['supplementary', 'paper'],
  ])('[%s] on example.org is a link of kind %s', (label, kind) => {
    expect(makeLink(`[${label}]`, 'https://example.org/x')).toEqual({
      label,
      url: 'https://example.org/x',
      kind,
      host: 'example.org',
    });
  });

  it.each([
    ['https://github.com/a/b', 'code', 'Code'],
    ['https://gitlab.com/a/b', 'code', 'Code'],
    ['https://bitbucket.org/a/b', 'code', 'Code'],
    ['https://www.youtube.com/watch?v=1', 'video', 'Talk'],
    ['https://youtu.be/1', 'video', 'Talk'],
    ['https://vimeo.com/1', 'video', 'Talk'],
    ['http://videolectures.net/icml2015_x/', 'video', 'Talk'],
    ['https://distill.pub/2017/momentum/', 'blog', 'Blog'],
    ['https://medium.com/@a/b', 'blog', 'Blog'],
    ['https://www.inference.vc/x/', 'blog', 'Blog'],
    ['https://www.offconvex.org/2016/03/22/saddlepoints/', 'blog', 'Blog'],
    ['https://www.deeplearningbook.org/contents/optimization.html', 'book', 'Book'],
    ['https://example.org/x.pdf', 'paper', 'Paper'],
  ])('a titled link to %s is of kind %s, labelled %s', (url, kind, label) => {
    expect(makeLink('Some Title', url)).toMatchObject({ kind, label });
  });

  it('reads a label however it is bracketed, spaced or cased, and keeps its text', () => {
    expect(makeLink(' [Github] ', 'https://example.org/x')).toMatchObject({ label: 'Github', kind: 'code' });
    expect(makeLink('(Blog  post)', 'https://example.org/x')).toMatchObject({ kind: 'blog' });
    expect(makeLink('[[Talk]]', 'https://example.org/x')).toMatchObject({ label: 'Talk', kind: 'video' });
    for (const label of ['Link', 'links', 'URL', 'here', 'web', 'homepage'])
      expect(isLabel(label)).toBe(true);
    expect(isLabel('Adam')).toBe(false);
  });

  it('calls a site’s front page a blog, any other page or query a paper, and a bad URL a paper without host', () => {
    expect(makeLink('Someone', 'https://example.org/').kind).toBe('blog');
    expect(makeLink('Someone', 'https://example.org/?page=2').kind).toBe('paper');
    expect(makeLink('Someone', 'https://example.org/a').kind).toBe('paper');
    expect(makeLink('Someone', 'not a url')).toEqual({
      label: 'Paper',
      url: 'not a url',
      kind: 'paper',
      host: '',
    });
  });
});

describe('hosts and search engines', () => {
  it('drops only a leading www.', () => {
    expect(hostOf('https://WWW.Example.org/x')).toBe('example.org');
    expect(hostOf('https://swww.example.org/x')).toBe('swww.example.org');
    expect(hostOf('not a url')).toBeUndefined();
  });

  it('takes only a search engine’s own host, and only semanticscholar.org/search, as a search', () => {
    expect(isSearchLink('https://notbing.com/search?q=adam')).toBe(false);
    expect(isSearchLink('https://bing.com.example.org/search?q=adam')).toBe(false);
    expect(isSearchLink('https://www.semanticscholar.org/author/x/search')).toBe(false);
    expect(isSearchLink('https://search.yahoo.com/search?p=adam')).toBe(true);
    expect(isSearchLink('https://xueshu.baidu.com/s?wd=adam')).toBe(true);
  });
});

describe('arXiv ids and years', () => {
  it('reads new and old ids, any version, and nothing that only starts like an id', () => {
    expect(arxivIdOf('https://arxiv.org/abs/1412.6980v12')).toBe('1412.6980');
    expect(arxivIdOf('https://export.arxiv.org/pdf/1412.6980v2.pdf')).toBe('1412.6980');
    expect(arxivIdOf('https://arxiv.org/abs/math.OC/0601001')).toBe('math.OC/0601001');
    expect(arxivIdOf('https://arxiv.org/abs/hep-th/9901001v1')).toBe('hep-th/9901001');
    expect(arxivIdOf('https://arxiv.org/abs/1412.69801234')).toBeUndefined();
    expect(arxivIdOf('https://arxiv.org/abs/1412.6980/comments')).toBeUndefined();
  });

  it('gives the year of new and old ids, 1991 to 2090', () => {
    expect(arxivYear('1412.6980')).toBe(2014);
    expect(arxivYear('hep-th/9901001')).toBe(1999);
    expect(arxivYear('hep-th/9108001')).toBe(1991);
    expect(arxivYear('math.OC/0601001')).toBe(2006);
    expect(arxivYear('9001.00001')).toBe(2090);
    expect(arxivYear('nonsense')).toBe(2000);
  });

  it('reads a year standing alone in a path, skipping hashes, and ACL Anthology ids', () => {
    expect(urlYear('https://example.org/paper/2019/x')).toBe(2019);
    expect(urlYear('https://example.org/cvpr_1995/x')).toBe(1995);
    expect(urlYear('https://example.org/a12019/x')).toBeUndefined();
    expect(urlYear('https://example.org/files/2019abcdef0123456789/paper.pdf')).toBeUndefined();
    expect(urlYear('https://example.org/workshop_on_optimization_2015/paper')).toBe(2015);
    expect(urlYear('https://www.aclweb.org/anthology/N19-1208')).toBe(2019);
    expect(urlYear('https://aclanthology.org/x/aclweb.org/anthology/2020.acl-main.1')).toBe(2020);
    expect(urlYear('not a url')).toBeUndefined();
  });
});

describe('canonicalUrl and titleFromUrl, edge by edge', () => {
  it('keeps an openreview.net page without ?id= as it is, and trims what does not parse', () => {
    expect(canonicalUrl('https://openreview.net/forum')).toBe('https://openreview.net/forum');
    expect(canonicalUrl(' not a url ')).toBe('not a url');
    expect(canonicalUrl('https://swww.example.org/a//')).toBe('https://swww.example.org/a');
  });

  it('reads only proceedings paths that are a hashed paper from their start to their end', () => {
    expect(canonicalUrl(`https://papers.nips.cc/mirror/paper/2019/file/${hash}-Paper.pdf`)).toBe(
      `https://papers.nips.cc/mirror/paper/2019/file/${hash}-Paper`,
    );
    expect(canonicalUrl(`https://papers.nips.cc/paper/2019/file/${hash}-Paper.pdf.zip`)).toBe(
      `https://papers.nips.cc/paper/2019/file/${hash}-Paper.pdf.zip`,
    );
    expect(canonicalUrl('https://papers.nips.cc/paper/6113-weight-normalization.pdfx')).toBe(
      'https://papers.nips.cc/paper/6113-weight-normalization.pdfx',
    );
  });

  it('titles a bare URL by its host and path, without the page’s extension or trailing slashes', () => {
    expect(titleFromUrl('https://swww.example.org/')).toBe('swww.example.org');
    expect(titleFromUrl('https://www.example.org/a.htm')).toBe('example.org/a');
    expect(titleFromUrl('https://www.example.org/a.asp')).toBe('example.org/a');
    expect(titleFromUrl('https://www.example.org/a.html/b//')).toBe('example.org/a.html/b');
    expect(titleFromUrl('not a url')).toBe('not a url');
  });
});
