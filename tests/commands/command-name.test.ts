import { describe, expect, it } from 'vitest';
import { commandText, defaultCommand, isCommandName } from '../../src/commands/command-name.ts';
import { type CommandContext, withSubscription } from '../../src/commands/context.ts';
import { runCommand } from '../../src/commands/dispatch.ts';
import { mentionHelpReply } from '../../src/commands/help.ts';
import { exampleQueries } from '../../src/commands/registry.ts';
import type { Reply } from '../../src/commands/reply.ts';
import { storeUnavailableReply } from '../../src/commands/weekly.ts';
import { homeReply } from '../../src/home/view.ts';
import { presenterNotice } from '../../src/presenters/messages.ts';
import { createPresenterService } from '../../src/presenters/service.ts';
import { toSlackMessage } from '../../src/slack/blocks.ts';
import type { VoteRecord } from '../../src/store/types.ts';
import type { VoteCandidate } from '../../src/votes/candidates.ts';
import { voteMessage } from '../../src/votes/messages.ts';
import { createVoteService, type VoteMessenger } from '../../src/votes/service.ts';
import { tallyVote } from '../../src/votes/tally.ts';
import { createWeeklyService } from '../../src/weekly/service.ts';
import { replyLines } from '../support/replies.ts';
import { weeklyFixture } from '../support/weekly.ts';

const staging = '/optpaper-dev';
/** `/optpaper` not followed by `-dev`: the production name, which a staging app does not answer. */
const production = /\/optpaper(?!-dev)/;
const sunday = new Date('2026-11-29T12:00:00Z');

/** Every line a person reads, and every text Slack is sent (fallback text, overflow hint included). */
function everything(reply: Reply): string {
  return [reply.text, ...replyLines(reply), JSON.stringify(toSlackMessage(reply))].join('\n');
}

function setup() {
  const fixture = weeklyFixture();
  const weekly = createWeeklyService({
    store: fixture.team,
    library: fixture.library,
    defaults: { cron: '0 9 * * 1', timeZone: 'UTC' },
  });
  const nowhere: VoteMessenger = { post: async () => '1.0', update: async () => true };
  const votes = createVoteService({
    store: fixture.team,
    weekly,
    library: fixture.library,
    messenger: nowhere,
  });
  const presenters = createPresenterService({ store: fixture.team, weekly });
  const context = (command?: string): Promise<CommandContext> =>
    withSubscription({
      search: fixture.library.current(),
      channel: { id: 'C0READING' },
      user: { id: 'U0ALICE' },
      now: sunday,
      random: () => 0,
      weekly,
      votes,
      presenters,
      ...(command ? { command } : {}),
    });
  return { weekly, run: async (text: string, command?: string) => runCommand(text, await context(command)) };
}

describe('commandText and isCommandName', () => {
  it('names the command as given, /optpaper where none is', () => {
    expect(commandText({ command: staging }, 'vote 2')).toBe('/optpaper-dev vote 2');
    expect(commandText(staging)).toBe('/optpaper-dev');
    expect(commandText({}, 'help')).toBe('/optpaper help');
    expect(commandText(undefined)).toBe(defaultCommand);
  });

  it.each(['/optpaper', '/optpaper-dev', '/papers_staging', '/o', '/論文', `/${'x'.repeat(31)}`])(
    'takes %j as a command name',
    (name) => expect(isCommandName(name)).toBe(true),
  );

  it.each(['optpaper', '/', '/Optpaper', '/opt paper', '/opt/paper', `/${'x'.repeat(32)}`, ''])(
    'refuses %j: Slack could not deliver a command by that name',
    (name) => expect(isCommandName(name)).toBe(false),
  );
});

