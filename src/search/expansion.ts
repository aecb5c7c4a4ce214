import { acronymGroups } from './synonyms.ts';
import { tokenize } from './text.ts';
import type { Concept } from './thesaurus.ts';

/** How much the words a text stands for are worth, as a share of the text's own words. */
export const expansionDefaults = Object.freeze({
  /** An acronym and its expansion say the same thing. */
  acronymWeight: 0.85,
  /** A concept's name says less than the paper's own words: "adam" is about adaptive learning rates… */
  conceptWeight: 0.6,
});

/** One rule: texts that say a trigger phrase also stand for the terms of `adds`, worth `weight`. */
interface Rule {
  triggers: ReadonlyArray<readonly string[]>;
  adds: readonly string[];
  weight: number;
}

/** A term a text stands for without saying it, and its worth (a share of the text's own words). */
export interface ExpandedTerm {
  term: string;
  weight: number;
}

/**
 * The terms a text stands for without saying them: acronyms both ways (synonyms.ts) and concepts of a
 * thesaurus (thesaurus.ts, and a list's own). Built once per index; phrases are analysed like any text.
 */
export class Expansions {
  readonly #rules: Rule[];
  /** Phrases by their first term, so that a text is checked only against phrases it can start. */
  readonly #byFirstTerm = new Map<string, Array<{ rule: number; phrase: readonly string[] }>>();

  /**
   * @param concepts Concepts of a thesaurus (default: none; acronyms always apply).
   * @param weights Worth of each kind (default: {@link expansionDefaults}).
   */
  constructor(
    concepts: readonly Concept[] = [],
    weights: { readonly acronymWeight: number; readonly conceptWeight: number } = expansionDefaults,
  ) {
    const acronyms = acronymGroups.map((group) => {
      const phrases = group.map(phraseTerms);
      return { triggers: phrases, adds: phrases.flat(), weight: weights.acronymWeight };
    });
    const thesaurus = concepts.map((concept) => {
      const names = concept.names.map(phraseTerms);
      return {
        triggers: [...names, ...(concept.members ?? []).map(phraseTerms)],
        adds: names.flat(),
        weight: weights.conceptWeight,
      };
    });
    this.#rules = [...acronyms, ...thesaurus];
    this.#rules.forEach((rule, index) => {
      for (const phrase of rule.triggers) {
        const [first] = phrase;
        if (first === undefined) continue;
        const entries = this.#byFirstTerm.get(first) ?? [];
        entries.push({ rule: index, phrase });
        this.#byFirstTerm.set(first, entries);
      }
    });
  }

  /**
   * The terms a text also stands for: for every rule whose phrase the text says, the rule's terms.
   *
   * @param terms The text's terms, in order, stop words removed.
   * @returns Terms to add with their worth (may repeat terms already present).
   */
  termsFor(terms: readonly string[]): ExpandedTerm[] {
    const mentioned = new Set<number>();
    terms.forEach((term, start) => {
      for (const { rule, phrase } of this.#byFirstTerm.get(term) ?? []) {
        if (!mentioned.has(rule) && phrase.every((word, offset) => terms[start + offset] === word))
          mentioned.add(rule);
      }
    });
    return [...mentioned].flatMap((index) => {
      const rule = this.#rules[index];
      return rule ? rule.adds.map((term) => ({ term, weight: rule.weight })) : [];
    });
  }
}

/** A phrase as terms: stop words and joined compounds dropped, as in the text it is compared with. */
function phraseTerms(phrase: string): string[] {
  return tokenize(phrase)
    .filter((token) => !token.stop && !token.joined)
    .map((token) => token.term);
}
