import { describe, expect, it } from 'vitest';
import { parseCatalog } from '../../src/catalog/parse.ts';
import { createSearch } from '../../src/search/search.ts';
import {
  discussionMessage,
  pickView,
  readingView,
  relatedPapers,
  weeklyPostMessage,
} from '../../src/weekly/messages.ts';
import { groupReadings } from '../../src/weekly/readings.ts';
import { upcomingPicks } from '../../src/weekly/rotation.ts';
import { replyLines } from '../support/replies.ts';
import { shippedCatalog } from '../support/shipped.ts';

const fresh = { posted: [], queued: [], skipped: [] };

/** Words of three letters or more, lower case. */
const titleWords = (title: string) =>
  title
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length >= 3);

describe('the discussion thread of a weekly post', () => {
  it('offers two or three related papers for every reading of a round of the shipped list, never the reading itself', () => {
    const catalog = shippedCatalog();
    const search = createSearch(catalog);
    const picks = upcomingPicks(catalog, groupReadings(catalog), fresh, 110);
    expect(picks).toHaveLength(110);
    for (const pick of picks) {
      const related = relatedPapers(pick, search).map((paper) => paper.id);
      expect({ title: pick.papers[0]?.title, count: related.length }).toEqual({
        title: pick.papers[0]?.title,
        count: expect.toSatisfy((count: number) => count >= 2 && count <= 3),
      });
      for (const id of related) expect(pick.reading.paperIds).not.toContain(id);
      expect(new Set(related).size).toBe(related.length);
      // Related, not just counted: each shares a section or a title word with the reading.
      const words = new Set(pick.papers.flatMap((paper) => titleWords(paper.title)));
      for (const paper of relatedPapers(pick, search)) {
        const near =
          paper.sections.some((name) => pick.reading.sections.includes(name)) ||
          titleWords(paper.title).some((word) => words.has(word));
        expect({ reading: pick.reading.key, related: paper.title, near }).toMatchObject({ near: true });
      }
    }
  });

  it.each([
    ['batchnorm', ['L2 Regularization versus Batch and Weight Normalization', 'Weight Norm']],
    [
      'curriculum-learning',
      [
        'Self-paced Curriculum Learning.',
        'Teacher-Student Curriculum Learning',
        'Curriculum Learning of Multiple Tasks.',
      ],
    ],
    [
      'sharp-minima-can-generalize-for-deep-nets',
      [
        'The Generalization Mystery: Sharp vs Flat Minima',
        'Adding One Neuron Can Eliminate All Bad Local Minima',
      ],
    ],
    // The search for "ADAM" finds ADAMAX, part of the reading itself: the section tops it up.
    ['adam', ['SGD', 'Momentum']],
  ])('relates %s to the papers on the same subject', (key, titles) => {
    const catalog = shippedCatalog();
    const pick = upcomingPicks(catalog, groupReadings(catalog), fresh, 110).find(
      (candidate) => candidate.reading.key === key,
    );
    if (!pick) throw new Error(`no pick ${key}`);
    expect(relatedPapers(pick, createSearch(catalog)).map((paper) => paper.title)).toEqual(titles);
  });

  it('tops up from the neighbouring sections when the search and the section find too little', () => {
    const catalog = parseCatalog(
      '## Lonely\n- [Zebra stripes](https://example.org/z)\n## Other\n- [Alpha](https://example.org/a)\n- [Beta](https://example.org/b)\n',
    );
    const [pick] = upcomingPicks(catalog, groupReadings(catalog), fresh, 1);
    if (!pick) throw new Error('the list has a first pick');
    expect(pick.papers[0]?.title).toBe('Zebra stripes');
    expect(relatedPapers(pick, createSearch(catalog)).map((paper) => paper.title)).toEqual(['Alpha', 'Beta']);
  });
});

describe('related papers when the search finds too few', () => {
  /** The related titles of the first pick of a list written in the test. */
  const relatedOf = (markdown: string, key: string) => {
    const catalog = parseCatalog(markdown);
    const pick = upcomingPicks(catalog, groupReadings(catalog), fresh, 20).find(
      (candidate) => candidate.reading.key === key,
    );
    if (!pick) throw new Error(`no pick ${key}`);
    return relatedPapers(pick, createSearch(catalog)).map((paper) => paper.title);
  };

  it("adds papers found by the section's name, then the next section's, stopping at two", () => {
    const markdown = [
      '## Other\n- [Alpha](https://example.org/a)\n- [Beta](https://example.org/b)',
      '## Momentum\n- [Zebra stripes](https://example.org/z)',
      '## More\n- [Gamma](https://example.org/c)\n- [Delta](https://example.org/d)\n- [Heavy ball momentum](https://example.org/h)',
    ].join('\n');
    expect(relatedOf(markdown, 'zebra-stripes')).toEqual(['Heavy ball momentum', 'Gamma']);
  });

  it('walks on to the sections after the next one, in list order, when the next adds nothing', () => {
    // Zebra is listed in Lonely and in Echo: Echo adds nothing new, Last does.
    const markdown = [
      '## First\n- [Alpha](https://example.org/a)\n- [Beta](https://example.org/b)',
      '## Lonely\n- [Zebra stripes](https://example.org/z)',
      '## Echo\n- [Zebra stripes](https://example.org/z)',
      '## Last\n- [Gamma](https://example.org/c)\n- [Delta](https://example.org/d)\n- [Epsilon](https://example.org/e)',
    ].join('\n');
    expect(relatedOf(markdown, 'zebra-stripes')).toEqual(['Gamma', 'Delta']);
  });
});

