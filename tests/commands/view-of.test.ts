import { describe, expect, it } from 'vitest';
import { parseCatalog } from '../../src/catalog/parse.ts';
import { plainText, viewOf } from '../../src/commands/reply.ts';

const catalog = parseCatalog(
  [
    '#### Theory',
    '- Talk First [Video](https://www.youtube.com/watch?v=abc) [Code](https://github.com/ana/talk) [Paper](https://arxiv.org/abs/2001.00001)',
    '- Code Only [Code](https://github.com/ana/code-only)',
    '- A Blog Post [Link](https://example.org/post)',
  ].join('\n'),
);
const paper = (title: string) => {
  const found = catalog.papers.find((candidate) => candidate.title === title);
  if (!found) throw new Error(`no ${title}`);
  return found;
};

describe('viewOf', () => {
  it('the main link is the first that is neither code nor a video; the others follow', () => {
    const view = viewOf(paper('Talk First'));
    expect(view.url).toBe('https://arxiv.org/abs/2001.00001');
    expect(view.otherLinks.map((link) => link.kind)).toEqual(['video', 'code']);
    expect(view.arxivId).toBe('2001.00001');
  });

  it('with only code, the code is the main link', () => {
    const view = viewOf(paper('Code Only'));
    expect(view.url).toBe('https://github.com/ana/code-only');
    expect(view.otherLinks).toEqual([]);
  });

  it('no year, arXiv id or note: no such key at all', () => {
    const view = viewOf(paper('A Blog Post'));
    expect(Object.keys(view).sort()).toEqual(['id', 'otherLinks', 'sections', 'title', 'url']);
    expect(Object.keys(viewOf(paper('Talk First'), ['queued'])).sort()).toEqual([
      'arxivId',
      'id',
      'note',
      'otherLinks',
      'sections',
      'title',
      'url',
      'year',
    ]);
  });

  it('plainText: users as @id, channels as #id, links as their text', () => {
    expect(
      plainText([
        'See ',
        { channel: 'C0READING' },
        ' and ',
        { user: 'U0ANA' },
        ': ',
        { text: 'BatchNorm', url: 'https://arxiv.org/abs/1502.03167' },
      ]),
    ).toBe('See #C0READING and @U0ANA: BatchNorm');
  });
});
