import { type Ranked, type Ranker, rankerDefaults } from './ranker.ts';

/** A ranked document, with the parts of the question it matched. */
export interface RankedHit extends Ranked {
  matched?: string[];
}

/**
 * A question in several parts, merged best coverage first: papers that hold every part, then the best
 * of each part in turn, so that every part's paper is near the top. The whole question is ranked first:
 * when enough papers hold every part (a title that says "and"), the parts are not searched one by one.
 *
 * @param ranker The ranking of the list's papers.
 * @param parts The parts, as typed.
 * @param options `allowed`: a filter's documents; `limit`: results wanted; `whole`: the whole
 *   question's ranking, when already made.
 * @returns Documents best first, each with the parts it matched; the parts no paper matches.
 */
export function rankParts(
  ranker: Ranker,
  parts: readonly string[],
  { allowed, limit, whole }: { allowed: Uint8Array | undefined; limit: number; whole?: readonly Ranked[] },
): { hits: RankedHit[]; unmatched: string[] } {
  const filter = allowed ? { allowed } : {};
  const joint = (whole ?? ranker.rank(parts.join(' '), filter)).map((hit) => ({
    ...hit,
    matched: new Set<number>(),
  }));
  addHeldParts(ranker, parts, joint);
  const holders = joint.filter((hit) => hit.matched.size === parts.length);
  if (holders.length >= limit)
    return { hits: holders.map(({ doc, score }) => ({ doc, score, matched: [...parts] })), unmatched: [] };

  // Each part's best few: a part's fifth paper is never shown before every part's first.
  const lists = parts.map((part) => ranker.rank(part, { ...filter, candidates: Math.max(limit, 10) }));
  const unmatched = lists.flatMap((list, index) => (list.length === 0 ? [parts[index] as string] : []));
  const pool = new Map<number, PoolEntry>();
  const offer = (list: readonly Ranked[], part?: number) => {
    list.forEach(({ doc, score }, rank) => {
      const entry = pool.get(doc) ?? { doc, rank, best: score, matched: new Set<number>() };
      entry.rank = Math.min(entry.rank, rank);
      entry.best = Math.max(entry.best, score);
      // A paper is found for a part by that part's ranking, or holds it below that ranking's cut.
      if (part !== undefined) entry.matched.add(part);
      pool.set(doc, entry);
    });
  };
  offer(joint);
  lists.forEach((list, part) => {
    offer(list, part);
  });
  addHeldParts(ranker, parts, [...pool.values()]);
  const firstPart = (matched: ReadonlySet<number>) => Math.min(...matched);
  const wholly = (matched: ReadonlySet<number>) => (matched.size === parts.length ? 1 : 0);
  // Papers that hold the whole question first; then each part's best in turn (a paper matching more
  // parts first within a turn), so that no part's paper is pushed down by papers of another; ties go
  // to the part named first: "adam vs rmsprop" shows ADAM, then RMSProp.
  const merged = [...pool.values()]
    .filter((entry) => entry.matched.size > 0)
    .sort(
      (a, b) =>
        wholly(b.matched) - wholly(a.matched) ||
        a.rank - b.rank ||
        b.matched.size - a.matched.size ||
        b.best - a.best ||
        firstPart(a.matched) - firstPart(b.matched) ||
        a.doc - b.doc,
    );
  let previous = 1;
  const hits = merged.map((entry) => {
    // Scores follow the order: a paper matching fewer parts never outscores one matching more.
    const score = Math.min(
      previous,
      Math.round(((entry.best * entry.matched.size) / parts.length) * 1000) / 1000,
    );
    previous = score;
    const matched = parts.filter((_part, index) => entry.matched.has(index));
    return { doc: entry.doc, score: Math.max(score, 0.001), matched };
  });
  return { hits, unmatched };
}

/** A paper found for a question in parts: its best rank and score in any ranking, and the parts it holds. */
interface PoolEntry {
  doc: number;
  rank: number;
  best: number;
  matched: Set<number>;
}

/** Add to each document the parts it holds: enough of the part's words, as a ranking requires. */
function addHeldParts(
  ranker: Ranker,
  parts: readonly string[],
  found: ReadonlyArray<{ doc: number; matched: Set<number> }>,
): void {
  const docs = found.map((hit) => hit.doc);
  parts.forEach((part, index) => {
    const coverage = ranker.coverage(part, docs);
    found.forEach((hit, at) => {
      if ((coverage[at] ?? 0) >= rankerDefaults.minCoverage) hit.matched.add(index);
    });
  });
}
