import { describe, expect, it } from 'vitest';
import { parseCatalog } from '../../src/catalog/parse.ts';
import type { CommandContext } from '../../src/commands/context.ts';
import { runCommand } from '../../src/commands/dispatch.ts';
import type { Reply } from '../../src/commands/reply.ts';
import { createSearch } from '../../src/search/search.ts';
import { type SlackBlock, slackLimits, toSlackMessage } from '../../src/slack/blocks.ts';

/** A list built to break limits: one huge section, titles of 1,200 characters, many links. */
function hugeContext(): CommandContext {
  const long = 'Stochastic gradient descent with momentum '.repeat(30).trim();
  const items = Array.from(
    { length: 400 },
    (_, i) =>
      `- ${long} number ${i} [Link](https://example.org/${i}) [Code](https://github.com/x/${i}) [Talk](https://vimeo.com/${i}) [Blog](https://example.org/blog/${i})`,
  );
  const catalog = parseCatalog(
    `## ${'A very long section name '.repeat(12)}\n${items.join('\n')}\n## Small\n- Short [Link](https://example.org/s)\n` +
      `## ${'Optimization 😀 '.repeat(170)}\n- ${'Emoji title 😀 '.repeat(30)}[Link](https://example.org/e)\n`,
  );
  return {
    search: createSearch(catalog),
    channel: { id: 'C0' },
    user: { id: 'U0' },
    now: new Date(),
    random: () => 0.5,
  };
}

function texts(block: SlackBlock): string[] {
  const found: string[] = [];
  const walk = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (typeof record.text === 'string') found.push(record.text);
      Object.values(record).forEach(walk);
    }
  };
  walk(block);
  return found;
}

/** Each block as `type: its first text` (50 characters at most), `+Share` when a Share button sits beside it. */
function outline(blocks: readonly SlackBlock[]): string[] {
  return blocks.map((block) => {
    const [first = ''] = texts(block);
    const button = block.accessory ? `+${texts(block.accessory as SlackBlock)[0]}` : '';
    const characters = [...first];
    return `${block.type}${button}: ${characters.length > 50 ? `${characters.slice(0, 50).join('')}…` : first}`;
  });
}

function expectWithinLimits(reply: Reply): SlackBlock[] {
  const { blocks, text } = toSlackMessage(reply);
  expect(blocks.length).toBeLessThanOrEqual(slackLimits.blocks);
  expect(text.length).toBeLessThanOrEqual(slackLimits.fallbackText);
  let total = 0;
  for (const block of blocks) {
    for (const value of texts(block)) {
      const limit = block.type === 'context' ? slackLimits.contextText : slackLimits.sectionText;
      expect(value.length).toBeLessThanOrEqual(limit);
      // Never half a character: a lone surrogate is not valid text for Slack.
      expect(value).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
      total += value.length;
    }
    const elements = [
      ...((block.elements as SlackBlock[]) ?? []),
      ...(block.accessory ? [block.accessory as SlackBlock] : []),
    ];
    for (const element of elements.filter((candidate) => candidate.type === 'button')) {
      expect((element.text as { text: string }).text.length).toBeLessThanOrEqual(slackLimits.buttonText);
      expect(String(element.value).length).toBeLessThanOrEqual(slackLimits.buttonValue);
    }
    if (block.type === 'header')
      expect(texts(block)[0]?.length ?? 0).toBeLessThanOrEqual(slackLimits.headerText);
  }
  expect(total).toBeLessThanOrEqual(slackLimits.messageText);
  return blocks;
}

