import { arxivIdOf, canonicalUrl } from '../catalog/links.ts';
import type { Catalog, Paper } from '../catalog/types.ts';
import { type IndexDocument, InvertedIndex } from './inverted-index.ts';
import { FuseReranker } from './rerank.ts';

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
  search(query: string, options?: SearchOptions): SearchHit[];
}

/** Knobs of the search as a whole; each stage has its own (inverted-index.ts, fuzzy.ts, rerank.ts). */
export const searchDefaults = Object.freeze({
  limit: 5,
  maxLimit: 50,
  /** Candidates the first stage hands to fuse.js. */
  candidates: 40,
  /** Share of the query (weighted by word rarity) a paper must match: below it, nonsense. */
  minCoverage: 0.55,
  /** …or, for a question typed in full, two words found exactly and this share. */
  minExactTerms: 2,
  minExactCoverage: 0.3,
  /** How much fuse.js's phrase similarity moves the first-stage score: score × (1 − w + w × similarity). */
  fuseWeight: 0.35,
  /** Results scoring below this share of the best one are left out rather than padding the list. */
  relativeCutoff: 0.25,
  /** Longest query read, in characters: the rest of a pasted wall of text is ignored. */
  maxQueryLength: 256,
});

const urlPattern = /https?:\/\/[^\s<>|]+/gi;
const arxivPattern = /(?<![\d.])\d{4}\.\d{4,5}(?:v\d+)?(?![\d])/g;

/**
 * Build the search for a catalog: an inverted index (typos, spellings, acronyms, arXiv ids) that
 * finds candidates, and fuse.js that orders them. Both are built here, once.
 *
 * @param catalog The catalog to search.
 * @returns The search.
 */
export function createSearch(catalog: Catalog): PaperSearch {
  const papers = catalog.papers;
  const documents: IndexDocument[] = papers.map((paper) => ({
    title: paper.title === paper.rawTitle ? paper.title : [paper.title, paper.rawTitle],
    description: paper.description ?? '',
    section: paper.sections,
    url: paper.links.map((link) => link.url),
    arxiv: paper.arxivId ?? [],
  }));
  const index = new InvertedIndex(documents);
  const reranker = new FuseReranker(
    papers.map((paper) => ({ title: paper.title, description: paper.description ?? '' })),
  );
  const byLink = new Map<string, number[]>();
  papers.forEach((paper, doc) => {
    for (const link of paper.links) {
      const key = canonicalUrl(link.url);
      byLink.set(key, [...(byLink.get(key) ?? []), doc]);
    }
    if (paper.arxivId)
      byLink.set(`arxiv:${paper.arxivId}`, [...(byLink.get(`arxiv:${paper.arxivId}`) ?? []), doc]);
  });

  const search = (query: string, options: SearchOptions = {}): SearchHit[] => {
    const limit = Math.min(
      Math.max(1, Math.floor(options.limit ?? searchDefaults.limit)),
      searchDefaults.maxLimit,
    );
    const text = truncateAtWord(query, searchDefaults.maxQueryLength);
    const { exact, rest } = exactMatches(text, byLink);
    const hits: SearchHit[] = exact.map((doc) => ({ paper: papers[doc] as Paper, score: 1 }));
    if (rest.trim() !== '' && hits.length < limit) {
      const seen = new Set(exact);
      for (const hit of rankedSearch(rest)) {
        if (!seen.has(hit.doc)) hits.push({ paper: papers[hit.doc] as Paper, score: hit.score });
      }
    }
    return hits.slice(0, limit);
  };

  const rankedSearch = (query: string): Array<{ doc: number; score: number }> => {
    const candidates = index.candidates(query, {
      limit: searchDefaults.candidates,
      minCoverage: searchDefaults.minCoverage,
      minExactTerms: searchDefaults.minExactTerms,
      minExactCoverage: searchDefaults.minExactCoverage,
    });
    if (candidates.length === 0) return [];
    const similarity = reranker.similarity(
      query,
      candidates.map((candidate) => candidate.doc),
    );
    const { fuseWeight, relativeCutoff } = searchDefaults;
    const ranked = candidates.map(({ doc, score }) => ({
      doc,
      score: score * (1 - fuseWeight + fuseWeight * (similarity.get(doc) ?? 0)),
    }));
    ranked.sort((a, b) => b.score - a.score || a.doc - b.doc);
    const best = ranked[0]?.score ?? 0;
    return ranked
      .filter((hit) => hit.score >= best * relativeCutoff)
      .map((hit) => ({ doc: hit.doc, score: Math.min(1, Math.round(hit.score * 1000) / 1000) || 0.001 }));
  };

  return { catalog, search };
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
