import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { listUnreadable } from '../file-errors.ts';
import { parseCatalog } from './parse.ts';
import type { Catalog } from './types.ts';

/** The list the project ships, used when `OPTPAPER_LIST` is not set. */
export const defaultListPath: string = fileURLToPath(
  new URL('../../data/optimization-papers.md', import.meta.url),
);

/**
 * Read and parse a list file.
 *
 * @param path Path of the markdown list (default: the shipped list).
 * @returns The catalog.
 * @throws When the file cannot be read; the error message names the path.
 */
export async function loadCatalog(path: string = defaultListPath): Promise<Catalog> {
  let markdown: string;
  try {
    markdown = await readFile(path, 'utf8');
  } catch (error) {
    throw new Error(listUnreadable(path, error));
  }
  return parseCatalog(markdown);
}
