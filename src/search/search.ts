import { arxivIdOf, canonicalUrl } from '../catalog/links.ts';
import type { Catalog, LinkKind, Paper, Section } from '../catalog/types.ts';
import { Ranker, rankerDefaults } from './ranker.ts';
import { fold } from './text.ts';

/** One result: a paper and how well it matches, in (0, 1], higher is better. */
export interface SearchHit {
  paper: Paper;
  score: number;
}

/** Options of a single search. */
export interface SearchOptions {
  /** Most results (default: 5, at most 50). */
  limit?: number;
}

/** Search over one catalog; built once by {@link createSearch}, then queried any number of times. */
export interface PaperSearch {
  readonly catalog: Catalog;
  /** Papers for a query, best first; empty when nothing matches well enough. */
  search(query: string, options?: SearchOptions): SearchHit[];
  /** The words of a query that {@link search} left out because no paper uses them (the list names no authors). */
  unknownWords(query: string): string[];
  /** The section a name designates: its number (1-based), its exact name, or a fuzzy match. */
  findSection(name: string): Section | undefined;
  /** For a query that found nothing: up to three section names or titles that look closest. */
  suggest(query: string): string[];
}

export const searchDefaults = Object.freeze({
  limit: 5,
  maxLimit: 50,
  /** Longest query read, in characters: the rest of a pasted wall of text is ignored. */
  maxQueryLength: 256,
});

const urlPattern = /https?:\/\/[^\s<>|]+/gi;

/** Words for the kinds of link, as people search for them. */
const kindWords: Readonly<Record<LinkKind, string>> = Object.freeze({
  paper: '',
  code: 'code github implementation',
  video: 'video talk lecture',
  blog: 'blog post',
  book: 'book chapter',
});
const arxivPattern = /(?<![\d.])\d{4}\.\d{4,5}(?:v\d+)?(?!\d)/g;

/**
 * Build the search for a catalog: a {@link Ranker} over papers (typos, spellings, acronyms, then
 * fuse.js), exact lookups by arXiv id and link, and section lookup. Everything is built here, once.
 *
 * @param catalog The catalog to search.
 * @returns The search.
 */
export function createSearch(catalog: Catalog): PaperSearch {
  const { papers, sections } = catalog;
  const ranker = new Ranker(
    papers.map((paper) => ({
      title: paper.title === paper.rawTitle ? paper.title : [paper.title, paper.rawTitle],
      description: paper.description ?? '',
      section: paper.sections,
      // arXiv ids are matched exactly before ranking (exactMatches): they need no terms here. What a
      // link is, when it is not the paper, is searchable too ("deep learning book", "adam code").
      url: [
        ...paper.links.map((link) => link.url),
        ...new Set(paper.links.map((link) => kindWords[link.kind])),
      ],
    })),
  );
  const sectionRanker = new Ranker(sections.map((section) => ({ title: section.name })));
  const byLink = new Map<string, number[]>();
  const addLink = (key: string, doc: number) => byLink.set(key, [...(byLink.get(key) ?? []), doc]);
  papers.forEach((paper, doc) => {
    for (const link of paper.links) addLink(canonicalUrl(link.url), doc);
    if (paper.arxivId) addLink(`arxiv:${paper.arxivId}`, doc);
  });

  return {
    catalog,
    search(query, options = {}) {
      const limit = Math.min(
        Math.max(1, Math.floor(options.limit ?? searchDefaults.limit)),
        searchDefaults.maxLimit,
      );
      const { exact, rest } = exactMatches(truncateAtWord(query, searchDefaults.maxQueryLength), byLink);
      const hits: SearchHit[] = exact.map((doc) => ({ paper: papers[doc] as Paper, score: 1 }));
      if (rest.trim() !== '' && hits.length < limit) {
        for (const hit of ranker.rank(rest)) {
          if (!exact.includes(hit.doc)) hits.push({ paper: papers[hit.doc] as Paper, score: hit.score });
        }
      }
      return hits.slice(0, limit);
    },
    unknownWords(query) {
      const { rest } = exactMatches(truncateAtWord(query, searchDefaults.maxQueryLength), byLink);
      return rest.trim() === '' ? [] : ranker.unknownWords(rest);
    },
    findSection(name) {
      const wanted = name.trim();
      if (/^\d+$/.test(wanted)) return sections[Number(wanted) - 1];
      const exact = sections.find((section) => fold(section.name) === fold(wanted));
      if (exact) return exact;
      const best = sectionRanker.rank(truncateAtWord(wanted, searchDefaults.maxQueryLength))[0];
      return best ? sections[best.doc] : undefined;
    },
    suggest(query) {
      // Documents that match part of the query (its known words, typos included): closest in meaning,
      // where fuse.js over the names would offer titles that merely share letters ("kingma").
      const text = truncateAtWord(query, searchDefaults.maxQueryLength);
      const relaxed = { minCoverage: rankerDefaults.suggestionCoverage };
      const found = [
        ...sectionRanker.rank(text, relaxed).map((hit) => sections[hit.doc]?.name),
        ...ranker.rank(text, relaxed).map((hit) => papers[hit.doc]?.title),
      ];
      return [...new Set(found.filter((name): name is string => name !== undefined))].slice(0, 3);
    },
  };
}

/** Papers a query names exactly (an arXiv id, a link to the paper), and what is left of the query. */
function exactMatches(
  query: string,
  byLink: ReadonlyMap<string, number[]>,
): { exact: number[]; rest: string } {
  const exact: number[] = [];
  const add = (docs: readonly number[] | undefined) => {
    for (const doc of docs ?? []) if (!exact.includes(doc)) exact.push(doc);
  };
  let rest = query.replace(urlPattern, (url) => {
    const trimmed = url.replace(/[).,;]+$/, '');
    const arxiv = arxivIdOf(trimmed);
    add(arxiv ? byLink.get(`arxiv:${arxiv}`) : byLink.get(canonicalUrl(trimmed)));
    return ' ';
  });
  rest = rest.replace(arxivPattern, (id) => {
    add(byLink.get(`arxiv:${id.replace(/v\d+$/, '')}`));
    return ' ';
  });
  if (exact.length > 0) rest = rest.replace(/\barxiv\b:?/gi, ' ');
  return { exact, rest };
}

function truncateAtWord(text: string, length: number): string {
  if (text.length <= length) return text;
  const cut = text.slice(0, length);
  const space = cut.search(/\s\S*$/);
  return space > 0 ? cut.slice(0, space) : cut;
}
