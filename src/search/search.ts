import { arxivIdOf, canonicalUrl } from '../catalog/links.ts';
import type { Catalog, LinkKind, Paper, Section } from '../catalog/types.ts';
import { type RankedHit, rankParts } from './parts.ts';
import { readSectionFilters, readYears, splitParts, stripInvisible } from './query.ts';
import { Ranker, rankerDefaults } from './ranker.ts';
import { fold, tokenize } from './text.ts';
import { fieldThesaurus } from './thesaurus.ts';

/** One result: a paper and how well it matches, in (0, 1], higher is better. */
export interface SearchHit {
  paper: Paper;
  score: number;
  /**
   * For a question in several parts ("adam vs rmsprop"): the parts this paper matches, as typed. A
   * paper that matches fewer than all of them is a partial answer, and a reply says which.
   */
  matched?: string[];
}

/** Options of a single search. */
export interface SearchOptions {
  /** Most results (default: 5, at most 50). */
  limit?: number;
  /** Only papers of the sections this names, as `section:<name>` in the query does (the CLI's `--section`). */
  section?: string;
  /**
   * The text is words to match, not a question: no `section:` filter, no years, no connectors (a
   * paper's title searched for related papers, a section's name). Default: false.
   */
  literal?: boolean;
}

/** What a search found, and how it read the query: what a reply needs to explain its answer. */
export interface SearchAnswer {
  /** The query as read: invisible characters removed, cut at 256 characters. */
  query: string;
  hits: SearchHit[];
  /**
   * The words searched, as typed: the query without its filters (`section:`, years), arXiv ids and
   * links; empty when it had no words.
   */
  words: string;
  /** Words left out because no paper uses them (the list names no authors). */
  unknown: string[];
  /**
   * The parts of a question that names several things: split at its connectors (`vs`, `and`, `/`…), or
   * its words when no paper holds them all. Empty for a plain query.
   */
  parts: string[];
  /** Parts that no paper matches. */
  unmatched: string[];
  /** Years asked for: only papers of those years are searched. */
  years: number[];
  /** Sections a section filter designates: only their papers are searched. Empty without a filter. */
  sections: Section[];
  /** Names of section filters that designate no section: then nothing is searched. */
  unknownSections: string[];
  /** How many papers the filters leave (undefined without filters). */
  filtered?: number;
  /**
   * No paper of the years asked matches: these are papers whose year the list does not show, which
   * may be of it (set only then).
   */
  undated?: true;
}

/** Search over one catalog; built once by {@link createSearch}, then queried any number of times. */
export interface PaperSearch {
  readonly catalog: Catalog;
  /** Papers for a query, best first; empty when nothing matches well enough. */
  search(query: string, options?: SearchOptions): SearchHit[];
  /** Papers for a query with how the query was read (filters, parts, words left out). */
  answer(query: string, options?: SearchOptions): SearchAnswer;
  /** The words of a query that {@link search} left out because no paper uses them (the list names no authors). */
  unknownWords(query: string): string[];
  /** The section a name designates: its number (1-based), its exact name, or a fuzzy match. */
  findSection(name: string): Section | undefined;
  /**
   * The sections a filter's name designates: by number or exact name, that one; else every section
   * whose name matches about as well as the best ("curriculum": the three curriculum sections).
   */
  findSections(name: string): Section[];
  /** For a query that found nothing: up to three section names or titles that look closest. */
  suggest(query: string): string[];
}

