import type { PhrasingContent } from 'mdast';
import { flattenInline, type Inline } from './inline.ts';
import type { ItemReading } from './interpret.ts';
import { repairInline } from './repair.ts';
import type { Diagnostic, Entry } from './types.ts';

/** What every reader of a block needs: where to report, the document's link definitions, its sections. */
export interface ReadContext {
  diagnostics: Diagnostic[];
  /** Link reference definitions of the document, for `[Title][label]` links. */
  definitions: ReadonlyMap<string, string>;
  /** Section name → line, for the sections entries are filed under (groups included). */
  sectionLines: Map<string, number>;
}

/**
 * Flatten and repair the phrasing content of an item, a cell or a paragraph.
 *
 * @param nodes Phrasing content.
 * @param line Its first line.
 * @param context Definitions and diagnostics.
 * @returns Repaired text and links.
 */
export function inlinesOf(nodes: readonly PhrasingContent[], line: number, context: ReadContext): Inline[] {
  return repairInline(flattenInline(nodes, line, context.definitions), context.diagnostics);
}

/**
 * An entry for what an item, a row or a paragraph said.
 *
 * @param read The reading.
 * @param line Its line.
 * @param section The section it is filed under.
 * @returns The entry (optional fields only when known).
 */
export function toEntry(read: ItemReading, line: number, section: string): Entry {
  const entry: Entry = { line, section, rawTitle: read.title, links: read.links };
  if (read.description) entry.description = read.description;
  if (read.year) entry.year = read.year;
  if (read.aliases) entry.aliases = read.aliases;
  return entry;
}

/**
 * A note that something was left out because it is not a paper.
 *
 * @param line Its line.
 * @param message What and why.
 * @returns The diagnostic.
 */
export function notAPaper(line: number, message: string): Diagnostic {
  return { line, severity: 'info', code: 'not-a-paper', message };
}
