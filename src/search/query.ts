/**
 * Characters that show nothing but change what a word is: zero-width spaces and joiners, bidi marks,
 * embeddings, overrides and isolates, word joiner and invisible operators, byte-order mark, soft hyphen,
 * Arabic letter mark, Mongolian vowel separator. Pasted from a PDF or a chat, they split a word in two
 * for the search while the reader sees one; a bidi override echoed live would reorder the reply.
 */
const invisiblePattern = /[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/gu;

/**
 * Remove the characters a reader cannot see (zero-width, bidi controls, soft hyphens).
 *
 * @param text Any text.
 * @returns The text without them.
 */
export function stripInvisible(text: string): string {
  return text.replace(invisiblePattern, '');
}

/**
 * `section:name`, `section:"several words"` (straight or curly quotes; an unclosed quote runs to the
 * end), anywhere in the query; `section: name` too.
 */
const sectionPattern = /(?<!\S)section:\s*(?:"([^"]*)(?:"|$)|“([^”]*)(?:”|$)|(\S*))/giu;

/**
 * The section filters of a query, and the query without them.
 *
 * @param text The query.
 * @returns The names of the sections asked for (in query order, none empty) and the rest of the query.
 */
export function readSectionFilters(text: string): { names: string[]; rest: string } {
  const names: string[] = [];
  const rest = text.replace(sectionPattern, (_match, straight?: string, curly?: string, bare?: string) => {
    const name = (straight ?? curly ?? bare ?? '').trim();
    if (name !== '') names.push(name);
    return ' ';
  });
  return { names, rest };
}

/** Years a list can hold: four digits standing alone, not part of an arXiv id (`2003.04960`). */
const yearPattern =
  /(?<![\p{L}\p{N}.])(19[5-9]\d|20[0-4]\d)(?:\s*[-–]\s*(19[5-9]\d|20[0-4]\d))?(?![\p{L}\p{N}]|\.\d)/gu;

/**
 * The years a query asks for (`sharp minima 2017`, `2019`, a range `2017-2019`), and the query without them.
 *
 * @param text The query, arXiv ids already taken out.
 * @returns The years, ascending and distinct, and the rest of the query.
 */
export function readYears(text: string): { years: number[]; rest: string } {
  const years = new Set<number>();
  const rest = text.replace(yearPattern, (_match, from: string, to?: string) => {
    const [first, last] = [Number(from), Number(to ?? from)].sort((a, b) => a - b) as [number, number];
    for (let year = first; year <= last; year++) years.add(year);
    return ' ';
  });
  return { years: [...years].sort((a, b) => a - b), rest };
}

/**
 * Words that join the things a question compares (`adam vs rmsprop`, `sgd compared to adam`), and
 * marks that list them (`adam/rmsprop`, `adam & adagrad`, `sgd, adam`): connectors, not words to match.
 */
const connectorPattern = /\s+(?:vs\.?|versus|and|or|compared\s+(?:to|with))(?=\s)|\s*[/&,;]\s*/giu;

/**
 * The parts of a question that names several things, split at its connectors.
 *
 * @param text The query, filters taken out.
 * @returns The parts as typed (trimmed), those with something to search; one part when there is no connector.
 */
export function splitParts(text: string): string[] {
  return ` ${text} `
    .split(connectorPattern)
    .map((part) => part.replace(/\s+/g, ' ').trim())
    .filter((part) => /[\p{L}\p{N}]/u.test(part));
}
