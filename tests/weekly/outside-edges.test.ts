import { describe, expect, it } from 'vitest';
import { outsideId, outsidePaper, postsOutside, proposalIdOf } from '../../src/weekly/outside.ts';

describe('outside readings: the paper id of a proposal', () => {
  it('names proposal 7 `outside:7`, and reads 7 back from it', () => {
    expect(outsideId(7)).toBe('outside:7');
    expect(proposalIdOf(outsideId(7))).toBe(7);
    expect(proposalIdOf('outside:1234')).toBe(1234);
  });

  it.each([
    ['a slug of the list', 'adam'],
    ['a slug whose ninth character on is a number', 'mnist-1998'],
    ['a slug that merely contains the prefix', 'the-outside:3'],
    ['the prefix alone', 'outside:'],
    ['proposal 0', 'outside:0'],
    ['a negative number', 'outside:-2'],
    ['a fraction', 'outside:1.5'],
    ['words', 'outside:abc'],
    ['a number past 2^53', 'outside:9007199254740993'],
  ])('reads no proposal from %s (%s)', (_what, id) => {
    expect(proposalIdOf(id)).toBeUndefined();
  });
});

describe('outside readings as papers', () => {
  it('is one paper in no section, titled as proposed, with its link as a paper link', () => {
    const paper = outsidePaper({
      id: 'outside:3',
      title: 'Lion: Symbolic Discovery of Optimization Algorithms',
      url: 'https://arxiv.org/abs/2302.06675',
    });
    expect(paper).toEqual({
      id: 'outside:3',
      title: 'Lion: Symbolic Discovery of Optimization Algorithms',
      rawTitle: 'Lion: Symbolic Discovery of Optimization Algorithms',
      sections: [],
      links: [{ label: 'Paper', url: 'https://arxiv.org/abs/2302.06675', kind: 'paper', host: 'arxiv.org' }],
      lines: [],
    });
  });
});

describe('whether a posted item is an outside reading', () => {
  const reading = { id: 'outside:3', url: 'https://arxiv.org/abs/2302.06675' };

  it('is when the item posted its id', () => {
    expect(postsOutside(reading, { paperIds: ['adam', 'outside:3'], links: [] })).toBe(true);
  });

  it('is when the item posted its link in another form (the same paper proposed twice)', () => {
    expect(
      postsOutside(reading, { paperIds: ['outside:9'], links: ['https://arxiv.org/pdf/2302.06675v2.pdf'] }),
    ).toBe(true);
  });

  it('is not when neither its id nor its link was posted', () => {
    expect(
      postsOutside(reading, {
        paperIds: ['outside:9', 'outside:33'],
        links: ['https://arxiv.org/abs/2302.06676', 'https://example.org/outside:3'],
      }),
    ).toBe(false);
    expect(postsOutside(reading, { paperIds: [], links: [] })).toBe(false);
  });
});
