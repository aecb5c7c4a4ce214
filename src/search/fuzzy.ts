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
  if (rows.width < width) rows.grow(width);
  // Three rows reused across calls: this runs against thousands of terms for one typo.
  let before = rows.a;
  let previous = rows.b;
  let current = rows.c;
  for (let j = 0; j < width; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    const charA = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = charA === b.charCodeAt(j - 1) ? 0 : 1;
      let value = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && charA === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        value = Math.min(value, (before[j - 2] as number) + 1);
      }
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length] ?? max + 1;
}

/** Scratch rows of {@link editDistance}. */
const rows = {
  width: 0,
  a: new Int32Array(0),
  b: new Int32Array(0),
  c: new Int32Array(0),
  grow(width: number) {
    this.width = width;
    this.a = new Int32Array(width);
    this.b = new Int32Array(width);
    this.c = new Int32Array(width);
  },
};

/**
 * The letters a word uses, as bits (a = bit 0 … z = bit 25). One edit changes at most two bits of the
 * difference of two words' sets, so words whose sets differ by more bits cannot be close: a cheap test
 * before {@link editDistance}.
 *
 * @param word A folded word.
 * @returns Its letter set.
 */
export function letterSet(word: string): number {
  let set = 0;
  for (let index = 0; index < word.length; index++) {
    const letter = word.charCodeAt(index) - 97;
    if (letter >= 0 && letter < 26) set |= 1 << letter;
  }
  return set;
}

