import { describe, expect, it } from 'vitest';
import { parseCatalog } from '../../src/catalog/parse.ts';
import type { CommandContext } from '../../src/commands/context.ts';
import { runCommand } from '../../src/commands/dispatch.ts';
import { readSectionPage, sectionReply } from '../../src/commands/section.ts';
import { count, sectionsReply } from '../../src/commands/sections.ts';
import { createSearch } from '../../src/search/search.ts';
import { toSlackMessage } from '../../src/slack/blocks.ts';
import { replyLines } from '../support/replies.ts';

/** `## name` followed by `count` papers titled `<prefix> 1`, `<prefix> 2`… */
const section = (name: string, prefix: string, papers: number) =>
  [
    `## ${name}`,
    ...Array.from(
      { length: papers },
      (_, i) => `- [${prefix} ${i + 1}](https://example.org/${prefix}/${i + 1})`,
    ),
  ].join('\n');

/** Many holds 25 papers (three pages), Ten exactly one page, Eleven one more; Solo lists a paper of Many too. */
const markdown = [
  section('Many', 'Many', 25),
  section('Ten', 'Ten', 10),
  section('Eleven', 'Eleven', 11),
  '## Solo\n- [Many 3](https://example.org/Many/3)',
].join('\n');

const contextOf = (text: string): CommandContext => ({
  search: createSearch(parseCatalog(text)),
  channel: { id: 'D0ALICE' },
  user: { id: 'U0ALICE' },
  now: new Date('2026-11-29T12:00:00Z'),
  random: () => 0,
});
const context = contextOf(markdown);
const titles = (prefix: string, from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `[${prefix} ${from + i}]`);

describe('/optpaper sections', () => {
  it('lists every section with its number and paper count, and how to open one', () => {
    const reply = sectionsReply(context);
    expect(replyLines(reply)).toEqual([
      '4 sections · 46 papers',
      '1. Many — 25 papers\n2. Ten — 10 papers\n3. Eleven — 11 papers\n4. Solo — 1 paper\n',
      '47 entries in the list. Open one with /optpaper section <number or name>.',
    ]);
    expect(reply.text).toBe('4 sections, 46 papers');
    expect(reply.overflowHint).toBe('open any section by its number with /optpaper section <number>');
    // Section names in bold: they are list text, never markup.
    expect(reply.blocks[1]).toMatchObject({ text: expect.arrayContaining([{ text: 'Solo', bold: true }]) });
  });

  it('shows section names in bold and the way to open one as code, in Slack', () => {
    const blocks = toSlackMessage(sectionsReply(context)).blocks.map((block) => JSON.stringify(block));
    expect(blocks[1]).toContain('1. *Many* — 25 papers');
    expect(blocks[2]).toContain(
      '47 entries in the list. Open one with `/optpaper section &lt;number or name&gt;`.',
    );
  });

  it('puts 20 sections in a block, and the 21st in the next', () => {
    const many = contextOf(
      Array.from({ length: 21 }, (_, i) => section(`S${i + 1}`, `P${i + 1}`, 1)).join('\n'),
    );
    const lines = replyLines(sectionsReply(many));
    expect(lines).toHaveLength(4);
    expect(lines[1]?.split('\n').slice(0, 20)).toEqual(
      Array.from({ length: 20 }, (_, i) => `${i + 1}. S${i + 1} — 1 paper`),
    );
    expect(lines[2]).toBe('21. S21 — 1 paper\n');
  });

  it('puts exactly 20 sections in one block', () => {
    const twenty = contextOf(
      Array.from({ length: 20 }, (_, i) => section(`S${i + 1}`, `P${i + 1}`, 1)).join('\n'),
    );
    expect(replyLines(sectionsReply(twenty)).map((line) => line.split('\n').length)).toEqual([1, 21, 1]);
  });

  it('counts with the right noun', () => {
    expect([count(0), count(1), count(2), count(1, 'reading'), count(3, 'reading')]).toEqual([
      '0 papers',
      '1 paper',
      '2 papers',
      '1 reading',
      '3 readings',
    ]);
  });
});

