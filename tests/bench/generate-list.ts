import { readFileSync } from 'node:fs';
import { titleKey } from '../../src/catalog/identity.ts';
import { defaultListPath } from '../../src/catalog/load.ts';
import { parseCatalog } from '../../src/catalog/parse.ts';

/** Shape of the generated list; the shipped list has about 8 entries a section, a big list about 40. */
export const generateDefaults = Object.freeze({
  entriesPerSection: 40,
  /** Spread of section sizes (σ of a log-normal): sizes run from a handful to a few hundred. */
  sectionSpread: 0.7,
  /** Share of entries that list a paper a second time, in another section. */
  relisted: 0.03,
  /** Share of titles written in capitals, as the shipped list does for a fifth of its titles. */
  shouting: 0.15,
  /** Share of papers with a second link (code or talk). */
  secondLink: 0.08,
  /** Share of links on arXiv; the rest are openreview or proceedings. */
  arxiv: 0.8,
  openreview: 0.1,
});

/**
 * A deterministic PRNG (mulberry32): the same seed gives the same list on every machine.
 *
 * @param seed Any 32-bit integer.
 * @returns A function giving the next number in [0, 1).
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Words and names the generated lists recombine: read once from the shipped list. */
interface Vocabulary {
  /** Paper titles as words (readable case: shouting is a choice of the generator). */
  titles: string[][];
  sections: string[][];
}

let shippedVocabulary: Vocabulary | undefined;

function vocabulary(): Vocabulary {
  if (shippedVocabulary) return shippedVocabulary;
  const catalog = parseCatalog(readFileSync(defaultListPath, 'utf8'));
  shippedVocabulary = {
    // A bare URL as title ("offconvex.org") is not a title to recombine.
    titles: catalog.papers
      .map((paper) => paper.title.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)))
      .filter((words) => words.length > 0 && !/^\S+\.(org|com|net)$/.test(words.join(' '))),
    sections: catalog.sections.map((section) => section.name.split(/\s+/).filter(Boolean)),
  };
  return shippedVocabulary;
}

/** A seeded source of choices. */
class Dice {
  readonly #next: () => number;

  constructor(seed: number) {
    this.#next = mulberry32(seed);
  }

  /** Uniform in [0, 1). */
  real(): number {
    return this.#next();
  }

