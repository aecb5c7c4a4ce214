import type { Heading, List, ListItem, Paragraph, Root, RootContent, Table } from 'mdast';
import { toString as textOf } from 'mdast-util-to-string';
import { hostOf } from './links.ts';
import { repairMojibakeReported } from './mojibake.ts';
import { collapseWhitespace } from './title.ts';
import type { Diagnostic } from './types.ts';

/** A `<details><summary>Group</summary>` block inside a section: its entries are filed under `Section › Group`. */
export interface Group {
  name: string;
  line: number;
}

/** What a section holds that may be papers: list items, tables (a row per paper), paragraphs. */
export type Block =
  | { kind: 'item'; item: ListItem; group?: Group }
  | { kind: 'table'; table: Table; group?: Group }
  | { kind: 'paragraph'; paragraph: Paragraph; group?: Group };

/** A heading and the blocks it holds directly, before the catalog reads them. */
export interface RawSection {
  name: string;
  line: number;
  blocks: Block[];
}

type OpenSection = RawSection & { depth: number; skipped: boolean; hasList: boolean; parent?: string };

/** `:rocket:`, `:books:`: emoji codes that decorate a heading. */
const emojiCode = /:[a-z0-9_+-]+:/g;

/**
 * Headings that hold housekeeping, not papers: the whole heading names it ("Contributing", "How to
 * contribute", "Support us"), so that "Support Vector Machines" or "Donation-based Learning" stay sections.
 */
const nonContentHeading =
  /^(?:(?:how to |ways to )?contribut(?:e|ing|ion|ions|ors?)(?: guidelines?)?|licen[cs]es?|donat(?:e|ions?)|sponsors?(?:hip)?|backers|support(?: us| the project| this (?:project|list|work))?|acknowledge?ments?|credits|code of conduct|change ?log)\W*$|buy me a coffee/i;

/** Hosts of donation and sponsorship links: an item pointing only there is a footer, not a paper. */
const donationHosts: ReadonlySet<string> = new Set([
  'ko-fi.com',
  'venmo.com',
  'paypal.me',
  'paypal.com',
  'patreon.com',
  'buymeacoffee.com',
  'opencollective.com',
  'liberapay.com',
]);

/**
 * Group the top-level lists, tables and paragraphs of a document under the heading before them.
 * Lists before the first heading, tables of contents (items linking only to `#anchors`) and
 * housekeeping sections (contributing, licence, donations) are left out, with a note. A
 * `<details><summary>` block is a group of its section; after a thematic break (`---`), blocks belong
 * to the document's title (its first `#` heading), not to the heading before the break.
 *
 * @param tree The parsed markdown.
 * @param diagnostics Receives a note for every list or heading left out.
 * @returns The sections that hold something, in document order.
 */
export function collectSections(tree: Root, diagnostics: Diagnostic[]): RawSection[] {
  const sections: RawSection[] = [];
  const parentOf = new Map<string, string | undefined>();
  /** The headings above the current one, outermost first. */
  const outline: Array<{ depth: number; name: string }> = [];
  let current: OpenSection | undefined;
  /** The document's title (its first `#` heading), for what follows a thematic break. */
  let title: Pick<OpenSection, 'name' | 'line' | 'depth' | 'skipped'> | undefined;
  let group: Group | undefined;
  const close = (next?: Heading) => {
    // A heading with nothing under it and no sub-heading is an empty section: worth a note to maintainers.
    if (current && !current.skipped && !current.hasList && (!next || next.depth <= current.depth)) {
      diagnostics.push({
        line: current.line,
        severity: 'info',
        code: 'empty-section',
        message: `"${current.name}" holds no list items`,
      });
    }
    if (current && !current.skipped && current.blocks.length > 0) {
      let { name } = current;
      // "### Papers" under two headings are two sections: the second is named with its parent. The
      // same heading written twice under one parent is one section.
      if (parentOf.has(name) && parentOf.get(name) !== current.parent && current.parent) {
        name = `${current.parent} › ${name}`;
      }
      const existing = sections.find((section) => section.name === name);
      if (existing) for (const block of current.blocks) existing.blocks.push(block);
      else {
        sections.push({ name, line: current.line, blocks: current.blocks });
        parentOf.set(name, current.parent);
      }
    }
  };
  for (const node of tree.children) {
    if (node.type === 'heading') {
      close(node);
      group = undefined;
      current = openSection(node, diagnostics);
      if (node.depth === 1) title ??= { ...current };
      while ((outline.at(-1)?.depth ?? 0) >= node.depth) outline.pop();
      current.parent = outline.at(-1)?.name;
      outline.push({ depth: node.depth, name: current.name });
    } else if (node.type === 'thematicBreak') {
      // What follows a rule is not the heading's any more: a list of papers after the licence, say.
      if (current && title && current.line !== title.line) {
        close();
        current = { ...title, blocks: [], hasList: true };
      }
      group = undefined;
    } else if (node.type === 'html') {
      group =
        // Stryker disable next-line OptionalChaining: a node parsed from text always has a position.
        groupOf(node.value, node.position?.start.line ?? 0) ??
        (/<\/details>/i.test(node.value) ? undefined : group);
    } else if (node.type === 'list' || node.type === 'table' || node.type === 'paragraph') {
      const blocks = blocksOf(node, current, diagnostics);
      if (current && (node.type !== 'paragraph' || hasLink(node))) current.hasList = true;
      if (current && !current.skipped)
        for (const block of blocks) current.blocks.push(group ? { ...block, group } : block);
    }
  }
  close();
  return sections;
}