export const searchDefaults = Object.freeze({
  limit: 5,
  maxLimit: 50,
  /** Longest query read, in characters: the rest of a pasted wall of text is ignored. */
  maxQueryLength: 500,
  /** Most parts of one question searched; more are read as one part's words. */
  maxParts: 8,
  /** A section filter takes the sections scoring at least this share of the best name match. */
  sectionTie: 0.8,
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
 * Build the search for a catalog: a {@link Ranker} over papers (typos, spellings, acronyms, the
 * thesaurus, then fuse.js), exact lookups by arXiv id and link, and section lookup. Everything is
 * built here, once.
 *
 * @param catalog The catalog to search.
 * @returns The search.
 */
export function createSearch(catalog: Catalog): PaperSearch {
  const { papers, sections } = catalog;
  const concepts = [...fieldThesaurus, ...(catalog.thesaurus ?? [])];
  const ranker = new Ranker(
    papers.map((paper) => ({
      // An acronym the list wrote after a title ("(SMG)") is searchable as part of it.
      title: [...new Set([paper.title, paper.rawTitle, ...(paper.aliases ?? [])])],
      description: paper.description ?? '',
      section: paper.sections,
      // arXiv ids are matched exactly before ranking (exactMatches): they need no terms here. What a
      // link is, when it is not the paper, is searchable too ("deep learning book", "adam code").
      url: [
        ...paper.links.map((link) => link.url),
        ...new Set(paper.links.map((link) => kindWords[link.kind])),
      ],
    })),
    { concepts },
  );
  const sectionRanker = new Ranker(
    sections.map((section) => ({ title: section.name })),
    { concepts },
  );
  const byLink = new Map<string, number[]>();
  const addLink = (key: string, doc: number) => byLink.set(key, [...(byLink.get(key) ?? []), doc]);
  papers.forEach((paper, doc) => {
    for (const link of paper.links) addLink(canonicalUrl(link.url), doc);
    if (paper.arxivId) addLink(`arxiv:${paper.arxivId}`, doc);
  });

  // What a filter needs, read once: papers by section and by year, section names folded.
  const bySection = new Map<string, number[]>();
  const byYear = new Map<number, number[]>();
  // Stryker disable next-line ArrayDeclaration: filterOf marks these documents' flags; a non-numeric key on a Uint8Array is a plain property, never read.
  const undatedDocs: number[] = [];
  const push = <K>(map: Map<K, number[]>, key: K, doc: number) => {
    const docs = map.get(key);
    if (docs) docs.push(doc);
    else map.set(key, [doc]);
  };
  papers.forEach((paper, doc) => {
    for (const name of paper.sections) push(bySection, name, doc);
    if (paper.year !== undefined) push(byYear, paper.year, doc);
    else undatedDocs.push(doc);
  });
  const foldedSections = new Map(sections.map((section) => [fold(section.name), section]));

  const findSections = (name: string): Section[] => {
    const wanted = stripInvisible(name).trim();
    if (wanted === '') return [];
    if (/^\d+$/.test(wanted)) {
      const numbered = sections[Number(wanted) - 1];
      return numbered ? [numbered] : [];
    }
    const exact = foldedSections.get(fold(wanted));
    if (exact) return [exact];
    const ranked = sectionRanker.rank(truncateAtWord(wanted, searchDefaults.maxQueryLength));
    const best = ranked[0]?.score ?? 0;
    const tied = ranked.filter((hit) => hit.score >= best * searchDefaults.sectionTie);
    // Stryker disable next-line ArrayDeclaration: every ranked document is a section's index, so the fallback is never taken.
    return tied.flatMap((hit) => sections[hit.doc] ?? []);
  };

  const answer = (query: string, options: SearchOptions = {}): SearchAnswer => {
    const limit = Math.min(
      Math.max(1, Math.floor(options.limit ?? searchDefaults.limit)),
      searchDefaults.maxLimit,
    );
    const read = readQuery(query, byLink, options);
    const named = read.sectionNames.map((name) => ({ name, sections: findSections(name) }));
    const chosen = new Set(named.flatMap((one) => one.sections));
    const found: SearchAnswer = {
      query: read.query,
      hits: [],
      words: '',
      unknown: [],
      parts: [],
      unmatched: [],
      years: read.years,
      // In list order, however well each name matched.
      sections: sections.filter((section) => chosen.has(section)),
      unknownSections: named.filter((one) => one.sections.length === 0).map((one) => one.name),
    };
    if (found.unknownSections.length > 0) return found;
    const { exact, rest } = read;
    const parts = options.literal ? [rest] : atMost(splitParts(rest), searchDefaults.maxParts);
    const words = parts.join(' ');
    if (hasTerms(words)) found.words = rest.replace(/\s+/g, ' ').trim();
    const filter = filterOf(found.sections, found.years);
    if (filter) found.filtered = filter.count;
    const exactHits: RankedHit[] = exact.map((doc) => ({ doc, score: 1 }));
    let ranked = [...exactHits, ...rankWords(parts, exact, filter?.allowed, found, limit)];
    if (ranked.length === 0 && found.years.length > 0 && found.words !== '') {
      // No paper of that year: the papers whose year the list does not show may be of it.
      const undated = filterOf(found.sections, found.years, { undated: true });
      // Stryker disable next-line ArrayDeclaration: years were asked for here, so filterOf always returns a filter.
      const again = undated ? rankWords(parts, exact, undated.allowed, found, limit) : [];
      if (again.length > 0) {
        found.undated = true;
        ranked = again;
      }
    }
    const hits = ranked.map((hit): SearchHit => {
      const result: SearchHit = { paper: papers[hit.doc] as Paper, score: hit.score };
      if (hit.matched) result.matched = hit.matched;
      return result;
    });
    found.hits = hits.slice(0, limit);
    return found;
  };

  /** The words' ranking, for one part or several, the exact matches left out. */
  const rankWords = (
    parts: readonly string[],
    exact: readonly number[],
    allowed: Uint8Array | undefined,
    found: SearchAnswer,
    limit: number,
  ): RankedHit[] => {
    const words = parts.join(' ');
    let ranked: RankedHit[] = [];
    // Stryker disable next-line ArrayDeclaration: the exact matches fill the answer, which keeps only `limit` hits.
    if (exact.length >= limit) return [];
    if (!hasTerms(words)) {
      // Only filters ("2019", "section:curriculum"): their papers, in list order.
      if (allowed && exact.length === 0) ranked = listOrder(allowed, limit);
    } else if (parts.length > 1) {
      const byPart = rankParts(ranker, parts, { allowed, limit });
      found.parts = [...parts];
      found.unmatched = byPart.unmatched;
      found.unknown = [...new Set(parts.flatMap((part) => ranker.unknownWords(part)))];
      ranked = byPart.hits;
    } else {
      found.unknown = ranker.unknownWords(words);
      ranked = ranker.rank(words, allowed ? { allowed } : {});
      // No paper holds all the words: the best for each word, if each finds something.
      // Stryker disable next-line ArrayDeclaration: a one-element list is not more than one word, as the `each.length > 1` check needs.
      const each = ranked.length === 0 ? wordsOf(words, found.unknown) : [];
      if (each.length > 1) {
        const byWord = rankParts(ranker, each, { allowed, limit, whole: ranked });
        // Only when every word finds something: "deep banana bread" stays nonsense.
        if (byWord.unmatched.length === 0) {
          found.parts = each;
          ranked = byWord.hits;
        }
      }
    }
    return ranked.filter((hit) => !exact.includes(hit.doc));
  };

  /** A search filter as a document mask and how many it allows, or `undefined` when there is no filter. */
  const filterOf = (
    inSections: readonly Section[],
    years: readonly number[],
    { undated = false } = {},
  ): { allowed: Uint8Array; count: number } | undefined => {
    if (inSections.length === 0 && years.length === 0) return undefined;
    // Bit 1: in a section asked for; bit 2: of a year asked for. A paper needs the bits of the filters given.
    const flags = new Uint8Array(papers.length);
    const mark = (docs: Iterable<number>, bit: number) => {
      for (const doc of docs) flags[doc] = (flags[doc] as number) | bit;
    };
    // Stryker disable next-line ArrayDeclaration: a non-numeric key on the Uint8Array is a plain property, never read.
    for (const section of inSections) mark(bySection.get(section.name) ?? [], 1);
    if (undated) mark(undatedDocs, 2);
    else {
      // Stryker disable next-line ArrayDeclaration: a non-numeric key on the Uint8Array is a plain property, never read.
      for (const year of years) mark(byYear.get(year) ?? [], 2);
    }
    const needed = (inSections.length > 0 ? 1 : 0) | (years.length > 0 ? 2 : 0);
    let count = 0;
    for (let doc = 0; doc < flags.length; doc++) {
      const allowed = ((flags[doc] as number) & needed) === needed ? 1 : 0;
      flags[doc] = allowed;
      count += allowed;
    }
    return { allowed: flags, count };
  };

  return {
    catalog,
    answer,
    search: (query, options) => answer(query, options).hits,
    unknownWords: (query) => answer(query).unknown,
    findSection: (name) => findSections(name)[0],
    findSections,
    suggest(query) {
      // Documents that match part of the query (its known words, typos included): closest in meaning,
      // where fuse.js over the names would offer titles that merely share letters ("kingma").
      const text = splitParts(readQuery(query, byLink).rest).join(' ');
      const relaxed = { minCoverage: rankerDefaults.suggestionCoverage };
      // Stryker disable OptionalChaining: every ranked document is an index of the list ranked.
      const found = [
        ...sectionRanker.rank(text, relaxed).map((hit) => sections[hit.doc]?.name),
        ...ranker.rank(text, relaxed).map((hit) => papers[hit.doc]?.title),
      ];
      // Stryker restore OptionalChaining
      return [...new Set(found.filter((name): name is string => name !== undefined))].slice(0, 3);
    },
  };
}

/**
 * A query as read: without invisible characters, cut to length; its section filters, the papers it
 * names exactly (links, arXiv ids) and its years taken out, in that order (`2003.04960` is no year).
 */
function readQuery(
  query: string,
  byLink: ReadonlyMap<string, number[]>,
  { section, literal = false }: Pick<SearchOptions, 'section' | 'literal'> = {},
): { query: string; exact: number[]; rest: string; sectionNames: string[]; years: number[] } {
  const clean = truncateAtWord(stripInvisible(query), searchDefaults.maxQueryLength).trim();
  if (literal) return { query: clean, ...exactMatches(clean, byLink), sectionNames: [], years: [] };
  const filters = readSectionFilters(clean);
  const sectionNames = [...(section?.trim() ? [stripInvisible(section).trim()] : []), ...filters.names];
  const { exact, rest } = exactMatches(filters.rest, byLink);
  return { query: clean, exact, sectionNames, ...readYears(rest) };
}

/** The distinct words of a query that name something, unknown words left out (the fallback's parts). */
function wordsOf(text: string, unknown: readonly string[]): string[] {
  const words = new Map<string, string>();
  for (const token of tokenize(text)) {
    if (token.stop || token.joined || unknown.includes(token.word) || words.has(token.term)) continue;
    words.set(token.term, token.word);
  }
  return [...words.values()].slice(0, searchDefaults.maxParts);
}

/** At most `count` parts: the last one takes the words of those beyond it, so that none is lost. */
function atMost(parts: readonly string[], count: number): string[] {
  if (parts.length <= count) return [...parts];
  return [...parts.slice(0, count - 1), parts.slice(count - 1).join(' ')];
}

function hasTerms(text: string): boolean {
  return tokenize(text).some((token) => !token.stop);
}

function listOrder(allowed: Uint8Array, limit: number): RankedHit[] {
  const hits: RankedHit[] = [];
  // Stryker disable next-line EqualityOperator: allowed[length] is undefined, not 1; the caller keeps `limit` hits anyway.
  for (let doc = 0; doc < allowed.length && hits.length < limit; doc++) {
    if (allowed[doc] === 1) hits.push({ doc, score: 1 });
  }
  return hits;
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
    // Stryker disable next-line Regex: arxivPattern matched the id, whose only `v` is its version suffix at the end.
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
