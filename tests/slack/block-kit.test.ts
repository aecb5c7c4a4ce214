import { describe, expect, it } from 'vitest';
import type { Action, PaperView, Reply, ReplyBlock } from '../../src/commands/reply.ts';
import { asClientBlocks, mrkdwn, type SlackBlock, toSlackMessage } from '../../src/slack/blocks.ts';

const share: Action = { id: 'share_paper', label: 'Share', value: 'adam' };
const readNext: Action = { id: 'read_next', label: 'Read next', value: 'adam', style: 'primary' };

const adam: PaperView = {
  id: 'adam',
  title: 'ADAM',
  url: 'https://arxiv.org/abs/1412.6980',
  sections: ['Optimizers', 'Adaptive <methods>'],
  otherLinks: [
    { label: 'Github', url: 'https://github.com/x/adam', kind: 'code', host: 'github.com' },
    { label: 'Link', url: 'https://example.org/talk', kind: 'video', host: 'example.org' },
  ],
  arxivId: '1412.6980',
  year: 2014,
  note: ['queued by ', { user: 'U0ALICE' }],
};

function reply(blocks: readonly ReplyBlock[], extra: Partial<Reply> = {}): Reply {
  return { text: 'summary', blocks, visibility: 'ephemeral', ...extra };
}

const section = (text: string): SlackBlock => ({ type: 'section', text: { type: 'mrkdwn', text } });
const contextBlock = (text: string): SlackBlock => ({
  type: 'context',
  elements: [{ type: 'mrkdwn', text }],
});
const button = (actionId: string, text: string, value: string, style?: string): SlackBlock => ({
  type: 'button',
  action_id: actionId,
  text: { type: 'plain_text', text, emoji: true },
  value,
  ...(style ? { style } : {}),
});
/** Text blocks of `length` characters each. */
const lines = (count: number, length = 10): ReplyBlock[] =>
  Array.from({ length: count }, (_, i) => ({ type: 'text', text: [String(i).padEnd(length, '.')] }));
/** The JSON size of a rendered text block holding `text`, as toSlackMessage counts it. */
const sizeOf = (text: string) => JSON.stringify(section(text)).length;

describe('toSlackMessage renders every kind of block exactly', () => {
  it('renders a reply that fits as it is: no note about what did not fit', () => {
    const message = toSlackMessage(
      reply(
        [
          { type: 'header', text: 'Papers' },
          { type: 'context', text: ['Top 3 for ', { text: '<!channel>', code: true }] },
          { type: 'paper', paper: adam, actions: [share, readNext] },
          {
            type: 'paper',
            paper: { id: 'b', title: 'B & C', sections: [], otherLinks: [], year: 2019 },
            actions: [share],
          },
          { type: 'paper', paper: { id: 'c', title: 'Bare', sections: [], otherLinks: [] }, actions: [] },
          { type: 'divider' },
          { type: 'text', text: ['one\ntwo'] },
        ],
        { text: 'Top 3 for <!channel> & co' },
      ),
    );
    expect(message).toEqual({
      text: 'Top 3 for &lt;!channel&gt; &amp; co',
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: 'Papers', emoji: true } },
        contextBlock('Top 3 for `&lt;!channel&gt;`'),
        section(
          '*<https://arxiv.org/abs/1412.6980|ADAM>*\n' +
            '_Optimizers_ · _Adaptive &lt;methods&gt;_ · arXiv 1412.6980 (2014) · ' +
            '<https://github.com/x/adam|Github> · <https://example.org/talk|example.org>\n' +
            'queued by <@U0ALICE>',
        ),
        {
          type: 'actions',
          elements: [
            button('share_paper:0', 'Share', 'adam'),
            button('read_next:1', 'Read next', 'adam', 'primary'),
          ],
        },
        { ...section('*B &amp; C*\n2019'), accessory: button('share_paper:0', 'Share', 'adam') },
        section('*Bare*'),
        { type: 'divider' },
        section('one\ntwo'),
      ],
    });
  });

  it('keeps both buttons of a paper with Share and Read next, in that order', () => {
    const { blocks } = toSlackMessage(reply([{ type: 'paper', paper: adam, actions: [share, readNext] }]));
    expect(blocks.map((block) => block.type)).toEqual(['section', 'actions']);
    expect(blocks[0]?.accessory).toBeUndefined();
    expect(((blocks[1]?.elements ?? []) as SlackBlock[]).map((element) => element.action_id)).toEqual([
      'share_paper:0',
      'read_next:1',
    ]);
  });

  it('renders an actions block without buttons as nothing (Slack rejects an empty one)', () => {
    expect(toSlackMessage(reply([{ type: 'actions', actions: [] }])).blocks).toEqual([]);
    expect(toSlackMessage(reply([{ type: 'actions', actions: [share] }])).blocks).toEqual([
      { type: 'actions', elements: [button('share_paper:0', 'Share', 'adam')] },
    ]);
  });

  it('gives a button without a style no style key at all', () => {
    const [block] = toSlackMessage(reply([{ type: 'actions', actions: [share] }])).blocks;
    expect(block).toStrictEqual({ type: 'actions', elements: [button('share_paper:0', 'Share', 'adam')] });
  });

  it('hands the client the very blocks it rendered', () => {
    const { blocks } = toSlackMessage(reply([{ type: 'divider' }]));
    expect(asClientBlocks(blocks)).toBe(blocks);
    expect(asClientBlocks(blocks)).toEqual([{ type: 'divider' }]);
  });

  it('gives an empty text block a single space (Slack rejects empty text)', () => {
    expect(toSlackMessage(reply([{ type: 'text', text: [''] }])).blocks).toEqual([section(' ')]);
    expect(toSlackMessage(reply([{ type: 'text', text: [' \n '] }])).blocks).toEqual([section(' ')]);
  });

  it('writes arXiv id without a year, a year without arXiv id, and the host for a link labelled Link', () => {
    const paper = (extra: Partial<PaperView>): PaperView => ({
      id: 'p',
      title: 'P',
      sections: [],
      otherLinks: [],
      ...extra,
    });
    const texts = [paper({ arxivId: '1412.6980' }), paper({ year: 2014 }), paper({})].map(
      (view) => toSlackMessage(reply([{ type: 'paper', paper: view, actions: [] }])).blocks[0],
    );
    expect(texts).toEqual([section('*P*\narXiv 1412.6980'), section('*P*\n2014'), section('*P*')]);
  });
});