function bitCount(value: number): number {
  let v = value - ((value >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
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
  /** Most longer terms a prefix stands for (default: 10): a short prefix must not fan out to hundreds. */
  maxPrefixTerms: number;
}

/** Worth of a longer word that starts with a word the list uses. */
const exactPrefixSimilarity = 0.7;

export const fuzzyDefaults: Readonly<FuzzyOptions> = Object.freeze({
  oneEditFrom: 4,
  twoEditsFrom: 8,
  prefixFrom: 3,
  editSimilarity: 0.8,
  prefixSimilarity: 0.75,
  maxPrefixTerms: 10,
});

/**
 * Words bucketed by length and first letter, with their letter sets, so that a typo is only compared
 * with words of nearby length, the same first letter and similar letters. A typo in the first letter
 * is rare and costly to look for (every bucket); one that swaps the first two letters is found.
 */
class Neighbourhood {
  // Stryker disable next-line ArrayDeclaration: every index read was written by add() first.
  readonly #words: string[] = [];
  readonly #buckets = new Map<string, number[]>();
  #letters = new Int32Array(1024);

  /** Add a word under an index of the caller's choosing (its position in the caller's table). */
  add(word: string, index: number): void {
    const key = bucketKey(word.length, word[0] ?? '');
    const bucket = this.#buckets.get(key) ?? [];
    bucket.push(index);
    this.#buckets.set(key, bucket);
    if (index >= this.#letters.length) {
      // Stryker disable next-line MethodExpression,ArithmeticOperator: any size past `index` holds the word;
      // doubling only spares copies.
      const grown = new Int32Array(Math.max(index + 1, this.#letters.length * 2));
      grown.set(this.#letters);
      this.#letters = grown;
    }
    this.#letters[index] = letterSet(word);
    this.#words[index] = word;
  }

  /** Call `found` with every word within `maxEdits` edits of `query` (not the query itself), and the distance. */
  near(query: string, maxEdits: number, found: (index: number, distance: number) => void): void {
    if (maxEdits <= 0) return;
    const letters = letterSet(query);
    const firsts = new Set([query[0] ?? '', query[1] ?? '']);
    for (let length = query.length - maxEdits; length <= query.length + maxEdits; length++) {
      for (const first of firsts) {
        for (const index of this.#buckets.get(bucketKey(length, first)) ?? []) {
          if (bitCount(letters ^ (this.#letters[index] as number)) > 2 * maxEdits) continue;
          const distance = editDistance(query, this.#words[index] ?? '', maxEdits);
          if (distance > 0 && distance <= maxEdits) found(index, distance);
        }
      }
    }
  }
}

function bucketKey(length: number, first: string): string {
  return `${length}:${first}`;
}

/**
 * The vocabulary of an index, searchable by exact term, prefix and edit distance. Typos are looked
 * for among the words as the list writes them, not among their stems: a stem can hide a typo or make
 * one ("minma" stems to itself, "minima" to "minimum"; "trining" to "trine", "training" to "train";
 * "transformer" to "transform", two edits from "transfer"). Words that start with a digit (arXiv ids,
 * years) match exactly only.
 */
export class Vocabulary {
  readonly #ids = new Map<string, number>();
  readonly #terms: string[] = [];
  /** Written words (folded), each with the term it stands for. */
  readonly #words = new Map<string, number>();
  readonly #wordTerms: number[] = [];
  readonly #wordNeighbours = new Neighbourhood();
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
      this.#sorted = undefined;
      this.#cache.clear();
    }
    return id;
  }

  /**
   * Remember a word as the list writes it (folded), for typos that its stem would hide.
   *
   * @param word A folded word of the list.
   * @param term The id of the term it stands for.
   */
  addWord(word: string, term: number): void {
    if (this.#words.has(word) || !/^\p{L}+$/u.test(word)) return;
    const index = this.#wordTerms.length;
    this.#words.set(word, index);
    this.#wordTerms.push(term);
    this.#wordNeighbours.add(word, index);
    this.#cache.clear();
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
   * Every term a query term may stand for: itself when the list uses it; otherwise terms it is a
   * prefix of or that are a prefix of it ("regul" → "regular"; "normalis" → "normal"), and the terms
   * of the list's words within one or two edits of the word as typed, each with its similarity.
   * Results are cached per query term and word.
   *
   * @param query A query term.
   * @param word The folded word it came from (default: the term).
   * @returns Matches, best first.
   */
  match(query: string, word = query): TermMatch[] {
    const key = word === query ? query : `${query}\u0000${word}`;
    const cached = this.#cache.get(key);
    if (cached) return cached;
    const best = new Map<number, number>();
    const offer = (term: number, similarity: number) => {
      if ((best.get(term) ?? 0) < similarity) best.set(term, similarity);
    };
    const exact = this.#ids.get(query);
    if (exact !== undefined) offer(exact, 1);
    const { oneEditFrom, twoEditsFrom, prefixFrom, editSimilarity, prefixSimilarity } = this.#options;
    // A word the list uses is taken as meant, and only stretched to words a few letters longer that
    // start with it ("adam" → "adamax"), worth less; anything more would only add noise.
    if (exact !== undefined && query.length >= 4 && !/^\d/.test(query)) {
      for (const id of this.#withPrefix(query)) {
        if (this.term(id).length - query.length <= 3) offer(id, exactPrefixSimilarity);
      }
    }
    if (exact === undefined && !/^\d/.test(query)) {
      if (query.length >= prefixFrom) {
        for (const id of this.#withPrefix(query)) offer(id, prefixSimilarity);
        // The query runs past a shorter indexed word ("normal" for "Norm"), by a suffix's length.
        for (let length = Math.max(4, query.length - 4); length < query.length; length++) {
          const id = this.#ids.get(query.slice(0, length));
          if (id !== undefined) offer(id, prefixSimilarity * (1 - 0.05 * (query.length - length)));
        }
      }
      const edits = (length: number) => (length >= twoEditsFrom ? 2 : length >= oneEditFrom ? 1 : 0);
      if (!this.#words.has(word)) {
        this.#wordNeighbours.near(word, edits(word.length), (index, distance) =>
          offer(this.#wordTerms[index] as number, editSimilarity ** distance),
        );
      }
    }
    const matches = [...best].map(([term, similarity]) => ({ term, similarity }));
    matches.sort((a, b) => b.similarity - a.similarity);
    // Stryker disable next-line ConditionalExpression,EqualityOperator: when the cache is emptied changes only
    // how often a word is matched again, never its matches.
    if (this.#cache.size > 10_000) this.#cache.clear();
    this.#cache.set(key, matches);
    return matches;
  }

  /** Sort the terms for prefix lookups now, at build time, rather than in the first query that needs it. */
  seal(): void {
    this.#sorted ??= this.#terms.map((_, id) => id).sort((a, b) => compare(this.term(a), this.term(b)));
  }

  #withPrefix(prefix: string): number[] {
    this.seal();
    const sorted = this.#sorted ?? [];
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compare(this.term(sorted[middle] ?? 0), prefix) < 0) low = middle + 1;
      else high = middle;
    }
    const found: number[] = [];
    for (let index = low; index < sorted.length && found.length < this.#options.maxPrefixTerms; index++) {
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
