import { describe, expect, it } from 'vitest';
import { termOf, tokenize } from '../../src/search/text.ts';

describe('the words of a search', () => {
  it.each([
    ['normalisation', 'normalization'],
    ['regularisation', 'regularization'],
    ['optimiser', 'optimizer'],
    ['analyse', 'analyze'],
    ['behaviour', 'behavior'],
    ['labelled', 'labeled'],
    ['centre', 'center'],
    ['minima', 'minimum'],
    ['curricula', 'curriculum'],
  ])('When a list or a query writes "%s" it is the same term as "%s"', (one, other) => {
    expect(termOf(one)).toBe(termOf(other));
  });

  it('keeps arXiv ids and years whole', () => {
    expect(tokenize('arxiv 1412.6980 (2014)').map((token) => token.term)).toEqual([
      'arxiv',
      '1412.6980',
      '2014',
    ]);
  });

  it('splits compounds and camel case, keeping the joined form as an extra term', () => {
    expect(tokenize('BatchNorm multi-task').map((token) => [token.word, token.joined])).toEqual([
      ['batchnorm', true],
      ['batch', false],
      ['norm', false],
      ['multitask', true],
      ['multi', false],
      ['task', false],
    ]);
  });
});
