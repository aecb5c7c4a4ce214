import { describe, expect, it } from 'vitest';
import { runCommand } from '../../src/commands/dispatch.ts';
import { createSearch } from '../../src/search/search.ts';
import { replyMarkup } from '../support/markup.ts';
import { shippedCatalog } from '../support/shipped.ts';

const search = createSearch(shippedCatalog());
const context = {
  search,
  channel: { id: 'C0READING' },
  user: { id: 'U0ALICE' },
  now: new Date(0),
  random: () => 0,
};

/** The reply's first lines: the summary (or the no-match text) and the first papers with their notes. */
async function lines(query: string, count = 2): Promise<string[]> {
  return replyMarkup(await runCommand(`search ${query}`, context))
    .split(' | ')
    .slice(0, count);
}

describe('search: the line above the results, and what each paper matched', () => {
  it('a question in parts: what was not found, the words no paper mentions, each paper’s part', async () => {
    expect(await lines('lookahead vs momentum bananas')).toEqual([
      'ephemeral: > Top 3 for “lookahead vs momentum bananas” · nothing found for “lookahead” · no paper mentions “bananas”',
      '[momentum: Momentum <https://www.deeplearningbook.org/contents/optimization.html> _matches “momentum bananas”_] (Share=momentum)',
    ]);
  });

  it('parts that no paper matches together: the best for each', async () => {
    expect(await lines('lookahead vs momentum vs batchnorm', 3)).toEqual([
      'ephemeral: > Top 4 for “lookahead vs momentum vs batchnorm” · no paper matches “momentum” and “batchnorm” together: the best for each · nothing found for “lookahead”',
      '[momentum: Momentum <https://www.deeplearningbook.org/contents/optimization.html> _matches “momentum”_] (Share=momentum)',
      '[batchnorm: BatchNorm <https://arxiv.org/abs/1502.03167> _matches “batchnorm”_] (Share=batchnorm)',
    ]);
  });

  it('years: one, a range, a few; a year no dated paper is of says the list shows none', async () => {
    expect(await lines('adam 2014', 1)).toEqual(['ephemeral: > Top 2 for “adam” from 2014']);
    expect(await lines('momentum 2015 2016 2017', 1)).toEqual([
      'ephemeral: > Best match for “momentum” from 2015–2017',
    ]);
    expect(await lines('momentum 2015 2017', 1)).toEqual([
      'ephemeral: > Best match for “momentum” from 2015 or 2017',
    ]);
    expect(await lines('weight norm 2016', 1)).toEqual([
      'ephemeral: > Best match for “weight norm 2016” · no paper from 2016 matches; the list shows no year for these',
    ]);
  });

  it('filters alone: how many papers they hold, in list order', async () => {
    expect(await lines('2016', 1)).toEqual(['ephemeral: > Papers from 2016: 5 of 7, in list order']);
    expect(await lines('section:normalization', 1)).toEqual([
      'ephemeral: > Papers in Normalization Methods: 5 of 6, in list order',
    ]);
    expect(await lines('section:"Convergencec Analysis in Deep Learning"', 1)).toEqual([
      'ephemeral: > Papers in Convergencec Analysis in Deep Learning: 3, in list order',
    ]);
  });

  it('words with filters: the words quoted, the sections named', async () => {
    expect(await lines('momentum section:optimizers', 1)).toEqual([
      'ephemeral: > Best match for “momentum” in Popular Optimization algorithms or Constrained Optimization for Deep Learning',
    ]);
    expect(await lines('warm section:curriculum', 1)).toEqual([
      'ephemeral: > Top 5 for “warm” in Continuation Methods and Curriculum Learning, Multi-Task Learning with curricula or Reinforcement Learning and Curriculum',
    ]);
  });

  it('nothing found: no such section, nothing within the filters, nothing at all', async () => {
    expect(await lines('momentum zzqxv section:nowhere', 3)).toEqual([
      'ephemeral: No section matches “nowhere”.',
      'Closest in the list: *Momentum*, *Why Momentum really works?* or *On the importance of initialization and momentum in deep learning*',
      '> Browse with `/optpaper sections`, or see `/optpaper help`.',
    ]);
    expect(await lines('zzqxv section:optimizers')).toEqual([
      'ephemeral: No papers in Popular Optimization algorithms or Constrained Optimization for Deep Learning match “zzqxv”.',
      '> Browse with `/optpaper sections`, or see `/optpaper help`.',
    ]);
    expect(await lines('lookahead vs zzqxv')).toEqual([
      'ephemeral: No papers match “lookahead vs zzqxv”.',
      '> Browse with `/optpaper sections`, or see `/optpaper help`.',
    ]);
  });
});
