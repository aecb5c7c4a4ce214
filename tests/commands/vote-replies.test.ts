import { describe, expect, it } from 'vitest';
import { type CommandContext, withSubscription } from '../../src/commands/context.ts';
import { runCommand } from '../../src/commands/dispatch.ts';
import { castReply, readVoteRequest } from '../../src/commands/vote.ts';
import { fixedLibrary } from '../../src/library.ts';
import { createSearch } from '../../src/search/search.ts';
import { replyMarkup } from '../support/markup.ts';
import { shippedCatalog } from '../support/shipped.ts';
import { readingGroupServices, weeklyFixture } from '../support/weekly.ts';

const sunday = new Date('2026-11-29T12:00:00Z');
const monday = new Date('2026-11-30T09:00:00Z');

/** One search over the shipped list for every test (building it is the slow part). */
const library = fixedLibrary(createSearch(shippedCatalog()));

function setup() {
  const fixture = weeklyFixture({ library });
  const { weekly, votes } = readingGroupServices(fixture);
  const context = (user = 'U0ALICE', now = sunday, command?: string): Promise<CommandContext> =>
    withSubscription({
      ...(command ? { command } : {}),
      search: fixture.library.current(),
      channel: { id: 'C0READING' },
      user: { id: user },
      now,
      random: () => 0,
      weekly,
      votes,
    });
  const run = async (text: string, user?: string, now?: Date) =>
    replyMarkup(await runCommand(text, await context(user, now)));
  const reply = async (text: string, user?: string, now?: Date, command?: string) =>
    runCommand(text, await context(user, now, command));
  return { run, reply, votes };
}

describe('readVoteRequest, at its edges', () => {
  it('reads the words trimmed, whatever their case, and keeps what it did not understand as typed', () => {
    expect(readVoteRequest('  12 ')).toEqual({ kind: 'cast', number: 12 });
    expect(readVoteRequest(' Off ')).toEqual({ kind: 'off' });
    expect(readVoteRequest(' Maybe ')).toEqual({ kind: 'bad', words: 'Maybe' });
    expect(readVoteRequest(' On 30 Minutes ')).toEqual({ kind: 'bad', words: 'On 30 Minutes' });
  });

  it('a ballot is digits alone', () => {
    for (const words of ['x2', '2x', '2 3', '-1'])
      expect(readVoteRequest(words)).toEqual({ kind: 'bad', words });
  });

  it('on: spaces, decimals and units however written; nothing before or after', () => {
    expect(readVoteRequest('on   3')).toEqual({ kind: 'on', leadMinutes: 180 });
    expect(readVoteRequest('on 2d')).toEqual({ kind: 'on', leadMinutes: 2880 });
    expect(readVoteRequest('on 1.25h')).toEqual({ kind: 'on', leadMinutes: 75 });
    expect(readVoteRequest('on 2 days   before')).toEqual({ kind: 'on', leadMinutes: 2880 });
    for (const words of ['won', 'on 2 days please', 'on 2 daysbefore', 'on 2 days xbefore', 'on 1.h'])
      expect(readVoteRequest(words)).toEqual({ kind: 'bad', words });
  });

  it('a lead from an hour to a week, both included', () => {
    expect(readVoteRequest('on 1')).toEqual({ kind: 'on', leadMinutes: 60 });
    expect(readVoteRequest('on 60 minutes')).toEqual({ kind: 'on', leadMinutes: 60 });
    expect(readVoteRequest('on 7 days')).toEqual({ kind: 'on', leadMinutes: 10_080 });
    expect(readVoteRequest('on 59 min')).toEqual({ kind: 'bad', words: 'on 59 min' });
    expect(readVoteRequest('on 10081 minutes')).toEqual({ kind: 'bad', words: 'on 10081 minutes' });
  });
});