describe('mrkdwn', () => {
  it.each([
    [['a < b & c > d'], 'a &lt; b &amp; c &gt; d'],
    [[{ text: 'x', bold: true }], '*x*'],
    [[{ text: 'x', italic: true }], '_x_'],
    [[{ text: 'x', bold: true, italic: true }], '_*x*_'],
    [[{ text: 'a `b` c', code: true }], "`a 'b' c`"],
    [[{ text: 'code', code: true, bold: true }], '*`code`*'],
    [[{ text: 'A & B', url: 'https://example.org/a' }], '<https://example.org/a|A &amp; B>'],
    [[{ user: 'U0ALICE' }], '<@U0ALICE>'],
    [[{ user: 'W0BOB' }], '<@W0BOB>'],
    [[{ user: 'U0' }], '@U0'],
    [[{ user: 'xU0ALICE' }], '@xU0ALICE'],
    [[{ user: 'u0alice' }], '@u0alice'],
    [[{ user: 'U0ALICE>' }], '@U0ALICE&gt;'],
    [[{ user: '<!channel>' }], '@&lt;!channel&gt;'],
    [[{ user: `U${'A'.repeat(21)}` }], `@U${'A'.repeat(21)}`],
    [[{ user: `U${'A'.repeat(20)}` }], `<@U${'A'.repeat(20)}>`],
    [[{ channel: 'C0READING' }], '<#C0READING>'],
    [[{ channel: 'G0PRIVATE' }], '<#G0PRIVATE>'],
    [[{ channel: 'D0DIRECT' }], '<#D0DIRECT>'],
    [[{ channel: 'C0' }], '#C0'],
    [[{ channel: 'general' }], '#general'],
    [[{ channel: 'xC0READING' }], '#xC0READING'],
    [[{ channel: 'C0READING>' }], '#C0READING&gt;'],
    [[{ channel: 'c0reading' }], '#c0reading'],
    [[{ channel: `C${'A'.repeat(20)}` }], `<#C${'A'.repeat(20)}>`],
    [[{ channel: `C${'A'.repeat(21)}` }], `#C${'A'.repeat(21)}`],
  ] as const)('renders %j as %s', (text, expected) => {
    expect(mrkdwn(text)).toBe(expected);
  });
});