describe('help under another command name (a staging app declares /optpaper-dev)', () => {
  it('lists every usage, the examples and the fallback text under the name typed', async () => {
    const { run } = setup();
    const help = await run('help', staging);
    const [heading, usages, mention, examples] = replyLines(help);
    expect(heading).toBe('optpaper: papers on optimization for deep learning');
    const lines = (usages ?? '').split('\n').filter((line) => line !== '');
    expect(lines).toHaveLength(18);
    expect(lines[0]).toBe(
      '/optpaper-dev <words> — search the list (typos, acronyms and arXiv ids welcome); search <words> if the words start like a command',
    );
    for (const line of lines) expect(line).toMatch(/^\/optpaper-dev [a-z<]/);
    // The bot's own mention is its display name, not the command: it stays.
    expect(mention).toMatch(/^@optpaper <words> in a channel or a thread/);
    expect(examples).toBe(
      'Try /optpaper-dev sharp minima, /optpaper-dev curiculum learning, /optpaper-dev rnn, /optpaper-dev 1412.6980.',
    );
    expect(help.text).toMatch(/^optpaper commands: \/optpaper-dev <words>, \/optpaper-dev sections, /);
    expect(everything(help)).not.toMatch(production);
  });

  it('renders the usages as code under that name in Slack', async () => {
    const { run } = setup();
    const blocks = toSlackMessage(await run('help', staging)).blocks.map((block) => JSON.stringify(block));
    expect(blocks[1]).toContain('`/optpaper-dev &lt;words&gt;` — search the list');
    expect(blocks[1]).toContain('`/optpaper-dev help` — this help');
  });

  it('is unchanged without a name: /optpaper', async () => {
    const { run } = setup();
    const [, usages] = replyLines(await run('help'));
    expect(usages?.split('\n')[0]).toMatch(/^\/optpaper <words> — /);
  });

  it('a bare mention points to the app’s command', () => {
    expect(replyLines(mentionHelpReply(exampleQueries, staging))).toEqual([
      'Ask me for a paper: @optpaper sharp minima. I answer in the thread with the three best matches. /optpaper-dev help lists everything else.',
    ]);
  });
});

describe('every reply that shows a command shows it under the name typed', () => {
  // Each of these replies names a command; run in order, in one channel, as /optpaper-dev.
  const script: ReadonlyArray<[string, string]> = [
    ['halp', 'Did you mean /optpaper-dev help?'],
    ['zzqxv', 'Browse with /optpaper-dev sections, or see /optpaper-dev help.'],
    ['skip connections', 'Searched, since /optpaper-dev skip takes no words: send it alone to run it.'],
    ['sections', '/optpaper-dev section <number or name>'],
    [
      'schedule',
      'Start it with /optpaper-dev subscribe [day] [time] [time zone], for example /optpaper-dev subscribe monday 9:30 Europe/Paris.',
    ],
    ['vote', 'Start it with /optpaper-dev subscribe'],
    ['propose sharp minima', 'Start it with /optpaper-dev subscribe'],
    ['upcoming', '/optpaper-dev subscribe'],
    ['history 0', 'Give a number of posts, up to'],
    ['queue', 'Say which paper: /optpaper-dev queue sharp minima'],
    ['subscribe on a blue moon', '/optpaper-dev subscribe friday 4pm America/New_York'],
    ['subscribe', '/optpaper-dev upcoming'],
    ['upcoming zero', 'Give a number of weeks, up to 20: /optpaper-dev upcoming 5'],
    ['schedule', '/optpaper-dev unsubscribe'],
    ['pause', 'Say when, as dates: /optpaper-dev pause 2026-12-21 2027-01-04'],
    ['pause 2027-01-04', 'End the break early with /optpaper-dev resume.'],
    ['presenters', 'Set who leads the discussion, in turn: /optpaper-dev presenters @ana @ben @chloé'],
    ['presenters swap', 'Swap takes two people: /optpaper-dev presenters swap @ana @ben'],
    ['presenters skip', 'Skip takes one person: /optpaper-dev presenters skip @ana (or skip me)'],
    ['presenters lead forever', '/optpaper-dev presenters lead 48 (hours)'],
    ['presenters <@U0ANA> <@U0BEN>', 'set who leads the discussion'],
    ['presenters', '(change it: /optpaper-dev presenters lead <hours>)'],
    [
      'presenters swap <@U0ANA> <@U0ZED>',
      'Both must be in the list to swap places; /optpaper-dev presenters shows it.',
    ],
    ['vote', 'Turn it on with /optpaper-dev vote on [hours before]'],
    ['vote sideways', '/optpaper-dev vote on 24 opens a vote 24 hours before each post'],
    ['vote on', '(/optpaper-dev propose)'],
    ['vote', 'See the vote and your ballot with /optpaper-dev vote.'],
    ['vote 9', 'This vote has candidates 1 to 3: /optpaper-dev vote 1 votes for the first.'],
    ['propose', 'Say which paper: /optpaper-dev propose sharp minima proposes the best match'],
    ['propose https://example.org/ours.pdf', '/optpaper-dev propose https://example.org/ours.pdf | <title>'],
    ['unsubscribe', 'Its history is kept: /optpaper-dev subscribe continues where it left off.'],
  ];

  it('in help, hints, did-you-mean, weekly, presenters, votes and proposals', async () => {
    const { run } = setup();
    for (const [text, expected] of script) {
      const reply = everything(await run(text, staging));
      expect({ text, names: reply.includes(expected) }).toEqual({ text, names: true });
      expect({ text, production: production.test(reply) }).toEqual({ text, production: false });
    }
  });

  it('the database being down points to search under the name typed', () => {
    const lines = replyLines(storeUnavailableReply({ command: staging }));
    expect(lines[0]).toMatch(/Search still works: \/optpaper-dev <words>\.$/);
  });
});

