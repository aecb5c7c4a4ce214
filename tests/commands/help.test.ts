import { describe, expect, it } from 'vitest';
import type { CommandContext } from '../../src/commands/context.ts';
import { runCommand } from '../../src/commands/dispatch.ts';
import { mentionHelpReply } from '../../src/commands/help.ts';
import { exampleQueries } from '../../src/commands/registry.ts';
import { toSlackMessage } from '../../src/slack/blocks.ts';
import { createWeeklyService } from '../../src/weekly/service.ts';
import { replyLines } from '../support/replies.ts';
import { weeklyFixture } from '../support/weekly.ts';

const fixture = weeklyFixture();
const plain: CommandContext = {
  search: fixture.library.current(),
  channel: { id: 'C0READING' },
  user: { id: 'U0ALICE' },
  now: new Date('2026-11-29T12:00:00Z'),
  random: () => 0,
};
const withWeekly: CommandContext = {
  ...plain,
  weekly: createWeeklyService({
    store: fixture.team,
    library: fixture.library,
    defaults: { cron: '0 9 * * 1', timeZone: 'UTC' },
  }),
};

const search =
  '/optpaper <words> — search the list (typos, acronyms and arXiv ids welcome); search <words> if the words start like a command';
const heading = 'optpaper: papers on optimization for deep learning';
const mention =
  '@optpaper <words> in a channel or a thread answers there with the three best matches, for everyone in the discussion.';
const examples =
  'Try /optpaper sharp minima, /optpaper curiculum learning, /optpaper rnn, /optpaper 1412.6980.';

describe('/optpaper help', () => {
  it('where there is no paper of the week: the browsing commands, in order, with what each does', async () => {
    const help = await runCommand('help', plain);
    expect(replyLines(help)).toEqual([
      heading,
      [
        search,
        '/optpaper sections — every section with its paper count',
        "/optpaper section <number or name> — a section's papers",
        '/optpaper random [section] — one paper at random',
        '/optpaper help — this help',
        '',
      ].join('\n'),
      mention,
      examples,
    ]);
    expect(help.text).toBe(
      'optpaper commands: /optpaper <words>, /optpaper sections, /optpaper section <number or name>, /optpaper random [section], /optpaper help',
    );
    expect(help.visibility).toBe('ephemeral');
  });

  it('shows usages as code, so that Slack does not read <words> as markup', async () => {
    const [, usage] = (await runCommand('help', plain)).blocks;
    if (usage?.type !== 'text') throw new Error('help lists the usages in its second block');
    expect(usage.text.filter((run) => typeof run !== 'string')).toEqual(
      [
        '/optpaper <words>',
        // A command named inside a summary is code too, never backticks in plain text.
        'search <words>',
        '/optpaper sections',
        '/optpaper section <number or name>',
        '/optpaper random [section]',
        '/optpaper help',
      ].map((text) => ({ text, code: true })),
    );
  });

  it('where the paper of the week is available: every command, the weekly ones after random', async () => {
    expect(replyLines(await runCommand('help', withWeekly))[1]).toBe(
      [
        search,
        '/optpaper sections — every section with its paper count',
        "/optpaper section <number or name> — a section's papers",
        '/optpaper random [section] — one paper at random',
        '/optpaper subscribe [every 2 weeks] [day] [time] [time zone or city] — a paper of the week in this channel (default: Monday 09:00 UTC)',
        '/optpaper pause <from> [to] — no paper of the week on those days (YYYY-MM-DD, both included), for holidays',
        '/optpaper resume — end a break early',
        '/optpaper unsubscribe — stop the paper of the week here (its history is kept)',
        "/optpaper schedule — this channel's schedule and next post",
        '/optpaper upcoming [N] — the next N papers of the week with their dates, to read ahead',
        "/optpaper week — this week's paper and its discussion thread",
        '/optpaper history [N] — past papers of the week here',
        '/optpaper skip — move the next paper to the end of the round',
        '/optpaper queue <words> — make the best match the next paper of the week (also: the Read next button)',
        '/optpaper presenters [@ana @ben … | swap @ana @ben | skip @ana | lead <hours> | clear] — who leads the discussion, in turn: named in each post, told by direct message before it',
        '/optpaper vote [on [hours before] | off | N] — the open vote on the next paper and your ballot; vote on opens one before each post (default: 24 hours), vote 2 votes for its second paper',
        '/optpaper propose <words or link> — propose a paper (from the list, or a link it does not have): a candidate in the next vote, or queued where the channel does not vote',
        '/optpaper help — this help',
        '',
      ].join('\n'),
    );
  });

  it.each(['', '   ', 'help', 'HELP', '?', '--help', '-h'])('answers %j with the help', async (text) => {
    expect(replyLines(await runCommand(text, plain))[0]).toBe(heading);
  });

  it('renders commands as code in Slack', async () => {
    const texts = toSlackMessage(await runCommand('help', plain)).blocks.map((block) =>
      JSON.stringify(block),
    );
    expect(texts[1]).toContain('`/optpaper &lt;words&gt;` — search the list');
    expect(texts[1]).toContain('`/optpaper help` — this help');
    expect(texts[2]).toContain('`@optpaper &lt;words&gt;` in a channel or a thread');
    expect(texts[3]).toContain(
      'Try `/optpaper sharp minima`, `/optpaper curiculum learning`, `/optpaper rnn`, `/optpaper 1412.6980`.',
    );
    expect(JSON.stringify(toSlackMessage(mentionHelpReply(exampleQueries)).blocks)).toContain(
      'Ask me for a paper: `@optpaper sharp minima`. I answer in the thread with the three best matches. `/optpaper help` lists everything else.',
    );
  });

  it('a bare @optpaper gets a short help for the thread, in the channel', () => {
    const reply = mentionHelpReply(exampleQueries);
    expect(replyLines(reply)).toEqual([
      'Ask me for a paper: @optpaper sharp minima. I answer in the thread with the three best matches. /optpaper help lists everything else.',
    ]);
    expect(reply.text).toBe('Ask me for a paper: @optpaper <words>');
    expect(reply.visibility).toBe('in_channel');
    expect(replyLines(mentionHelpReply([]))[0]).toMatch(/^Ask me for a paper: @optpaper sharp minima\. /);
    expect(replyLines(mentionHelpReply(['adam']))[0]).toMatch(/^Ask me for a paper: @optpaper adam\. /);
  });
});

describe('commands that take no words', () => {
  it.each([
    ['week of papers', 'week'],
    ['schedule learning', 'schedule'],
    ['unsubscribe me', 'unsubscribe'],
    ['skip connections', 'skip'],
  ])('"%s" is a search, saying how to run /optpaper %s', async (text, command) => {
    expect(replyLines(await runCommand(text, withWeekly))).toContain(
      `Searched, since /optpaper ${command} takes no words: send it alone to run it.`,
    );
  });
});
