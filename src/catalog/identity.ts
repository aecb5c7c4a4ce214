import { arxivIdOf, arxivYear, canonicalUrl, urlYear } from './links.ts';
import type { RawSection } from './sections.ts';
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

/**
 * Merge entries into papers (one per normalised title), give each a stable id, and list each
 * section's papers. A paper in two sections is one paper with two sections; entries that only
 * share a URL stay distinct papers.
 *
 * @param rawSections Sections in document order.
 * @param entries Entries in document order.
 * @param diagnostics Receives a note per paper listed more than once.
 * @returns The catalog.
 */
export function identify(
  rawSections: readonly RawSection[],
  entries: Entry[],
  diagnostics: Diagnostic[],
): Catalog {
  const lexicon = buildCasingLexicon(entries.map((entry) => entry.rawTitle));
  const byKey = new Map<string, { paper: Paper; canonical: Set<string>; entries: Entry[] }>();
  const usedIds = new Set<string>();
  const idsBySection = new Map<string, Set<string>>();
  for (const entry of entries) {
    const key = titleKey(entry.rawTitle);
    let group = byKey.get(key);
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
      byKey.set(key, group);
    }
    const { paper } = group;
    group.entries.push(entry);
    const sectionIds = idsBySection.get(entry.section) ?? new Set<string>();
    idsBySection.set(entry.section, sectionIds.add(paper.id));
    if (!paper.sections.includes(entry.section)) paper.sections.push(entry.section);
    paper.lines.push(entry.line);
    if (entry.description && !paper.description) paper.description = entry.description;
    for (const link of entry.links) {
      const canonical = canonicalUrl(link.url);
      if (group.canonical.has(canonical)) continue;
      group.canonical.add(canonical);
      paper.links.push(link);
    }
  }

  const papers = [...byKey.values()].map(({ paper, entries: listed }) => {
    Object.assign(paper, datesAndIds(paper.rawTitle, paper.links));
    reportDuplicates(paper, listed, diagnostics);
    return paper;
  });
  const sections: Section[] = rawSections
    .map((raw) => ({
      name: raw.name,
      line: raw.line,
      paperIds: [...(idsBySection.get(raw.name) ?? [])],
    }))
    .filter((section) => section.paperIds.length > 0);
  diagnostics.sort((a, b) => a.line - b.line);
  return { sections, papers, entries, diagnostics };
}

function datesAndIds(title: string, links: readonly Link[]): { arxivId?: string; year?: number } {
  const arxivId = links.map((link) => arxivIdOf(link.url)).find((id) => id !== undefined);
  const titleYear = /\((1[89]\d{2}|20\d{2})\)\s*$/.exec(title)?.[1];
  const year =
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
    line: listed[1]?.line ?? paper.lines[0] ?? 0,
    severity: sameSection ? 'warning' : 'info',
    code: 'duplicate',
    message: `"${paper.title}" is listed ${listed.length} times: ${where}`,
  });
}
