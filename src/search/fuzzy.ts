/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transpositions: "saddel" → "saddle"
 * is one edit), giving up as soon as it must exceed `max`.
 *
 * @param a First word.
 * @param b Second word.
 * @param max Largest distance of interest.
 * @returns The distance, or `max + 1` when it is larger than `max`.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  const width = b.length + 1;
  let before = new Array<number>(width).fill(0);
  let previous = Array.from({ length: width }, (_, j) => j);
  let current = new Array<number>(width).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (before[j - 2] ?? 0) + 1);
      }
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length] ?? max + 1;
}

/** How a query term was found in the vocabulary, and how much that match is worth (1 = exact). */
export interface TermMatch {
  term: number;
  similarity: number;
}

/** Knobs of vocabulary matching; the defaults are tuned on the relevance suite. */
export interface FuzzyOptions {
  /** Shortest query term that may match with one edit (default: 4). */
  oneEditFrom: number;
  /** Shortest query term that may match with two edits (default: 8). */
  twoEditsFrom: number;
  /** Shortest query term that may match as a prefix of a longer term (default: 3). */
  prefixFrom: number;
  /** Worth of a one-edit match (default: 0.8); two edits are worth its square. */
  editSimilarity: number;
  /** Worth of a prefix match, either way round (default: 0.75). */
  prefixSimilarity: number;
}

export const fuzzyDefaults: Readonly<FuzzyOptions> = Object.freeze({
  oneEditFrom: 4,
  twoEditsFrom: 8,
  prefixFrom: 3,
  editSimilarity: 0.8,
  prefixSimilarity: 0.75,
});

/**
 * The vocabulary of an index, searchable by exact term, prefix and edit distance. Terms are
 * bucketed by length so that a typo only compares against words of nearby length.
 */
export class Vocabulary {
  readonly #ids = new Map<string, number>();
  readonly #terms: string[] = [];
  readonly #byLength: number[][] = [];
  /** Terms sorted, for prefix ranges by binary search. */
  #sorted: number[] | undefined;
  readonly #options: FuzzyOptions;
  readonly #cache = new Map<string, TermMatch[]>();

  /** @param options Matching knobs (default: {@link fuzzyDefaults}). */
  constructor(options: Partial<FuzzyOptions> = {}) {
    this.#options = { ...fuzzyDefaults, ...options };
  }

  /** Number of distinct terms. */
  get size(): number {
    return this.#terms.length;
  }

  /**
   * The id of a term, added when new.
   *
   * @param term A term.
   * @returns Its id.
   */
  intern(term: string): number {
    let id = this.#ids.get(term);
    if (id === undefined) {
      id = this.#terms.length;
      this.#ids.set(term, id);
      this.#terms.push(term);
      const bucket = this.#byLength[term.length] ?? [];
      bucket.push(id);
      this.#byLength[term.length] = bucket;
      this.#sorted = undefined;
      this.#cache.clear();
    }
    return id;
  }

  /**
   * The id of a known term.
   *
   * @param term A term.
   * @returns Its id, or `undefined`.
   */
  id(term: string): number | undefined {
    return this.#ids.get(term);
  }

  /**
   * The term with that id.
   *
   * @param id A term id.
   * @returns The term.
   */
  term(id: number): string {
    return this.#terms[id] ?? '';
  }

  /**
   * Every term a query term may stand for: itself, terms it is a prefix of or that are a prefix of
   * it (as you type: "regul" → "regular"; "normal" → "norm"), and terms within one or two edits,
   * each with its similarity. Results are cached per query term.
   *
   * @param query A query term.
   * @returns Matches, best first.
   */
  match(query: string): TermMatch[] {
    const cached = this.#cache.get(query);
    if (cached) return cached;
    const best = new Map<number, number>();
    const offer = (term: number, similarity: number) => {
      if ((best.get(term) ?? 0) < similarity) best.set(term, similarity);
    };
    const exact = this.#ids.get(query);
    if (exact !== undefined) offer(exact, 1);
    const { oneEditFrom, twoEditsFrom, prefixFrom, editSimilarity, prefixSimilarity } = this.#options;
    if (!/^\d/.test(query)) {
      if (query.length >= prefixFrom) {
        for (const id of this.#withPrefix(query)) offer(id, prefixSimilarity);
        // The query runs past a shorter indexed word ("normal" for "Norm"), by a suffix's length.
        for (let length = Math.max(4, query.length - 4); length < query.length; length++) {
          const id = this.#ids.get(query.slice(0, length));
          if (id !== undefined) offer(id, prefixSimilarity * (1 - 0.05 * (query.length - length)));
        }
      }
      const maxEdits = query.length >= twoEditsFrom ? 2 : query.length >= oneEditFrom ? 1 : 0;
      for (let length = query.length - maxEdits; length <= query.length + maxEdits; length++) {
        for (const id of this.#byLength[length] ?? []) {
          const distance = editDistance(query, this.#terms[id] ?? '', maxEdits);
          if (distance > 0 && distance <= maxEdits) offer(id, editSimilarity ** distance);
        }
      }
    }
    const matches = [...best].map(([term, similarity]) => ({ term, similarity }));
    matches.sort((a, b) => b.similarity - a.similarity);
    if (this.#cache.size > 10_000) this.#cache.clear();
    this.#cache.set(query, matches);
    return matches;
  }

  #withPrefix(prefix: string): number[] {
    this.#sorted ??= this.#terms.map((_, id) => id).sort((a, b) => compare(this.term(a), this.term(b)));
    const sorted = this.#sorted;
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compare(this.term(sorted[middle] ?? 0), prefix) < 0) low = middle + 1;
      else high = middle;
    }
    const found: number[] = [];
    for (let index = low; index < sorted.length && found.length < 50; index++) {
      const id = sorted[index] ?? 0;
      const term = this.term(id);
      if (!term.startsWith(prefix)) break;
      if (term !== prefix) found.push(id);
    }
    return found;
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
