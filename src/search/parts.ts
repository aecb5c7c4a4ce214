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
  const joint = whole ?? ranker.rank(parts.join(' '), filter);
  const held = matchedParts(
    ranker,
    parts,
    joint.map((hit) => hit.doc),
  );
  const holders = joint.filter((_hit, at) => held[at]?.size === parts.length);
  if (holders.length >= limit)
    return { hits: holders.map((hit) => ({ ...hit, matched: [...parts] })), unmatched: [] };

  // Each part's best few: a part's fifth paper is never shown before every part's first.
  const lists = parts.map((part) => ranker.rank(part, { ...filter, candidates: Math.max(limit, 10) }));
  const unmatched = parts.filter((_part, index) => lists[index]?.length === 0);
  if (unmatched.length === parts.length) return { hits: [], unmatched };
  const pool = new Map<number, { rank: number; best: number; matched: Set<number> }>();
  const offer = (doc: number, rank: number, score: number) => {
    const entry = pool.get(doc) ?? { rank, best: score, matched: new Set<number>() };
    entry.rank = Math.min(entry.rank, rank);
    entry.best = Math.max(entry.best, score);
    pool.set(doc, entry);
  };
  for (const list of [joint, ...lists]) {
    list.forEach((hit, rank) => {
      offer(hit.doc, rank, hit.score);
    });
  }
  const docs = [...pool.keys()];
  matchedParts(ranker, parts, docs).forEach((matched, at) => {
    const entry = pool.get(docs[at] as number);
    if (entry) entry.matched = matched;
  });
  // A paper is found for a part by that part's ranking, or holds it below that ranking's cut.
  lists.forEach((list, part) => {
    for (const hit of list) pool.get(hit.doc)?.matched.add(part);
  });
  const firstPart = (matched: ReadonlySet<number>) => Math.min(...matched);
  const wholly = (matched: ReadonlySet<number>) => (matched.size === parts.length ? 1 : 0);
  // Papers that hold the whole question first; then each part's best in turn (a paper matching more
  // parts first within a turn), so that no part's paper is pushed down by papers of another; ties go
  // to the part named first: "adam vs rmsprop" shows ADAM, then RMSProp.
  const merged = [...pool]
    .filter(([, entry]) => entry.matched.size > 0)
    .sort(
      ([docA, a], [docB, b]) =>
        wholly(b.matched) - wholly(a.matched) ||
        a.rank - b.rank ||
        b.matched.size - a.matched.size ||
        b.best - a.best ||
        firstPart(a.matched) - firstPart(b.matched) ||
        docA - docB,
    );
  let previous = 1;
  const hits = merged.map(([doc, entry]) => {
    // Scores follow the order: a paper matching fewer parts never outscores one matching more.
    const score = Math.min(
      previous,
      Math.round(((entry.best * entry.matched.size) / parts.length) * 1000) / 1000,
    );
    previous = score;
    const matched = [...entry.matched].sort((a, b) => a - b).map((index) => parts[index] as string);
    return { doc, score: Math.max(score, 0.001), matched };
  });
  return { hits, unmatched };
}

/** The parts each document holds: enough of the part's words, as a ranking requires. */
function matchedParts(ranker: Ranker, parts: readonly string[], docs: readonly number[]): Set<number>[] {
  const matched = docs.map(() => new Set<number>());
  parts.forEach((part, index) => {
    ranker.coverage(part, docs).forEach((coverage, at) => {
      if (coverage >= rankerDefaults.minCoverage) matched[at]?.add(index);
    });
  });
  return matched;
}