describe('the weekly post', () => {
  const catalog = shippedCatalog();
  const readings = groupReadings(catalog);
  const round = upcomingPicks(catalog, readings, fresh, 2);

  it('names every entry of a reading several entries point to, with its progress through the list', () => {
    const [first] = round;
    if (!first) throw new Error('the shipped list has a first pick');
    const message = weeklyPostMessage(first);
    expect(replyLines(message)).toEqual([
      'Paper of the week',
      '[SGD · Momentum · RMSProp · Optimization] One reading for 4 entries of the list, which all point to it.',
      'Section 1 of 14 · 1 of 110 readings so far',
      'Discuss it in the thread: notes, questions, disagreements.',
    ]);
    expect(message.text).toBe('Paper of the week: SGD · Momentum · RMSProp · Optimization');
    expect(message.visibility).toBe('in_channel');
    expect(message.blocks[1]).toMatchObject({
      type: 'paper',
      paper: {
        id: 'sgd',
        url: 'https://www.deeplearningbook.org/contents/optimization.html',
        sections: ['Popular Optimization algorithms', 'Tutorials, Surveys and Blogs'],
      },
      actions: [],
    });
  });

  it('shows one paper as itself, and says the round after the first and when the channel asked for it', () => {
    const [, second] = round;
    if (!second) throw new Error('the shipped list has a second pick');
    expect(replyLines(weeklyPostMessage(second)).slice(1, 3)).toEqual([
      '[BatchNorm]',
      'Section 2 of 14 · 2 of 110 readings so far',
    ]);
    expect(replyLines(weeklyPostMessage({ ...second, cycle: 2 }))[2]).toBe(
      'Section 2 of 14 · 2 of 110 readings so far · round 2',
    );
    expect(replyLines(weeklyPostMessage({ ...second, cycle: 3, queued: true }))[2]).toBe(
      'Section 2 of 14 · 2 of 110 readings so far · round 3 · asked for by the channel',
    );
  });

  it('opens the discussion with the related papers, or without them when there are none', () => {
    const [, second] = round;
    if (!second) throw new Error('the shipped list has a second pick');
    const search = createSearch(catalog);
    const discussion = discussionMessage(second, relatedPapers(second, search));
    expect(replyLines(discussion)).toEqual([
      'This thread is for BatchNorm. What is its main claim, and does the evidence hold up? What would you try next?',
      'Related in the list, to compare with:',
      '[L2 Regularization versus Batch and Weight Normalization]',
      '[Weight Norm]',
    ]);
    expect(discussion.text).toBe(
      'Discussion of BatchNorm; related: L2 Regularization versus Batch and Weight Normalization; Weight Norm',
    );
    expect(discussion.visibility).toBe('in_channel');
    const alone = discussionMessage(second, []);
    expect(replyLines(alone)).toHaveLength(1);
    expect(alone.text).toBe('Discussion of BatchNorm');
  });

  it('shows a reading whose papers all left the list by its key', () => {
    expect(readingView([], ['Gone'], 'old-key')).toEqual({
      id: 'old-key',
      title: 'old-key',
      sections: ['Gone'],
      otherLinks: [],
    });
  });

  it("lists the other links of every entry of a reading once (each entry's own main link is the shared one)", () => {
    const shared = parseCatalog(
      [
        '## Optimizers',
        '- ADAM [[Link]](https://arxiv.org/abs/1412.6980) [[Code]](https://github.com/x/adam) [[Talk]](https://youtu.be/adam)',
        '- ADAMAX [[Link]](https://arxiv.org/pdf/1412.6980v9.pdf) [[Code]](https://github.com/x/adam) [[Blog]](https://example.org/adamax)',
      ].join('\n'),
    );
    const [pick] = upcomingPicks(shared, groupReadings(shared), fresh, 1);
    if (!pick) throw new Error('the list has a pick');
    const view = pickView(pick);
    expect(view.title).toBe('ADAM · ADAMAX');
    expect(view.url).toBe('https://arxiv.org/abs/1412.6980');
    expect(view.otherLinks.map((link) => link.url)).toEqual([
      'https://github.com/x/adam',
      'https://youtu.be/adam',
      'https://example.org/adamax',
    ]);
    expect(view.note).toEqual(['One reading for 2 entries of the list, which all point to it.']);
  });
});
