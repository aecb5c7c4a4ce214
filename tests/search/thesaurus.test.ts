import { describe, expect, it } from 'vitest';
import { parseCatalog } from '../../src/catalog/parse.ts';
import { createSearch } from '../../src/search/search.ts';

/** A small list of another field, with a thesaurus of its own. */
const list = `# Reading list

\`\`\`thesaurus
# names of one idea, each finding the others
protein folding = structure prediction
# an idea, then words of papers about it
sequence models: transformer, lstm
just one name
 = nameless
too long: ${'x'.repeat(90)}
\`\`\`

## Papers
- Highly accurate protein structure prediction with AlphaFold [Link](https://example.org/1)
- Attention is all you need: the Transformer [Link](https://example.org/2)
- Learning to fold proteins with energy landscapes [Link](https://example.org/3)
- A study of LSTM forget gates [Link](https://example.org/4)
- Gradient noise in a cooking robot [Link](https://example.org/5)
`;

const catalog = parseCatalog(list);
const search = createSearch(catalog);
const titles = (query: string) => search.search(query).map((hit) => hit.paper.title);

describe('a list that brings its own thesaurus (a ```thesaurus block)', () => {
  it('reads each line with its line number', () => {
    expect(catalog.thesaurus).toEqual([
      { names: ['protein folding', 'structure prediction'], members: [], line: 5 },
      { names: ['sequence models'], members: ['transformer', 'lstm'], line: 7 },
    ]);
  });

  it('reports the lines it cannot read, for check, and reads the papers as before', () => {
    expect(
      catalog.diagnostics
        .filter((diagnostic) => /thesaurus/.test(diagnostic.message))
        .map(({ line, severity, code }) => [line, severity, code]),
    ).toEqual([
      [8, 'warning', 'unreadable-item'],
      [9, 'warning', 'unreadable-item'],
      [10, 'warning', 'unreadable-item'],
    ]);
    expect(catalog.papers).toHaveLength(5);
  });

  it('names of one idea find each other', () => {
    expect(titles('protein folding')[0]).toBe('Highly accurate protein structure prediction with AlphaFold');
    expect(titles('structure prediction')[0]).toBe(
      'Highly accurate protein structure prediction with AlphaFold',
    );
  });

  it('an idea finds the papers of its words, and a word does not find the others', () => {
    expect(titles('sequence models').sort()).toEqual([
      'A study of LSTM forget gates',
      'Attention is all you need: the Transformer',
    ]);
    expect(titles('lstm')).toEqual(['A study of LSTM forget gates']);
  });

  it('the field thesaurus applies too, and a list without a block has no thesaurus', () => {
    expect(parseCatalog('## A\n- Adam [Link](https://example.org/a)\n').thesaurus).toBeUndefined();
    const plain = createSearch(
      parseCatalog('## A\n- Adam [Link](https://example.org/a)\n- Cooking [Link](https://example.org/b)\n'),
    );
    expect(plain.search('adaptive learning rate').map((hit) => hit.paper.title)).toEqual(['Adam']);
  });
});
