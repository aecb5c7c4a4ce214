import type { ListItem } from 'mdast';
import { flattenInline, type Inline } from './inline.ts';
import { isLabel, makeLink, titleFromUrl } from './links.ts';
import { repairMojibakeReported } from './mojibake.ts';
import { repairLinks } from './repair.ts';
import type { RawSection } from './sections.ts';
import { collapseWhitespace } from './title.ts';
import type { Diagnostic, Entry, Link } from './types.ts';

/** Separators between a title and its description: ` - `, ` – `, `: `. */
const leadingSeparator = /^[\s\-–—:|,;]+/;
const trailingSeparator = /[\s\-–—:|,;[(]+$/;

/**
 * Read the entries of a section: one per list item, nested items included. A nested item made
 * only of label links (`- [Code](…)` under a paper) adds those links to its parent instead.
 *
 * @param section A section and its list items.
 * @param diagnostics Receives repairs and unreadable items.
 * @param definitions Link reference definitions of the document, for `[Title][label]` links.
 * @returns The section's entries in list order.
 */
export function readEntries(
  section: RawSection,
  diagnostics: Diagnostic[],
  definitions: ReadonlyMap<string, string> = new Map(),
): Entry[] {
  const entries: Entry[] = [];
  const visit = (item: ListItem, parent: Entry | undefined) => {
    const line = item.position?.start.line ?? 0;
    const paragraph = item.children.find((child) => child.type === 'paragraph');
    const inlines = paragraph
      ? readInline(flattenInline(paragraph.children, line, definitions), diagnostics)
      : [];
    const read = interpret(inlines);
    if (parent && read.title === '' && read.links.length > 0) {
      parent.links.push(...read.links);
    } else if (read.title !== '' && read.links.length > 0) {
      const entry: Entry = { line, section: section.name, rawTitle: read.title, links: read.links };
      if (read.description) entry.description = read.description;
      entries.push(entry);
      parent = entry;
    } else if (inlines.some((node) => node.type === 'link' || node.value.trim() !== '')) {
      const text = collapseWhitespace(
        inlines.map((node) => (node.type === 'text' ? node.value : node.text)).join(''),
      );
      const problem = read.links.length === 0 ? 'has no link' : 'has links but no title';
      diagnostics.push({
        line,
        severity: 'error',
        code: 'unreadable-item',
        message: `item ${problem}: "${truncate(text, 80)}"`,
      });
    } else if (!item.children.some((child) => child.type === 'list')) {
      diagnostics.push({ line, severity: 'warning', code: 'unreadable-item', message: 'empty list item' });
    }
    for (const child of item.children) {
      if (child.type === 'list') for (const nested of child.children) visit(nested, parent);
    }
  };
  for (const item of section.items) visit(item, undefined);
  return entries;
}

/** Link repairs, then text repairs (mojibake, titles broken over lines), each reported. */
function readInline(raw: Inline[], diagnostics: Diagnostic[]): Inline[] {
  const inlines = repairLinks(raw, diagnostics);
  return inlines.map((node) => {
    // A link's text is the title of `- [Title](url)` items: repaired like any text (a URL never needs it).
    if (node.type === 'link') {
      return node.bare ? node : { ...node, text: repairMojibakeReported(node.text, node.line, diagnostics) };
    }
    const text = repairMojibakeReported(node.value, node.line, diagnostics);
    const lines = text.trim().split('\n').length;
    if (lines > 1) {
      diagnostics.push({
        line: node.line,
        severity: 'info',
        code: 'joined-lines',
        message: `text broken over ${lines} lines joined: "${truncate(collapseWhitespace(text), 80)}"`,
      });
    }
    return { ...node, value: text };
  });
}

/**
 * Find the title, links and description in an item. The title is the text of a leading title link
 * (`- [Title](url) - description`), else the text before the first label link (`- Title [Link](url)`),
 * else the text after leading label links (`- [PDF](url) Title`), else, for a bare URL alone, a
 * title made from the URL.
 */
function interpret(inlines: readonly Inline[]): { title: string; links: Link[]; description?: string } {
  const links: Link[] = [];
  const titleParts: string[] = [];
  const rest: string[] = [];
  const first = inlines.find((node) => node.type === 'link' || node.value.trim() !== '');
  let inTitle = true;
  for (const node of inlines) {
    if (node.type === 'text') {
      (inTitle ? titleParts : rest).push(node.value);
      continue;
    }
    if (node === first && !node.bare && !isLabel(node.text)) {
      titleParts.push(node.text);
      links.push(makeLink(node.text, node.url));
      inTitle = false;
      continue;
    }
    if (isLabel(node.text) || node.bare) {
      links.push(makeLink(node.bare ? 'Link' : node.text, node.url));
      inTitle = false;
    } else {
      // A link inside running text (an author, a venue): its words belong where it stands.
      (inTitle ? titleParts : rest).push(node.text);
      links.push({ ...makeLink(node.text, node.url), label: collapseWhitespace(node.text) });
    }
  }
  let title = cleanTitle(titleParts.join(''));
  if (title === '' && links.length > 0 && rest.join('').trim() !== '') {
    // The link first, the title after it (`- [PDF](url) Title - description`).
    const [after = '', ...described] = collapseWhitespace(rest.join('')).split(/\s[-–—]\s/);
    title = cleanTitle(after);
    rest.splice(0, rest.length, described.join(' - '));
  }
  const only = links[0];
  if (
    title === '' &&
    links.length === 1 &&
    only &&
    inlines.some((node) => node.type === 'link' && node.bare)
  ) {
    title = titleFromUrl(only.url);
  }
  const description = collapseWhitespace(rest.join('')).replace(leadingSeparator, '').trim();
  return description ? { title, links, description } : { title, links };
}

function cleanTitle(text: string): string {
  return collapseWhitespace(text).replace(trailingSeparator, '').replace(leadingSeparator, '').trim();
}

function truncate(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}