describe('Slack limits: cut exactly at the limit, never half a character', () => {
  const titled = (title: string) =>
    toSlackMessage(
      reply([{ type: 'paper', paper: { id: 't', title, sections: [], otherLinks: [] }, actions: [] }]),
    ).blocks[0];

  it('keeps a title of 300 characters and cuts one of 301 to 299 and an ellipsis', () => {
    expect(titled('a'.repeat(300))).toEqual(section(`*${'a'.repeat(300)}*`));
    expect(titled('a'.repeat(301))).toEqual(section(`*${'a'.repeat(299)}…*`));
  });

  it('cuts before an emoji rather than through it, and keeps one that ends before the cut', () => {
    // The cut falls between the two halves of 😀: the whole emoji goes.
    expect(titled(`${'a'.repeat(298)}😀b`)).toEqual(section(`*${'a'.repeat(298)}…*`));
    // The first and the last high halves of a pair (U+10000, U+10FFFF) are cut whole too.
    expect(titled(`${'a'.repeat(298)}\u{10000}b`)).toEqual(section(`*${'a'.repeat(298)}…*`));
    expect(titled(`${'a'.repeat(298)}\u{10FFFF}b`)).toEqual(section(`*${'a'.repeat(298)}…*`));
    // 😀 ends exactly where the cut falls: it stays.
    expect(titled(`${'a'.repeat(297)}😀bb`)).toEqual(section(`*${'a'.repeat(297)}😀…*`));
  });

  it('cuts a header at 150 characters, a context at 2,000, a button label at 75, the fallback text at 3,000', () => {
    const message = toSlackMessage(
      reply(
        [
          { type: 'header', text: `${'h'.repeat(148)}😀` },
          { type: 'context', text: ['c'.repeat(2001)] },
          {
            type: 'actions',
            actions: [{ id: 'share_paper', label: 'l'.repeat(76), value: 'v'.repeat(2001) }],
          },
        ],
        { text: 't'.repeat(3001) },
      ),
    );
    expect(message.text).toBe(`${'t'.repeat(2999)}…`);
    expect(message.blocks).toEqual([
      { type: 'header', text: { type: 'plain_text', text: `${'h'.repeat(148)}😀`, emoji: true } },
      contextBlock(`${'c'.repeat(1999)}…`),
      { type: 'actions', elements: [button('share_paper:0', `${'l'.repeat(74)}…`, 'v'.repeat(2000))] },
    ]);
    const header = toSlackMessage(reply([{ type: 'header', text: `${'h'.repeat(148)}😀!` }])).blocks[0];
    expect(header).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: `${'h'.repeat(148)}…`, emoji: true },
    });
  });

  it('splits a long text at line breaks into sections of at most 3,000 characters', () => {
    const fits = `${'a'.repeat(1499)}\n${'b'.repeat(1500)}`;
    expect(toSlackMessage(reply([{ type: 'text', text: [fits] }])).blocks).toEqual([section(fits)]);
    const over = `${'a'.repeat(1500)}\n${'b'.repeat(1500)}`;
    expect(toSlackMessage(reply([{ type: 'text', text: [over] }])).blocks).toEqual([
      section('a'.repeat(1500)),
      section('b'.repeat(1500)),
    ]);
    // A first line of 3,000 characters or more makes no empty section before it.
    expect(toSlackMessage(reply([{ type: 'text', text: ['x'.repeat(3000)] }])).blocks).toEqual([
      section('x'.repeat(3000)),
    ]);
    expect(toSlackMessage(reply([{ type: 'text', text: [`${'x'.repeat(3200)}\nend`] }])).blocks).toEqual([
      section(`${'x'.repeat(2999)}…`),
      section('end'),
    ]);
    // A line longer than a section is cut on its own; the next line starts a new section.
    const long = `intro\n${'x'.repeat(3500)}\nend`;
    expect(toSlackMessage(reply([{ type: 'text', text: [long] }])).blocks).toEqual([
      section('intro'),
      section(`${'x'.repeat(2999)}…`),
      section('end'),
    ]);
  });
});