describe('what is built outside a command names the app’s command', () => {
  it('the Home tab', () => {
    const reply = homeReply({ user: 'U0ANA', channels: [] }, staging);
    expect(replyLines(reply)).toEqual([
      'Your reading groups',
      'None of the channels you are in gets a paper of the week yet. In a channel, /optpaper-dev subscribe starts one.',
      'Search the list anywhere with /optpaper-dev <words>.',
    ]);
    expect(reply.overflowHint).toBe('/optpaper-dev week in a channel shows its paper');
  });

  it('the discussion leader’s direct message', async () => {
    const { run, weekly } = setup();
    await run('subscribe');
    const [next] = await weekly.upcoming('C0READING', 1, sunday);
    if (!next) throw new Error('a subscribed channel has a next post');
    const reply = presenterNotice({
      channel: 'C0READING',
      slot: next.at,
      timeZone: 'UTC',
      pick: next.pick,
      voting: true,
      command: staging,
    });
    const lines = replyLines(reply).join('\n');
    expect(lines).toContain('/optpaper-dev week in the channel shows the paper once it is posted.');
    expect(lines).toContain(
      'Cannot make it? In the channel, /optpaper-dev presenters skip me hands your turn on',
    );
    expect(lines).toContain('/optpaper-dev presenters swap @you @someone exchanges places.');
    expect(lines).not.toMatch(production);
  });

  it('the vote’s message in the channel', () => {
    const candidates: VoteCandidate[] = [
      { key: 'adam', title: 'ADAM', section: 'Popular Optimization algorithms', origin: 'rotation' },
      { key: 'nadam', title: 'NADAM', section: 'Popular Optimization algorithms', origin: 'rotation' },
    ];
    const vote: VoteRecord = {
      id: 1,
      team: 'T0TEAM',
      channel: 'C0READING',
      slot: new Date('2026-11-30T09:00:00Z'),
      candidates,
      openedAt: sunday,
    };
    const reply = voteMessage(vote, tallyVote(candidates, []), { timeZone: 'UTC', command: staging });
    expect(replyLines(reply).at(-1)).toBe(
      '0 votes so far. See the vote and your ballot with /optpaper-dev vote.',
    );
  });
});
