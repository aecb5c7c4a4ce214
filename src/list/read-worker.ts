/**
 * Worker thread: read a list file and parse it, off the bot's event loop. Receives `{ path }` as
 * workerData, posts back `{ catalog, bytes }` or `{ error }`. Nothing else lives here.
 */
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { parseCatalog } from '../catalog/parse.ts';
import { listUnreadable } from '../file-errors.ts';

const { path } = workerData as { path: string };
try {
  const markdown = readFileSync(path, 'utf8');
  parentPort?.postMessage({ catalog: parseCatalog(markdown), bytes: Buffer.byteLength(markdown) });
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  parentPort?.postMessage({
    error: code ? listUnreadable(path, error) : error instanceof Error ? error.message : String(error),
  });
}
