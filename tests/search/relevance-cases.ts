/**
 * One question of a relevance suite and the papers the asker is after.
 *
 * - `match: 'any'`: any one of `expected` answers the question (a concept: "adaptive learning rate").
 * - `match: 'all'`: the asker wants every one of them (a question naming two methods: "adam vs rmsprop").
 */
export interface RelevanceCase {
  readonly query: string;
  readonly expected: readonly string[];
  readonly match: 'any' | 'all';
}

/** Hit rates of a suite: top-1, top-3, and the questions that missed top-3. */
export interface HitRates {
  top1: number;
  top3: number;
  misses: string[];
}

/**
 * Score a ranking function on a suite.
 *
 * Top-1 counts when the first result is one of `expected`. Top-3 counts, for `any`, when one of
 * `expected` is in the first three; for `all`, when every expected paper is in the first
 * `max(3, expected.length)` results.
 *
 * @param cases The suite.
 * @param rank Paper ids for a query, best first.
 * @returns Hit rates in [0, 1] and the misses, as `query → expected`.
 */
export function hitRates(cases: readonly RelevanceCase[], rank: (query: string) => string[]): HitRates {
  let top1 = 0;
  let top3 = 0;
  const misses: string[] = [];
  for (const { query, expected, match } of cases) {
    const ids = rank(query);
    if (ids[0] !== undefined && expected.includes(ids[0])) top1++;
    const window = ids.slice(0, Math.max(3, match === 'all' ? expected.length : 3));
    const found =
      match === 'all'
        ? expected.every((id) => window.includes(id))
        : expected.some((id) => window.includes(id));
    if (found) top3++;
    else misses.push(`${query} → ${expected.join(match === 'all' ? ' + ' : ' | ')}`);
  }
  const count = Math.max(1, cases.length);
  return { top1: top1 / count, top3: top3 / count, misses };
}

/** A rate as the suites print it. */
export const percent = (rate: number): string => `${(rate * 100).toFixed(1)}%`;
