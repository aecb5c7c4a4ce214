import { type Inline, inlineText } from './inline.ts';
import { isLabel, isSearchLink, makeLink, titleFromUrl } from './links.ts';
import { collapseWhitespace } from './title.ts';
import {
  isVenuePrefix,
  leadingAcronym,
  splitCitation,
  splitTrailingAcronym,
  unwrapTitle,
  yearIn,
} from './title-noise.ts';
import type { Link } from './types.ts';

/** What one list item, table row or paragraph says: its title, links and the text around them. */
export interface ItemReading {
  title: string;
  links: Link[];
  description?: string;
  /** A year written beside the title (`(2015)`, `2017 ICML`), not in it. */
  year?: number;
  /** Short names written beside the title (`[Title](url) (SMG)`): not the title, still the paper's names. */
  aliases?: string[];
}

/** Separators between a title and its description: ` - `, ` – `, `: `. */
const leadingSeparator = /^[\s\-–—:|,;]+/;
const trailingSeparator = /[\s\-–—:|,;[(]+$/;

/**
 * Find the title, links and description in an item. The title is, in this order: the bold text an item
 * starts with (`- **Title** (2015), authors [[pdf]](…)`); the text of a leading title link, after any
 * venue or date prefix (`- 2017 ICML [Title](url)`); the text before the first label link
 * (`- Title [Link](url)`), without a citation's year and authors (`Title (2015), authors`); the text after
 * leading label links (`- [PDF](url) Title`); for a bare URL alone, a title made from the URL. Links to
 * search engines are left out, and a short name in parentheses after the title becomes an alias.
 *
 * @param inlines The item's text and links, repaired.
 * @returns What the item says.
 */
export function interpretItem(inlines: readonly Inline[]): ItemReading {
  const nodes = inlines.filter((node) => node.type !== 'link' || !isSearchLink(node.url));
  const firstIndex = nodes.findIndex((node) => node.type === 'link' || node.value.trim() !== '');
  let first = nodes[firstIndex];
  let prefixYear: number | undefined;
  const linkIndex = nodes.findIndex((node, index) => index > firstIndex && node.type === 'link');
  const link = nodes[linkIndex];
  if (first?.type === 'text' && link?.type === 'link' && !link.bare && !isLabel(link.text)) {
    // `2017 ICML [Title](url)`, `**[ICLR 2019]** [Title](url)`, `**New** [Title](url)`: the venue, the date
    // or a tag in bold say where or what kind; the link says what.
    const before = nodes.slice(firstIndex, linkIndex);
    // Only text stands before the first link; its spaces collapsed change no word, year or venue in it.
    const text = inlineText(before);
    const boldTag =
      before.every((node) => node.type === 'text' && (node.strong || /^[\s\-–—:|,;·•]*$/.test(node.value))) &&
      text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length <= 2;
    if (isVenuePrefix(text) || boldTag) {
      prefixYear = yearIn(text);
      nodes.splice(firstIndex, linkIndex - firstIndex);
      first = link;
    }
  }
  const read =
    first?.type === 'text' && first.strong ? boldTitle(nodes, firstIndex) : linkedOrPlainTitle(nodes, first);
  return finish(read, prefixYear);
}

/** `**Title** (2015), authors [[pdf]](url)`: the bold run is the title, the rest describes it. */
function boldTitle(nodes: readonly Inline[], start: number): Draft {
  const links: Link[] = [];
  const titleParts: string[] = [];
  const rest: string[] = [];
  let inTitle = true;
  for (const node of nodes.slice(start)) {
    if (node.type === 'text') {
      if (inTitle && !node.strong) inTitle = false;
      (inTitle ? titleParts : rest).push(node.value);
      continue;
    }
    inTitle = false;
    addLink(node, links, rest);
  }
  return { title: cleanTitle(titleParts.join('')), links, rest: rest.join(''), fromText: false };
}

function linkedOrPlainTitle(nodes: readonly Inline[], first: Inline | undefined): Draft {
  const links: Link[] = [];
  const titleParts: string[] = [];
  const rest: string[] = [];
  let inTitle = true;
  let fromText = true;
  for (const node of nodes) {
    if (node.type === 'text') {
      (inTitle ? titleParts : rest).push(node.value);
      continue;
    }
    if (node === first && !node.bare && !isLabel(node.text)) {
      titleParts.push(node.text);
      links.push(makeLink(node.text, node.url));
      inTitle = false;
      fromText = false;
      continue;
    }
    if (isLabel(node.text) || node.bare) {
      links.push(makeLink(node.bare ? 'Link' : node.text, node.url));
      inTitle = false;
    } else if (titleParts.join('').trim() !== '' && isVenuePrefix(node.text)) {
      // `Title [LLM](url)`, `Title [ICML 2017](url)`: a tag or a venue after the title labels its link.
      links.push({ ...makeLink(node.text, node.url), label: collapseWhitespace(node.text) });
      inTitle = false;
    } else {
      // A link inside running text (an author, a venue): its words belong where it stands.
      (inTitle ? titleParts : rest).push(node.text);
      links.push({ ...makeLink(node.text, node.url), label: collapseWhitespace(node.text) });
    }
  }
  let title = cleanTitle(titleParts.join(''));
  let restText = rest.join('');
  // The link first, the title after it (`- [PDF](url) Title - description`). Text comes after a link only,
  // and a blank rest gives a blank title and description, as it would without this step.
  if (title === '') {
    // Stryker disable next-line StringLiteral: split always gives a first part, so the default is never used.
    const [after = '', ...described] = collapseWhitespace(restText).split(/\s[-–—]\s/);
    title = cleanTitle(after);
    restText = described.join(' - ');
  }
  const only = links[0];
  if (title === '' && links.length === 1 && only && nodes.some((node) => node.type === 'link' && node.bare)) {
    title = titleFromUrl(only.url);
  }
  return { title, links, rest: restText, fromText };
}

function addLink(node: Inline & { type: 'link' }, links: Link[], rest: string[]): void {
  if (isLabel(node.text) || node.bare) {
    links.push(makeLink(node.bare ? 'Link' : node.text, node.url));
    return;
  }
  rest.push(node.text);
  links.push({ ...makeLink(node.text, node.url), label: collapseWhitespace(node.text) });
}

/** A reading before the noise around its title is taken off. */
interface Draft {
  title: string;
  links: Link[];
  rest: string;
  /** The title is plain text (not a link's or bold), so a citation's year and authors may follow it in it. */
  fromText: boolean;
}

function finish(draft: Draft, prefixYear: number | undefined): ItemReading {
  let { title, rest } = draft;
  let year = prefixYear;
  const aliases: string[] = [];
  const citation = draft.fromText ? splitCitation(title) : undefined;
  if (citation) {
    title = citation.title;
    year ??= citation.year;
    rest = `${citation.authors} ${rest}`;
  }
  const trailing = splitTrailingAcronym(title);
  title = trailing.title;
  if (trailing.acronym) aliases.push(trailing.acronym);
  rest = collapseWhitespace(rest);
  const leadingYear = /^\(\s*((?:19|20)\d{2})[a-z]?\s*\)\s*[,.]?/.exec(rest);
  if (leadingYear?.[1]) {
    year ??= Number(leadingYear[1]);
    rest = rest.slice(leadingYear[0].length);
  }
  const acronym = leadingAcronym(rest);
  if (acronym) {
    aliases.push(acronym.acronym);
    rest = acronym.rest;
  }
  title = unwrapTitle(title);
  // What is left once links are taken out: `- ( ) ( )`, a lone separator.
  // Trimmed at both ends already: by collapseWhitespace, then with the leading separators.
  const description = collapseWhitespace(rest.replace(/\(\s*\)|\[\s*\]/g, ' ')).replace(
    /^[\s\-–—:|,;.]+/,
    '',
  );
  return {
    title,
    links: draft.links,
    ...(description ? { description } : {}),
    ...(year ? { year } : {}),
    ...(aliases.length > 0 ? { aliases } : {}),
  };
}

/**
 * A title without the separators around it.
 *
 * @param text Title text as written.
 * @returns It on one line, trimmed of separators.
 */
export function cleanTitle(text: string): string {
  // Both patterns take the spaces next to the separators, so nothing is left to trim.
  return collapseWhitespace(text).replace(trailingSeparator, '').replace(leadingSeparator, '');
}
