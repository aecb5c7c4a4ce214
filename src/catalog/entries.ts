import type { ListItem } from 'mdast';
import { type Inline, inlineText } from './inline.ts';
import { type ItemReading, interpretItem } from './interpret.ts';
import { readParagraph } from './paragraphs.ts';
import { inlinesOf, notAPaper, type ReadContext, toEntry } from './reading.ts';
import { type Block, type Group, isInPageAnchor, type RawSection } from './sections.ts';
import { readTable } from './tables.ts';
import { truncate } from './title.ts';
import type { Entry } from './types.ts';

/** A paper-like thing that was not read: a year in parentheses, "et al.", an arXiv id, a quoted title. */
const paperLike = /\(\s*(?:19|20)\d{2}[a-z]?\s*\)|\bet al\b|\barxiv\b|["“][^"”]{12,}["”]/i;

/**
 * Read the entries of a section: one per list item (nested items included), table row or paragraph
 * entry. A nested item made only of label links (`- [Code](…)` under a paper) adds those links to its
 * parent instead; a nested list under an item without a link (`- JavaScript` over `- [Promises](…)`) is
 * a group, filed under `Section › JavaScript`.
 *
 * @param section A section and its blocks.
 * @param context Diagnostics, link definitions, and the section lines to register groups in.
 * @returns The section's entries in list order.
 */
export function readEntries(section: RawSection, context: ReadContext): Entry[] {
  context.sectionLines.set(section.name, context.sectionLines.get(section.name) ?? section.line);
  const entries: Entry[] = [];
  // An item without a link among items with links is a paper whose link is missing; among prose, prose.
  const linked = section.blocks.some((block) => block.kind === 'item' && hasOwnLink(block.item));
  for (const block of section.blocks) {
    const name = sectionName(section.name, block.group, context);
    // One push per entry: a table of 100,000 rows is too many arguments for one call.
    for (const entry of readBlock(block, name, linked, context)) entries.push(entry);
  }
  return entries;
}

function readBlock(block: Block, section: string, linked: boolean, context: ReadContext): Entry[] {
  if (block.kind === 'table') return readTable(block.table, section, context);
  if (block.kind === 'paragraph') {
    const entry = readParagraph(block.paragraph, section, context);
    return entry ? [entry] : [];
  }
  return readItems(block.item, section, linked, context);
}

function sectionName(parent: string, group: Group | undefined, context: ReadContext): string {
  if (!group) return parent;
  const name = `${parent} › ${group.name}`;
  if (!context.sectionLines.has(name)) context.sectionLines.set(name, group.line);
  return name;
}

/** One top-level item and the items nested in it, depth first, without recursion. */
function readItems(top: ListItem, topSection: string, linked: boolean, context: ReadContext): Entry[] {
  const entries: Entry[] = [];
  const stack: Array<{ item: ListItem; parent?: Entry; section: string; siblingsLinked: boolean }> = [
    { item: top, section: topSection, siblingsLinked: linked },
  ];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const { item, section, siblingsLinked } = next;
    let { parent } = next;
    // Stryker disable next-line OptionalChaining: an item parsed from text always has a position.
    const line = item.position?.start.line ?? 0;
    const paragraph = item.children.find((child) => child.type === 'paragraph');
    const inlines = paragraph ? inlinesOf(paragraph.children, line, context) : [];
    const nested = item.children.filter((child) => child.type === 'list');
    const read = interpretItem(inlines);
    let childSection = section;
    if (parent && read.title === '' && read.links.length > 0) {
      parent.links.push(...read.links);
    } else if (read.links.length > 0 && read.links.every((link) => isInPageAnchor(link.url))) {
      context.diagnostics.push(notAPaper(line, `"${read.title}" links to a place in this page`));
    } else if (read.title !== '' && read.links.length > 0) {
      const entry = toEntry(read, line, section);
      entries.push(entry);
      parent = entry;
    } else if (read.title !== '' && nested.length > 0) {
      // No link here: an item with a title and links was read above.
      childSection = sectionName(section, { name: read.title, line }, context);
    } else {
      reportUnread(
        inlines,
        read,
        line,
        siblingsLinked || paperLike.test(inlineText(inlines)),
        nested.length > 0,
        context,
      );
    }
    const children = nested.flatMap((list) => list.children);
    const linked = children.some(hasOwnLink);
    for (const child of children.reverse()) {
      stack.push({
        item: child,
        section: childSection,
        siblingsLinked: linked,
        ...(parent ? { parent } : {}),
      });
    }
  }
  return entries;
}

function hasOwnLink(item: ListItem): boolean {
  const paragraph = item.children.find((child) => child.type === 'paragraph');
  return (
    paragraph?.children.some((child) => child.type === 'link' || child.type === 'linkReference') ?? false
  );
}

function reportUnread(
  inlines: readonly Inline[],
  read: ItemReading,
  line: number,
  expected: boolean,
  hasNested: boolean,
  context: ReadContext,
): void {
  const text = inlineText(inlines);
  if (text === '' && !inlines.some((node) => node.type === 'link')) {
    if (!hasNested)
      context.diagnostics.push({
        line,
        severity: 'warning',
        code: 'unreadable-item',
        message: 'empty list item',
      });
    return;
  }
  if (read.links.length === 0 && !expected) {
    // A bullet of prose ("- welcomes pull requests") among other prose bullets: not a paper, not a mistake.
    context.diagnostics.push(
      notAPaper(line, `item without a link is read as prose: "${truncate(text, 80)}"`),
    );
    return;
  }
  const problem = read.links.length === 0 ? 'has no link' : 'has links but no title';
  context.diagnostics.push({
    line,
    severity: 'error',
    code: 'unreadable-item',
    message: `item ${problem}: "${truncate(text, 80)}"`,
  });
}
