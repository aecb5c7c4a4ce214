import { readFileSync } from 'node:fs';
import { defaultListPath } from '../../src/catalog/load.ts';
import { parseCatalog } from '../../src/catalog/parse.ts';
import type { Catalog, Paper } from '../../src/catalog/types.ts';

/** The shipped list's text, read once per test file. */
export const shippedMarkdown: string = readFileSync(defaultListPath, 'utf8');

/** The shipped list, parsed by the real parser. */
export function shippedCatalog(): Catalog {
  return parseCatalog(shippedMarkdown);
}

/** The paper with that exact title; throws so that a renamed paper fails the test loudly. */
export function paperTitled(catalog: Catalog, title: string): Paper {
  const paper = catalog.papers.find((candidate) => candidate.title === title || candidate.rawTitle === title);
  if (!paper) throw new Error(`no paper titled "${title}"`);
  return paper;
}
