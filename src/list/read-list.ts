import { readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Catalog } from '../catalog/types.ts';
import { listUnreadable } from '../file-errors.ts';

/** Limits of reading a list, one place. */
export const readListDefaults = Object.freeze({
  /** Largest list read (OPTPAPER_LIST_MAX_BYTES): about 12,000 entries of the shipped list's kind. */
  maxBytes: 2 * 1024 * 1024,
  /** A parse still running after this long is stopped (the previous list stays). */
  timeoutMs: 60_000,
  /** A file is stable once its size and modification time stay the same this long. */
  quietMs: 300,
  /** How often a changing file is looked at. */
  pollMs: 50,
  /** Longest wait for a file to stop changing. */
  settleMs: 10_000,
});

/** Options of {@link readList}. */
export interface ReadListOptions {
  /** Refuse a file larger than this (default: 2 MiB). */
  maxBytes?: number;
  /** Stop a parse that takes longer (default: 60 s). */
  timeoutMs?: number;
  /** Wait for the file to stop changing first (a reload; default: false). */
  settle?: boolean;
}

/** A list that cannot be read: the message is one line for a person, naming the file. */
export class ListError extends Error {
  override name = 'ListError';
}

/**
 * Read and parse a list file in a worker thread, so that a huge or pathological file never stalls the
 * bot's answers, with a size limit checked before reading and a time limit on the parse.
 *
 * @param path The markdown list.
 * @param options Limits, and whether to wait for the file to stop changing (someone is writing it).
 * @returns The catalog.
 * @throws {ListError} when the file is missing, too large, still changing, or takes too long to parse.
 */
export async function readList(path: string, options: ReadListOptions = {}): Promise<Catalog> {
  const maxBytes = options.maxBytes ?? readListDefaults.maxBytes;
  const before = options.settle ? await settled(path) : await statOf(path);
  if (before.size > maxBytes) {
    throw new ListError(
      `${path} is ${before.size.toLocaleString('en')} bytes, more than OPTPAPER_LIST_MAX_BYTES ` +
        `(${maxBytes.toLocaleString('en')}): raise the limit or split the list`,
    );
  }
  const catalog = await parseInWorker(path, options.timeoutMs ?? readListDefaults.timeoutMs);
  // Written to while it was read: what was read is a mix of two versions.
  const after = await statOf(path);
  if (options.settle && (after.size !== before.size || after.mtimeMs !== before.mtimeMs)) {
    return readList(path, options);
  }
  return catalog;
}

async function statOf(path: string): Promise<{ size: number; mtimeMs: number }> {
  let stats: Awaited<ReturnType<typeof stat>>;
  try {
    stats = await stat(path);
  } catch (error) {
    throw new ListError(listUnreadable(path, error));
  }
  // A folder has a size too: said now, as reading it would (EISDIR), rather than by the worker.
  if (stats.isDirectory()) throw new ListError(listUnreadable(path, { code: 'EISDIR' }));
  return { size: stats.size, mtimeMs: stats.mtimeMs };
}

/** The file's size and time once they have stayed the same for a quiet period: a writer has finished. */
async function settled(path: string): Promise<{ size: number; mtimeMs: number }> {
  const deadline = Date.now() + readListDefaults.settleMs;
  let last = await statOf(path);
  let quietSince = Date.now();
  while (Date.now() - quietSince < readListDefaults.quietMs) {
    if (Date.now() > deadline)
      throw new ListError(`${path} kept changing for ${readListDefaults.settleMs / 1000} s; not read`);
    await new Promise((resolve) => setTimeout(resolve, readListDefaults.pollMs));
    const now = await statOf(path);
    if (now.size !== last.size || now.mtimeMs !== last.mtimeMs) {
      last = now;
      quietSince = Date.now();
    }
  }
  return last;
}

/**
 * The worker to start: the compiled module next to this one, or, running from source (tests, tsx), a
 * one-line ES module that registers tsx in the worker first (a worker does not inherit a loader that
 * was registered with `--import`).
 */
function workerEntry(): URL {
  if (!import.meta.url.endsWith('.ts')) return new URL('./read-worker.js', import.meta.url);
  const entry = new URL('./read-worker.ts', import.meta.url).href;
  const tsx = tsxEsmApi();
  const boot = `import { register } from ${JSON.stringify(tsx)}; register(); await import(${JSON.stringify(entry)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(boot)}`);
}

/** tsx's ES module API, found through its package's exports (require() would resolve its CommonJS twin). */
function tsxEsmApi(): string {
  const manifestPath = createRequire(import.meta.url).resolve('tsx/package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    exports: Record<string, { import: { default: string } }>;
  };
  const entry = manifest.exports['./esm/api']?.import.default ?? './dist/esm/api/index.mjs';
  return new URL(entry, pathToFileURL(manifestPath)).href;
}

function parseInWorker(path: string, timeoutMs: number): Promise<Catalog> {
  return new Promise<Catalog>((resolve, reject) => {
    const worker = new Worker(workerEntry(), { workerData: { path } });
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new ListError(`${path} took more than ${timeoutMs / 1000} s to parse; not read`));
    }, timeoutMs);
    worker.once('message', (message: { catalog?: Catalog; error?: string }) => {
      clearTimeout(timer);
      void worker.terminate();
      if (message.catalog) resolve(message.catalog);
      else reject(new ListError(message.error ?? `cannot parse ${path}`));
    });
    worker.once('error', (error) => {
      clearTimeout(timer);
      reject(new ListError(`cannot parse ${path} (${error.message})`));
    });
    worker.once('exit', (code) => {
      clearTimeout(timer);
      // After a message this is a no-op: a settled promise ignores a second reject.
      reject(new ListError(`cannot parse ${path} (the parser stopped with code ${code})`));
    });
  });
}
