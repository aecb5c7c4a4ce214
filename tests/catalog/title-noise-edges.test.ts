import { describe, expect, it } from 'vitest';
import {
  isVenuePrefix,
  leadingAcronym,
  splitCitation,
  splitTrailingAcronym,
  unwrapTitle,
  yearIn,
} from '../../src/catalog/title-noise.ts';

describe('yearIn, at the edges of the years lists name', () => {
  it.each([
    ['1999', 1999],
    ['2000', 2000],
    ['2049', 2049],
    ['in 1987 and 2001', 1987],
    ['x2017y', 2017],
    ['20170', undefined],
    ['2017.5', undefined],
    ['1.2017', undefined],
    ['1850', undefined],
  ])('"%s" names the year %s', (text, year) => {
    expect(yearIn(text)).toBe(year);
  });
});

describe('isVenuePrefix, word by word', () => {
  it.each([
    '1999',
    '2017/06/01',
    '2017.6',
    "'18",
    '18',
    '[7]',
    '[123]',
    '[1234]',
    '([25])',
    '1.',
    '12)',
    '1234.',
    'AB',
    'ABCDEFGH',
    'NeurIPS',
    'arXiv',
    'bioRxiv',
    'TensorFlow',
    'PyTorch',
    'NeurIPS’18',
    'ICML2017',
    'ICML-2017',
    ':+1: :thumbs_up: ICML',
    '(ICML)',
    '{ICML}',
    'ICML, ICLR; AAAI:',
    '• ICML · ICLR',
    '**ICML**',
    'ICML – 2017 — CVPR',
    'ICML - 2017',
    '| ICML |',
    'NeurIPS:star:ICML',
  ])('"%s" is a prefix', (text) => {
    expect(isVenuePrefix(text)).toBe(true);
  });

  it.each([
    '2017-06-01-02',
    '2017-123',
    '123',
    "'1",
    '[12345]',
    '[]',
    '12345.',
    'A',
    'ABCDEFGHI',
    'ICML-2',
    'ICML-12345',
    'ICMLx',
    'xICML',
    ' - ',
    ':star:',
    'ICML!',
    'ICML and more',
    'ICML,2017',
  ])('"%s" is not a prefix', (text) => {
    expect(isVenuePrefix(text)).toBe(false);
  });
});

describe('leadingAcronym, by its form', () => {
  it.each([
    ['( SMG ) rest', 'SMG', ' rest'],
    ['(A1)', 'A1', ''],
    ['(HyperparametersearchNet)', 'HyperparametersearchNet', ''],
    ['(BatchNorm), more', 'BatchNorm', ', more'],
    ['(RL2)', 'RL2', ''],
  ])('"%s" gives the alias %s', (text, acronym, rest) => {
    expect(leadingAcronym(text)).toEqual({ acronym, rest });
  });

  it.each(['(Ab)', '(Hyperparametersearchnet)', 'text (SMG)', '(SMG', '(1SMG)', '(SMG!)'])(
    '"%s" is no alias',
    (text) => {
      expect(leadingAcronym(text)).toBeUndefined();
    },
  );
});

describe('splitTrailingAcronym', () => {
  it('takes the short name that ends a title out of it', () => {
    expect(splitTrailingAcronym('Stochastic Weight Averaging (SWA)')).toStrictEqual({
      title: 'Stochastic Weight Averaging',
      acronym: 'SWA',
    });
  });

  it.each([
    'Stochastic Weight Averaging (SWA) explained',
    'Stochastic Weight Averaging(SWA)',
    'Learning to learn (2016)',
    'Learning (with (SWA))',
    'SWA',
  ])('leaves "%s" whole', (title) => {
    expect(splitTrailingAcronym(title)).toStrictEqual({ title });
  });
});

describe('splitCitation, in the forms lists write', () => {
  it.each([
    ['Gradient-based learning ( 1998b ) . LeCun', 'Gradient-based learning', 1998, 'LeCun'],
    ['Deep learning(2015),LeCun', 'Deep learning', 2015, 'LeCun'],
    ['Deep learning (2015), Y. LeCun,\n  Y. Bengio', 'Deep learning', 2015, 'Y. LeCun, Y. Bengio'],
  ])('splits "%s"', (text, title, year, authors) => {
    expect(splitCitation(text)).toStrictEqual({ title, year, authors });
  });

  it.each([
    '(2015), LeCun',
    'Deep learning (2015) LeCun',
    'Perceptrons (1899), Minsky',
    'Deep learning (2015), ',
  ])('leaves "%s" alone', (text) => {
    expect(splitCitation(text)).toBeUndefined();
  });
});

describe('unwrapTitle, quote by quote', () => {
  it.each([
    ['„Deep learning“', 'Deep learning'],
    ["'Deep learning'", 'Deep learning'],
    ['‘Deep learning’', 'Deep learning'],
    ['”Deep learning”', 'Deep learning'],
    ['"  Deep learning,  "', 'Deep learning'],
    ['"Deep learning.."', 'Deep learning.'],
    ['"Deep\nlearning"', 'Deep\nlearning'],
    ['[ GAN zoo ]', 'GAN zoo'],
    ['""', '""'],
    ['[]', '[]'],
    ['"Deep learning', '"Deep learning'],
    ['Deep "learning"', 'Deep "learning"'],
    ['"Adam" is great', '"Adam" is great'],
    ['"Adam, a method."', 'Adam, a method'],
    ['"Adam ."', 'Adam'],
  ])('unwraps %j to %j', (title, unwrapped) => {
    expect(unwrapTitle(title)).toBe(unwrapped);
  });
});
