import { collapseWhitespace } from './title.ts';

/** A publication year as lists write it: 1950–2049, alone or at the start of a date (`2017-06`). */
const year = /(?<![\d.])(19[5-9]\d|20[0-4]\d)(?![\d.])/;

/**
 * One word of a venue or date prefix (`2017`, `2017-06`, `ICML`, `NeurIPS'18`, `AAAI-20`, `12.`): names
 * in capitals and a few known venues, years and reference numbers; never a lower-case or CamelCase word
 * (`ResNet` may start a title).
 */
const prefixWord =
  /^(?:(?:19|20)\d{2}(?:[-/.]\d{1,2}){0,2}|'?\d{2}|\d{1,4}[.)]|(?:[A-Z]{2,8}|NeurIPS|arXiv|bioRxiv|TensorFlow|PyTorch)(?:['’-]?\d{2,4})?)$/;

/** `(SMG)`, `(AdamW)`, `(GANs)`: a short name in parentheses, with a capital past its first letter. */
const acronymInParentheses =
  /^\s*\(\s*([A-Z][A-Za-z0-9-]{0,14}[A-Z0-9][A-Za-z0-9-]*s?|[A-Z][a-z]+[A-Z][A-Za-z0-9]*)\s*\)/;

/**
 * The year a piece of text names (`(2014)`, `2017-06`, `ICLR 2019`), or `undefined`.
 *
 * @param text Any text: a cell, a parenthesis, a prefix.
 * @returns The first plausible year in it.
 */
export function yearIn(text: string): number | undefined {
  const match = year.exec(text);
  return match ? Number(match[1]) : undefined;
}

/**
 * Whether the text before a linked title is only a venue or date prefix (`2017 ICML`, `[ICLR 2019]`,
 * `NeurIPS'18 -`, `:star: CVPR 2016`), which is not part of the title.
 *
 * @param text The text before the link.
 * @returns `true` when every word of it (emoji codes aside) is a year, a venue name or a reference number.
 */
export function isVenuePrefix(text: string): boolean {
  // A reference number (`[7]`, `[123]`) reads as `7.`: the next step would take its brackets off like
  // punctuation and leave a bare number, which is no prefix word.
  const marked = text.replace(/:[a-z0-9_+-]+:/g, ' ').replace(/\[(\d{1,4})\]/g, ' $1. ');
  // Stryker disable next-line StringLiteral: a run is taken off only next to a space or an end, so never joins two words.
  const spaced = marked.replace(/[[\](){}|,;:–—•·*]+(?=\s|$)|(?<=^|\s)[[\](){}|,;–—•·*]+/g, ' ');
  const words = spaced.split(/\s+/).filter((word) => word !== '' && word !== '-');
  return words.length > 0 && words.every((word) => prefixWord.test(word));
}

/**
 * A short name in parentheses at the start of a text (`(SMG) - …` after a linked title): not part of
 * the title, kept so that search can find the paper by it.
 *
 * @param text The text right after a title.
 * @returns The name and the text after it, or `undefined` when the text does not start with one.
 */
export function leadingAcronym(text: string): { acronym: string; rest: string } | undefined {
  const match = acronymInParentheses.exec(text);
  if (!match?.[1]) return undefined;
  return { acronym: match[1], rest: text.slice(match[0].length) };
}

/**
 * A title without the short name in parentheses that ends it (`Stochastic Weight Averaging (SWA)`).
 *
 * @param title A title as written.
 * @returns The title alone, and the name when there was one.
 */
export function splitTrailingAcronym(title: string): { title: string; acronym?: string } {
  const last = / \(([^()]+)\)$/.exec(title);
  // The name in parentheses is all of `last[0]` (no parenthesis inside), so nothing follows it.
  const acronym = last ? leadingAcronym(last[0]) : undefined;
  if (!last || !acronym) return { title };
  return { title: title.slice(0, last.index), acronym: acronym.acronym };
}

/**
 * Split `Title (2015), G. Hinton et al.` into the title, the year and the authors. A year at the very end
 * of a title (`… starting small (1993)`) is left in it: only a year followed by more text is a citation.
 *
 * @param text A title as written.
 * @returns The parts, or `undefined` when the text has no `(year),` in it.
 */
export function splitCitation(text: string): { title: string; year: number; authors: string } | undefined {
  const match = /^(.*\S)\s*\(\s*((?:19|20)\d{2})[a-z]?\s*\)\s*[,.]\s*(\S.*)$/s.exec(text);
  if (!match?.[1] || !match[2] || !match[3]) return undefined;
  return { title: match[1], year: Number(match[2]), authors: collapseWhitespace(match[3]) };
}

/**
 * A title without the quotes or brackets around it and the full stop of a citation inside the quotes:
 * `"Adam: A method for stochastic optimization."` → `Adam: A method for stochastic optimization`,
 * `[GAN zoo]` → `GAN zoo`.
 *
 * @param title A title as written.
 * @returns The title alone.
 */
export function unwrapTitle(title: string): string {
  const quoted = /^["“”„'‘’]\s*(.*?)\s*["“”'‘’]$/s.exec(title);
  if (quoted?.[1]) return quoted[1].replace(/[.,]$/, '').trim();
  const bracketed = /^\[\s*([^[\]]+?)\s*\]$/.exec(title);
  return bracketed?.[1] ?? title;
}