describe('a reply too big for one message', () => {
  it('keeps 49 blocks whole, and cuts the 50th block to say what was left out', () => {
    const whole = toSlackMessage(reply(lines(49))).blocks;
    expect(whole).toHaveLength(49);
    expect(JSON.stringify(whole)).not.toContain('did not fit');
    const cut = toSlackMessage(reply(lines(50))).blocks;
    expect(cut).toHaveLength(50);
    expect(cut.at(-2)).toEqual(section('48........'));
    expect(cut.at(-1)).toEqual(
      contextBlock(
        'The rest did not fit in one Slack message: narrow the search, or open a section page by page.',
      ),
    );
  });

  it('keeps text up to 11,800 characters of blocks, and cuts at one more', () => {
    const [first, second, third] = [2900, 2900, 2900].map((length) => 'x'.repeat(length));
    const room = 11_800 - sizeOf(first ?? '') * 3 - sizeOf('');
    const blocksOf = (last: number): ReplyBlock[] =>
      [first, second, third, 'y'.repeat(last)].map((text) => ({ type: 'text', text: [text ?? ''] }));
    const fits = toSlackMessage(reply(blocksOf(room))).blocks;
    expect(fits).toHaveLength(4);
    expect(fits.at(-1)).toEqual(section('y'.repeat(room)));
    const over = toSlackMessage(reply(blocksOf(room + 1))).blocks;
    expect(over).toHaveLength(4);
    expect(over.at(-1)).toEqual(
      contextBlock(
        'The rest did not fit in one Slack message: narrow the search, or open a section page by page.',
      ),
    );
  });

  it('keeps the Previous/Next buttons of a page cut for size, before the note, and counts one paper as one', () => {
    const big = (id: number): ReplyBlock => ({
      type: 'paper',
      paper: { id: `p${id}`, title: `Paper ${id}`, sections: [], otherLinks: [], note: ['n'.repeat(3500)] },
      actions: [],
    });
    const pager: ReplyBlock = {
      type: 'actions',
      actions: [
        { id: 'section_page', label: '◀ Previous', value: '1' },
        { id: 'section_page', label: 'Next ▶', value: '3', style: 'primary' },
      ],
    };
    const { blocks } = toSlackMessage(
      reply([big(1), big(2), big(3), big(4), pager], { overflowHint: 'use Next for the rest' }),
    );
    expect(blocks.map((block) => block.type)).toEqual([
      'section',
      'section',
      'section',
      'actions',
      'context',
    ]);
    expect(blocks[3]).toEqual({
      type: 'actions',
      elements: [
        button('section_page:0', '◀ Previous', '1'),
        button('section_page:1', 'Next ▶', '3', 'primary'),
      ],
    });
    expect(blocks[4]).toEqual(contextBlock('1 more paper not shown: use Next for the rest.'));
  });

  it('drops a divider that finds no room without a note: no text or paper was left out', () => {
    const blocks = toSlackMessage(reply([...lines(49), { type: 'divider' }])).blocks;
    expect(blocks).toHaveLength(49);
    expect(blocks.at(-1)).toEqual(section('48........'));
  });

  it('after a paper and a text were cut, leaves out a short text that would fit, and counts the paper', () => {
    const big: ReplyBlock = {
      type: 'paper',
      paper: { id: 'big', title: 'Big', sections: [], otherLinks: [], note: ['n'.repeat(2900)] },
      actions: [],
    };
    const long = (letter: string): ReplyBlock => ({ type: 'text', text: [letter.repeat(2900)] });
    const { blocks } = toSlackMessage(
      reply([long('a'), long('b'), long('c'), big, long('d'), { type: 'text', text: ['short'] }]),
    );
    expect(blocks).toEqual([
      section('a'.repeat(2900)),
      section('b'.repeat(2900)),
      section('c'.repeat(2900)),
      contextBlock('1 more paper not shown: narrow the search, or open a section page by page.'),
    ]);
  });

  it('keeps the buttons after a cut while a block is left for them, and drops them when none is', () => {
    const paper: ReplyBlock = {
      type: 'paper',
      paper: { id: 'p', title: 'P', sections: [], otherLinks: [] },
      actions: [share, readNext],
    };
    const pager: ReplyBlock = {
      type: 'actions',
      actions: [{ id: 'section_page', label: 'Next ▶', value: '2' }],
    };
    const note = contextBlock('1 more paper not shown: narrow the search, or open a section page by page.');
    // 48 blocks, and the paper needs two: it is cut, the pager takes the 49th block.
    const room = toSlackMessage(
      reply([...lines(48), paper, { type: 'text', text: ['after'] }, pager]),
    ).blocks;
    expect(room).toHaveLength(50);
    expect(room.slice(-3)).toEqual([
      section('47........'),
      { type: 'actions', elements: [button('section_page:0', 'Next ▶', '2')] },
      note,
    ]);
    // 49 blocks: no room for the pager.
    const full = toSlackMessage(reply([...lines(49), paper, pager])).blocks;
    expect(full).toHaveLength(50);
    expect(full.slice(-2)).toEqual([section('48........'), note]);
  });
});
