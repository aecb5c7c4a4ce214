import Fuse, { type FuseIndex, type IFuseOptions } from 'fuse.js';
import { fold } from './text.ts';

/** What fuse.js sees of a document: folded text, so that accents and case never cost a match. */
export interface FuseDocument {
  title: string;
  description: string;
}

/** fuse.js options of the second stage. */
export const fuseDefaults: Readonly<IFuseOptions<FuseDocument>> = Object.freeze({
  keys: [
    { name: 'title', weight: 0.85 },
    { name: 'description', weight: 0.15 },
  ],
  includeScore: true,
  // Titles are short and the words can be anywhere in them.
  ignoreLocation: true,
  // Candidates are already filtered by the first stage: fuse.js only orders them, so it may not drop any.
  threshold: 1,
  ignoreFieldNorm: false,
  shouldSort: false,
});

/**
 * The second stage: fuse.js scores the candidates of the first stage by character-level similarity
 * of the whole query to the title (phrases, word order, partial words). Its index is built once with
 * `Fuse.createIndex`; a query searches only the candidates' records of that index.
 */
export class FuseReranker {
  readonly #documents: FuseDocument[];
  readonly #index: FuseIndex<FuseDocument>;
  readonly #options: IFuseOptions<FuseDocument>;
  /** Each document's record in the index, so a query picks its candidates' records without a scan. */
  readonly #records: FuseIndex<FuseDocument>['records'];

  /**
   * @param documents One per indexed document, same order.
   * @param options fuse.js options (default: {@link fuseDefaults}).
   */
  constructor(documents: readonly FuseDocument[], options: IFuseOptions<FuseDocument> = fuseDefaults) {
    this.#documents = documents.map((doc) => ({
      title: fold(doc.title),
      description: fold(doc.description),
    }));
    this.#options = options;
    this.#index = Fuse.createIndex(options.keys ?? [], this.#documents);
    this.#records = [];
    for (const record of this.#index.records) this.#records[record.i] = record;
  }

  /**
   * fuse.js similarity of the query to each candidate: 1 for a perfect match, 0 for none.
   *
   * @param query The query as typed.
   * @param candidates Document numbers.
   * @returns Similarity per candidate document.
   */
  similarity(query: string, candidates: readonly number[]): Map<number, number> {
    const records = candidates.flatMap((doc) => this.#records[doc] ?? []);
    // A view over the prebuilt records of the candidates: nothing is re-indexed.
    const view = Fuse.parseIndex<FuseDocument>({ keys: this.#index.keys, records });
    const fuse = new Fuse(this.#documents, this.#options, view);
    const similarity = new Map<number, number>();
    for (const result of fuse.search(fusePattern(query))) {
      similarity.set(result.refIndex, 1 - (result.score ?? 1));
    }
    return similarity;
  }
}

/**
 * The query as fuse.js compares it: folded, and at most 32 characters (whole words), because bitap
 * patterns longer than that are run in chunks, each a full pass over the candidates.
 *
 * @param query The query as typed.
 * @returns The pattern.
 */
export function fusePattern(query: string): string {
  const words = fold(query).split(/\s+/).filter(Boolean);
  let pattern = '';
  for (const word of words) {
    const next = pattern ? `${pattern} ${word}` : word;
    if (next.length > 32) break;
    pattern = next;
  }
  return pattern || fold(query).slice(0, 32);
}
