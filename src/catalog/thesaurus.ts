import type { Nodes, Root } from 'mdast';
import type { Catalog, Diagnostic } from './types.ts';

/**
 * One line of a list's own thesaurus: names of one idea, and words of papers that are about it
 * (how search uses them: src/search/thesaurus.ts).
 */
export interface ThesaurusEntry {
  /** Ways of naming the idea; a paper that says one is found by all. */
  names: string[];
  /** Words of papers about the idea that do not name it: they reach the names, not the reverse. */
  members: string[];
  /** Line in the list. */
  line: number;
}

declare module './types.ts' {
  interface Catalog {
    /** The list's own thesaurus, from its ```` ```thesaurus ```` blocks; absent when it has none. */
    thesaurus?: ThesaurusEntry[];
  }
}

/** Limits of a list's thesaurus: it is a handful of ideas, not a dictionary. */
export const thesaurusLimits = Object.freeze({ entries: 500, phraseLength: 80 });

/**
 * Read the list's ```` ```thesaurus ```` fenced blocks into the catalog. One idea a line:
 *
 * ```text
 * loss surface = loss landscape             names of one idea, each finding the others
 * adaptive learning rate: adam, rmsprop     an idea, then words of papers about it
 * # a comment
 * ```
 *
 * A line that is neither is reported (a warning for `check`) and skipped.
 *
 * @param catalog The catalog being built: gets `thesaurus` when the list has one, and the warnings.
 * @param tree The list's syntax tree.
 */
export function addThesaurus(catalog: Catalog, tree: Root): void {
  const entries: ThesaurusEntry[] = [];
  const warnings: Diagnostic[] = [];
  for (const block of thesaurusBlocks(tree)) {
    // Stryker disable next-line OptionalChaining: a block parsed from text always has a position.
    const firstLine = (block.position?.start.line ?? 0) + 1;
    block.value.split('\n').forEach((text, index) => {
      const line = firstLine + index;
      const trimmed = text.trim();
      if (trimmed === '' || trimmed.startsWith('#')) return;
      const entry = readLine(trimmed, line);
      if (typeof entry === 'string') warnings.push(warning(line, entry));
      else if (entries.length >= thesaurusLimits.entries)
        warnings.push(
          warning(line, `thesaurus has more than ${thesaurusLimits.entries} lines: the rest is left out`),
        );
      else entries.push(entry);
    });
  }
  if (entries.length > 0) catalog.thesaurus = entries;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: with no warning, nothing is pushed and the diagnostics are already sorted by line (stable sort).
  if (warnings.length > 0) {
    catalog.diagnostics.push(...warnings.slice(0, thesaurusLimits.entries));
    catalog.diagnostics.sort((a, b) => a.line - b.line);
  }
}

/** A line as an entry, or what is wrong with it. */
function readLine(text: string, line: number): ThesaurusEntry | string {
  const colon = text.indexOf(':');
  const names = phrases(colon < 0 ? text : text.slice(0, colon), '=');
  const members = colon < 0 ? [] : phrases(text.slice(colon + 1), ',');
  const usage = 'write "name = other name" or "name: word, word"';
  if (names === undefined || members === undefined)
    return `thesaurus line not read: a name or word is empty, or longer than ${thesaurusLimits.phraseLength} characters (${usage})`;
  if (names.length === 0 || names.length + members.length < 2)
    return `thesaurus line not read: it names one thing only (${usage})`;
  return { names, members, line };
}

/** Phrases separated by `separator`; undefined when one is empty or too long. */
function phrases(text: string, separator: string): string[] | undefined {
  const parts = text.split(separator).map((part) => part.replace(/\s+/g, ' ').trim());
  if (parts.length === 1 && parts[0] === '') return [];
  const valid = parts.every(
    (part) => /[\p{L}\p{N}]/u.test(part) && part.length <= thesaurusLimits.phraseLength,
  );
  return valid ? parts : undefined;
}

function* thesaurusBlocks(node: Nodes): Generator<Extract<Nodes, { type: 'code' }>> {
  if (node.type === 'code' && node.lang?.toLowerCase() === 'thesaurus') yield node;
  if ('children' in node) for (const child of node.children) yield* thesaurusBlocks(child);
}

function warning(line: number, message: string): Diagnostic {
  return { line, severity: 'warning', code: 'unreadable-item', message };
}
