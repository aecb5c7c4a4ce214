import { describe, expect, it } from 'vitest';
import { type CommandContext, withSubscription } from '../../src/commands/context.ts';
import { runCommand } from '../../src/commands/dispatch.ts';
import type { Reply } from '../../src/commands/reply.ts';
import { createWeeklyRunner } from '../../src/weekly/run-due.ts';
import { replyLines } from '../support/replies.ts';
import { postedTitle, RecordingPoster, readingGroupServices, weeklyFixture } from '../support/weekly.ts';

const sunday = new Date('2026-11-29T12:00:00Z');
const monday = new Date('2026-11-30T09:00:00Z');
const week = 7 * 24 * 3_600_000;
const ours = 'https://example.org/ours.pdf';

function setup(options: { votes?: boolean } = {}) {
  const fixture = weeklyFixture();
  const { weekly, votes } = readingGroupServices(fixture);
  const poster = new RecordingPoster();
  const runner = createWeeklyRunner({ ...fixture, post: poster.post, graceMs: 3_600_000 });
  const context = (user = 'U0ALICE'): Promise<CommandContext> =>
    withSubscription({
      search: fixture.library.current(),
      channel: { id: 'C0READING' },
      user: { id: user },
      now: sunday,
      random: () => 0,
      weekly,
      ...(options.votes === false ? {} : { votes }),
    });
  const run = async (text: string, user?: string) => read(await runCommand(text, await context(user)));
  return { ...fixture, run, runner, poster };
}

const read = (reply: Reply) => `${reply.visibility}: ${replyLines(reply).join('\n')}`;

describe('propose and vote as commands', () => {
  it('propose, where the channel does not vote: a list paper is queued, a link the list lacks needs a title', async () => {
    const { run } = setup();
    expect(await run('propose sharp minima')).toBe(
      'ephemeral: This channel does not get a paper of the week. Start it with /optpaper subscribe [day] [time] [time zone], for example /optpaper subscribe monday 9:30 Europe/Paris.',
    );
    await run('subscribe');
    expect(await run('propose sharp minima')).toBe(
      'in_channel: @U0ALICE proposed Sharp Minima Can Generalize For Deep Nets: it is next, and comes on Mon 30 Nov 2026.',
    );
    expect(await run('propose sharp minima', 'U0BOB')).toBe(
      'ephemeral: Sharp Minima Can Generalize For Deep Nets is already queued: it comes on Mon 30 Nov 2026.',
    );
    expect(await run(`propose ${ours}`)).toBe(
      `ephemeral: That link is not in the list: what is its title? Give it after the link: /optpaper propose ${ours} | <title>.`,
    );
    // Slack markup is read as text (a `<!channel>` never comes back live).
    expect(await run(`propose ${ours} | <!channel> Our Own Paper`)).toBe(
      'in_channel: @U0ALICE proposed Our Own Paper: it is number 2 in the queue, and comes on Mon 7 Dec 2026.',
    );
    expect(await run('upcoming 3')).toBe(
      'ephemeral: Next 3 papers of the week\n' +
        '[Sharp Minima Can Generalize For Deep Nets] Mon 30 Nov 2026 · section 7 of 14\n' +
        '[Our Own Paper] Mon 7 Dec 2026 · proposed by @U0ALICE, not in the list\n' +
        '[SGD · Momentum · RMSProp · Optimization] Mon 14 Dec 2026 · section 1 of 14',
    );
    expect(await run(`propose ${ours.replace('https', 'http')} | Same link`, 'U0BOB')).toBe(
      'ephemeral: Same link was already proposed by @U0ALICE (Sun 29 Nov 2026): it is waiting for its turn.',
    );
  });

  it('skip on a paper outside the list takes it out of the queue, and week and history show one once posted', async () => {
    const { run, runner, poster } = setup();
    await run('subscribe');
    await run(`propose ${ours} | Our Own Paper`);
    expect(await run('skip')).toBe(
      'in_channel: Skipped Our Own Paper: it leaves the queue (propose it again to bring it back). Next up, Mon 30 Nov 2026: SGD · Momentum · RMSProp · Optimization.',
    );
    await run(`propose ${ours} | Our Own Paper`, 'U0BOB');
    await runner.runDue(monday);
    await runner.runDue(new Date(monday.getTime() + week));
    expect(poster.weeklyPosts.map(postedTitle)).toEqual([
      `*<${ours}|Our Own Paper>*`,
      '*<https://www.deeplearningbook.org/contents/optimization.html|SGD · Momentum · RMSProp · Optimization>*',
    ]);
    expect(await run('history')).toContain(
      `Mon 30 Nov 2026 · Our Own Paper — proposed, not in the list · ${ours}`,
    );
  });

  it('vote: on and off, the next vote’s opening, and a ballot by number', async () => {
    const { run } = setup();
    await run('subscribe');
    expect(await run('vote')).toBe(
      'ephemeral: This channel does not vote on its paper of the week. Turn it on with /optpaper vote on [hours before] (default: a day before each post).',
    );
    expect(await run('vote on 2 days')).toContain(
      'in_channel: This channel now votes on its paper of the week: a vote opens 2 days before each post',
    );
    // Sunday noon is within two days of Monday's post: the vote opens at once.
    expect(await run('vote on 2 days')).toContain('The vote on the next post is open now.');
    expect(await run('vote 2', 'U0BOB')).toMatch(
      /^ephemeral: You voted for BatchNorm \(1 vote now\)\. You can change it until Mon 30 Nov 2026, 09:00 UTC\.$/,
    );
    expect(await run('vote 2', 'U0BOB')).toBe(
      'ephemeral: You already voted for BatchNorm. You can change it until Mon 30 Nov 2026, 09:00 UTC.',
    );
    expect(await run('vote off')).toBe(
      'in_channel: Voting is off: the rotation picks the paper of the week again (an open vote closed without a winner).',
    );
    expect(await run('vote 1')).toContain('This channel does not vote on its paper of the week.');
    expect(await run('vote maybe')).toContain('I did not understand “maybe”.');
  });

  it('says so where there are no votes', async () => {
    const { run } = setup({ votes: false });
    await run('subscribe');
    expect(await run('vote')).toBe('ephemeral: Votes are not available here.');
    expect(await run('propose sharp minima')).toBe('ephemeral: Proposals are not available here.');
  });
});
