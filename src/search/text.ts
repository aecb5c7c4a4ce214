import { stemmer } from 'stemmer';

/** Irregular plurals the Porter stemmer leaves apart (`minima` and `minimum` are one word to a reader). */
const irregular: Readonly<Record<string, string>> = Object.freeze({
  minima: 'minimum',
  maxima: 'maximum',
  optima: 'optimum',
  curricula: 'curriculum',
  criteria: 'criterion',
  phenomena: 'phenomenon',
  matrices: 'matrix',
  vertices: 'vertex',
  indices: 'index',
  analyses: 'analysis',
});

/**
 * British spellings, folded to American the same way on both sides of a search (so a rule that
 * also rewrites some other word is harmless: the document and the query agree).
 */
const britishSuffixes: ReadonlyArray<readonly [RegExp, string]> = Object.freeze([
  [/isation(s?)$/, 'ization$1'],
  [/ising$/, 'izing'],
  [/ised$/, 'ized'],
  [/iser(s?)$/, 'izer$1'],
  [/ise(s?)$/, 'ize$1'],
  [/yse(s?|d)$/, 'yze$1'],
  [/(\w{3,})our(s?|hood)$/, '$1or$2'],
  [/(\w{3,})lled$/, '$1led'],
  [/(\w{3,})lling$/, '$1ling'],
  [/(\w{3,})tre(s?)$/, '$1ter$2'],
] as const);

const stopWords: ReadonlySet<string> = new Set([
  'a',
  'an',
  'and',
  'are',
  'as',
  'at',
  'be',
  'by',
  'can',
  'do',
  'does',
  'for',
  'from',
  'how',
  'in',
  'into',
  'is',
  'it',
  'its',
  'of',
  'on',
  'or',
  'the',
  'their',
  'to',
  'via',
  'vs',
  'what',
  'when',
  'why',
  'with',
  'paper',
  'papers',
  // Words of a question typed in full ("what was that paper about …"), not of a title.
  'about',
  'any',
  'article',
  'find',
  'i',
  'looking',
  'me',
  'my',
  'some',
  'that',
  'this',
  'was',
  'we',
  'were',
  'which',
]);

/** arXiv ids (`1412.6980`) are one token, not two numbers. */
const tokenPattern = /\d{4}\.\d{4,5}|[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

/**
 * Fold text for matching: decompose accents away, lower case, one kind of apostrophe.
 *
 * @param text Any text.
 * @returns The folded text.
 */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[’‘`]/g, "'");
}

/**
 * The search form of one word: American spelling, irregular plural singular, Porter stem.
 *
 * @param word A folded word.
 * @returns Its term.
 */
export function termOf(word: string): string {
  const known = termCache.get(word);
  if (known !== undefined) return known;
  const term = computeTerm(word);
  // A list has tens of thousands of distinct words, each seen many times: stem each once.
  // Stryker disable next-line ConditionalExpression,EqualityOperator: when the cache is emptied changes only
  // how often a word is stemmed again, never its term.
  if (termCache.size >= maxCachedTerms) termCache.clear();
  termCache.set(word, term);
  return term;
}

const termCache = new Map<string, string>();
const maxCachedTerms = 200_000;

function computeTerm(word: string): string {
  if (/^\d/.test(word)) return word;
  let spelled = irregular[word] ?? word.replace(/'s$/, '').replace(/'/g, '');
  for (const [pattern, replacement] of britishSuffixes) {
    if (pattern.test(spelled)) {
      spelled = spelled.replace(pattern, replacement);
      break;
    }
  }
  const stem = stemmer(spelled);
  // Porter's stemmer gives "generative", "generation" and "generalization" one stem ("gener"): a search
  // for generalization would find GANs. Each family keeps a stem of its own, neither a prefix of the
  // other (a word is stretched to longer words that start with it).
  if (stem !== 'gener') return stem;
  return spelled.startsWith('generat') ? 'generat' : spelled.startsWith('general') ? 'general' : stem;
}

/** One analysed word, with its position so that phrases can be found. */
export interface Token {
  term: string;
  /** The folded word it came from. */
  word: string;
  stop: boolean;
  /** A compound's parts joined (`multitask` from `multi-task`): an extra term, not a word of the phrase. */
  joined: boolean;
}

/**
 * Split text into search terms. Compound words are also split into their parts, so `BatchNorm`,
 * `batch-norm` and `batch norm` meet: `BatchNorm` gives `batchnorm`, `batch`, `norm`; `multi-task`
 * gives `multi`, `task` and `multitask`.
 *
 * @param text Text as written (a title, a section, a query).
 * @returns Tokens in order; stop words are kept but flagged.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  // CamelCase parts are read before folding loses the capitals (`AdaGrad` → `ada`, `grad`).
  const spaced = text
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1\u0000$2')
    .replace(/(\p{Lu})(\p{Lu}\p{Ll}{2,})/gu, '$1\u0000$2');
  for (const chunk of fold(spaced).split(/\s+/)) {
    const hyphenated = chunk.includes('-') || chunk.includes('\u0000');
    const words = chunk.match(tokenPattern) ?? [];
    if (hyphenated && words.length > 1 && words.every((word) => /^\p{L}+$/u.test(word))) {
      pushWord(tokens, words.join(''), true);
    }
    for (const word of words) pushWord(tokens, word, false);
  }
  return tokens;
}

function pushWord(tokens: Token[], word: string, joined: boolean): void {
  tokens.push({ term: termOf(word), word, stop: stopWords.has(word), joined });
}
