import { describe, expect, it } from 'vitest';
import { parseCatalog } from '../../src/catalog/parse.ts';
import { createSearch } from '../../src/search/search.ts';
import { listOf } from '../support/small-list.ts';

const names = (sections: readonly { name: string }[]) => sections.map((section) => section.name);
const titlesOf = (hits: readonly { paper: { title: string } }[]) => hits.map((hit) => hit.paper.title);

describe('section names', () => {
  const search = createSearch(
    listOf({
      'Curriculum learning': ['Baby steps | https://example.org/1'],
      'Curriculum for reinforcement learning': ['Teacher student | https://example.org/2'],
      'Learning rate schedules': ['Warm restarts | https://example.org/3'],
      // Adam is an adaptive learning rate method (the thesaurus): "learning" reaches this name, weakly.
      'Adam variants': ['Decoupled weight decay | https://example.org/4'],
      Optimization: ['Lookahead | https://example.org/5'],
      'Optimization for deep learning': ['Shampoo | https://example.org/6'],
      'Speedups 2x': ['Fused kernels | https://example.org/7'],
      'Layer x2 tricks': ['Wider layers | https://example.org/8'],
    }),
  );

  it('an exact name, in any case, is that section alone, though a longer name holds it too', () => {
    expect(names(search.findSections('Optimization'))).toEqual(['Optimization']);
    expect(names(search.findSections('OPTIMIZATION'))).toEqual(['Optimization']);
    expect(search.findSection('optimization')?.name).toBe('Optimization');
  });

  it('a name that matches several takes those about as good as the best, not the weak matches', () => {
    expect(names(search.findSections('learning'))).toEqual([
      'Curriculum learning',
      'Learning rate schedules',
      'Curriculum for reinforcement learning',
      'Optimization for deep learning',
    ]);
    // The same sections as a filter, in list order.
    expect(names(search.answer('section:learning').sections)).toEqual([
      'Curriculum learning',
      'Curriculum for reinforcement learning',
      'Learning rate schedules',
      'Optimization for deep learning',
    ]);
  });

  it('finds a section by a name of the concept it is about (the thesaurus)', () => {
    // No word of the section's name is in the query: only the concept links them.
    expect(names(search.findSections('adaptive gradient method'))).toEqual(['Adam variants']);
  });

  it('reads a name with digits and letters ("2x", "x2") as a name, not a number', () => {
    expect(search.findSection('2x')?.name).toBe('Speedups 2x');
    expect(names(search.findSections('2x'))).toEqual(['Speedups 2x']);
    expect(search.findSection('x2')?.name).toBe('Layer x2 tricks');
    expect(names(search.findSections('x2'))).toEqual(['Layer x2 tricks']);
  });

  it('a blank name designates no section, even on a list with an untitled heading', () => {
    const untitled = parseCatalog(
      '## Opt\n- Adam [Link](https://example.org/1)\n\n####\n- Lookahead [Link](https://example.org/2)\n',
    );
    expect(names(untitled.sections)).toEqual(['Opt', '']);
    const withUntitled = createSearch(untitled);
    expect(withUntitled.findSections('')).toEqual([]);
    expect(withUntitled.findSections(' \u200b ')).toEqual([]);
    expect(withUntitled.findSection('  ')).toBeUndefined();
  });
});

