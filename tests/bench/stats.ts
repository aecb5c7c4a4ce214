/** Latency figures of a set of timings, in milliseconds. */
export interface Summary {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

/**
 * The nearest-rank percentile of some timings.
 *
 * @param sorted Timings in ascending order.
 * @param share Percentile as a share (0.99 for p99).
 * @returns The timing, or 0 when there are none.
 */
export function percentile(sorted: readonly number[], share: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1))] ?? 0;
}

/**
 * p50, p99 and max of some timings.
 *
 * @param samples Timings in milliseconds, in any order.
 * @returns Their summary.
 */
export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
    max: sorted.at(-1) ?? 0,
  };
}

/**
 * Run a function and time it.
 *
 * @param run The work.
 * @returns Its result and how long it took, in milliseconds.
 */
export function timed<T>(run: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = run();
  return { value, ms: performance.now() - start };
}

/** Peak resident set size of this process so far, in MiB (`maxRSS` is in KiB). */
export function peakRssMiB(): number {
  return process.resourceUsage().maxRSS / 1024;
}

/** Heap in use after a full collection, in MiB; `undefined` unless node runs with `--expose-gc`. */
export function settledHeapMiB(): number | undefined {
  if (!globalThis.gc) return undefined;
  globalThis.gc();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}
