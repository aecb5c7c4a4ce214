import type { Link, LinkKind } from './types.ts';

/** Link texts that name a link rather than a title (`[Link]`, `[[Github]]`, `[Talk]`), with the kind they imply. */
const labelKinds: Readonly<Record<string, LinkKind | undefined>> = Object.freeze({
  link: undefined,
  links: undefined,
  url: undefined,
  here: undefined,
  pdf: 'paper',
  paper: 'paper',
  arxiv: 'paper',
  openreview: 'paper',
  abstract: 'paper',
  html: 'paper',
  book: 'book',
  chapter: 'book',
  github: 'code',
  gitlab: 'code',
  code: 'code',
  repo: 'code',
  repository: 'code',
  implementation: 'code',
  source: 'code',
  talk: 'video',
  video: 'video',
  youtube: 'video',
  lecture: 'video',
  slides: 'video',
  blog: 'blog',
  post: 'blog',
  'blog post': 'blog',
  notes: 'blog',
  tutorial: 'blog',
  website: 'blog',
  project: 'blog',
  web: undefined,
  homepage: undefined,
  poster: 'paper',
  supplementary: 'paper',
});

/** Hosts whose links are of one kind whatever their label says. */
const hostKinds: Readonly<Record<string, LinkKind>> = Object.freeze({
  'github.com': 'code',
  'gitlab.com': 'code',
  'bitbucket.org': 'code',
  'youtube.com': 'video',
  'youtu.be': 'video',
  'vimeo.com': 'video',
  'videolectures.net': 'video',
  'distill.pub': 'blog',
  'medium.com': 'blog',
  'inference.vc': 'blog',
  'offconvex.org': 'blog',
  'deeplearningbook.org': 'book',
});

const kindNames: Readonly<Record<LinkKind, string>> = Object.freeze({
  paper: 'Paper',
  code: 'Code',
  video: 'Talk',
  blog: 'Blog',
  book: 'Book',
});

/**
 * Normalise a link text so that `[Link]`, `Link`, ` links ` compare equal.
 *
 * @param text Link text as written.
 * @returns Lower case, brackets and surrounding punctuation removed.
 */
