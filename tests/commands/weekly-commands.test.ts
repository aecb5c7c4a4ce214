import { describe, expect, it } from 'vitest';
import { parseCatalog } from '../../src/catalog/parse.ts';
import { type CommandContext, withSubscription } from '../../src/commands/context.ts';
import { runCommand } from '../../src/commands/dispatch.ts';
import type { Reply } from '../../src/commands/reply.ts';
import { fixedLibrary } from '../../src/library.ts';
import { createSearch } from '../../src/search/search.ts';
import { createWeeklyRunner } from '../../src/weekly/run-due.ts';
import { createWeeklyService } from '../../src/weekly/service.ts';
import { replyLines } from '../support/replies.ts';
import { postedTitle, RecordingPoster, weeklyFixture } from '../support/weekly.ts';

const sunday = new Date('2026-11-29T12:00:00Z');

function setup(markdown?: string) {
  const fixture = weeklyFixture(
    markdown === undefined ? {} : { library: fixedLibrary(createSearch(parseCatalog(markdown))) },
  );
  const weekly = createWeeklyService({
    store: fixture.team,
    library: fixture.library,
    defaults: { cron: '0 9 * * 1', timeZone: 'UTC' },
  });
  let now = sunday;
  const context = (channel = 'C0READING'): Promise<CommandContext> =>
    withSubscription({
      search: fixture.library.current(),
      channel: { id: channel },
      user: { id: 'U0ALICE' },
      now,
      random: () => 0,
      weekly,
    });
  const run = async (text: string, channel?: string) => read(await runCommand(text, await context(channel)));
  const setNow = (date: Date) => {
    now = date;
  };
  return { ...fixture, weekly, run, context, setNow };
}

/**
 * A runner whose clock is the time each run is asked for: the real clock must never decide a test
 * (the runner runs at the later of the two, and records posts at its clock).
 */
function runnerAt(options: Omit<Parameters<typeof createWeeklyRunner>[0], 'clock'>) {
  let at = new Date(0);
  const runner = createWeeklyRunner({ ...options, clock: () => at });
  return {
    runDue: (when: Date) => {
      at = when;
      return runner.runDue(when);
    },
  };
}

/** A reply as one string, a line per block. */
const read = (reply: Reply) =>
  replyLines(reply)
    .filter((line) => line !== 'actions')
    .join('\n');