  /** Uniform integer in [low, high]. */
  int(low: number, high: number): number {
    return low + Math.floor(this.#next() * (high - low + 1));
  }

  chance(probability: number): boolean {
    return this.#next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.#next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = 1 - this.#next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.#next());
  }

  letters(length: number, alphabet: string): string {
    let text = '';
    for (let i = 0; i < length; i++) text += alphabet[Math.floor(this.#next() * alphabet.length)] ?? '';
    return text;
  }
}

const alphanumeric = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** The first part of one phrase and the last part of another, split at word boundaries. */
function splice(dice: Dice, first: readonly string[], last: readonly string[]): string[] {
  const head = first.length === 1 ? first : first.slice(0, dice.int(1, first.length - 1));
  const tail = last.length === 1 ? last : last.slice(dice.int(1, last.length - 1));
  // A head that ended its title ("…Continuation.") goes on, so its full stop goes.
  const cut = [...head];
  cut[cut.length - 1] = (cut[cut.length - 1] ?? '').replace(/[.?]+$/, '');
  return [...cut, ...tail];
}

function recombinedTitle(dice: Dice, titles: readonly string[][]): string {
  const words = splice(dice, dice.pick(titles), dice.pick(titles));
  // One title in four borrows a middle phrase from a third title: more distinct titles, same words.
  if (dice.chance(0.25) && words.length > 2) {
    const middle = dice.pick(titles);
    const start = dice.int(0, Math.max(0, middle.length - 2));
    words.splice(dice.int(1, words.length - 1), 0, ...middle.slice(start, start + dice.int(1, 3)));
  }
  return words.join(' ');
}

/** What every generated list starts from: its words, its dice, its links, its sections and their sizes. */
function planList(entries: number, seed: number) {
  if (!Number.isInteger(entries) || entries < 1)
    throw new RangeError(`entries must be a whole number ≥ 1, not ${entries}`);
  const vocab = vocabulary();
  const dice = new Dice(seed);
  const links = new LinkMaker(dice);
  const sizes = sectionSizes(dice, entries);
  const names = sectionNames(dice, sizes.length, vocab);
  return { vocab, dice, links, sizes, names };
}

/** A recombined title no earlier paper has (up to case and punctuation, as the parser decides identity). */
function distinctTitle(dice: Dice, vocab: Vocabulary, used: Set<string>): string {
  let title = recombinedTitle(dice, vocab.titles);
  for (let attempt = 0; used.has(titleKey(title)); attempt++) {
    title = attempt < 20 ? recombinedTitle(dice, vocab.titles) : `${title} ${attempt}`;
  }
  used.add(titleKey(title));
  return title;
}

function sectionSizes(dice: Dice, entries: number): number[] {
  const count = Math.max(1, Math.round(entries / generateDefaults.entriesPerSection));
  const weights = Array.from({ length: count }, () =>
    Math.exp(generateDefaults.sectionSpread * dice.normal()),
  );
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const sizes = weights.map((weight) => Math.max(1, Math.floor((entries * weight) / total)));
  // Rounding down leaves a few entries over (or, with the minimum of 1, a few too many): settle them.
  let excess = sizes.reduce((sum, size) => sum + size, 0) - entries;
  for (let index = 0; excess !== 0; index = (index + 1) % count) {
    const size = sizes[index] ?? 1;
    if (excess > 0 && size > 1) {
      sizes[index] = size - 1;
      excess--;
    } else if (excess < 0) {
      sizes[index] = size + 1;
      excess++;
    }
  }
  return sizes;
}

function sectionNames(dice: Dice, count: number, vocab: Vocabulary): string[] {
  const names: string[] = [];
  const used = new Set<string>();
  while (names.length < count) {
    const base = splice(dice, dice.pick(vocab.sections), dice.pick(vocab.sections)).join(' ');
    const topicTitle = dice.pick(vocab.titles);
    const start = dice.int(0, Math.max(0, topicTitle.length - 2));
    const topic = topicTitle
      .slice(start, start + 2)
      .join(' ')
      .replace(/[.:?,]+$/, '');
    let name = `${base}: ${topic}`;
    for (let n = 2; used.has(titleKey(name)); n++) name = `${base}: ${topic} ${n}`;
    used.add(titleKey(name));
    names.push(name);
  }
  return names;
}

/** Unique links in the proportions of an awesome list of ML papers. */
class LinkMaker {
  readonly #dice: Dice;
  readonly #arxivIds = new Set<string>();
  #serial = 0;

  constructor(dice: Dice) {
    this.#dice = dice;
  }

  paper(title: string): string {
    const url = this.url(title);
    return this.#dice.chance(0.3) ? `[[Link]](${url})` : `[Link](${url})`;
  }

  /** A paper's URL alone: arXiv, OpenReview or proceedings, in the list's proportions. */
  url(title: string): string {
    const dice = this.#dice;
    const roll = dice.real();
    return roll < generateDefaults.arxiv
      ? this.#arxiv()
      : roll < generateDefaults.arxiv + generateDefaults.openreview
        ? `https://openreview.net/${dice.chance(0.5) ? 'forum' : 'pdf'}?id=${dice.letters(10, alphanumeric)}`
        : this.#proceedings(title);
  }

  extra(title: string): string {
    const dice = this.#dice;
    if (dice.chance(0.6)) {
      const repo = title
        .split(/[^\p{L}\p{N}]+/u)
        .filter((word) => word.length > 3)
        .slice(0, 2)
        .join('-');
      return `[Github](https://github.com/${dice.letters(7, 'abcdefghijklmnopqrstuvwxyz')}/${repo || 'code'})`;
    }
    return dice.chance(0.5)
      ? `[Talk](https://vimeo.com/${dice.int(100_000_000, 999_999_999)})`
      : `[Talk](https://www.youtube.com/watch?v=${dice.letters(11, alphanumeric)})`;
  }

  #arxiv(): string {
    const dice = this.#dice;
    for (;;) {
      const year = dice.int(12, 24);
      const month = String(dice.int(1, 12)).padStart(2, '0');
      // arXiv numbers have five digits since 2015.
      const number =
        year >= 15
          ? String(dice.int(1, 99_999)).padStart(5, '0')
          : String(dice.int(1, 9999)).padStart(4, '0');
      const id = `${year}${month}.${number}`;
      if (this.#arxivIds.has(id)) continue;
      this.#arxivIds.add(id);
      return dice.chance(0.75) ? `https://arxiv.org/abs/${id}` : `https://arxiv.org/pdf/${id}.pdf`;
    }
  }

  #proceedings(title: string): string {
    const dice = this.#dice;
    const serial = ++this.#serial;
    const slug = titleKey(title).split(' ').slice(0, 8).join('-');
    if (dice.chance(0.5)) return `https://papers.nips.cc/paper/${1000 + serial}-${slug}.pdf`;
    return `http://proceedings.mlr.press/v${dice.int(28, 202)}/${dice.letters(6, 'abcdefghijklmnopqrstuvwxyz')}${serial}a.html`;
  }
}

/**
 * A markdown awesome list shaped like the shipped one (`#### Section` headings, `- Title [Link](url)`
 * items), with titles and section names recombined from the shipped list's: realistic words, made-up
 * papers. Deterministic for a seed.
 *
 * @param entries Number of list items (a paper listed in two sections counts twice).
 * @param seed PRNG seed (default: 1).
 * @returns The list.
 */
export function generateList(entries: number, seed = 1): string {
  const { vocab, dice, links, sizes, names } = planList(entries, seed);
  const usedTitles = new Set<string>();
  const listed: Array<{ line: string; section: number }> = [];
  const lines = ['# Awesome Optimization Papers (generated)', '', '## Content', ''];

  sizes.forEach((size, section) => {
    lines.push(`#### ${names[section] ?? ''}`);
    for (let item = 0; item < size; item++) {
      const earlier = listed.length > 0 ? dice.pick(listed) : undefined;
      if (earlier && earlier.section !== section && dice.chance(generateDefaults.relisted)) {
        lines.push(earlier.line);
        continue;
      }
      const title = distinctTitle(dice, vocab, usedTitles);
      const written = dice.chance(generateDefaults.shouting) ? title.toUpperCase() : title;
      const extra = dice.chance(generateDefaults.secondLink) ? ` ${links.extra(title)}` : '';
      const line = `- ${written} ${links.paper(title)}${extra}`;
      lines.push(line);
      listed.push({ line, section });
    }
    lines.push('');
  });
  lines.push('#### Contributing', 'If you know a paper that belongs here, open a pull request.', '');
  return lines.join('\n');
}

/** The styles of list a reading group keeps, as the parser reads them. */
export type ListStyle = 'bullets' | 'table' | 'paragraphs' | 'text-around-title' | 'references';

/** Every style, in the order the styles bench reports them. */
export const listStyles: readonly ListStyle[] = Object.freeze([
  'bullets',
  'table',
  'paragraphs',
  'text-around-title',
  'references',
]);

/** Invented surnames and venues for the citation styles (no list's real text). */
const surnames: readonly string[] = Object.freeze([
  'Okafor',
  'Lindqvist',
  'Marchetti',
  'Tanaka',
  'Brennan',
  'Haddad',
  'Kowalczyk',
  'Moreau',
  'Iyer',
  'Sato',
  'Delgado',
  'Novak',
  'Achebe',
  'Forsyth',
  'Ribeiro',
  'Castellanos',
  'Whitfield',
  'Yilmaz',
  'Petrov',
  'Nakamura',
]);
const venues: readonly string[] = Object.freeze([
  'ICML',
  'ICLR',
  'NeurIPS',
  'COLT',
  'AISTATS',
  'JMLR',
  'CVPR',
  'AAAI',
]);

/**
 * A generated list in one of the styles the parser reads: `bullets` is {@link generateList}; `table` puts
 * each section's papers in a `| Title | Year | Venue | Code |` table; `paragraphs` writes citations
 * (`**[n]** Authors. "**Title**." Venue (year). [[pdf]](url)`); `text-around-title` mixes bold titles with
 * years and authors, venue prefixes with acronym suffixes, and search-engine links; `references` writes
 * `- [Title][p12]` items whose `[p12]: url` definitions all come at the end, as awesome lists do (a long
 * list is parsed in pieces, and every piece needs definitions from the last). Same vocabulary,
 * section sizes and links as the bullets; deterministic for a seed.
 *
 * @param entries Number of papers.
 * @param style The style.
 * @param seed PRNG seed (default: 1).
 * @returns The list.
 */
export function generateStyledList(entries: number, style: ListStyle, seed = 1): string {
  if (style === 'bullets') return generateList(entries, seed);
  const { vocab, dice, links, sizes, names } = planList(entries, seed);
  const usedTitles = new Set<string>();
  const lines = [`# Optimization Papers (generated, ${style})`, ''];
  let serial = 0;
  const definitions: string[] = [];
  sizes.forEach((size, section) => {
    lines.push(`## ${names[section] ?? ''}`, '');
    if (style === 'table') lines.push('| Title | Year | Venue | Code |', '| --- | :---: | --- | --- |');
    for (let item = 0; item < size; item++) {
      const title = distinctTitle(dice, vocab, usedTitles);
      const url = links.url(title);
      const year = dice.int(1995, 2024);
      const venue = dice.pick(venues);
      const authors = `${dice.pick(surnames)}, ${dice.letters(1, 'ABCDEFGHIJKLMNOPRSTW')}.${dice.chance(0.5) ? ' et al.' : `, and ${dice.pick(surnames)}`}`;
      serial++;
      if (style === 'table') {
        const code = dice.chance(0.3)
          ? ` [code](https://github.com/${dice.letters(7, 'abcdefghijklmnopqrstuvwxyz')}/impl)`
          : '';
        lines.push(`| [${title}](${url}) | ${year} | ${venue} |${code} |`);
      } else if (style === 'paragraphs') {
        lines.push(`**[${serial}]** ${authors} "**${title}**." ${venue} (${year}). [[pdf]](${url})`, '');
      } else if (style === 'references') {
        lines.push(`- [${title}][p${serial}]`);
        definitions.push(`[p${serial}]: ${url}`);
      } else {
        const form = dice.int(0, 3);
        const acronym = title.replace(/[^A-Z]/g, '').slice(0, 4) || 'X';
        lines.push(
          form === 0
            ? `- **${title}** (${year}), ${authors} [[pdf]](${url})`
            : form === 1
              ? `- ${year} ${venue} [${title}](${url}) (${acronym.length > 1 ? acronym : `${acronym}A`})`
              : form === 2
                ? `- ${title} (${year}), ${authors} [[pdf]](${url})`
                : `1. __${title}__ - ([Search](https://www.google.com/search?q=${serial})) ([PDF](${url}))`,
        );
      }
    }
    lines.push('');
  });
  lines.push(...definitions);
  return lines.join('\n');
}