describe('vote: what the replies say, with their emphasis and links', () => {
  it('explains itself after words it did not understand, every command written as code', async () => {
    const { run } = setup();
    await run('subscribe');
    expect(await run('vote maybe')).toBe(
      'ephemeral: I did not understand “maybe”. `/optpaper vote on 24` opens a vote 24 hours before each post (from 1 hour to 7 days: `vote on 2 days`), `/optpaper vote off` stops voting, `/optpaper vote` shows the open vote and `/optpaper vote 2` votes for its second paper.',
    );
  });

  it('off where the channel never voted is said to its asker alone', async () => {
    const { run } = setup();
    await run('subscribe');
    expect(await run('vote off')).toBe(
      'ephemeral: This channel does not vote: the rotation picks the paper of the week.',
    );
    expect(await run('vote')).toBe(
      'ephemeral: This channel does not vote on its paper of the week. Turn it on with `/optpaper vote on [hours before]` (default: a day before each post).',
    );
  });

  it('on, ahead of the vote: when the first vote opens, and what vote and a ballot say until then', async () => {
    const { run } = setup();
    await run('subscribe');
    const on = await run('vote on 90 minutes');
    expect(on).toBe(
      'in_channel: This channel now votes on its paper of the week: a vote opens 90 minutes before each post, with three candidates: what the rotation would post, the papers members asked for or proposed (`/optpaper propose`), then the rotation’s next picks from other sections. One vote each, changeable until the post; the winner is posted, a tie goes to the rotation’s order, and with nobody voting the rotation’s pick goes out. The first vote opens *Mon 30 Nov 2026, 07:30 UTC*.',
    );
    const noVote =
      'ephemeral: No vote is open here yet. The vote on the paper of Mon 30 Nov 2026 opens *Mon 30 Nov 2026, 07:30 UTC*; propose a paper for it with `/optpaper propose <words or link>`.';
    expect(await run('vote')).toBe(noVote);
    expect(await run('vote 1')).toBe(noVote);
  });

  it('names the lead in hours, a day or days', async () => {
    const { run } = setup();
    await run('subscribe');
    for (const [words, said] of [
      ['on 1', '1 hour'],
      ['on 3', '3 hours'],
      ['on 24', '24 hours'],
      ['on 3 days', '3 days'],
      ['on 150 minutes', '150 minutes'],
    ] as const)
      expect(await run(`vote ${words}`)).toContain(`a vote opens ${said} before each post, with three`);
  });

  it('its summary, for notifications, says the lead', async () => {
    const { run, reply } = setup();
    await run('subscribe');
    expect((await reply('vote on 2 days')).text).toBe('Voting on: a vote opens 2 days before each post.');
  });

  it('an open vote: the ballot, a number out of range, a changed ballot, your vote', async () => {
    const { run, reply } = setup();
    await run('subscribe');
    expect(await run('vote on 2 days')).toMatch(/pick goes out\. The vote on the next post is open now\.$/);
    const open = await reply('vote');
    expect(open.visibility).toBe('ephemeral');
    expect(replyMarkup(open).split(' | ').at(-1)).toBe(
      '> You have not voted yet: press Vote on the paper you want to read.',
    );
    expect(await run('vote 4')).toBe(
      'ephemeral: This vote has candidates 1 to 3: `/optpaper vote 1` votes for the first.',
    );
    expect(await run('vote 2')).toBe(
      'ephemeral: You voted for <https://arxiv.org/abs/1502.03167|*BatchNorm*> (1 vote now). You can change it until *Mon 30 Nov 2026, 09:00 UTC*.',
    );
    expect(await run('vote 1')).toBe(
      'ephemeral: You changed your vote to <https://www.deeplearningbook.org/contents/optimization.html|*SGD · Momentum · RMSProp · Optimization*> (1 vote now). You can change it until *Mon 30 Nov 2026, 09:00 UTC*.',
    );
    expect(await run('vote 1')).toBe(
      'ephemeral: You already voted for <https://www.deeplearningbook.org/contents/optimization.html|*SGD · Momentum · RMSProp · Optimization*>. You can change it until *Mon 30 Nov 2026, 09:00 UTC*.',
    );
    expect(
      replyMarkup(await reply('vote'))
        .split(' | ')
        .at(-1),
    ).toBe(
      '> Your vote: <https://www.deeplearningbook.org/contents/optimization.html|*SGD · Momentum · RMSProp · Optimization*>. Press another Vote to change it.',
    );
  });

  it('a ballot on a vote that closed, or that never was', async () => {
    const { run, votes } = setup();
    await run('subscribe');
    await run('vote on 2 days');
    const open = await votes.current('C0READING', 'U0ALICE', sunday);
    const first = open?.vote.candidates[0];
    if (!open || !first) throw new Error('the vote opened on request');
    // Off closes the open vote without a winner.
    await run('vote off');
    expect(replyMarkup(castReply(await votes.cast(open.vote.id, first.key, 'U0BOB', sunday)))).toBe(
      'ephemeral: The vote on the paper of Mon 30 Nov 2026 has closed.',
    );
    expect(replyMarkup(castReply(await votes.cast(open.vote.id + 1, first.key, 'U0BOB', sunday)))).toBe(
      'ephemeral: That vote is no longer open.',
    );
  });

  it('a candidate with no link is named in bold; one the tally has not counted has no votes', () => {
    const outcome = {
      status: 'cast',
      vote: { id: 1, team: 'T0TEAM', channel: 'C0READING', slot: monday, candidates: [], openedAt: sunday },
      candidate: { key: 'outside:1', title: 'Our Own Paper', section: '', origin: 'proposed' },
      tally: { counts: [], total: 0 },
      timeZone: 'Europe/Paris',
    } as unknown as Parameters<typeof castReply>[0];
    expect(replyMarkup(castReply(outcome))).toBe(
      'ephemeral: You voted for *Our Own Paper* (0 votes now). You can change it until *Mon 30 Nov 2026, 10:00 CET*.',
    );
  });

  it('a channel that does not get a paper of the week is told so, whatever the words', async () => {
    const { run } = setup();
    const notSubscribed =
      'ephemeral: This channel does not get a paper of the week. Start it with `/optpaper subscribe [day] [time] [time zone]`, for example `/optpaper subscribe monday 9:30 Europe/Paris`.';
    expect(await run('vote')).toBe(notSubscribed);
    expect(await run('vote on')).toBe(notSubscribed);
  });

  it('the open vote marks your ballot, and names the command as it was typed', async () => {
    const { run, reply } = setup();
    await run('subscribe');
    await run('vote on 2 days');
    await run('vote 2', 'U0BOB');
    const shown = replyMarkup(await reply('vote', 'U0BOB', sunday, '/optpaper-dev')).split(' | ');
    expect(shown.filter((line) => line.includes('your vote'))).toEqual([
      '[batchnorm: BatchNorm <https://arxiv.org/abs/1502.03167> Coming up in the rotation · *1 vote* · your vote] (Vote=1:batchnorm)',
    ]);
    expect(shown.filter((line) => line.includes('/optpaper'))).toEqual([
      '> 1 vote so far. See the vote and your ballot with `/optpaper-dev vote`.',
    ]);
  });
});
