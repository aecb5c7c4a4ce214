import { readEntries } from './entries.ts';
import { identify } from './identity.ts';
import { definitionsOf, parseMarkdown } from './markdown.ts';
import { collectSections } from './sections.ts';
import { addThesaurus } from './thesaurus.ts';
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
  const catalog = identify(sections, entries, diagnostics);
  addThesaurus(catalog, tree);
  if (catalog.papers.length === 0) {
    // An empty file, prose, or a list with no headings: nothing to search or post, and `check` must say so.
    catalog.diagnostics.unshift({
      line: 1,
      severity: 'error',
      code: 'no-papers',
      message:
        'no papers found: a paper is a list item with a link ("- [Title](https://…)") under a heading ("## Section")',
    });
  }
  return catalog;
}