function labelKey(text: string): string {
  return text
    .replace(/[[\]()]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/**
 * Whether a link's text is a label (`Link`, `[Github]`) rather than a title.
 *
 * @param text Link text as written.
 * @returns `true` for a known label.
 */
export function isLabel(text: string): boolean {
  return Object.hasOwn(labelKinds, labelKey(text));
}

/** Search engines: a link to a search for the title is a way to find the paper, not one of its links. */
const searchHosts =
  /^(?:(?:www|scholar)\.google\.[a-z.]+|google\.[a-z.]+|bing\.com|duckduckgo\.com|search\.yahoo\.com|baidu\.com|xueshu\.baidu\.com)$/;

/**
 * Whether a URL is a search engine's result page (`google.com/search?q=…`, `scholar.google.com/…`,
 * `duckduckgo.com/?q=…`, `semanticscholar.org/search?q=…`).
 *
 * @param url A URL.
 * @returns `true` for a search.
 */
export function isSearchLink(url: string): boolean {
  const host = hostOf(url);
  // Stryker disable next-line ConditionalExpression: without it, an unparsable URL still fails both tests below (`undefined` is no search host).
  if (!host) return false;
  if (host === 'semanticscholar.org') return /^\/search\b/.test(new URL(url).pathname);
  return searchHosts.test(host);
}

/**
 * The host of a URL without `www.`, or `undefined` when it does not parse.
 *
 * @param url An absolute URL.
 * @returns The host name.
 */
export function hostOf(url: string): string | undefined {
  if (!URL.canParse(url)) return undefined;
  return new URL(url).hostname.toLowerCase().replace(/^www\./, '');
}

/**
 * Build a classified link.
 *
 * @param text The link text as written (a label, or the title for title links).
 * @param url The URL.
 * @returns The link with its kind, label and host.
 */
export function makeLink(text: string, url: string): Link {
  const host = hostOf(url) ?? '';
  const key = labelKey(text);
  const labelled = Object.hasOwn(labelKinds, key);
  const kind =
    hostKinds[host] ?? (labelled ? labelKinds[key] : undefined) ?? (isSiteRoot(url) ? 'blog' : 'paper');
  const label = labelled ? text.replace(/[[\]]/g, '').trim() : kindNames[kind];
  return { label, url, kind, host };
}

function isSiteRoot(url: string): boolean {
  if (!URL.canParse(url)) return false;
  const { pathname, search } = new URL(url);
  // Stryker disable next-line ConditionalExpression,StringLiteral: only a URL without a hierarchical path (`news:x`) has an empty pathname; http(s) URLs have `/`.
  const root = pathname === '/' || pathname === '';
  return root && search === '';
}

const arxivPattern =
  /^https?:\/\/(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf|html)\/((?:\d{4}\.\d{4,5})|(?:[a-z-]+(?:\.[A-Z]{2})?\/\d{7}))(?:v\d+)?(?:\.pdf)?\/?(?:[?#].*)?$/i;

/**
 * The arXiv id a URL points to (`https://arxiv.org/pdf/1611.03530v2.pdf` → `1611.03530`).
 *
 * @param url A URL.
 * @returns The id without version, or `undefined`.
 */
export function arxivIdOf(url: string): string | undefined {
  return arxivPattern.exec(url)?.[1];
}

/**
 * The year an arXiv id was submitted in (`1412.6980` → 2014, `hep-th/9901001` → 1999).
 *
 * @param id An arXiv id.
 * @returns The year.
 */
export function arxivYear(id: string): number {
  // Stryker disable next-line Regex: a new-style id has its four digits and dot at the start, an old-style one has no digits before a dot, so `^` changes nothing.
  const newStyle = /^(\d{2})\d{2}\./.exec(id)?.[1];
  const yy = Number(newStyle ?? /\/(\d{2})/.exec(id)?.[1] ?? 0);
  return yy >= 91 ? 1900 + yy : 2000 + yy;
}

const plausibleYear = /(?<!\d)(19[5-9]\d|20[0-4]\d)(?!\d)/;

/**
 * A publication year that a URL shows outside arXiv: ACL Anthology ids (`N19-1208`), and a year
 * standing alone in the path (`/paper/2019/`, `aamas2019`, `cvpr_2015`, `fnbot.2019.00006`).
 * Path segments that look like hashes are ignored.
 *
 * @param url A URL.
 * @returns The year, or `undefined`.
 */
export function urlYear(url: string): number | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  const acl = /aclweb\.org\/anthology\/(?:[A-Z](\d{2})-\d{4}|(\d{4})\.)/i.exec(url);
  if (acl) return acl[2] ? Number(acl[2]) : 2000 + Number(acl[1]);
  for (const segment of parsed.pathname.split('/')) {
    if (/[0-9a-f]{16,}/i.test(segment)) continue;
    const match = plausibleYear.exec(segment);
    if (match) return Number(match[1]);
  }
  return undefined;
}

/** A NeurIPS proceedings page or file named by its hash (since 2019 on both hosts, `paper_files/` since 2023). */
const neuripsHashed =
  /^\/(?:paper_files\/)?paper\/(\d{4})\/(?:file|hash)\/([0-9a-f]{32})-(?:Paper|Abstract)(?:-[A-Za-z_]+)?\.(?:pdf|html)$/i;

/**
 * The canonical form of a URL, so that two ways of writing one link compare equal: https, no `www.`,
 * no fragment or trailing slash; arXiv abs/pdf/version forms become `arxiv.org/abs/<id>`; OpenReview
 * pdf and forum pages become the forum page; NeurIPS proceedings `.pdf` and landing pages are one.
 *
 * @param url A URL as written.
 * @returns The canonical URL (the input, trimmed, when it does not parse).
 */
export function canonicalUrl(url: string): string {
  const arxiv = arxivIdOf(url);
  if (arxiv) return `https://arxiv.org/abs/${arxiv}`;
  let parsed: URL;
  try {
    // Stryker disable next-line MethodExpression: the URL parser trims surrounding whitespace itself.
    parsed = new URL(url.trim());
  } catch {
    return url.trim();
  }
  const host = parsed.hostname.toLowerCase().replace(/^www\./, '');
  if (host === 'openreview.net') {
    const id = parsed.searchParams.get('id');
    if (id) return `https://openreview.net/forum?id=${id}`;
  }
  let path = parsed.pathname.replace(/\/+$/, '');
  if (host === 'papers.nips.cc' || host === 'proceedings.neurips.cc') {
    // `…/file/<hash>-Paper.pdf` and `…/hash/<hash>-Abstract.html`, on either host, are one paper.
    const hashed = neuripsHashed.exec(path);
    // Stryker disable next-line OptionalChaining: group 2 is not optional, so it is always there when the path matches.
    if (hashed) return `https://proceedings.neurips.cc/paper/${hashed[1]}/hash/${hashed[2]?.toLowerCase()}`;
    path = path.replace(/\.pdf$/i, '');
  }
  return `https://${host}${path}${parsed.search}`;
}

/**
 * A readable title for an entry that is only a bare URL: its host, and its path when there is one
 * (`https://www.offconvex.org/` → `offconvex.org`).
 *
 * @param url The bare URL.
 * @returns A title.
 */
export function titleFromUrl(url: string): string {
  try {
    const parsed = new URL(url);
    const host = parsed.hostname.replace(/^www\./, '');
    const path = decodeURIComponent(parsed.pathname)
      .replace(/\.(html?|php|aspx?)$/i, '')
      .replace(/\/+$/, '');
    return `${host}${path}`;
  } catch {
    return url;
  }
}
