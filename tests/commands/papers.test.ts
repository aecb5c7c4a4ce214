import { describe, expect, it } from 'vitest';
import { parseCatalog } from '../../src/catalog/parse.ts';
import type { Paper } from '../../src/catalog/types.ts';
import type { CommandContext } from '../../src/commands/context.ts';
import { paperBlock, paperById } from '../../src/commands/papers.ts';
import { randomReply } from '../../src/commands/random.ts';
import { plainText, textReply, viewOf } from '../../src/commands/reply.ts';
import { type ShareResult, sharedPaperMessage, shareOutcomeReply } from '../../src/commands/share.ts';
import { createSearch } from '../../src/search/search.ts';
import { replyLines } from '../support/replies.ts';

const catalog = parseCatalog(
  [
    '## Optimizers',
    '- AdaBound [[Code]](https://github.com/Luolc/AdaBound) [[Link]](https://arxiv.org/abs/1902.09843) [[Talk]](https://youtu.be/x)',
    '- [Only code](https://github.com/x/only)',
    '- Lookahead [[Link]](https://arxiv.org/abs/1907.08610) [[Blog]](https://example.org/lookahead)',
    '## Bare',
    '- [A book](https://example.org/book.pdf)',
    '- [Lookahead](https://arxiv.org/abs/1907.08610)',
  ].join('\n'),
);
const search = createSearch(catalog);
const paper = (id: string): Paper => {
  const found = catalog.papers.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no paper ${id}`);
  return found;
};
const contextIn = (channel: string, random = 0): CommandContext => ({
  search,
  channel: { id: channel },
  user: { id: 'U0ALICE' },
  now: new Date('2026-11-29T12:00:00Z'),
  random: () => random,
});

describe('viewOf: what a reply shows of a paper', () => {
  it('links the first paper link, lists the others, and keeps the arXiv id and the year', () => {
    expect(viewOf(paper('adabound'))).toEqual({
      id: 'adabound',
      title: 'AdaBound',
      url: 'https://arxiv.org/abs/1902.09843',
      sections: ['Optimizers'],
      otherLinks: [
        { label: 'Code', url: 'https://github.com/Luolc/AdaBound', kind: 'code', host: 'github.com' },
        { label: 'Talk', url: 'https://youtu.be/x', kind: 'video', host: 'youtu.be' },
      ],
      arxivId: '1902.09843',
      year: 2019,
    });
  });

  it('links a blog or book link too, and falls back to a code link when there is nothing else', () => {
    expect(viewOf(paper('lookahead'))).toMatchObject({
      url: 'https://arxiv.org/abs/1907.08610',
      sections: ['Optimizers', 'Bare'],
    });
    expect(viewOf(paper('only-code'))).toEqual({
      id: 'only-code',
      title: 'Only code',
      url: 'https://github.com/x/only',
      sections: ['Optimizers'],
      otherLinks: [],
    });
    expect(viewOf(paper('a-book'), ['queued'])).toEqual({
      id: 'a-book',
      title: 'A book',
      url: 'https://example.org/book.pdf',
      sections: ['Bare'],
      otherLinks: [],
      note: ['queued'],
    });
  });

  it('leaves out the link of a paper that has none', () => {
    const linkless = { ...paper('a-book'), links: [] };
    expect(viewOf(linkless)).toEqual({ id: 'a-book', title: 'A book', sections: ['Bare'], otherLinks: [] });
  });
});

describe('plain text and text replies', () => {
  it('writes links as their text and users as @id', () => {
    expect(
      plainText([
        'Shared by ',
        { user: 'U0ALICE' },
        ': ',
        { text: 'ADAM', url: 'https://x.org', bold: true },
      ]),
    ).toBe('Shared by @U0ALICE: ADAM');
  });

  it('makes a one-paragraph reply, only for the asker unless told', () => {
    expect(textReply(['Hello ', { text: 'world', bold: true }])).toEqual({
      text: 'Hello world',
      blocks: [{ type: 'text', text: ['Hello ', { text: 'world', bold: true }] }],
      visibility: 'ephemeral',
    });
    expect(textReply(['Hi'], 'in_channel').visibility).toBe('in_channel');
  });
});

describe('a paper and its buttons', () => {
  it('has Share in a channel, and no button in a direct message', () => {
    expect(paperBlock(paper('adabound'), contextIn('C0READING'))).toEqual({
      type: 'paper',
      paper: viewOf(paper('adabound')),
      actions: [{ id: 'share_paper', label: 'Share', value: 'adabound' }],
    });
    expect(paperBlock(paper('adabound'), contextIn('D0ALICE'))).toMatchObject({ actions: [] });
  });

  it('has Share and Read next in a channel that gets a paper of the week, and carries a note', () => {
    const block = paperBlock(paper('lookahead'), { ...contextIn('C0WEEKLY'), subscribed: true }, [
      'next week',
    ]);
    expect(block).toEqual({
      type: 'paper',
      paper: { ...viewOf(paper('lookahead')), note: ['next week'] },
      actions: [
        { id: 'share_paper', label: 'Share', value: 'lookahead' },
        { id: 'read_next', label: 'Read next', value: 'lookahead' },
      ],
    });
    expect(paperBlock(paper('lookahead'), { ...contextIn('C0OTHER'), subscribed: false })).toEqual({
      type: 'paper',
      paper: viewOf(paper('lookahead')),
      actions: [{ id: 'share_paper', label: 'Share', value: 'lookahead' }],
    });
    expect(paperBlock(paper('lookahead'), { ...contextIn('D0ALICE'), subscribed: true })).toMatchObject({
      actions: [{ id: 'read_next' }],
    });
  });

  it('finds a paper by id, and nothing for an id the list no longer has', () => {
    expect(paperById(contextIn('C0'), 'lookahead')?.title).toBe('Lookahead');
    expect(paperById(contextIn('C0'), 'gone')).toBeUndefined();
  });
});

describe('/optpaper random', () => {
  it('picks by the injected randomness over the whole list, first to last', () => {
    expect(replyLines(randomReply('', contextIn('C0', 0)))).toEqual([
      'Random pick from all 2 sections',
      '[AdaBound] (Share)',
    ]);
    expect(replyLines(randomReply('', contextIn('C0', 0.5)))[1]).toBe('[Lookahead] (Share)');
    expect(replyLines(randomReply('  ', contextIn('C0', 0.99)))[1]).toBe('[A book] (Share)');
    // A source of randomness that breaks its contract still gets a paper.
    expect(replyLines(randomReply('', contextIn('C0', 1)))[1]).toBe('[A book] (Share)');
  });

  it('picks from a section, named by number or name', () => {
    const reply = randomReply('2', contextIn('C0', 0.99));
    expect(replyLines(reply)).toEqual(['Random pick from “Bare”', '[A book] (Share)']);
    expect(reply.text).toBe('Random pick from “Bare”: A book');
    expect(reply.visibility).toBe('ephemeral');
    expect(replyLines(randomReply('bare', contextIn('C0', 0)))[1]).toBe('[Lookahead] (Share)');
  });

  it('says so for an unknown section, and for an empty list', () => {
    expect(replyLines(randomReply('zzqxv', contextIn('C0')))[0]).toBe(
      'No section matches “zzqxv”. The sections are:',
    );
    const empty = { ...contextIn('C0'), search: createSearch(parseCatalog('')) };
    expect(randomReply('', empty)).toEqual({
      text: 'The list has no papers.',
      blocks: [],
      visibility: 'ephemeral',
    });
  });
});

describe('Share', () => {
  it('posts the paper into the channel, naming who shared it, without buttons', () => {
    expect(sharedPaperMessage(paper('adabound'), 'U0ALICE')).toEqual({
      text: 'Shared paper: AdaBound',
      blocks: [
        { type: 'context', text: [{ user: 'U0ALICE' }, ' shared a paper'] },
        { type: 'paper', paper: viewOf(paper('adabound')), actions: [] },
      ],
      visibility: 'in_channel',
    });
  });

  const failed = (failure: Extract<ShareResult, { ok: false }>['failure'], error: string): ShareResult => ({
    ok: false,
    failure,
    error,
  });
  it.each([
    [{ ok: true } as ShareResult, 'C0', 'Shared ✓ “ADAM” is in the channel now.'],
    [
      failed('refused', 'not_in_channel'),
      'C0',
      'I could not post “ADAM”: I am not a member of this channel. Invite me with /invite @optpaper and press Share again.',
    ],
    [
      failed('refused', 'channel_not_found'),
      'G0',
      'I could not post “ADAM”: I am not a member of this channel. Invite me with /invite @optpaper and press Share again.',
    ],
    [
      failed('refused', 'channel_not_found'),
      'D0',
      'I cannot post “ADAM” into a direct message. Share it from a channel I am in.',
    ],
    [
      failed('refused', 'not_in_channel'),
      'D0',
      'I cannot post “ADAM” into a direct message. Share it from a channel I am in.',
    ],
    [failed('refused', 'is_archived'), 'C0', 'I could not post: this channel is archived.'],
    [
      failed('refused', 'restricted_action'),
      'C0',
      'I could not post: this channel only lets some members post.',
    ],
    [
      failed('refused', 'restricted_action_read_only_channel'),
      'C0',
      'I could not post: this channel only lets some members post.',
    ],
    [
      failed('ratelimited', 'ratelimited'),
      'C0',
      'Slack is rate-limiting me right now. Please press Share again in a minute.',
    ],
    [
      failed('server', 'internal_error'),
      'C0',
      'Slack did not confirm the post (internal_error). Check the channel before pressing Share again, so it is not posted twice.',
    ],
    [
      failed('network', 'ECONNRESET'),
      'C0',
      'Slack did not confirm the post (ECONNRESET). Check the channel before pressing Share again, so it is not posted twice.',
    ],
    [failed('refused', 'invalid_blocks'), 'C0', 'I could not post “ADAM” (invalid_blocks).'],
    [
      failed('stopped', 'shutting down'),
      'C0',
      'I am restarting and did not post “ADAM”. Please press Share again in a minute.',
    ],
  ])('tells the sharer: %j in %s', (result, channel, told) => {
    const reply = shareOutcomeReply(result, 'ADAM', channel);
    expect(replyLines(reply)).toEqual([told]);
    expect(reply.visibility).toBe('ephemeral');
  });

  it('shows /invite as code, so that it can be copied', () => {
    const reply = shareOutcomeReply(failed('refused', 'not_in_channel'), 'ADAM', 'C0');
    expect(reply.blocks[0]).toMatchObject({
      text: expect.arrayContaining([{ text: '/invite @optpaper', code: true }]),
    });
  });
});
