/** Acronyms and coined names that keep their capitals when a shouting title is put in title case. */
const knownAcronyms: readonly string[] = Object.freeze([
  'SGD',
  'GAN',
  'GANs',
  'RL',
  'NMT',
  'KL',
  'RNN',
  'RNNs',
  'LSTM',
  'BN',
  'SDE',
  'SDEs',
  'ODE',
  'ODEs',
  'PDE',
  'PDEs',
  'ReLU',
  'PCA',
  'DEQ',
  'CNN',
  'CNNs',
  'MLP',
  'NTK',
  'AI',
  'ML',
  'NLP',
  'II',
  'III',
  'IV',
]);

/** Words that stay lower case inside a title (not first, not after a colon). */
const smallWords: ReadonlySet<string> = new Set([
  'a',
  'an',
  'and',
  'as',
  'at',
  'but',
  'by',
  'for',
  'from',
  'in',
  'into',
  'nor',
  'of',
  'on',
  'onto',
  'or',
  'over',
  'per',
  'the',
  'to',
  'via',
  'vs',
  'with',
]);

/**
 * Collapse runs of whitespace (line breaks included) into single spaces and trim.
 *
 * @param text Text as written.
 * @returns The text on one line.
 */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Cut a text for a message.
 *
 * @param text Any text.
 * @param length Most characters kept.
 * @returns The text, with `…` when cut.
 */
export function truncate(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}

/**
 * Whether a title is written in capitals ("SKIP CONNECTIONS ELIMINATE SINGULARITIES"),
 * as opposed to a short name ("ADAM") or a title with a few acronyms.
 *
 * @param title A title.
 * @returns `true` when it has three or more words and almost no lower-case letters.
 */
export function isShouting(title: string): boolean {
  const words = title.split(/\s+/).filter((word) => /\p{L}/u.test(word));
  if (words.length < 3) return false;
  const upper = title.match(/\p{Lu}/gu)?.length ?? 0;
  const lower = title.match(/\p{Ll}/gu)?.length ?? 0;
  return upper >= 0.9 * (upper + lower);
}

/**
 * The casing lexicon: upper-case form → preferred form. Built from the known acronyms and from
 * the words that other (non-shouting) titles of the same list write with inner capitals
 * ("ResNets", "HashNet", "GANs"), so that the list teaches its own vocabulary.
 *
 * @param titles Every title of the list.
 * @returns A map from the upper-case form of a word to the form to show.
 */
export function buildCasingLexicon(titles: Iterable<string>): Map<string, string> {
  const lexicon = new Map<string, string>();
  for (const word of knownAcronyms) lexicon.set(word.toUpperCase(), word);
  for (const title of titles) {
    if (isShouting(title)) continue;
    for (const word of title.split(/[^\p{L}\p{N}]+/u)) {
      const capitals = word.match(/\p{Lu}/gu)?.length ?? 0;
      if (capitals >= 2 && !lexicon.has(word.toUpperCase())) lexicon.set(word.toUpperCase(), word);
    }
  }
  return lexicon;
}

function capitalise(word: string): string {
  // Stryker disable next-line StringLiteral: a word of a title is never empty
  const [first = '', ...rest] = word;
  return first.toUpperCase() + rest.join('').toLowerCase();
}

/**
 * Put a shouting title in title case, keeping acronyms; any other title is returned unchanged.
 *
 * @param title A title, whitespace already collapsed.
 * @param lexicon Casing lexicon from {@link buildCasingLexicon}.
 * @returns The title for reading.
 */
export function readableTitle(title: string, lexicon: ReadonlyMap<string, string>): string {
  if (!isShouting(title)) return title;
  let startOfPhrase = true;
  // Words, and the separators between them (spaces, hyphens, punctuation), are kept in order.
  return title.replace(/[\p{L}\p{N}’']+|[^\p{L}\p{N}’']+/gu, (token) => {
    if (!/[\p{L}\p{N}]/u.test(token)) {
      if (/[:.?!—–]/.test(token)) startOfPhrase = true;
      return token;
    }
    const isStart = startOfPhrase;
    startOfPhrase = false;
    const known = lexicon.get(token.toUpperCase());
    if (known) return known;
    const plural = /S$/.test(token) ? lexicon.get(token.slice(0, -1).toUpperCase()) : undefined;
    if (plural) return `${plural}s`;
    const lower = token.toLowerCase();
    if (!isStart && smallWords.has(lower)) return lower;
    return capitalise(token);
  });
}
