import { readEntries } from './entries.ts';
import { identify } from './identity.ts';
import { definitionsOf, parseMarkdown } from './markdown.ts';
import { collectSections } from './sections.ts';
import type { Catalog, Diagnostic } from './types.ts';

/**
 * Parse a markdown list of papers (an "awesome list") into a catalog.
 * Stages: sections (headings holding list items) → entries (title, links, repairs) → identity (papers, ids).
 *
 * @param markdown The list.
 * @returns Sections, papers, entries, and what was repaired or could not be read.
 */
export function parseCatalog(markdown: string): Catalog {
  const diagnostics: Diagnostic[] = [];
  const tree = parseMarkdown(markdown);
  const definitions = definitionsOf(tree);
  const sections = collectSections(tree, diagnostics);
  const entries = sections.flatMap((section) => readEntries(section, diagnostics, definitions));
  return identify(sections, entries, diagnostics);
}
