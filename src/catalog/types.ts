/** What a link points to, as far as the list tells. */
export type LinkKind = 'paper' | 'code' | 'video' | 'blog' | 'book';

/** One link of a paper, as written in the list, classified. */
export interface Link {
  /** The label as written (`Link`, `Github`, `Talk`…), or the kind's name when the link text was the title. */
  label: string;
  url: string;
  kind: LinkKind;
  /** Host without `www.`, for display (`arxiv.org`). */
  host: string;
}

/** One list item as it appears in one section (a paper listed twice gives two entries). */
export interface Entry {
  /** Line of the item in the source list (1-based). */
  line: number;
  section: string;
  /** Title after repairs, with the capitals it was written in. */
  rawTitle: string;
  links: Link[];
  /** Text after the title and links (`- [Title](url) - description`), when there is any. */
  description?: string;
  /** A year written beside the title (`(2015)`, `2017 ICML`, a table's year column). */
  year?: number;
  /** Short names written beside the title (`[Title](url) (SMG)`): not part of the title. */
  aliases?: string[];
}

/** A distinct paper: entries with the same normalised title and no conflicting links, authors or years. */
export interface Paper {
  /** Stable id: slug of the title, unique within the catalog. */
  id: string;
  /** Title for reading: repaired, whitespace collapsed, shouting titles in title case. */
  title: string;
  /** Title as written (after repairs); differs from `title` only in letter case. */
  rawTitle: string;
  /** Sections listing it, in list order. */
  sections: string[];
  /** Links from every entry, deduplicated by canonical URL, in list order. */
  links: Link[];
  arxivId?: string;
  year?: number;
  description?: string;
  /** Short names the list gives the paper beside its title (`(SMG)`), for search to find it by. */
  aliases?: string[];
  /** Source lines of its entries. */
  lines: number[];
}

export interface Section {
  name: string;
  line: number;
  /** Ids of its papers, in list order. */
  paperIds: string[];
}

export type DiagnosticSeverity = 'error' | 'warning' | 'info';

export type DiagnosticCode =
  | 'broken-link'
  | 'mojibake'
  | 'joined-lines'
  | 'unreadable-item'
  | 'duplicate'
  | 'skipped-section'
  | 'empty-section'
  | 'no-papers'
  | 'too-deep'
  | 'not-a-paper'
  | 'mostly-unread';

/** Something the parser repaired, skipped or could not read, for `optpaper check`. */
export interface Diagnostic {
  line: number;
  severity: DiagnosticSeverity;
  code: DiagnosticCode;
  message: string;
}

/** The parsed list. Plain data: it serialises to JSON as is. */
export interface Catalog {
  sections: Section[];
  /** Distinct papers in list order (first appearance). */
  papers: Paper[];
  entries: Entry[];
  diagnostics: Diagnostic[];
}
