import type { Heading, List, ListItem, Root } from 'mdast';
import { toString as textOf } from 'mdast-util-to-string';
import { hostOf } from './links.ts';
import { repairMojibakeReported } from './mojibake.ts';
import { collapseWhitespace } from './title.ts';
import type { Diagnostic } from './types.ts';

/** A heading and the list items it holds directly, before the catalog reads them. */
export interface RawSection {
  name: string;
  line: number;
  items: ListItem[];
}

type OpenSection = RawSection & { depth: number; skipped: boolean; hasList: boolean; parent?: string };

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
 * Group the top-level lists of a document under the heading before them.
 * Lists before the first heading, tables of contents (items linking only to `#anchors`) and
 * housekeeping sections (contributing, licence, donations) are left out, with a note.
 *
 * @param tree The parsed markdown.
 * @param diagnostics Receives a note for every list or heading left out.
 * @returns The sections that hold list items, in document order.
 */
export function collectSections(tree: Root, diagnostics: Diagnostic[]): RawSection[] {
  const sections: RawSection[] = [];
  const parentOf = new Map<string, string | undefined>();
  /** The headings above the current one, outermost first. */
  const outline: Array<{ depth: number; name: string }> = [];
  let current: OpenSection | undefined;
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
    if (current && !current.skipped && current.items.length > 0) {
      let { name } = current;
      // "### Papers" under two headings are two sections: the second is named with its parent. The
      // same heading written twice under one parent is one section.
      if (parentOf.has(name) && parentOf.get(name) !== current.parent && current.parent) {
        name = `${current.parent} › ${name}`;
      }
      const existing = sections.find((section) => section.name === name);
      if (existing) existing.items.push(...current.items);
      else {
        sections.push({ name, line: current.line, items: current.items });
        parentOf.set(name, current.parent);
      }
    }
  };
  for (const node of tree.children) {
    if (node.type === 'heading') {
      close(node);
      current = openSection(node, diagnostics);
      while ((outline.at(-1)?.depth ?? 0) >= node.depth) outline.pop();
      current.parent = outline.at(-1)?.name;
      outline.push({ depth: node.depth, name: current.name });
    } else if (node.type === 'list') {
      const line = node.position?.start.line ?? 0;
      if (current) current.hasList = true;
      if (!current) {
        diagnostics.push(note(line, 'list before the first heading is not a section'));
      } else if (isTableOfContents(node)) {
        diagnostics.push(note(line, `table of contents under "${current.name}" is not a section`));
      } else if (current.skipped) {
        diagnostics.push(note(line, `"${current.name}" is housekeeping, not a section`));
      } else {
        current.items.push(...node.children.filter((item) => !isDonation(item, diagnostics)));
      }
    }
  }
  close();
  return sections;
}

function openSection(heading: Heading, diagnostics: Diagnostic[]): OpenSection {
  const line = heading.position?.start.line ?? 0;
  const written = collapseWhitespace(textOf(heading, { includeImageAlt: false }));
  const name = repairMojibakeReported(written, line, diagnostics);
  return {
    name,
    line,
    items: [],
    depth: heading.depth,
    skipped: nonContentHeading.test(name),
    hasList: false,
  };
}

function linksOf(node: List | ListItem): string[] {
  const urls: string[] = [];
  const walk = (child: { type: string; url?: string; children?: unknown[] }) => {
    if (child.type === 'link' && child.url) urls.push(child.url);
    for (const grandchild of (child.children ?? []) as (typeof child)[]) walk(grandchild);
  };
  walk(node);
  return urls;
}

function isTableOfContents(list: List): boolean {
  const urls = linksOf(list);
  return urls.length > 0 && urls.every((url) => url.startsWith('#'));
}

function isDonation(item: ListItem, diagnostics: Diagnostic[]): boolean {
  const urls = linksOf(item);
  const donation =
    urls.length > 0 && urls.every((url) => donationHosts.has(hostOf(url) ?? '') || /\/sponsors\//.test(url));
  if (donation) diagnostics.push(note(item.position?.start.line ?? 0, 'donation link is not a paper'));
  return donation;
}

function note(line: number, message: string): Diagnostic {
  return { line, severity: 'info', code: 'skipped-section', message };
}