describe('replies within Slack limits, on a list built to break them', () => {
  const context = hugeContext();

  const paper = (n: number) => {
    const start = [...`*<https://example.org/${n}|Stochastic gradient descent with momentum`].slice(0, 50);
    return `section+Share: ${start.join('')}…`;
  };
  const emojiPaper = 'section+Share: *<https://example.org/e|Emoji title 😀 Emoji title …';
  it.each([
    [
      'section 1',
      [
        'header: A very long section name A very long section name …',
        'context: Section 1 of 3 · 400 papers · page 1 of 40',
        ...[0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map(paper),
        'actions: Next ▶',
      ],
    ],
    [
      'sections',
      [
        'header: 3 sections · 402 papers',
        'section: 1. *A very long section name A very long section n…',
        'section: 3. *Optimization 😀 Optimization 😀 Optimization 😀 O…',
        'context: 402 entries in the list. Open one with `/optpaper …',
      ],
    ],
    ['stochastic momentum', ['context: Top 5 for “stochastic momentum”', ...[0, 1, 2, 3, 4].map(paper)]],
    ['random', ['context: Random pick from all 3 sections', paper(201)]],
    [
      'help',
      [
        'header: optpaper: papers on optimization for deep learning',
        'section: `/optpaper &lt;words&gt;` — search the list (typos…',
        'section: `@optpaper &lt;words&gt;` in a channel or a thread…',
        'context: Try `/optpaper sharp minima`, `/optpaper curiculum…',
      ],
    ],
    [
      'section 2',
      [
        'header: Small',
        'context: Section 2 of 3 · 1 paper',
        'section+Share: *<https://example.org/s|Short>*\n_Small_',
      ],
    ],
    [
      'section 3',
      [
        'header: Optimization 😀 Optimization 😀 Optimization 😀 Optim…',
        'context: Section 3 of 3 · 1 paper',
        emojiPaper,
      ],
    ],
    ['random 3', ['context: Random pick from “Optimization 😀 Optimization 😀 Op…', emojiPaper]],
    ['emoji title', ['context: Best match for “emoji title”', emojiPaper]],
  ])('/optpaper %s fits, and says what it should', async (text, expected) => {
    expect(outline(expectWithinLimits(await runCommand(text, context)))).toEqual(expected);
  });

  it('cuts a 1,200-character title for reading, and pages a 400-paper section with Next', async () => {
    const blocks = expectWithinLimits(await runCommand('section 1', context));
    const first = texts(blocks.find((block) => block.type === 'section') ?? {})[0] ?? '';
    expect(first).toMatch(/^\*<https:\/\/example\.org\/0\|Stochastic gradient descent with momentum .*…>\*/);
    expect(JSON.stringify(blocks)).toContain('page 1 of 40');
    expect(JSON.stringify(blocks)).toContain('Next ▶');
  });

  it('says how many papers were left out when a reply would not fit', () => {
    const reply = {
      text: 'many',
      visibility: 'ephemeral',
      blocks: Array.from({ length: 80 }, (_, i) => ({ type: 'text', text: [`line ${i}`] })),
    } as const;
    const blocks = expectWithinLimits(reply as unknown as Reply);
    expect(blocks).toHaveLength(slackLimits.blocks);
    expect(texts(blocks.at(-2) ?? {})).toEqual(['line 48']);
    expect(texts(blocks.at(-1) ?? {})).toEqual([
      'The rest did not fit in one Slack message: narrow the search, or open a section page by page.',
    ]);
  });

  it('counts the papers left out, and says how to reach sections that did not fit', async () => {
    const manyPapers = {
      text: 'many',
      visibility: 'ephemeral',
      blocks: Array.from({ length: 60 }, (_, i) => ({
        type: 'paper',
        paper: { id: `p${i}`, title: `Paper ${i}`, sections: [], otherLinks: [] },
        actions: [],
      })),
    } as const;
    const cut = expectWithinLimits(manyPapers as unknown as Reply);
    expect(texts(cut.at(-1) ?? {})).toEqual([
      '11 more papers not shown: narrow the search, or open a section page by page.',
    ]);

    const headings = Array.from(
      { length: 600 },
      (_, i) => `## Section number ${i} of a very long list\n- [Paper ${i}](https://example.org/${i})`,
    );
    const many = { ...context, search: createSearch(parseCatalog(headings.join('\n'))) };
    const blocks = expectWithinLimits(await runCommand('sections', many));
    expect(texts(blocks.at(-1) ?? {})).toEqual([
      'The rest did not fit in one Slack message: open any section by its number with /optpaper section &lt;number&gt;.',
    ]);
  });
});
