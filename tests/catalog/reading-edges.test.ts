import type { PhrasingContent } from 'mdast';
import { describe, expect, it } from 'vitest';
import { makeLink } from '../../src/catalog/links.ts';
import { inlinesOf, notAPaper, type ReadContext, toEntry } from '../../src/catalog/reading.ts';
import type { Diagnostic } from '../../src/catalog/types.ts';

const link = makeLink('PDF', 'https://example.org/adam.pdf');

describe('toEntry', () => {
  it('gives an entry only the fields the reading has', () => {
    expect(toEntry({ title: 'Adam', links: [link] }, 4, 'Optimizers')).toStrictEqual({
      line: 4,
      section: 'Optimizers',
      rawTitle: 'Adam',
      links: [link],
    });
  });

  it('keeps the description, the year and the short names of the reading', () => {
    expect(
      toEntry(
        { title: 'Adam', links: [link], description: 'Kingma and Ba', year: 2014, aliases: ['ADAM'] },
        9,
        'Optimizers',
      ),
    ).toStrictEqual({
      line: 9,
      section: 'Optimizers',
      rawTitle: 'Adam',
      links: [link],
      description: 'Kingma and Ba',
      year: 2014,
      aliases: ['ADAM'],
    });
  });
});

describe('notAPaper', () => {
  it('is a note, coded not-a-paper, on the line given', () => {
    expect(notAPaper(12, 'prose')).toStrictEqual({
      line: 12,
      severity: 'info',
      code: 'not-a-paper',
      message: 'prose',
    });
  });
});

describe('inlinesOf', () => {
  it('flattens the content, resolves references and reports its repairs in the context', () => {
    const diagnostics: Diagnostic[] = [];
    const context: ReadContext = {
      diagnostics,
      definitions: new Map([['adam', 'https://example.org/adam']]),
      sectionLines: new Map(),
    };
    const nodes: PhrasingContent[] = [
      { type: 'text', value: 'cafÃ© ' },
      {
        type: 'linkReference',
        identifier: 'adam',
        label: 'adam',
        referenceType: 'full',
        children: [{ type: 'text', value: 'Adam' }],
      },
    ];
    expect(inlinesOf(nodes, 3, context)).toEqual([
      { type: 'text', value: 'café ', line: 3 },
      { type: 'link', text: 'Adam', url: 'https://example.org/adam', line: 3, bare: false },
    ]);
    expect(diagnostics.map((diagnostic) => [diagnostic.line, diagnostic.code])).toEqual([[3, 'mojibake']]);
  });
});
