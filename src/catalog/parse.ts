import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { readEntries } from './entries.ts';
import { identify } from './identity.ts';
import { collectSections } from './sections.ts';
import type { Catalog, Diagnostic } from './types.ts';

// remark-gfm turns the bare URLs of hand-written lists into links (autolink literals).
const processor = unified().use(remarkParse).use(remarkGfm).freeze();

/**
 * Parse a markdown list of papers (an "awesome list") into a catalog.
 * Stages: sections (headings holding list items) → entries (title, links, repairs) → identity (papers, ids).
 *
 * @param markdown The list.
 * @returns Sections, papers, entries, and what was repaired or could not be read.
 */
export function parseCatalog(markdown: string): Catalog {
  const diagnostics: Diagnostic[] = [];
  const tree = processor.parse(markdown);
  const sections = collectSections(tree, diagnostics);
  const entries = sections.flatMap((section) => readEntries(section, diagnostics));
  return identify(sections, entries, diagnostics);
}
