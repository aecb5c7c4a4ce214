import { Expansions } from './expansion.ts';
import { Vocabulary } from './fuzzy.ts';
import { tokenize } from './text.ts';
import type { Concept } from './thesaurus.ts';

/** The searchable fields of a document. */
export type Field = 'title' | 'description' | 'section' | 'url';

/** A document to index: its text per field (a field may hold several values). */
export type IndexDocument = Partial<Record<Field, string | readonly string[]>>;

/** Knobs of the first stage; the defaults are tuned on the relevance suite. */
export interface InvertedIndexOptions {
  /** Worth of a term per field; what a field's words stand for is worth less (expansion.ts). */
  fieldWeights: Readonly<Record<Field, number>>;
  /** Concepts of a thesaurus, applied to every field besides the acronyms (default: none). */
  concepts: readonly Concept[];
  /** BM25 length normalisation of titles: 0 ignores length, 1 divides by it (default: 0.5). */
  lengthNormalisation: number;
  /** BM25 saturation (default: 1.2). */
  k1: number;
}

export const invertedIndexDefaults: Readonly<InvertedIndexOptions> = Object.freeze({
  fieldWeights: Object.freeze({ title: 1, description: 0.45, section: 0.3, url: 0.2 }),
  concepts: Object.freeze([]),
  lengthNormalisation: 0.5,
  k1: 1.2,
});

/** A candidate from the first stage. */
export interface Candidate {
  doc: number;
  /**
   * Sum over query terms of similarity × idf × field weight, times coverage², as a share of the query's
   * idf mass: about 1 when every word of the query is in the title.
   */
  score: number;
  /** Share of the query (weighted by rarity) that the document matches, 0–1. */
  coverage: number;
}

/** How many candidates, and how much of the query they must match. */
export interface CandidateOptions {
  limit: number;
  /** Share of the query (weighted by rarity) a document must match. */
  minCoverage: number;
  /** …or, for long queries with filler words, this many query words found exactly… */
  minExactTerms: number;
  /** …and this smaller share. */
  minExactCoverage: number;
  /** Only these documents (1 = allowed), for a section or year filter (default: all). */
  allowed?: Uint8Array;
}

/** Documents found by the rarer query words, per candidate asked for, beyond which commoner words add none. */
const admitFactor = 50;

/** A query term as matched against the vocabulary. */
interface QueryTerm {
  /** The word as typed (folded). */
  word: string;
  matches: Array<{ term: number; similarity: number; idf: number }>;
  /** What matching this term is worth in the coverage: the idf of its best match, or the largest idf. */
  reference: number;
}

// URL words that say nothing about a paper.
const urlNoise: ReadonlySet<string> = new Set([
  'http',
  'https',
  'www',
  'com',
  'org',
  'net',
  'edu',
  'pdf',
  'html',
  'htm',
  'abs',
  // Stryker disable next-line StringLiteral: a stop word (text.ts), dropped before the URL filter sees it.
  'paper',
  // Stryker disable next-line StringLiteral: a stop word (text.ts), dropped before the URL filter sees it.
  'papers',
  'file',
  'files',
  // Stryker disable next-line StringLiteral: a stop word (text.ts), dropped before the URL filter sees it.
  'article',
  'articles',
  'full',
  'proceedings',
  'content',
  'contents',
  'document',
  'viewdoc',
  'download',
  'forum',
  'pub',
  'record',
  'volume',
  'anthology',
  'abstract',
  'pii',
  // Stryker disable next-line StringLiteral: shorter than the three letters a URL word needs anyway.
  'wp',
  'uploads',
  'sites',
  'default',
  'publications',
  'camera',
  'ready',
  'static',
  'index',
  'php',
  'doi',
  'rep',
  'type',
]);

/**
 * An inverted index of terms to documents with per-field weights, built once. Answers a query with
 * the documents that match enough of it, typo- and prefix-tolerant through the {@link Vocabulary}:
 * the candidates that the second stage (fuse.js) ranks.
 */
