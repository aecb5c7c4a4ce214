import { describe, expect, it } from 'vitest';
import type { CommandContext } from '../../src/commands/context.ts';
import { runCommand } from '../../src/commands/dispatch.ts';
import { quote, readUserText } from '../../src/commands/input.ts';
import { mentionReply } from '../../src/commands/mention.ts';
import { createSearch } from '../../src/search/search.ts';
import { replyLines } from '../support/replies.ts';
import { shippedCatalog } from '../support/shipped.ts';

const context: CommandContext = {
  search: createSearch(shippedCatalog()),
  channel: { id: 'C0READING' },
  user: { id: 'U0ALICE' },
  now: new Date('2026-11-29T12:00:00Z'),
  random: () => 0,
};

describe('readUserText: what Slack sends, read as what the person typed', () => {
  it.each([
    ['a pasted link', '<https://arxiv.org/abs/1412.6980>', 'https://arxiv.org/abs/1412.6980'],
    [
      'a link with a label (the URL is what identifies the paper)',
      '<https://arxiv.org/abs/1412.6980|arXiv:1412.6980> adam',
      'https://arxiv.org/abs/1412.6980 adam',
    ],
    ['an http link', '<http://example.org/paper.pdf>', 'http://example.org/paper.pdf'],
    [
      'a link whose query string Slack entity-encoded',
      '<https://x.org/?a=1&amp;b=2>',
      'https://x.org/?a=1&b=2',
    ],
    ['a channel, as its name', 'adam in <#C024BE7LR|reading-group>', 'adam in #reading-group'],
    ['a user mention, dropped', '<@U0BOB> sharp minima', 'sharp minima'],
    ['the bot mention with a label, dropped', '<@U0OPTBOT|optpaper> adam', 'adam'],
    ['special mentions, dropped', '<!channel> <!here> <!subteam^S0TEAM|@readers> adam', 'adam'],
    ['a formatted date, dropped', 'since <!date^1392734382^{date}|Feb 18, 2014> adam', 'since adam'],
    ['&amp;, &lt; and &gt; decoded', 'loss &amp; landscape &lt;3 &gt;_&lt;', 'loss & landscape <3 >_<'],
    ['an entity typed as text, decoded once', 'a &amp;lt; b', 'a &lt; b'],
    ['typed markup, decoded but never a live mention', '&lt;!channel&gt; adam', '<!channel> adam'],
    ['whitespace collapsed and trimmed', '  sharp \n\t minima \r\n ', 'sharp minima'],
    [
      'control characters as spaces',
      'sharp\u0000minima\u0007and\u001fadam\u007fgo\u0008x',
      'sharp minima and adam go x',
    ],
    ['a tab and a vertical tab between words', 'a\tb\u000bc', 'a b c'],
    ['unicode kept as typed', '🍌 Nesterov – “momentum” שלום', '🍌 Nesterov – “momentum” שלום'],
    ['nothing', '', ''],
    ['only markup', '<@U0BOB> <!channel>', ''],
  ])('%s', (_what, raw, expected) => {
    expect(readUserText(raw)).toBe(expected);
  });

  it('keeps at most 2,000 characters', () => {
    expect(readUserText('x'.repeat(5000))).toBe('x'.repeat(2000));
  });

  it('reads the words after a long run of mentions, which take no room once dropped', () => {
    // 2,700 characters of mentions: more than the 2,000 kept, less than the 4,000 read.
    expect(readUserText(`${'<@U0BOB> '.repeat(300)}adam`)).toBe('adam');
  });

  it('ignores what comes after the first 4,000 characters it reads', () => {
    expect(readUserText(`${'<@U0BOB>'.repeat(500)} adam`)).toBe('');
  });
});

describe('quote', () => {
  it('puts text in quotation marks', () => {
    expect(quote('sharp minima')).toBe('“sharp minima”');
  });

  it('keeps 80 characters whole and shortens 81 to 79 and an ellipsis', () => {
    expect(quote('x'.repeat(80))).toBe(`“${'x'.repeat(80)}”`);
    expect(quote('x'.repeat(81))).toBe(`“${'x'.repeat(79)}…”`);
  });

  it('takes another length', () => {
    expect(quote('abcdef', 6)).toBe('“abcdef”');
    expect(quote('abcdefg', 6)).toBe('“abcde…”');
  });
});

describe('links pasted into a search', () => {
  it('a mention with a pasted arXiv link answers with the paper, not silence', () => {
    const reply = mentionReply(readUserText('<@U0OPTBOT> <https://arxiv.org/abs/1412.6980>'), context);
    expect(replyLines(reply)).toEqual(['Papers for “https://arxiv.org/abs/1412.6980”', '[ADAM]', '[ADAMAX]']);
  });

  it('a mention with a labelled link to a PDF finds the paper it points to', () => {
    const raw = '<@U0OPTBOT> what about <https://arxiv.org/pdf/1703.04933.pdf|this one>';
    const reply = mentionReply(readUserText(raw), context);
    expect(replyLines(reply)[1]).toBe('[Sharp Minima Can Generalize For Deep Nets]');
  });

  it('/optpaper with a pasted link searches the link', async () => {
    const reply = await runCommand('<https://arxiv.org/abs/1412.6980v9>', context);
    expect(replyLines(reply)).toEqual([
      'Top 2 for “https://arxiv.org/abs/1412.6980v9”',
      '[ADAM] (Share)',
      '[ADAMAX] (Share)',
    ]);
  });
});
