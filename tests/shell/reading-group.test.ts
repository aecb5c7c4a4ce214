import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { localShellParts } from '../../src/shell/local.ts';
import { runShell } from '../../src/shell/shell.ts';
import { shellClock } from '../../src/shell/week.ts';
import { openLocalWeekly } from '../../src/weekly/local.ts';
import { weeklyFixture } from '../support/weekly.ts';

/** Run the shell over lines, in this process, at a fixed time; its replies by echoed command. */
async function shell(lines: string[]): Promise<Map<string, string>> {
  const { library } = weeklyFixture();
  const { weekly, store } = openLocalWeekly(library, {
    dbPath: ':memory:',
    cron: '0 9 * * 1',
    timeZone: 'UTC',
  });
  let out = '';
  const output = { write: (text: string) => (out += text) };
  const clock = shellClock(() => new Date('2026-11-29T12:00:00Z'));
  try {
    await runShell({
      input: Readable.from(lines.map((line) => `${line}\n`)),
      output,
      interactive: false,
      library,
      weekly,
      ...localShellParts({ library, weekly, store, clock, output }),
      clock: clock.now,
      random: () => 0,
    });
  } finally {
    await store.close();
  }
  const replies = new Map<string, string>();
  for (const chunk of out.split(/^> /m).slice(1)) {
    const [command = '', ...reply] = chunk.split('\n');
    replies.set(command, reply.join('\n').trim());
  }
  return replies;
}

describe('the reading group in the shell', () => {
  it('names people with @name, shows the Home tab, unfurls a pasted link, and lets a week pass: the leader’s message, then the post', async () => {
    const replies = await shell([
      '/optpaper subscribe',
      '/optpaper presenters @ana @me',
      'home',
      'https://arxiv.org/pdf/1412.6980v9.pdf',
      'wait',
      'wait',
      'https://arxiv.org/abs/1502.03167',
    ]);
    expect(replies.get('/optpaper presenters @ana @me')).toBe(
      '@you set who leads the discussion, in turn: @ana, @you. First: @ana on Mon 30 Nov 2026 (SGD · Momentum · RMSProp · Optimization). Each leader gets a direct message 2 days before the post.',
    );
    const home = replies.get('home') ?? '';
    expect(home).toContain('(your Home tab)\nYour reading groups');
    expect(home).toContain('#reading-group · nothing posted yet');
    expect(home).toContain(
      '🎤 You lead the discussion on Mon 7 Dec 2026: BatchNorm (https://arxiv.org/abs/1502.03167).',
    );
    expect(replies.get('https://arxiv.org/pdf/1412.6980v9.pdf')).toBe(
      [
        '(unfurled under your message)',
        '1. ADAM · ADAMAX',
        '   https://arxiv.org/abs/1412.6980',
        '   Popular Optimization algorithms · arXiv 1412.6980 (2014)',
        '   One reading for 2 entries of the list, which all point to it.',
        '   [Queue]',
        'Not discussed here yet: Queue makes it a coming paper of the week.',
        '(press a button: queue N)',
      ].join('\n'),
    );
    // The map keeps the last reply of a repeated command: the second wait, BatchNorm's week.
    const week = replies.get('wait') ?? '';
    expect(week).toMatch(
      /^\(time passes: it is now Sat 5 Dec 2026, 09:00 UTC\)\n\n\(direct message to @you\)\nYou lead the discussion of the paper of the week in #reading-group on Mon 7 Dec 2026, 09:00 UTC:\n• BatchNorm\n/,
    );
    expect(week).toContain('(posted in the channel)\nPaper of the week');
    expect(week).toContain('Discussion led by @you.');
    expect(week).toContain('(in the thread)\nThis thread is for BatchNorm.');
    expect(replies.get('https://arxiv.org/abs/1502.03167')).toMatch(
      /^\(unfurled under your message\)\n• BatchNorm\n {2}https:\/\/arxiv\.org\/abs\/1502\.03167\n {2}Normalization Methods · arXiv 1502\.03167 \(2015\)\nDiscussed here on Mon 7 Dec 2026: open the thread \(https:\/\/slack\.com\/archives\/C0LOCALSHELL\/p\d+\)$/,
    );
  });

  it('says what is missing rather than failing', async () => {
    const replies = await shell(['wait', '/optpaper presenters @ana', 'home']);
    expect(replies.get('wait')).toBe(
      'Nothing to wait for: this channel does not get a paper of the week (/optpaper subscribe).',
    );
    expect(replies.get('/optpaper presenters @ana')).toMatch(
      /^This channel does not get a paper of the week/,
    );
    expect(replies.get('home')).toContain('None of the channels you are in gets a paper of the week yet.');
  });
});
