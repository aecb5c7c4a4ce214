import { arxivIdOf, arxivYear, canonicalUrl, urlYear } from './links.ts';
import { buildCasingLexicon, readableTitle } from './title.ts';
import type { Catalog, Diagnostic, Entry, Link, Paper, Section } from './types.ts';

/** Longest id, in characters; longer slugs are cut at a word boundary. */
const maxIdLength = 80;

/**
 * The identity of a title: case, accents, quotes and punctuation do not make two papers.
 *
 * @param title A title.
 * @returns Lower-case words separated by single spaces.
 */
export function titleKey(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function slugOf(key: string): string {
  const slug = key.replace(/ /g, '-') || 'untitled';
  if (slug.length <= maxIdLength) return slug;
  const cut = slug.slice(0, maxIdLength);
  return cut.slice(0, cut.lastIndexOf('-') > 20 ? cut.lastIndexOf('-') : maxIdLength);
}

/** Entries gathered into one paper, with what decides whether another entry joins them. */
interface PaperGroup {
  paper: Paper;
  canonical: Set<string>;
  entries: Entry[];
}

/**
 * Merge entries into papers, give each a stable id, and list each section's papers. Identity is the
 * normalised title together with the links: an entry joins an earlier paper of the same title when they
 * share a canonical link, or when nothing conflicts (no other arXiv id, year or authors); two entries
 * titled "Deep Learning" with different links and different authors are two papers. A paper in two
 * sections is one paper with two sections; entries that only share a URL stay distinct papers.
 *
 * @param sectionLines Section name → line, for every section entries may be filed under.
 * @param entries Entries in document order.
 * @param diagnostics Receives a note per paper listed more than once.
 * @returns The catalog; sections in the order of their first entry.
 */
export function identify(
  sectionLines: ReadonlyMap<string, number>,
  entries: Entry[],
  diagnostics: Diagnostic[],
): Catalog {
  const lexicon = buildCasingLexicon(entries.map((entry) => entry.rawTitle));
  const byKey = new Map<string, PaperGroup[]>();
  const groups: PaperGroup[] = [];
  const usedIds = new Set<string>();
  const idsBySection = new Map<string, Set<string>>();
  for (const entry of entries) {
    const key = titleKey(entry.rawTitle);
    const sameTitle = byKey.get(key) ?? [];
    byKey.set(key, sameTitle);
    let group = sameTitle.find((candidate) => belongsTo(entry, candidate));
    if (!group) {
      let id = slugOf(key);
      for (let n = 2; usedIds.has(id); n++) id = `${slugOf(key)}-${n}`;
      usedIds.add(id);
      const paper: Paper = {
        id,
        title: readableTitle(entry.rawTitle, lexicon),
        rawTitle: entry.rawTitle,
        sections: [],
        links: [],
        lines: [],
      };
      group = { paper, canonical: new Set(), entries: [] };
      sameTitle.push(group);
      groups.push(group);
    }
    const { paper } = group;
    group.entries.push(entry);
    const sectionIds = idsBySection.get(entry.section) ?? new Set<string>();
    idsBySection.set(entry.section, sectionIds.add(paper.id));
    if (!paper.sections.includes(entry.section)) paper.sections.push(entry.section);
    paper.lines.push(entry.line);
    if (entry.description && !paper.description) paper.description = entry.description;
    for (const alias of entry.aliases ?? []) {
      paper.aliases ??= [];
      if (!paper.aliases.includes(alias)) paper.aliases.push(alias);
    }
    for (const link of entry.links) {
      const canonical = canonicalUrl(link.url);
      if (group.canonical.has(canonical)) continue;
      group.canonical.add(canonical);
      paper.links.push(link);
    }
  }

  const papers = groups.map(({ paper, entries: listed }) => {
    Object.assign(paper, datesAndIds(paper.rawTitle, paper.links, listed));
    reportDuplicates(paper, listed, diagnostics);
    return paper;
  });
  const sections: Section[] = [...idsBySection].map(([name, ids]) => ({
    name,
    line: sectionLines.get(name) ?? 0,
    paperIds: [...ids],
  }));
  diagnostics.sort((a, b) => a.line - b.line);
  return { sections, papers, entries, diagnostics };
}

/** Whether an entry is one more listing of the paper a group holds (see {@link identify}). */
function belongsTo(entry: Entry, group: PaperGroup): boolean {
  if (entry.links.some((link) => group.canonical.has(canonicalUrl(link.url)))) return true;
  return group.entries.every((listed) => !conflicts(entry, listed));
}

function conflicts(a: Entry, b: Entry): boolean {
  const arxivA = a.links.map((link) => arxivIdOf(link.url)).find(Boolean);
  const arxivB = b.links.map((link) => arxivIdOf(link.url)).find(Boolean);
  if (arxivA && arxivB && arxivA !== arxivB) return true;
  if (a.year && b.year && a.year !== b.year) return true;
  // Authors (the description of `[Title](url) - authors`) that differ make two works of one title.
  return Boolean(a.description && b.description && titleKey(a.description) !== titleKey(b.description));
}

function datesAndIds(
  title: string,
  links: readonly Link[],
  listed: readonly Entry[],
): { arxivId?: string; year?: number } {
  const arxivId = links.map((link) => arxivIdOf(link.url)).find((id) => id !== undefined);
  const titleYear = /\((1[89]\d{2}|20\d{2})\)\s*$/.exec(title)?.[1];
  const year =
    listed.map((entry) => entry.year).find((found) => found !== undefined) ??
    (titleYear ? Number(titleYear) : undefined) ??
    (arxivId ? arxivYear(arxivId) : undefined) ??
    links.map((link) => urlYear(link.url)).find((found) => found !== undefined);
  return { ...(arxivId ? { arxivId } : {}), ...(year ? { year } : {}) };
}

function reportDuplicates(paper: Paper, listed: readonly Entry[], diagnostics: Diagnostic[]): void {
  if (listed.length < 2) return;
  const where = listed.map((entry) => `"${entry.section}" (line ${entry.line})`).join(', ');
  const sameSection = new Set(listed.map((entry) => entry.section)).size < listed.length;
  diagnostics.push({
    // Stryker disable next-line OptionalChaining: a paper reported here has at least two entries.
    line: listed[1]?.line ?? paper.lines[0] ?? 0,
    severity: sameSection ? 'warning' : 'info',
    code: 'duplicate',
    message: `"${paper.title}" is listed ${listed.length} times: ${where}`,
  });
}
