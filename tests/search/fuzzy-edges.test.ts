import { describe, expect, it } from 'vitest';
import { editDistance, fuzzyDefaults, letterSet, Vocabulary } from '../../src/search/fuzzy.ts';

/** A vocabulary of `[written word, term]` pairs, as the index fills it. */
function vocabularyOf(words: ReadonlyArray<readonly [string, string]>, options = {}): Vocabulary {
  const vocabulary = new Vocabulary(options);
  for (const [word, term] of words) vocabulary.addWord(word, vocabulary.intern(term));
  return vocabulary;
}

/** Matches as `[term, similarity]`, similarity to four places. */
const matches = (vocabulary: Vocabulary, query: string, word?: string) =>
  vocabulary
    .match(query, word)
    .map((match) => [vocabulary.term(match.term), Number(match.similarity.toFixed(4))]);

describe('edit distance (optimal string alignment)', () => {
  it.each([
    ['saddel', 'saddle', 2, 1],
    ['abc', 'abc', 0, 0],
    ['kitten', 'sitting', 3, 3],
    ['', 'abc', 3, 3],
    ['abc', '', 3, 3],
    ['ca', 'abc', 3, 3],
    ['abcdef', 'badcfe', 3, 3],
    ['abcd', 'acbd', 1, 1],
    ['abcd', 'abdc', 1, 1],
    ['ab', 'ba', 1, 1],
    ['xyz', 'abc', 5, 3],
    ['warm', 'worm', 1, 1],
    ['sadle', 'saddle', 1, 1],
  ])('from "%s" to "%s" (at most %i) is %i', (a, b, max, distance) => {
    expect(editDistance(a, b, max)).toBe(distance);
  });

  it.each([
    ['ab', 'abcd', 1],
    ['kitten', 'sitting', 2],
    ['abcdef', 'badcfe', 2],
    ['a', 'b', 0],
    ['abcdefgh', 'hgfedcba', 3],
  ])('from "%s" to "%s" is more than %i: max + 1', (a, b, max) => {
    expect(editDistance(a, b, max)).toBe(max + 1);
  });

  it('gives the same answers for short words after long ones (its rows are reused)', () => {
    expect(editDistance('optimization', 'optimisation', 2)).toBe(1);
    expect(editDistance('ab', 'ba', 2)).toBe(1);
    expect(editDistance('abc', 'abd', 2)).toBe(1);
  });
});

describe('the letters of a word as bits', () => {
  it('sets bit 0 for a up to bit 25 for z, and ignores anything else', () => {
    expect(letterSet('abc')).toBe(7);
    expect(letterSet('a')).toBe(1);
    expect(letterSet('z')).toBe(2 ** 25);
    expect(letterSet('aé1Z')).toBe(1);
    expect(letterSet('`{')).toBe(0);
    expect(letterSet('')).toBe(0);
    expect(letterSet('abba')).toBe(3);
  });
});

