import { describe, expect, it } from 'vitest';
import { fold, termOf, tokenize } from '../../src/search/text.ts';

const rows = (text: string) =>
  tokenize(text).map((token) => [token.word, token.term, token.stop, token.joined] as const);

describe('folding text for matching', () => {
  it('drops accents, lowers case, makes every apostrophe straight and splits ligatures', () => {
    expect(fold('Café ÉCOLE Kingma’s ‘x` ﬁne')).toBe("cafe ecole kingma's 'x' fine");
  });
});

describe('the term of a word', () => {
  it.each([
    ['minima', 'minimum'],
    ['maxima', 'maximum'],
    ['optima', 'optimum'],
    ['curricula', 'curriculum'],
    ['criteria', 'criterion'],
    ['phenomena', 'phenomenon'],
    ['matrices', 'matrix'],
    ['vertices', 'vertex'],
    ['indices', 'index'],
    ['analyses', 'analysis'],
  ])('reads the irregular plural "%s" as "%s"', (plural, singular) => {
    expect(termOf(plural)).toBe(termOf(singular));
    expect(termOf(plural)).not.toBe(plural);
  });

  it.each([
    ['normalisations', 'normal'],
    ['normalisation', 'normal'],
    ['normalising', 'normal'],
    ['normalised', 'normal'],
    ['optimisers', 'optim'],
    ['optimiser', 'optim'],
    ['randomises', 'random'],
    ['randomise', 'random'],
    ['analysed', 'analyz'],
    ['paralyses', 'paralyz'],
    ['paralyse', 'paralyz'],
    ['colours', 'color'],
    ['colour', 'color'],
    ['neighbourhood', 'neighborhood'],
    ['modelled', 'model'],
    ['travelled', 'travel'],
    ['modelling', 'model'],
    ['labelling', 'label'],
    ['centres', 'center'],
    ['centre', 'center'],
  ])('folds the British "%s" to the American term "%s"', (word, term) => {
    expect(termOf(word)).toBe(term);
  });

  it('needs three letters before a British ending, so short words keep their own spelling', () => {
    expect(termOf('four')).toBe('four');
    expect(termOf('hours')).toBe('hour');
    expect(termOf('ours')).toBe('our');
    expect(termOf('metre')).toBe('metr');
    expect(termOf('litre')).toBe('litr');
    expect(termOf('filled')).toBe('fill');
    expect(termOf('tre')).toBe('tre');
  });

  it('applies only the first British rule that fits, and only at the end of a word', () => {
    // "ise" then "izes": one rule, not a second pass that would also read "our" in it.
    expect(termOf('rise')).toBe('rize');
    expect(termOf('ise')).toBe('iz');
    expect(termOf('yse')).toBe('yze');
    expect(termOf('isers')).toBe(termOf('izers'));
    expect(termOf('isationsx')).toBe('isationsx');
    expect(termOf('centrex')).toBe('centrex');
    expect(termOf('colourful')).toBe('colour');
  });

  it('keeps words that start with a digit as they are', () => {
    expect(termOf('2014')).toBe('2014');
    expect(termOf('1412.6980')).toBe('1412.6980');
    expect(termOf("3's")).toBe("3's");
    expect(termOf('3ised')).toBe('3ised');
  });

  it('drops a possessive and the apostrophes inside a word', () => {
    expect(termOf("adam's")).toBe('adam');
    expect(termOf("don't")).toBe('dont');
    expect(termOf("o'neill's")).toBe('oneil');
    expect(termOf("'s")).toBe('');
  });

  it('gives generative, generalization and other "gener" words stems of their own', () => {
    expect(termOf('generative')).toBe('generat');
    expect(termOf('generation')).toBe('generat');
    expect(termOf('generated')).toBe('generat');
    expect(termOf('generalization')).toBe('general');
    expect(termOf('general')).toBe('general');
    expect(termOf('generic')).toBe('gener');
  });

  it('gives the same term to the same word asked twice', () => {
    expect(termOf('landscapes')).toBe('landscap');
    expect(termOf('landscapes')).toBe('landscap');
  });
});

describe('splitting text into tokens', () => {
  it('splits camel case before folding, keeping the joined word first', () => {
    expect(rows('AdaGrad RMSProp GANs')).toEqual([
      ['adagrad', 'adagrad', false, true],
      ['ada', 'ada', false, false],
      ['grad', 'grad', false, false],
      ['rmsprop', 'rmsprop', false, true],
      ['rms', 'rm', false, false],
      ['prop', 'prop', false, false],
      ['gans', 'gan', false, false],
    ]);
  });

  it('joins the letter parts of a hyphenated word, never parts with digits or a lone part', () => {
    expect(rows('x-ray-vision covid-19 end- a-b')).toEqual([
      ['xrayvision', 'xrayvis', false, true],
      ['x', 'x', false, false],
      ['ray', 'rai', false, false],
      ['vision', 'vision', false, false],
      ['covid', 'covid', false, false],
      ['19', '19', false, false],
      ['end', 'end', false, false],
      ['ab', 'ab', false, true],
      ['a', 'a', true, false],
      ['b', 'b', false, false],
    ]);
    expect(rows('ResNet50')).toEqual([
      ['res', 're', false, false],
      ['net50', 'net50', false, false],
    ]);
  });

  it('does not join words that only stand side by side or across punctuation', () => {
    expect(rows('batch norm,layer')).toEqual([
      ['batch', 'batch', false, false],
      ['norm', 'norm', false, false],
      ['layer', 'layer', false, false],
    ]);
    expect(rows('Adam')).toEqual([['adam', 'adam', false, false]]);
    expect(rows('ABC')).toEqual([['abc', 'abc', false, false]]);
    expect(rows('RMSp')).toEqual([['rmsp', 'rmsp', false, false]]);
  });

  it('reads an arXiv id as one token and other dotted numbers as several', () => {
    expect(rows('1412.69801 12.345 1412.698')).toEqual([
      ['1412.69801', '1412.69801', false, false],
      ['12', '12', false, false],
      ['345', '345', false, false],
      ['1412', '1412', false, false],
      ['698', '698', false, false],
    ]);
  });

  it('keeps a possessive with its word and splits at other marks', () => {
    expect(rows('Kingma’s x’ y\'z"w')).toEqual([
      ["kingma's", 'kingma', false, false],
      ['x', 'x', false, false],
      ["y'z", 'yz', false, false],
      ['w', 'w', false, false],
    ]);
  });

  it('splits at any white space, tabs and new lines included', () => {
    expect(rows('deep\tnets\nwide\u00a0nets').map(([word]) => word)).toEqual([
      'deep',
      'nets',
      'wide',
      'nets',
    ]);
  });

  it('flags every stop word, and only those', () => {
    const stops =
      'a an and are as at be by can do does for from how in into is it its of on or the their to via vs what when why with paper papers about any article find i looking me my some that this was we were which';
    const tokens = tokenize(stops);
    expect(tokens).toHaveLength(stops.split(' ').length);
    expect(tokens.filter((token) => !token.stop).map((token) => token.word)).toEqual([]);
    expect(tokenize('sharp minima we found').map((token) => token.stop)).toEqual([false, false, true, false]);
  });
});