export class InvertedIndex {
  readonly vocabulary = new Vocabulary();
  readonly size: number;
  readonly #postingDocs: Int32Array[];
  readonly #postingWeights: Float32Array[];
  readonly #idf: Float64Array;
  readonly #maxIdf: number;
  // Scratch space reused by every query: a query never allocates per document.
  readonly #bestContribution: Float32Array;
  readonly #covered: Float32Array;
  readonly #score: Float32Array;
  readonly #coverage: Float32Array;
  readonly #seen: Uint8Array;
  readonly #exact: Uint8Array;
  readonly #touched: Int32Array;
  readonly #termTouched: Int32Array;

  /**
   * @param documents Documents, in the order results break ties.
   * @param options Weights (default: {@link invertedIndexDefaults}).
   */
  constructor(documents: readonly IndexDocument[], options: Partial<InvertedIndexOptions> = {}) {
    const { fieldWeights, concepts, lengthNormalisation, k1 } = { ...invertedIndexDefaults, ...options };
    const expansions = new Expansions(concepts);
    this.size = documents.length;
    // Every term the vocabulary holds was offered by some document: the lists have no holes.
    const postings: Array<{ docs: number[]; weights: number[] }> = [];
    const titleLengths = documents.map((doc) => wordsOf(doc.title).length);
    const averageTitle =
      titleLengths.reduce((sum, length) => sum + length, 0) / Math.max(1, documents.length);

    documents.forEach((document, doc) => {
      const termWeights = new Map<number, number>();
      const offer = (term: string, weight: number) => {
        const id = this.vocabulary.intern(term);
        termWeights.set(id, Math.max(termWeights.get(id) ?? 0, weight));
      };
      const titleLength = titleLengths[doc] ?? 0;
      const norm =
        (k1 + 1) / (1 + k1 * (1 - lengthNormalisation + (lengthNormalisation * titleLength) / averageTitle));
      for (const field of Object.keys(fieldWeights) as Field[]) {
        const weight = fieldWeights[field] * (field === 'title' ? norm : 1);
        for (const value of valuesOf(document[field])) {
          // A URL's words one by one: `adding-one-neuron-can…` must not become one joined term.
          const text = field === 'url' ? value.replace(/[^\p{L}]+/gu, ' ') : value;
          const tokens = tokenize(text).filter(
            (token) => !token.stop && (field !== 'url' || isUrlWord(token)),
          );
          const terms = tokens.map((token) => token.term);
          for (const token of tokens) {
            offer(token.term, weight);
            this.vocabulary.addWord(token.word, this.vocabulary.intern(token.term));
          }
          // Phrases are matched with and without the joined forms of compounds (`batchnorm` / `batch norm`).
          const phraseTerms = tokens.filter((token) => !token.joined).map((token) => token.term);
          for (const expanded of expansions.termsFor(terms)) offer(expanded.term, weight * expanded.weight);
          for (const expanded of expansions.termsFor(phraseTerms))
            offer(expanded.term, weight * expanded.weight);
        }
      }
      for (const [term, weight] of termWeights) {
        const list = postings[term] ?? { docs: [], weights: [] };
        list.docs.push(doc);
        list.weights.push(weight);
        postings[term] = list;
      }
    });

    this.#postingDocs = postings.map((list) => Int32Array.from(list.docs));
    this.#postingWeights = postings.map((list) => Float32Array.from(list.weights));
    this.#idf = Float64Array.from(postings, ({ docs }) =>
      Math.log(1 + (this.size - docs.length + 0.5) / (docs.length + 0.5)),
    );
    // 0 for a list without words, whose queries match nothing whatever their weight.
    this.#maxIdf = this.#idf.reduce((max, idf) => Math.max(max, idf), 0);
    this.vocabulary.seal();
    this.#bestContribution = new Float32Array(this.size);
    this.#covered = new Float32Array(this.size);
    this.#score = new Float32Array(this.size);
    this.#coverage = new Float32Array(this.size);
    this.#seen = new Uint8Array(this.size);
    this.#exact = new Uint8Array(this.size);
    this.#touched = new Int32Array(this.size);
    this.#termTouched = new Int32Array(this.size);
  }

  /**
   * The documents matching a query, best first.
   *
   * @param query Query text.
   * @param options `limit`: most candidates to return; `minCoverage`: share of the query a document must match.
   * @returns Candidates with their first-stage score and coverage.
   */
  candidates(query: string, options: CandidateOptions): Candidate[] {
    const { terms } = this.#queryTerms(query);
    // Summed in the query's order, before the sort: the same query always scores the same to the last bit.
    const totalReference = terms.reduce((sum, term) => sum + term.reference, 0);
    // Rarest words first (MaxScore): once the words left cannot lift a new document to the threshold,
    // their long posting lists only update documents already found.
    terms.sort((a, b) => b.reference - a.reference);
    const { found, capped } = this.#collect(terms, totalReference, options, options.limit * admitFactor);
    // The cap turned documents away and none of those it kept match enough: read every word's. (Fewer
    // than asked is no sign of a loss, and re-reading those doubled the median query on 100,000 papers.)
    if (capped && found.length === 0) return this.#collect(terms, totalReference, options, Infinity).found;
    return found;
  }

  /**
   * The candidates of some query terms, rarest first, touching at most `cap` documents before the
   * commoner words stop adding new ones.
   *
   * @returns The candidates, and whether the cap turned away documents that could have matched.
   */
  #collect(
    terms: readonly QueryTerm[],
    totalReference: number,
    options: CandidateOptions,
    cap: number,
  ): { found: Candidate[]; capped: boolean } {
    const threshold = Math.min(options.minCoverage, options.minExactCoverage);
    let remaining = totalReference;
    let touchedCount = 0;
    let capped = false;
    for (const term of terms) {
      // Once the rarer words have found far more documents than are asked for, commoner words only
      // re-rank those: a document without any of the rarer words seldom makes the cut.
      const reachable = remaining / totalReference >= threshold;
      const admitsNew = reachable && touchedCount < cap;
      capped ||= reachable && !admitsNew;
      remaining -= term.reference;
      touchedCount = this.#addTerm(term, admitsNew, totalReference, touchedCount, options.allowed);
    }
    return { found: this.#best(touchedCount, totalReference, options), capped };
  }

  /**
   * Add one query term's postings to the scratch scores. Its own method, like {@link #best}: hot loops
   * in small functions are optimised on their own, and a first query on a big list does not run a
   * large, half-optimised function.
   *
   * @returns The number of documents touched so far.
   */
  #addTerm(
    { matches, reference }: QueryTerm,
    admitsNew: boolean,
    totalReference: number,
    touchedBefore: number,
    allowed: Uint8Array | undefined,
  ): number {
    const touched = this.#touched;
    const termTouched = this.#termTouched;
    const best = this.#bestContribution;
    const covered = this.#covered;
    const seen = this.#seen;
    let touchedCount = touchedBefore;
    let termCount = 0;
    for (const { term, similarity, idf } of matches) {
      // A term of the vocabulary always has its posting list.
      const postingDocs = this.#postingDocs[term] as Int32Array;
      const postingWeights = this.#postingWeights[term] as Float32Array;
      for (let index = 0; index < postingDocs.length; index++) {
        const doc = postingDocs[index] as number;
        if (!admitsNew && seen[doc] === 0) continue;
        // A filtered-out document is never touched: it cannot crowd the allowed ones out of the limit.
        if (allowed !== undefined && allowed[doc] === 0) continue;
        const contribution = similarity * idf * (postingWeights[index] as number);
        if (best[doc] === 0 && covered[doc] === 0) termTouched[termCount++] = doc;
        best[doc] = Math.max(best[doc] as number, contribution);
        covered[doc] = Math.max(covered[doc] as number, similarity);
      }
    }
    for (const doc of termTouched.subarray(0, termCount)) {
      if (seen[doc] === 0) {
        seen[doc] = 1;
        touched[touchedCount++] = doc;
      }
      this.#score[doc] = (this.#score[doc] as number) + (best[doc] as number);
      this.#coverage[doc] =
        (this.#coverage[doc] as number) + ((covered[doc] as number) * reference) / totalReference;
      // Only a word as typed is matched with similarity 1.
      if (covered[doc] === 1) this.#exact[doc] = (this.#exact[doc] as number) + 1;
      best[doc] = 0;
      covered[doc] = 0;
    }
    return touchedCount;
  }

  /** The best of the touched documents that match enough of the query; the scratch space is reset. */
  #best(touchedCount: number, totalReference: number, options: CandidateOptions): Candidate[] {
    const { limit, minCoverage, minExactTerms, minExactCoverage } = options;
    const heap = new TopK(limit);
    for (const doc of this.#touched.subarray(0, touchedCount)) {
      const coverage = this.#coverage[doc] as number;
      const score = ((this.#score[doc] as number) * coverage * coverage) / totalReference;
      const exactTerms = this.#exact[doc] as number;
      if (coverage >= minCoverage || (exactTerms >= minExactTerms && coverage >= minExactCoverage)) {
        heap.offer(doc, score, coverage);
      }
      this.#exact[doc] = 0;
      this.#score[doc] = 0;
      this.#coverage[doc] = 0;
      this.#seen[doc] = 0;
    }
    return heap.sorted();
  }

  /**
   * How much of a query each of some documents matches, as {@link candidates} counts it: the share of
   * the query's words (weighted by rarity) found in the document, typos and prefixes worth less.
   *
   * @param query Query text.
   * @param docs Document numbers.
   * @returns Coverage in [0, 1] per document, in the order of `docs`.
   */
  coverage(query: string, docs: readonly number[]): number[] {
    const { terms } = this.#queryTerms(query);
    const total = terms.reduce((sum, term) => sum + term.reference, 0);
    if (total === 0) return docs.map(() => 0);
    return docs.map((doc) => {
      let covered = 0;
      for (const { matches, reference } of terms) {
        // Matches come best first: the first the document holds is its best.
        const held = matches.find(({ term }) => includes(this.#postingDocs[term] as Int32Array, doc));
        covered += (held?.similarity ?? 0) * reference;
      }
      return covered / total;
    });
  }

  /**
   * The most frequent word terms, for warming the index up.
   *
   * @param count How many.
   * @returns Terms, most frequent first.
   */
  commonTerms(count: number): string[] {
    const ids = [...this.#postingDocs.keys()].filter((id) => /^[a-z]{4,}$/.test(this.vocabulary.term(id)));
    const documents = (id: number) => (this.#postingDocs[id] as Int32Array).length;
    ids.sort((a, b) => documents(b) - documents(a));
    return ids.slice(0, count).map((id) => this.vocabulary.term(id));
  }

  /**
   * The words of a query that no document uses, not even misspelt, and that the search leaves out
   * because the rest of the query is found ("adam kingma": the list names no authors).
   *
   * @param query Query text.
   * @returns Folded words, in query order.
   */
  unknownWords(query: string): string[] {
    return this.#queryTerms(query).unknown;
  }

  /**
   * Analyse a query: non-stop terms (all terms when the query is only stop words), each matched.
   * Words the list never uses are left out when they are at most half the query and every other word
   * is found as written: one unknown word must not hide the paper the others name, while a query of
   * mostly unknown or misspelt words ("banana bread recipe", "deep banana bread") still finds nothing.
   */
  #queryTerms(query: string): { terms: QueryTerm[]; unknown: string[] } {
    const tokens = tokenize(query).filter((token) => !token.joined);
    // A query of stop words only ("the", "of a") asks for nothing.
    const words = new Map(tokens.filter((token) => !token.stop).map((token) => [token.term, token.word]));
    const terms = [...words].slice(0, 32).map(([term, word]): QueryTerm => {
      const matches = this.vocabulary
        .match(term, word)
        .map(({ term: id, similarity }) => ({ term: id, similarity, idf: this.#idf[id] ?? 0 }));
      const exact = matches.find((match) => match.similarity === 1);
      const reference =
        exact?.idf ?? (matches.length > 0 ? Math.max(...matches.map((m) => m.idf)) : this.#maxIdf);
      // A longer word that starts with the one typed ("warm" → "warmup") is worth no more than the word
      // itself: being rarer must not lift it above the papers that say what was typed.
      if (exact) for (const match of matches) match.idf = Math.min(match.idf, exact.idf);
      return { word, matches, reference: Math.max(reference, 0.1) };
    });
    const unknown = terms.filter((term) => term.matches.length === 0);
    const known = terms.filter((term) => term.matches.length > 0);
    const allExact = known.every((term) => term.matches.some((match) => match.similarity === 1));
    if (!allExact || unknown.length > Math.floor(terms.length / 2)) {
      return { terms, unknown: [] };
    }
    return { terms: known, unknown: unknown.map((term) => term.word) };
  }
}

function valuesOf(value: string | readonly string[] | undefined): readonly string[] {
  if (value === undefined) return [];
  return typeof value === 'string' ? [value] : value;
}

function wordsOf(value: string | readonly string[] | undefined): string[] {
  return valuesOf(value).flatMap((text) => text.match(/\S+/g) ?? []);
}

/** Whether a posting list (documents in ascending order) holds a document: a binary search. */
function includes(postings: Int32Array, doc: number): boolean {
  let low = 0;
  // Stryker disable next-line ArithmeticOperator: past the end reads no document, and the search goes left.
  let high = postings.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const value = postings[middle] as number;
    if (value === doc) return true;
    if (value < doc) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}

function isUrlWord(token: { word: string }): boolean {
  // Only letters are left of a URL (see the constructor).
  return token.word.length >= 3 && !urlNoise.has(token.word);
}

/** The `k` best (doc, score) pairs seen, ties broken by document order. */
class TopK {
  readonly #items: Candidate[] = [];
  readonly #k: number;

  constructor(k: number) {
    this.#k = k;
  }

  offer(doc: number, score: number, coverage: number): void {
    const items = this.#items;
    if (items.length === this.#k) {
      const worst = items[0];
      // Compared before anything is allocated: most documents offered do not make the cut.
      if (!worst || !(score > worst.score || (score === worst.score && doc < worst.doc))) return;
      items[0] = { doc, score, coverage };
      this.#siftDown(0);
      return;
    }
    items.push({ doc, score, coverage });
    let index = items.length - 1;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (!better(items[parent] as Candidate, items[index] as Candidate)) break;
      [items[parent], items[index]] = [items[index] as Candidate, items[parent] as Candidate];
      index = parent;
    }
  }

  sorted(): Candidate[] {
    return [...this.#items].sort((a, b) => (better(a, b) ? -1 : 1));
  }

  // A min-heap on "better": the root is the worst kept candidate.
  #siftDown(start: number): void {
    const items = this.#items;
    let index = start;
    for (;;) {
      const left = index * 2 + 1;
      const right = left + 1;
      let worst = index;
      if (left < items.length && better(items[worst] as Candidate, items[left] as Candidate)) worst = left;
      if (right < items.length && better(items[worst] as Candidate, items[right] as Candidate)) worst = right;
      if (worst === index) return;
      [items[worst], items[index]] = [items[index] as Candidate, items[worst] as Candidate];
      index = worst;
    }
  }
}

function better(a: Candidate, b: Candidate): boolean {
  return a.score > b.score || (a.score === b.score && a.doc < b.doc);
}
