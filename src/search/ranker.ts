import { type IndexDocument, InvertedIndex, type InvertedIndexOptions } from './inverted-index.ts';
import { FuseReranker } from './rerank.ts';

/** Knobs of ranking; each stage has its own (inverted-index.ts, fuzzy.ts, rerank.ts). */
export const rankerDefaults = Object.freeze({
  /** Candidates the first stage hands to fuse.js. */
  candidates: 40,
  /** Share of the query (weighted by word rarity) a document must match: below it, nonsense. */
  minCoverage: 0.55,
  /** …or, for a question typed in full, two words found exactly and this share. */
  minExactTerms: 2,
  minExactCoverage: 0.3,
  /** How much fuse.js's phrase similarity moves the first-stage score: score × (1 − w + w × similarity). */
  fuseWeight: 0.35,
  /** Results scoring below this share of the best one are left out rather than padding the list. */
  relativeCutoff: 0.25,
  /**
   * Share of the query a "closest in the list" suggestion must match, when the search found nothing:
   * part of what was asked, never a title that only shares letters with it.
   */
  suggestionCoverage: 0.3,
});

/** What one ranking may be asked besides the query. */
export interface RankOptions {
  /** Share of the query a document must match (default: {@link rankerDefaults}.minCoverage). */
  minCoverage?: number;
  /** Only these documents (1 = allowed): a section or year filter (default: all). */
  allowed?: Uint8Array;
  /** Candidates fuse.js orders (default: {@link rankerDefaults}.candidates); fewer is faster. */
  candidates?: number;
}

/** A ranked document: its number and its score in (0, 1]. */
export interface Ranked {
  doc: number;
  score: number;
}

/**
 * Two-stage ranking over a fixed set of documents, built once: an inverted index (typos, spellings,
 * acronyms) finds candidates, fuse.js orders them by how the whole query reads against the title.
 */
export class Ranker {
  readonly #index: InvertedIndex;
  readonly #reranker: FuseReranker;

  /**
   * @param documents The documents; `title` is what fuse.js compares the query with.
   * @param options Index options (default: those of the inverted index; concepts: none).
   */
  constructor(documents: readonly IndexDocument[], options: Partial<InvertedIndexOptions> = {}) {
    this.#index = new InvertedIndex(documents, options);
    this.#reranker = new FuseReranker(
      documents.map((doc) => ({ title: firstOf(doc.title), description: firstOf(doc.description) })),
    );
    this.#warmUp();
  }

  /**
   * Run a few queries made of the list's commonest words (one misspelled) at build time, so that the
   * first people to search do not wait for the JIT to compile the search on a list of this size.
   */
  // Stryker disable all: the warm-up's rankings are thrown away; what it asks changes only how soon the
  // JIT compiles the search, never a result (the vocabulary's cache holds the same matches either way).
  #warmUp(): void {
    const [first, second, third] = this.#index.commonTerms(3);
    if (!first) return;
    const typo = `${first.slice(0, 2)}${first.slice(1)}`;
    for (const query of [
      first,
      [first, second, third].filter(Boolean).join(' '),
      `${typo} ${second ?? ''}`,
    ]) {
      this.rank(query);
    }
  }
  // Stryker restore all

  /**
   * Rank the documents for a query.
   *
   * @param query Query text.
   * @param options Coverage asked and a filter (default: {@link rankerDefaults}, every document).
   * @returns Matching documents, best first (ties in document order); empty for nonsense.
   */
  rank(query: string, options: RankOptions = {}): Ranked[] {
    const { minExactTerms, minExactCoverage, fuseWeight, relativeCutoff } = rankerDefaults;
    const minCoverage = options.minCoverage ?? rankerDefaults.minCoverage;
    const limit = options.candidates ?? rankerDefaults.candidates;
    const candidates = this.#index.candidates(query, {
      limit,
      minCoverage,
      minExactTerms,
      minExactCoverage,
      ...(options.allowed ? { allowed: options.allowed } : {}),
    });
    if (candidates.length === 0) return [];
    const similarity = this.#reranker.similarity(
      query,
      candidates.map((candidate) => candidate.doc),
    );
    const ranked = candidates.map(({ doc, score }) => ({
      doc,
      score: score * (1 - fuseWeight + fuseWeight * (similarity.get(doc) ?? 0)),
    }));
    ranked.sort((a, b) => b.score - a.score || a.doc - b.doc);
    const best = ranked[0]?.score ?? 0;
    return ranked
      .filter((hit) => hit.score >= best * relativeCutoff)
      .map((hit) => ({ doc: hit.doc, score: Math.min(1, Math.round(hit.score * 1000) / 1000) || 0.001 }));
  }

  /**
   * How much of a query each of some documents matches (the share {@link rank} requires).
   *
   * @param query Query text.
   * @param docs Document numbers.
   * @returns Coverage in [0, 1] per document, in the order of `docs`.
   */
  coverage(query: string, docs: readonly number[]): number[] {
    return this.#index.coverage(query, docs);
  }

  /**
   * The words {@link rank} left out of a query because no document uses them.
   *
   * @param query Query text.
   * @returns Folded words, in query order.
   */
  unknownWords(query: string): string[] {
    return this.#index.unknownWords(query);
  }
}

function firstOf(value: string | readonly string[] | undefined): string {
  return (typeof value === 'string' ? value : value?.[0]) ?? '';
}
