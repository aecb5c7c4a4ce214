import { describe, expect, it } from 'vitest';
import { parseCatalog } from '../../src/catalog/parse.ts';
import { groupReadings } from '../../src/weekly/readings.ts';
import { shippedCatalog } from '../support/shipped.ts';

const catalog = shippedCatalog();
const readings = groupReadings(catalog);

describe('groupReadings on the shipped list', () => {
  it('makes 110 readings of the 114 papers', () => {
    expect(catalog.papers).toHaveLength(114);
    expect(readings).toHaveLength(110);
  });

  it('puts every paper in exactly one reading, readings in list order of their first paper', () => {
    const ids = readings.flatMap((reading) => reading.paperIds);
    expect(ids.toSorted()).toEqual(catalog.papers.map((paper) => paper.id).toSorted());
    const firstPositions = readings.map((reading) =>
      catalog.papers.findIndex((paper) => paper.id === reading.paperIds[0]),
    );
    expect(firstPositions).toEqual(firstPositions.toSorted((a, b) => a - b));
    expect(readings.map((reading) => reading.key)).toEqual(readings.map((reading) => reading.paperIds[0]));
  });

  it('makes SGD, Momentum, RMSProp and "Optimization" one reading of the book chapter, in two sections', () => {
    expect(readings.find((reading) => reading.key === 'sgd')).toEqual({
      key: 'sgd',
      paperIds: ['sgd', 'momentum', 'rmsprop', 'optimization'],
      links: ['https://deeplearningbook.org/contents/optimization.html'],
      identityLinks: ['https://deeplearningbook.org/contents/optimization.html'],
      sections: ['Popular Optimization algorithms', 'Tutorials, Surveys and Blogs'],
    });
  });

  it('makes ADAM and ADAMAX one reading of the Adam paper', () => {
    expect(readings.find((reading) => reading.key === 'adam')).toEqual({
      key: 'adam',
      paperIds: ['adam', 'adamax'],
      links: ['https://arxiv.org/abs/1412.6980'],
      identityLinks: ['https://arxiv.org/abs/1412.6980'],
      sections: ['Popular Optimization algorithms'],
    });
  });

  it('keeps a paper listed in two sections as one reading with both sections', () => {
    const key = 'a-convergence-theory-for-deep-learning-via-over-parameterization';
    expect(readings.find((reading) => reading.key === key)).toEqual({
      key,
      paperIds: [key],
      links: [
        'https://arxiv.org/abs/1811.03962',
        'https://proceedings.mlr.press/v97/allen-zhu19a/allen-zhu19a.pdf',
      ],
      identityLinks: [
        'https://arxiv.org/abs/1811.03962',
        'https://proceedings.mlr.press/v97/allen-zhu19a/allen-zhu19a.pdf',
      ],
      sections: [
        'On Convexity and Generalization of Neural Networks',
        'Convergencec Analysis in Deep Learning',
      ],
    });
  });

  it('keeps code and talk links in `links` but not in `identityLinks`', () => {
    const adabound = readings.find((reading) => reading.key === 'adabound');
    expect(adabound?.links).toEqual([
      'https://arxiv.org/abs/1902.09843',
      'https://github.com/Luolc/AdaBound',
    ]);
    expect(adabound?.identityLinks).toEqual(['https://arxiv.org/abs/1902.09843']);
  });
});

describe('groupReadings on small lists', () => {
  const grouped = (markdown: string) =>
    groupReadings(parseCatalog(markdown)).map((reading) => ({
      key: reading.key,
      paperIds: reading.paperIds,
      sections: reading.sections,
    }));

  it('treats the arXiv abs, pdf and versioned forms of one paper as one link', () => {
    const markdown = [
      '#### Papers',
      '- First view [Link](https://arxiv.org/abs/1412.6980)',
      '- Second view [Link](https://arxiv.org/pdf/1412.6980v9.pdf)',
      '- Third view [Link](http://www.arxiv.org/pdf/1412.6980)',
      '- Unrelated [Link](https://arxiv.org/abs/1502.03167)',
    ].join('\n');
    expect(grouped(markdown)).toEqual([
      { key: 'first-view', paperIds: ['first-view', 'second-view', 'third-view'], sections: ['Papers'] },
      { key: 'unrelated', paperIds: ['unrelated'], sections: ['Papers'] },
    ]);
  });

  it('does not merge two papers that share only a GitHub repository or a talk', () => {
    const markdown = [
      '#### Papers',
      '- Paper one [Link](https://arxiv.org/abs/2001.00001) [Github](https://github.com/org/shared)',
      '- Paper two [Link](https://arxiv.org/abs/2001.00002) [Github](https://github.com/org/shared)',
      '- Paper three [Link](https://arxiv.org/abs/2001.00003) [Talk](https://vimeo.com/1)',
      '- Paper four [Link](https://arxiv.org/abs/2001.00004) [Talk](https://vimeo.com/1)',
    ].join('\n');
    expect(grouped(markdown).map((reading) => reading.paperIds)).toEqual([
      ['paper-one'],
      ['paper-two'],
      ['paper-three'],
      ['paper-four'],
    ]);
  });

  it('merges transitively, and lists sections in catalog order whatever the papers’ order', () => {
    const markdown = [
      '#### First',
      '- Bridge [Link](https://example.org/a) [Link](https://example.org/b)',
      '#### Second',
      '- Left [Link](https://example.org/a)',
      '#### Third',
      '- Right [Link](https://example.org/b/)',
      '- Alone [Link](https://example.org/c)',
    ].join('\n');
    expect(grouped(markdown)).toEqual([
      { key: 'bridge', paperIds: ['bridge', 'left', 'right'], sections: ['First', 'Second', 'Third'] },
      { key: 'alone', paperIds: ['alone'], sections: ['Third'] },
    ]);
  });

  it('gives no readings for an empty list', () => {
    expect(groupReadings(parseCatalog(''))).toEqual([]);
  });
});