describe('how an answer reads the query', () => {
  const search = createSearch(
    listOf({
      Optimizers: [
        'Adaptive moment estimation | https://arxiv.org/abs/1412.6980',
        'Momentum methods | https://example.org/momentum',
        'Lookahead | https://example.org/lookahead',
      ],
      Theory: [
        'Sharp minima | https://arxiv.org/abs/1703.04933',
        'Weight norm | https://example.org/weight-norm',
      ],
    }),
  );

  it('a filter naming no section answers nothing, and reports no word unknown', () => {
    const found = search.answer('momentum zzqxv section:nowhere');
    expect(found.unknownSections).toEqual(['nowhere']);
    expect([found.hits, found.unknown, found.words, found.parts]).toEqual([[], [], '', []]);
  });

  it('a blank section option is no filter; another is taken trimmed', () => {
    const blank = search.answer('momentum', { section: '  ' });
    expect(titlesOf(blank.hits)).toEqual(['Momentum methods']);
    expect([blank.sections, blank.unknownSections]).toEqual([[], []]);
    expect(search.answer('momentum', { section: ' nowhere ' }).unknownSections).toEqual(['nowhere']);
  });

  it('a query of stop words only, with or without connectors, has no words and no parts', () => {
    for (const query of ['the of', 'the / of', 'to and from']) {
      const found = search.answer(query);
      expect([found.words, found.parts, found.hits]).toEqual(['', [], []]);
    }
  });

  it('the words searched have the filters taken out and single spaces between them', () => {
    expect(search.answer('momentum 2017 methods').words).toBe('momentum methods');
    expect(search.answer('momentum section:optimizers  methods').words).toBe('momentum methods');
  });

  it('a hit carries the parts it matched only for a question in several parts', () => {
    const [plain] = search.answer('lookahead').hits;
    expect(plain?.paper.title).toBe('Lookahead');
    expect(plain).not.toHaveProperty('matched');
    const [first] = search.answer('lookahead vs momentum').hits;
    expect(first?.matched).toEqual(['lookahead']);
  });

  it('reports the unknown words of a question in parts', () => {
    const found = search.answer('lookahead vs momentum bananas');
    expect(found.parts).toEqual(['lookahead', 'momentum bananas']);
    expect(found.unknown).toEqual(['bananas']);
    expect(titlesOf(found.hits)).toEqual(['Lookahead', 'Momentum methods']);
    // A part of unknown words only matches nothing.
    const nonsense = search.answer('lookahead vs zzqxv');
    expect(nonsense.unmatched).toEqual(['zzqxv']);
    expect(titlesOf(nonsense.hits)).toEqual(['Lookahead']);
  });

  it('a link to no paper of the list names none; the words around it are still searched', () => {
    expect(titlesOf(search.answer('https://example.org/not-listed lookahead').hits)).toEqual(['Lookahead']);
    expect(search.answer('https://example.org/not-listed').hits).toEqual([]);
  });

  it('papers named that fill the answer leave the words unsearched; with room, the words are searched', () => {
    const full = search.answer('1412.6980 lookahead vs momentum bananas', { limit: 1 });
    expect(titlesOf(full.hits)).toEqual(['Adaptive moment estimation']);
    expect([full.parts, full.unknown]).toEqual([[], []]);
    const room = search.answer('1412.6980 lookahead vs momentum bananas', { limit: 2 });
    expect(titlesOf(room.hits)).toEqual(['Adaptive moment estimation', 'Lookahead']);
    expect([room.parts, room.unknown]).toEqual([['lookahead', 'momentum bananas'], ['bananas']]);
  });

  it('a paper named with a filter and no words is the answer alone: the filter adds none of its papers', () => {
    const found = search.answer('1412.6980 section:optimizers');
    expect(titlesOf(found.hits)).toEqual(['Adaptive moment estimation']);
    expect(found.filtered).toBe(3);
  });

  it('a year no paper is of: the undated papers only for words they match, never for the year alone', () => {
    const undated = search.answer('weight norm 2016');
    expect(undated.undated).toBe(true);
    expect(titlesOf(undated.hits)).toEqual(['Weight norm']);
    // No undated paper matches: no answer, and none claimed from the undated papers.
    const unmatched = search.answer('sharp minima 2016');
    expect([unmatched.hits, unmatched.undated]).toEqual([[], undefined]);
    // A year alone lists that year's papers; there are none, and the undated ones are not offered.
    const alone = search.answer('2016');
    expect([alone.hits, alone.undated, alone.years, alone.filtered]).toEqual([[], undefined, [2016], 0]);
  });
});

describe('no paper holds every word', () => {
  it('answers with the best for each of the first eight words, the rest left out', () => {
    const methods = [
      'adam',
      'lookahead',
      'nesterov',
      'momentum',
      'shampoo',
      'sophia',
      'lion',
      'muon',
      'adagrad',
    ];
    const search = createSearch(
      listOf({ Methods: methods.map((method, at) => `${method} | https://example.org/${at}`) }),
    );
    const found = search.answer(methods.join(' '), { limit: 10 });
    expect(found.parts).toEqual(methods.slice(0, 8));
    expect(titlesOf(found.hits).sort()).toEqual(methods.slice(0, 8).sort());
  });
});

describe('what a paper has besides its title', () => {
  const search = createSearch(
    parseCatalog(`## Opt
- Lookahead optimizer [Link](https://example.org/lookahead) - wraps an inner stepper
- Adam [Paper](https://arxiv.org/abs/1412.6980) [Code](https://github.com/x/adam) [Talk](https://youtube.com/watch?v=1)
- Momentum [Blog](https://distill.pub/2017/momentum/)
`),
  );
  const titles = (query: string) => titlesOf(search.search(query));

  it('finds a paper by a word of its description', () => {
    expect(titles('stepper')).toEqual(['Lookahead optimizer']);
  });

  it('finds a paper by what its other links are, in words their addresses do not hold', () => {
    expect(titles('implementation')).toEqual(['Adam']);
    expect(titles('lecture')).toEqual(['Adam']);
    expect(titles('blog post')).toEqual(['Momentum']);
  });

  it('suggests for each part of a question', () => {
    expect(search.suggest('lookahead vs momentum').sort()).toEqual(['Lookahead optimizer', 'Momentum']);
  });
});