describe('matching a query term against the vocabulary', () => {
  it('has these defaults', () => {
    expect(fuzzyDefaults).toEqual({
      oneEditFrom: 4,
      twoEditsFrom: 8,
      prefixFrom: 3,
      editSimilarity: 0.8,
      prefixSimilarity: 0.75,
      maxPrefixTerms: 10,
    });
  });

  it('takes a known term as meant, stretched only to terms at most three letters longer', () => {
    const vocabulary = vocabularyOf([
      ['adamantium', 'adamantium'],
      ['adam', 'adam'],
      ['adamw', 'adamw'],
      ['adamax', 'adamax'],
      ['adamaxx', 'adamaxx'],
      ['adamaxxx', 'adamaxxx'],
    ]);
    expect(matches(vocabulary, 'adam')).toEqual([
      ['adam', 1],
      ['adamax', 0.7],
      ['adamaxx', 0.7],
      ['adamw', 0.7],
    ]);
  });

  it('does not stretch a known term of three letters or one that starts with a digit', () => {
    const vocabulary = vocabularyOf([
      ['ada', 'ada'],
      ['adam', 'adam'],
    ]);
    vocabulary.intern('2014');
    vocabulary.intern('20145');
    expect(matches(vocabulary, 'ada')).toEqual([['ada', 1]]);
    expect(matches(vocabulary, '2014')).toEqual([['2014', 1]]);
    expect(matches(vocabulary, '201')).toEqual([]);
    expect(matches(vocabulary, '2015')).toEqual([]);
  });

  it('reads an unknown term of three letters or more as the prefix of longer terms, ten at most', () => {
    const vocabulary = vocabularyOf([
      ['regular', 'regular'],
      ['region', 'region'],
      ['rebel', 'rebel'],
    ]);
    expect(matches(vocabulary, 'reg')).toEqual([
      ['region', 0.75],
      ['regular', 0.75],
    ]);
    expect(matches(vocabulary, 're')).toEqual([]);
    const many = new Vocabulary();
    for (const suffix of 'abcdefghijkl') many.intern(`zeta${suffix}`);
    expect(matches(many, 'zet').map(([term]) => term)).toEqual([
      'zetaa',
      'zetab',
      'zetac',
      'zetad',
      'zetae',
      'zetaf',
      'zetag',
      'zetah',
      'zetai',
      'zetaj',
    ]);
    expect(matches(new Vocabulary({ maxPrefixTerms: 2 }), 'zet')).toEqual([]);
    const two = new Vocabulary({ maxPrefixTerms: 2, prefixFrom: 2 });
    for (const term of ['zetb', 'zeta', 'zetc', 'zz']) two.intern(term);
    expect(matches(two, 'ze')).toEqual([
      ['zeta', 0.75],
      ['zetb', 0.75],
    ]);
  });

  it('reads a term that runs past a shorter known term by up to four letters, worth less per letter', () => {
    const vocabulary = new Vocabulary();
    for (const term of ['nor', 'norm', 'normal', 'normaliz']) vocabulary.intern(term);
    expect(matches(vocabulary, 'normalizat')).toEqual([
      ['normaliz', 0.675],
      ['normal', 0.6],
    ]);
    expect(matches(vocabulary, 'normali')).toEqual([
      ['normaliz', 0.75],
      ['normal', 0.7125],
      ['norm', 0.6375],
    ]);
    expect(matches(vocabulary, 'norma')).toEqual([
      ['normal', 0.75],
      ['normaliz', 0.75],
      ['norm', 0.7125],
    ]);
  });

  it('finds the words within one edit from four letters and two edits from eight', () => {
    const vocabulary = vocabularyOf([
      ['worm', 'worm'],
      ['cut', 'cut'],
      ['saddle', 'saddl'],
      ['trainer', 'trainer'],
      ['equilibrium', 'equilibrium'],
      ['transfers', 'transfer'],
    ]);
    expect(matches(vocabulary, 'warm')).toEqual([['worm', 0.8]]);
    expect(matches(vocabulary, 'cat')).toEqual([]);
    expect(matches(vocabulary, 'sadle')).toEqual([['saddl', 0.8]]);
    expect(matches(vocabulary, 'saddlee')).toEqual([['saddl', 0.8]]);
    expect(matches(vocabulary, 'asddle')).toEqual([['saddl', 0.8]]);
    expect(matches(vocabulary, 'xaddle')).toEqual([]);
    expect(matches(vocabulary, 'trenir')).toEqual([]);
    expect(matches(vocabulary, 'equlibrum')).toEqual([['equilibrium', 0.64]]);
    expect(matches(vocabulary, 'tranfsers')).toEqual([['transfer', 0.8]]);
    expect(matches(vocabulary, 'transferz')).toEqual([['transfer', 0.8]]);
  });

  it('looks for typos among written words, not stems, and keeps the best similarity of a term', () => {
    const vocabulary = vocabularyOf([
      ['minima', 'minimum'],
      ['minimum', 'minimum'],
    ]);
    expect(matches(vocabulary, 'minma', 'minma')).toEqual([['minimum', 0.8]]);
    expect(matches(vocabulary, 'minimu', 'minimu')).toEqual([['minimum', 0.8]]);
    expect(matches(vocabulary, 'minimums', 'minimums')).toEqual([['minimum', 0.8]]);
  });

  it('takes the edit similarity asked for', () => {
    const vocabulary = vocabularyOf([['saddle', 'saddl']], { editSimilarity: 0.5 });
    expect(matches(vocabulary, 'sadle')).toEqual([['saddl', 0.5]]);
  });

  it('finds no typo for a word of the list, nor for words with digits', () => {
    const vocabulary = vocabularyOf([
      ['trained', 'train'],
      ['training', 'train'],
      ['net50', 'net50'],
    ]);
    expect(matches(vocabulary, 'zzzzzz', 'training')).toEqual([]);
    expect(matches(vocabulary, 'zzzzzz', 'trainng')).toEqual([['train', 0.8]]);
    expect(matches(vocabulary, 'net51')).toEqual([]);
    expect(matches(vocabulary, '2train')).toEqual([]);
  });

  it('sees terms and words added after a first query', () => {
    const vocabulary = vocabularyOf([['adam', 'adam']]);
    expect(matches(vocabulary, 'adamw')).toEqual([['adam', 0.8]]);
    expect(matches(vocabulary, 'ada')).toEqual([['adam', 0.75]]);
    vocabulary.intern('adamw');
    expect(matches(vocabulary, 'adamw')).toEqual([['adamw', 1]]);
    expect(matches(vocabulary, 'ada')).toEqual([
      ['adam', 0.75],
      ['adamw', 0.75],
    ]);
    expect(matches(vocabulary, 'sadle')).toEqual([]);
    vocabulary.addWord('saddle', vocabulary.intern('saddl'));
    expect(matches(vocabulary, 'sadle')).toEqual([['saddl', 0.8]]);
  });

  it('answers a term and each word it came from apart', () => {
    const vocabulary = vocabularyOf([
      ['saddle', 'saddl'],
      ['minima', 'minimum'],
    ]);
    expect(matches(vocabulary, 'zzzzz', 'sadle')).toEqual([['saddl', 0.8]]);
    expect(matches(vocabulary, 'zzzzz', 'minma')).toEqual([['minimum', 0.8]]);
    expect(matches(vocabulary, 'zzzzz')).toEqual([]);
  });

  it('ignores a word written twice or with digits, and finds typos among more than a thousand words', () => {
    const vocabulary = new Vocabulary();
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    const words = Array.from(
      { length: 1100 },
      (_, index) =>
        `q${letters[Math.floor(index / 676)]}${letters[Math.floor(index / 26) % 26]}${letters[index % 26]}`,
    );
    for (const word of words) vocabulary.addWord(word, vocabulary.intern(word));
    vocabulary.addWord('qaaa', vocabulary.intern('other'));
    vocabulary.addWord('abc1', vocabulary.intern('abc1'));
    expect(vocabulary.size).toBe(1100 + 2);
    expect(vocabulary.id('qaaa')).toBe(0);
    expect(matches(vocabulary, 'zzzz', 'qaaa')).toEqual([]);
    expect(vocabulary.id('nothing')).toBeUndefined();
    expect(vocabulary.term(5000)).toBe('');
    // The word at index 1060 is past the first 1024 letter sets the neighbourhood holds.
    expect(words[1060]).toBe('qbou');
    expect(matches(vocabulary, 'zzzz', 'qbuo')).toContainEqual(['qbou', 0.8]);
    expect(matches(vocabulary, 'abc2', 'abc2')).toEqual([]);
  });
});

