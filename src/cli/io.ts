import type { Catalog } from '../catalog/types.ts';

/** Where a CLI command writes, and what it reads from the environment; passed in so tests can run it in-process. */
export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  env: Readonly<Record<string, string | undefined>>;
}

/** Exit codes: 0 done, 1 the command found errors, 2 bad usage. */
export const exitCodes = Object.freeze({ ok: 0, failed: 1, usage: 2 });

/** A command-line mistake: printed with the usage, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * Write JSON on one line per document, as scripts expect.
 *
 * @param io Where to write.
 * @param value Any JSON value.
 */
export function writeJson(io: CliIo, value: unknown): void {
  io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/**
 * Refuse a list with no papers in one line, as `check` reports it (`no-papers`, an error): an empty
 * answer would read as "nothing matches" or "nothing to list" when the list itself is the problem.
 *
 * @param catalog The list read.
 * @param what What the command would do with papers (`to search`).
 * @param io Where to say it.
 * @returns True when the list has no papers (the command stops with exit code 1).
 */
export function refuseEmptyList(catalog: Catalog, what: string, io: CliIo): boolean {
  if (catalog.papers.length > 0) return false;
  io.stderr.write(`optpaper: the paper list has no papers ${what}; \`optpaper check\` says why\n`);
  return true;
}