/** The blocks of one top-level node that may hold papers, or a note on why it holds none. */
function blocksOf(
  node: List | Table | Paragraph,
  current: OpenSection | undefined,
  diagnostics: Diagnostic[],
): Block[] {
  // Stryker disable next-line OptionalChaining: a node parsed from text always has a position.
  const line = node.position?.start.line ?? 0;
  if (node.type === 'paragraph') {
    // Prose before the first heading or under housekeeping is not read at all: nothing to report.
    return current && !current.skipped ? [{ kind: 'paragraph', paragraph: node }] : [];
  }
  const what = node.type === 'list' ? 'list' : 'table';
  if (!current) {
    diagnostics.push(note(line, `${what} before the first heading is not a section`));
    return [];
  }
  if (node.type === 'list' && isTableOfContents(node)) {
    diagnostics.push(note(line, `table of contents under "${current.name}" is not a section`));
    return [];
  }
  if (current.skipped) {
    diagnostics.push(note(line, `"${current.name}" is housekeeping, not a section`));
    return [];
  }
  if (node.type === 'table') return [{ kind: 'table', table: node }];
  return node.children
    .filter((item) => !isDonation(item, diagnostics))
    .map((item) => ({ kind: 'item', item }) as const);
}

function groupOf(html: string, line: number): Group | undefined {
  const summary = /<summary[^>]*>([\s\S]*?)<\/summary>/i.exec(html)?.[1];
  if (summary === undefined) return undefined;
  const name = cleanHeading(summary.replace(/<[^>]*>/g, ' '));
  return name ? { name, line } : undefined;
}

function hasLink(node: RootContent): boolean {
  const stack: RootContent[] = [node];
  for (let child = stack.pop(); child; child = stack.pop()) {
    if (child.type === 'link' || child.type === 'linkReference') return true;
    if ('children' in child) for (const grandchild of child.children as RootContent[]) stack.push(grandchild);
  }
  return false;
}

/**
 * A heading's name for reading: whitespace collapsed, without emoji codes (`:rocket:`) or a trailing
 * colon; numbers (`2.2 Optimization`) are kept as written.
 *
 * @param text The heading's text (emphasis already gone).
 * @returns The name.
 */
export function cleanHeading(text: string): string {
  return collapseWhitespace(text.replace(emojiCode, ' ')).replace(/\s*:+$/, '');
}

function openSection(heading: Heading, diagnostics: Diagnostic[]): OpenSection {
  // Stryker disable next-line OptionalChaining: a node parsed from text always has a position.
  const line = heading.position?.start.line ?? 0;
  const written = cleanHeading(textOf(heading, { includeImageAlt: false }));
  const name = repairMojibakeReported(written, line, diagnostics);
  return {
    name,
    line,
    blocks: [],
    depth: heading.depth,
    skipped: nonContentHeading.test(name),
    hasList: false,
  };
}

function linksOf(node: List | ListItem): string[] {
  const urls: string[] = [];
  const stack: RootContent[] = [node];
  for (let child = stack.pop(); child; child = stack.pop()) {
    if (child.type === 'link' && child.url) urls.push(child.url);
    if ('children' in child) for (const grandchild of child.children as RootContent[]) stack.push(grandchild);
  }
  return urls;
}

/**
 * Whether a URL points into the page itself (`#surveys`, `./#surveys`, `README.md#surveys`).
 *
 * @param url A link's target.
 * @returns `true` for an in-page anchor.
 */
export function isInPageAnchor(url: string): boolean {
  return /^(?:\.\/|[\w-]*\.md)?#/i.test(url.trim());
}

function isTableOfContents(list: List): boolean {
  const urls = linksOf(list);
  return urls.length > 0 && urls.every(isInPageAnchor);
}

function isDonation(item: ListItem, diagnostics: Diagnostic[]): boolean {
  const urls = linksOf(item);
  const donation =
    urls.length > 0 && urls.every((url) => donationHosts.has(hostOf(url) ?? '') || /\/sponsors\//.test(url));
  // Stryker disable next-line OptionalChaining: a node parsed from text always has a position.
  if (donation) diagnostics.push(note(item.position?.start.line ?? 0, 'donation link is not a paper'));
  return donation;
}

function note(line: number, message: string): Diagnostic {
  return { line, severity: 'info', code: 'skipped-section', message };
}