describe('weekly commands', () => {
  it('subscribe: says the schedule, when the first post comes and with what', async () => {
    const { run, team } = setup();
    expect(await run('subscribe')).toBe(
      'This channel now gets a paper of the week every Monday at 09:00 (UTC).\n' +
        'First post: Mon 30 Nov 2026, 09:00 UTC with SGD · Momentum · RMSProp · Optimization.\n' +
        'I post into the channel, so I must be in it: /invite @optpaper. See what comes next with /optpaper upcoming.',
    );
    expect(await team.subscription('C0READING')).toMatchObject({
      cron: '0 9 * * 1',
      timeZone: 'UTC',
      createdBy: 'U0ALICE',
    });
    expect(await run('subscribe fri 4:30pm Europe/Paris')).toMatch(
      /^Schedule changed: this channel now gets a paper of the week every Friday at 16:30 \(Europe\/Paris\) \(was every Monday at 09:00 \(UTC\)\)\.\nFirst post: Fri 4 Dec 2026, 16:30 CET/,
    );
  });

  it('subscribe with words it cannot read: says which, subscribes nothing', async () => {
    const { run, team } = setup();
    expect(await run('subscribe blursday')).toMatch(/^"blursday" is not a day, a time or a time zone/);
    expect(await run('subscribe monday 9am Mars/Olympus')).toMatch(/"Mars\/Olympus" is not a time zone/);
    expect(await team.subscriptions()).toEqual([]);
  });

  it('schedule, upcoming and week before anything was posted', async () => {
    const { run } = setup();
    expect(await run('schedule')).toMatch(/^This channel does not get a paper of the week/);
    await run('subscribe');
    expect(await run('schedule')).toContain(
      'Next post: Mon 30 Nov 2026, 09:00 UTC with SGD · Momentum · RMSProp · Optimization.',
    );
    expect(await run('upcoming 3')).toBe(
      'Next 3 papers of the week\n' +
        '[SGD · Momentum · RMSProp · Optimization] Mon 30 Nov 2026 · section 1 of 14\n' +
        '[BatchNorm] Mon 7 Dec 2026 · section 2 of 14\n' +
        '[Convex Neural Networks] Mon 14 Dec 2026 · section 3 of 14',
    );
    expect(await run('upcoming lots')).toBe('Give a number of weeks, up to 20: /optpaper upcoming 5');
    expect(await run('upcoming 0')).toBe('Give a number of weeks, up to 20: /optpaper upcoming 5');
    expect(await run('upcoming 999')).toMatch(/^Next 20 papers of the week\n/);
    expect(await run('week')).toBe(
      'Nothing posted here yet. The first paper, SGD · Momentum · RMSProp · Optimization, comes Mon 30 Nov 2026.',
    );
  });

  it('skip: the next pick moves to the end of the round, and the reply shows the new next pick', async () => {
    const { run } = setup();
    await run('subscribe');
    expect(await run('skip')).toBe(
      'Skipped SGD · Momentum · RMSProp · Optimization: it moves to the end of this round. Next up, Mon 30 Nov 2026: AdaGrad.',
    );
    expect(await run('upcoming 2')).toContain('[AdaGrad] Mon 30 Nov 2026 · section 1 of 14');
  });

  it('skip or unsubscribe followed by words is a search, not the command: the channel keeps its paper', async () => {
    const { run, team } = setup();
    await run('subscribe');
    const subscribed = await team.subscription('C0READING');
    expect(subscribed).toMatchObject({ channel: 'C0READING', cron: '0 9 * * 1' });
    expect(await run('skip connections')).toBe(
      'Searched, since /optpaper skip takes no words: send it alone to run it.\n' +
        'Best match for “skip connections”\n[Skip Connections Eliminate Singularities] (Share) (Read next)',
    );
    expect((await team.history('C0READING')).skipped).toEqual([]);
    expect(await run('unsubscribe from the convex papers')).toMatch(
      /^Searched, since \/optpaper unsubscribe takes no words/,
    );
    expect(await team.subscription('C0READING')).toEqual(subscribed);
  });

  it('skip, again and again: moves through what is left, and says when one reading is all that is left', async () => {
    const { run } = setup(
      '## A\n- [Alpha one](https://example.org/a1)\n- [Alpha two](https://example.org/a2)\n## B\n- [Beta one](https://example.org/b1)\n',
    );
    await run('subscribe');
    const nextUp = async () => (await run('skip')).replace(/^.*Next up, [^:]+: /, '');
    expect([await nextUp(), await nextUp(), await nextUp(), await nextUp()]).toEqual([
      'Alpha two.',
      'Beta one.',
      'Alpha one.',
      'Alpha two.',
    ]);
    const single = setup('## A\n- [Alpha one](https://example.org/a1)\n');
    await single.run('subscribe');
    expect(await single.run('skip')).toBe(
      'Alpha one is the last reading left in this round, so it stays next: Mon 30 Nov 2026.',
    );
  });

  it('queue and Read next: the paper becomes the next pick, once', async () => {
    const { run, context, weekly } = setup();
    const search = await run('sharp minima');
    expect(search).not.toContain('(Read next)');
    await run('subscribe');
    // Read next shows on search results once the channel is subscribed.
    expect(await run('sharp minima')).toContain(
      '[Sharp Minima Can Generalize For Deep Nets] (Share) (Read next)',
    );
    expect(await run('queue sharp minima')).toBe(
      'Sharp Minima Can Generalize For Deep Nets is next: it will be the paper of the week on Mon 30 Nov 2026.',
    );
    expect(await run('queue sharp minima')).toBe(
      'Sharp Minima Can Generalize For Deep Nets was already queued: it comes on Mon 30 Nov 2026.',
    );
    expect(
      await weekly.queue(
        'C0READING',
        'the-generalization-mystery-sharp-vs-flat-minima',
        'U0BOB',
        (await context()).now,
      ),
    ).toMatchObject({
      status: 'queued',
      position: 2,
    });
    expect(await run('upcoming 3')).toMatch(
      /^Next 3 papers of the week\n\[Sharp Minima Can Generalize For Deep Nets\] Mon 30 Nov 2026 · section 7 of 14\n\[The Generalization Mystery: Sharp vs Flat Minima\] Mon 7 Dec 2026/,
    );
    expect(await run('queue zzqxv')).toBe('No papers match “zzqxv”, so nothing was queued.');
    expect(await run('queue')).toBe('Say which paper: /optpaper queue sharp minima');
  });

  it('week, history, and asking for a paper already posted this round', async () => {
    const fixture = setup();
    const { run, store, library, logger, setNow } = fixture;
    await run('subscribe');
    const poster = new RecordingPoster();
    const runner = runnerAt({ store, library, logger, post: poster.post, graceMs: 86_400_000 });
    await runner.runDue(new Date('2026-11-30T09:00:01Z'));
    setNow(new Date('2026-12-01T10:00:00Z'));
    // A reading of four entries is shown as one, naming them all.
    expect(await run('week')).toBe(
      'Paper of the week since Mon 30 Nov 2026\n[SGD · Momentum · RMSProp · Optimization] ' +
        'One reading for 4 entries of the list, which all point to it.\nOpen the discussion thread',
    );
    await runner.runDue(new Date('2026-12-07T09:00:01Z'));
    setNow(new Date('2026-12-08T10:00:00Z'));
    const ts = poster.weeklyPosts[1]?.ts.replace('.', '') ?? '';
    expect(await run('week')).toBe(
      `Paper of the week since Mon 7 Dec 2026\n[BatchNorm]\nOpen the discussion thread`,
    );
    const week = await runCommand('week', await fixture.context());
    expect(JSON.stringify(week.blocks)).toContain(`https://slack.com/archives/C0READING/p${ts}`);
    expect(await run('history')).toBe(
      'Last 2 papers of the week\nMon 7 Dec 2026 · BatchNorm — Normalization Methods\n' +
        'Mon 30 Nov 2026 · SGD · Momentum · RMSProp · Optimization — Popular Optimization algorithms\n',
    );
    expect(await run('queue batchnorm')).toBe(
      'BatchNorm was already a paper of the week here in this round.',
    );
  });

  it('schedule says when the last post failed, was missed or was interrupted, and what to do', async () => {
    const { run, store, library, logger, setNow } = setup();
    await run('subscribe');
    const poster = new RecordingPoster();
    const runner = runnerAt({ store, library, logger, post: poster.post, graceMs: 86_400_000 });
    poster.fail({ ok: false, failure: 'refused', error: 'not_in_channel', attempts: 1 });
    await runner.runDue(new Date('2026-11-30T09:00:01Z'));
    setNow(new Date('2026-12-01T10:00:00Z'));
    expect(await run('schedule')).toContain(
      '⚠️ The Mon 30 Nov 2026 post failed: I am not in this channel. Invite me with /invite @optpaper; the paper stays next.\n' +
        'Next post: Mon 7 Dec 2026, 09:00 UTC with SGD · Momentum · RMSProp · Optimization.',
    );
    // Down for more than the grace period over the next slot: missed, said so.
    await runner.runDue(new Date('2026-12-09T09:00:00Z'));
    setNow(new Date('2026-12-09T10:00:00Z'));
    expect(await run('schedule')).toContain(
      '⚠️ The Mon 7 Dec 2026 post was missed while the bot was down; the paper stays next.',
    );
    await runner.runDue(new Date('2026-12-14T09:00:01Z'));
    setNow(new Date('2026-12-14T10:00:00Z'));
    expect(await run('schedule')).not.toContain('⚠️');
  });

  it('a schedule changed just after a post does not bring a second paper that week', async () => {
    const { run, store, library, logger, setNow } = setup();
    await run('subscribe');
    const poster = new RecordingPoster();
    const runner = runnerAt({ store, library, logger, post: poster.post, graceMs: 86_400_000 });
    await runner.runDue(new Date('2026-11-30T09:00:01Z'));
    setNow(new Date('2026-11-30T10:00:00Z'));
    expect(await run('subscribe monday 4pm')).toContain(
      'First post: Mon 7 Dec 2026, 16:00 UTC with BatchNorm.',
    );
    await runner.runDue(new Date('2026-11-30T16:00:01Z'));
    expect(poster.weeklyPosts).toHaveLength(1);
    await runner.runDue(new Date('2026-12-07T16:00:01Z'));
    expect(poster.weeklyPosts).toHaveLength(2);
    // Moved far enough from the last post (Friday), the new schedule starts at once.
    setNow(new Date('2026-12-08T10:00:00Z'));
    expect(await run('subscribe friday 9am')).toContain('First post: Fri 11 Dec 2026, 09:00 UTC');
  });

  it('unsubscribe keeps the history; weekly commands then say how to subscribe', async () => {
    const { run } = setup();
    await run('subscribe');
    expect(await run('unsubscribe')).toBe(
      'This channel will no longer get a paper of the week. Its history is kept: /optpaper subscribe continues where it left off.',
    );
    expect(await run('unsubscribe')).toBe('This channel was not getting a paper of the week.');
    for (const command of ['skip', 'queue sharp minima', 'week', 'history']) {
      expect(await run(command)).toMatch(
        /^This channel does not get a paper of the week\. Start it with \/optpaper subscribe/,
      );
    }
  });

  it('help lists the weekly commands where the paper of the week is available', async () => {
    const { run } = setup();
    const help = await run('help');
    for (const usage of [
      '/optpaper subscribe [every 2 weeks] [day] [time] [time zone or city]',
      '/optpaper pause <from> [to]',
      '/optpaper resume',
      '/optpaper upcoming [N]',
      '/optpaper skip',
      '/optpaper queue <words>',
    ]) {
      expect(help).toContain(usage);
    }
  });
});