describe('/optpaper section, a page at a time', () => {
  const pager = (reply: ReturnType<typeof sectionReply>) =>
    reply.blocks.filter((block) => block.type === 'actions');

  it('shows the first ten papers of a long section, counted, with Next', () => {
    const reply = sectionReply('many', context);
    expect(replyLines(reply)).toEqual([
      'Many',
      'Section 1 of 4 · 25 papers · page 1 of 3',
      ...titles('Many', 1, 10),
      'actions',
    ]);
    expect(reply.text).toBe('Many: 25 papers (page 1 of 3)');
    expect(pager(reply)).toEqual([
      {
        type: 'actions',
        actions: [
          { id: 'section_page', label: 'Next ▶', value: '{"section":"Many","page":2}', style: 'primary' },
        ],
      },
    ]);
  });

  it('shows a middle page with Previous and Next, and the last page with Previous only', () => {
    const middle = sectionReply('Many', context, 2);
    expect(replyLines(middle).slice(1, -1)).toEqual([
      'Section 1 of 4 · 25 papers · page 2 of 3',
      ...titles('Many', 11, 20),
    ]);
    expect(pager(middle)).toEqual([
      {
        type: 'actions',
        actions: [
          { id: 'section_page', label: '◀ Previous', value: '{"section":"Many","page":1}' },
          { id: 'section_page', label: 'Next ▶', value: '{"section":"Many","page":3}', style: 'primary' },
        ],
      },
    ]);
    const last = sectionReply('Many', context, 3);
    expect(replyLines(last).slice(1, -1)).toEqual([
      'Section 1 of 4 · 25 papers · page 3 of 3',
      ...titles('Many', 21, 25),
    ]);
    expect(pager(last)).toEqual([
      {
        type: 'actions',
        actions: [{ id: 'section_page', label: '◀ Previous', value: '{"section":"Many","page":2}' }],
      },
    ]);
  });

  it.each([
    [0, 1],
    [-4, 1],
    [2.7, 2],
    [4, 3],
    [99, 3],
  ])('reads page %d as page %d', (page, shown) => {
    expect(replyLines(sectionReply('Many', context, page))[1]).toBe(
      `Section 1 of 4 · 25 papers · page ${shown} of 3`,
    );
  });

  it('shows ten papers on one page without a pager, and eleven on two', () => {
    const ten = sectionReply('2', context);
    expect(replyLines(ten)).toEqual(['Ten', 'Section 2 of 4 · 10 papers', ...titles('Ten', 1, 10)]);
    expect(ten.text).toBe('Ten: 10 papers');
    const eleven = sectionReply('3', context, 2);
    expect(replyLines(eleven)).toEqual([
      'Eleven',
      'Section 3 of 4 · 11 papers · page 2 of 2',
      '[Eleven 11]',
      'actions',
    ]);
  });

  it('lists a paper of another section under each section that lists it', () => {
    expect(replyLines(sectionReply('solo', context))).toEqual([
      'Solo',
      'Section 4 of 4 · 1 paper',
      '[Many 3]',
    ]);
  });

  it('names an unknown section, then lists the sections; no name lists them', async () => {
    const unknown = sectionReply('zzqxv', context);
    expect(unknown.text).toBe('No section matches “zzqxv”.');
    expect(replyLines(unknown).slice(0, 2)).toEqual([
      'No section matches “zzqxv”. The sections are:',
      '4 sections · 46 papers',
    ]);
    expect(unknown.overflowHint).toBe('open any section by its number with /optpaper section <number>');
    expect(replyLines(await runCommand('section', context))[0]).toBe('4 sections · 46 papers');
    expect(replyLines(sectionReply('   ', context))[0]).toBe('4 sections · 46 papers');
  });
});

describe('readSectionPage', () => {
  it('reads the value of a Previous/Next button', () => {
    expect(readSectionPage('{"section":"Many","page":2}')).toEqual({ section: 'Many', page: 2 });
  });

  it.each([
    'not json',
    'null',
    '42',
    '"Many"',
    '{"section":"Many"}',
    '{"section":"Many","page":"2"}',
    '{"section":3,"page":2}',
  ])('gives undefined for %s', (value) => {
    expect(readSectionPage(value)).toBeUndefined();
  });
});
