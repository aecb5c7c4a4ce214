import { describe, expect, it } from 'vitest';
import { parseCatalog } from '../../src/catalog/parse.ts';
import { listProgress } from '../../src/weekly/progress.ts';
import { groupReadings } from '../../src/weekly/readings.ts';

const catalog = parseCatalog(
  [
    '## Optimizers',
    '- [Adam](https://arxiv.org/abs/1412.6980)',
    '- [AdaMax](https://arxiv.org/pdf/1412.6980v9.pdf)',
    '- [Nadam](https://openreview.net/pdf?id=OM0jvwB8jIp57ZJjtNEZ)',
    '## Normalization',
    '- [BatchNorm](https://arxiv.org/abs/1502.03167)',
    '- [Weight Norm](http://papers.nips.cc/paper/6113-weight-normalization)',
    '## Both',
    '- [BatchNorm](https://arxiv.org/abs/1502.03167)',
    '',
  ].join('\n'),
);
const readings = groupReadings(catalog);

describe('progress through the list by section', () => {
  it('counts readings posted this round per section, a reading in two sections in both', () => {
    const progress = listProgress(catalog, readings, {
      posted: [
        {
          paperIds: ['adam', 'adamax'],
          links: ['https://arxiv.org/abs/1412.6980'],
          section: 'Optimizers',
          cycle: 1,
        },
        { paperIds: ['batchnorm'], links: [], section: 'Normalization', cycle: 1 },
      ],
      queued: [],
      skipped: [],
    });
    expect(progress).toEqual({
      cycle: 1,
      done: 2,
      total: 4,
      sections: [
        { section: 'Optimizers', done: 1, total: 2 },
        { section: 'Normalization', done: 1, total: 2 },
        { section: 'Both', done: 1, total: 1 },
      ],
    });
  });

  it('recognises a renamed paper by its link, and counts only the current round', () => {
    const progress = listProgress(catalog, readings, {
      posted: [
        {
          paperIds: ['nadam-old-name'],
          links: ['https://openreview.net/forum?id=OM0jvwB8jIp57ZJjtNEZ'],
          section: 'Optimizers',
          cycle: 2,
        },
        { paperIds: ['batchnorm'], links: [], section: 'Normalization', cycle: 1 },
      ],
      queued: [],
      skipped: [],
    });
    expect(progress.cycle).toBe(2);
    expect(progress.done).toBe(1);
    expect(progress.sections.map((section) => section.done)).toEqual([1, 0, 0]);
  });
});