describe('schedules people ask for', () => {
  it('subscribe every 2 weeks with a city: the reply says the cadence, in the city’s zone, and upcoming skips the off-weeks', async () => {
    const { run, team } = setup();
    expect(await run('subscribe every 2 weeks friday 4:30pm New York')).toBe(
      'This channel now gets a paper of the week every Friday at 16:30 (America/New_York), every other week.\n' +
        'First post: Fri 4 Dec 2026, 16:30 EST with SGD · Momentum · RMSProp · Optimization.\n' +
        'I post into the channel, so I must be in it: /invite @optpaper. See what comes next with /optpaper upcoming.',
    );
    expect(await team.subscription('C0READING')).toMatchObject({ every: 2, timeZone: 'America/New_York' });
    expect(await run('upcoming 3')).toBe(
      'Next 3 papers of the week\n' +
        '[SGD · Momentum · RMSProp · Optimization] Fri 4 Dec 2026 · section 1 of 14\n' +
        '[BatchNorm] Fri 18 Dec 2026 · section 2 of 14\n' +
        '[Convex Neural Networks] Fri 1 Jan 2027 · section 3 of 14',
    );
    expect(await run('subscribe every 12 weeks')).toMatch(
      /^"every 12 weeks": a paper every week up to every 8 weeks/,
    );
  });

  it('pause and resume: no post during the break (not missed either), said in schedule, ended early by resume', async () => {
    const fixture = setup();
    const { run, store, library, logger, setNow } = fixture;
    await run('subscribe');
    expect(await run('pause 2026-12-07 2026-12-20')).toBe(
      'No paper of the week here from Mon 7 Dec 2026 to Sun 20 Dec 2026: those posts are skipped, and the rotation waits.\n' +
        'Next post: Mon 30 Nov 2026, 09:00 UTC with SGD · Momentum · RMSProp · Optimization.\n' +
        'End the break early with /optpaper resume.',
    );
    expect(await run('upcoming 2')).toBe(
      'Next 2 papers of the week\n' +
        '[SGD · Momentum · RMSProp · Optimization] Mon 30 Nov 2026 · section 1 of 14\n' +
        '[BatchNorm] Mon 21 Dec 2026 · section 2 of 14',
    );
    expect(await run('schedule')).toContain('Breaks: Mon 7 Dec 2026 to Sun 20 Dec 2026.');
    const poster = new RecordingPoster();
    const runner = runnerAt({ store, library, logger, post: poster.post, graceMs: 86_400_000 });
    for (const day of ['2026-11-30', '2026-12-07', '2026-12-14', '2026-12-21']) {
      await runner.runDue(new Date(`${day}T09:00:01Z`));
    }
    expect(poster.weeklyPosts.map(postedTitle)).toEqual([
      '*<https://www.deeplearningbook.org/contents/optimization.html|SGD · Momentum · RMSProp · Optimization>*',
      '*<https://arxiv.org/abs/1502.03167|BatchNorm>*',
    ]);
    expect(fixture.logs.join('')).not.toContain('missed');
    // A new break, ended early.
    setNow(new Date('2026-12-22T10:00:00Z'));
    await run('pause until 2027-01-10');
    expect(await run('resume')).toBe(
      'The break is over: the paper of the week goes on.\nNext post: Mon 28 Dec 2026, 09:00 UTC with Convex Neural Networks.',
    );
    expect(await run('resume')).toBe('There is no break to end: the paper of the week goes on as scheduled.');
  });

  it('pause with dates it cannot use says why and how', async () => {
    const { run } = setup();
    await run('subscribe');
    expect(await run('pause')).toBe(
      'Say when, as dates: /optpaper pause 2026-12-21 2027-01-04 (both days included), /optpaper pause until 2027-01-04 or one day: /optpaper pause 2026-12-24.',
    );
    expect(await run('pause next week')).toMatch(/^"next" is not a date: write it as YYYY-MM-DD\. Say when/);
    expect(await run('pause 2026-02-30')).toMatch(/^"2026-02-30" is not a day/);
    expect(await run('pause 2027-01-04 2026-12-21')).toMatch(
      /^the break ends \(2026-12-21\) before it starts/,
    );
    expect(await run('pause 2026-01-01')).toMatch(/^2026-01-01 has passed already/);
  });
});