describe('typo matching at its limits', () => {
  it('gives up at once on words whose lengths differ by more than the edits allowed', () => {
    expect(editDistance('', 'abc', 1)).toBe(2);
    expect(editDistance('abcd', '', 2)).toBe(3);
  });

  it('finds two edits that change four letters of an eight-letter word', () => {
    expect(matches(vocabularyOf([['transfer', 'transfer']]), 'tronsfxr')).toEqual([['transfer', 0.64]]);
  });

  it('keeps the better of a prefix and a typo of the same term', () => {
    expect(matches(vocabularyOf([['transferxy', 'transferxy']]), 'transfer')).toEqual([['transferxy', 0.75]]);
  });

  it('stretches and prefixes words with digits inside, but never words that start with one', () => {
    const vocabulary = new Vocabulary();
    for (const term of ['net5', 'net50', 'net5xyz']) vocabulary.intern(term);
    expect(matches(vocabulary, 'net5')).toEqual([
      ['net5', 1],
      ['net50', 0.7],
      ['net5xyz', 0.7],
    ]);
    expect(matches(vocabulary, 'net5x')).toEqual([
      ['net5xyz', 0.75],
      ['net5', 0.7125],
    ]);
    const digits = vocabularyOf([['2abc', '2abc']]);
    expect(matches(digits, 'a2bc')).toEqual([]);
  });

  it('holds the letters of the word at index 1024, where its table first grows', () => {
    const vocabulary = new Vocabulary();
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    for (let index = 0; index <= 1024; index++) {
      const word = `q${letters[Math.floor(index / 676)]}${letters[Math.floor(index / 26) % 26]}${letters[index % 26]}`;
      vocabulary.addWord(word, vocabulary.intern(word));
    }
    expect(vocabulary.term(1024)).toBe('qbnk');
    expect(matches(vocabulary, 'zzzz', 'qbnz')).toContainEqual(['qbnk', 0.8]);
  });
});
