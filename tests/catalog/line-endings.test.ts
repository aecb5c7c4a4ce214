import { describe, expect, it } from 'vitest';
import { markdownDefaults } from '../../src/catalog/markdown.ts';
import { parseCatalog } from '../../src/catalog/parse.ts';

/**
 * A list long enough to be parsed in pieces, with a fenced block holding a heading right where a piece
 * could be cut: read with the fence missed, the code's heading would become a section and its closing
 * fence would open a block that swallows the rest of the list.
 */
function longList(): string {
  const papers = Array.from(
    { length: 520 },
    (_, index) =>
      `- [A paper on the optimisation of deep networks, number ${index} of the list](https://example.org/papers/optimisation-of-deep-networks/${index})`,
  );
  return [
    '# Reading list',
    '',
    '## Optimisers',
    '',
    ...papers,
    '',
    '```',
    '## Not a section',
    '```',
    '',
    '## Theory',
    '',
    '- [Sharp minima can generalize for deep nets](https://arxiv.org/abs/1703.04933)',
    '',
  ].join('\n');
}

describe('a list saved with other line endings', () => {
  it('reads a long list with Windows (CRLF) or classic Mac OS (CR) line endings as the same list', () => {
    const list = longList();
    expect(list.length).toBeGreaterThan(markdownDefaults.chunkAbove);
    const lf = parseCatalog(list);
    expect(lf.sections.map((section) => [section.name, section.paperIds.length])).toEqual([
      ['Optimisers', 520],
      ['Theory', 1],
    ]);
    expect(parseCatalog(list.replaceAll('\n', '\r\n'))).toEqual(lf);
    // Classic Mac OS line endings, read by the same passes.
    expect(parseCatalog(list.replaceAll('\n', '\r'))).toEqual(lf);
  });

  it('reads a lone carriage return (classic Mac OS) as a line break', () => {
    const list =
      '## Theory\r\r- [Sharp minima](https://arxiv.org/abs/1703.04933)\r- [Flat minima](https://example.org/flat)\r';
    const catalog = parseCatalog(list);
    expect(catalog.papers.map((paper) => [paper.title, paper.lines])).toEqual([
      ['Sharp minima', [3]],
      ['Flat minima', [4]],
    ]);
    expect(catalog).toEqual(parseCatalog(list.replaceAll('\r', '\n')));
  });
});
