import { readEntries } from './entries.ts';
import { identify } from './identity.ts';
import { definitionsOf, parseMarkdown } from './markdown.ts';
import { limitNesting } from './nesting.ts';
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
  // CommonMark ends a line at CR, LF or CRLF; the passes before remark (nesting limits, cutting a long
  // list before headings, never inside a fence) split on LF. One LF per line ending keeps every line number.
  const text = markdown.replace(/\r\n?/g, '\n');
  const tree = parseMarkdown(limitNesting(text, diagnostics));
  const definitions = definitionsOf(tree);
  const sections = collectSections(tree, diagnostics);
  const context = { diagnostics, definitions, sectionLines: new Map<string, number>() };
  const entries = sections.flatMap((section) => readEntries(section, context));
  const catalog = identify(context.sectionLines, entries, diagnostics);
  reportMostlyUnread(catalog);
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

/**
 * A list read in a style optpaper does not know shows as a few entries among many unreadable ones: say
 * so once, at the top, on top of the error each unread line already has.
 */
function reportMostlyUnread(catalog: Catalog): void {
  const unread = catalog.diagnostics.filter(
    (diagnostic) => diagnostic.code === 'unreadable-item' && diagnostic.severity === 'error',
  ).length;
  const seen = unread + catalog.entries.length;
  if (catalog.entries.length === 0 || unread <= catalog.entries.length) return;
  catalog.diagnostics.unshift({
    line: 1,
    severity: 'error',
    code: 'mostly-unread',
    message: `${unread} of ${seen} items, rows and paragraphs that look like papers could not be read: see the errors below`,
  });
}
