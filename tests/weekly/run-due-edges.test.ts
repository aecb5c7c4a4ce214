import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { webApi } from '@slack/bolt';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseCatalog } from '../../src/catalog/parse.ts';
import { fixedLibrary, type Library } from '../../src/library.ts';
import { createSearch } from '../../src/search/search.ts';
import { webClientOptions } from '../../src/slack/app.ts';
import { toSlackMessage } from '../../src/slack/blocks.ts';
import { postMessage } from '../../src/slack/post.ts';
import { openStore } from '../../src/store/sqlite.ts';
import type { Store } from '../../src/store/types.ts';
import { createWeeklyRunner, type FireExtension, type Poster } from '../../src/weekly/run-due.ts';
import { shippedCatalog } from '../support/shipped.ts';
import { SlackApiStub } from '../support/slack-api-stub.ts';
import {
  postedTitle,
  RecordingPoster,
  subscribedRunner,
  testTeam,
  weeklyFixture,
} from '../support/weekly.ts';

const minute = 60_000;
const hour = 60 * minute;
const graceMs = 24 * hour;
const week = 7 * 24 * hour;
// Monday 30 November 2026, 09:00 UTC is a slot of `0 9 * * 1`.
const monday = new Date('2026-11-30T09:00:00Z');
const at = (base: Date, offsetMs: number) => new Date(base.getTime() + offsetMs);
const sgdTitle =
  '*<https://www.deeplearningbook.org/contents/optimization.html|SGD · Momentum · RMSProp · Optimization>*';
const sgdIds = ['sgd', 'momentum', 'rmsprop', 'optimization'];

/** The log lines without their time stamps: `LEVEL [optpaper] message key=value…`. */
const linesOf = (logs: readonly string[]): string[] =>
  logs
    .join('')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => line.replace(/^\S+ /, ''));

// One search over the shipped list for every test: building it is most of a fixture's cost.
const shipped = fixedLibrary(createSearch(shippedCatalog()));

type Options = Partial<Parameters<typeof createWeeklyRunner>[0]>;

/** A runner on a fresh store with the weekly channel C0READING, subscribed two days before `monday`. */
const setup = (options: Options & { library?: Library; store?: Store } = {}) =>
  subscribedRunner({
    library: shipped,
    graceMs,
    ...options,
    subscription: { at: at(monday, -2 * 24 * hour) },
  });

describe('runDue says what it did, and nothing else', () => {
  it('posts with one line naming the paper, the slot and the rotation, on the workspace and channel', async () => {
    const { runner, poster, logs } = await setup();
    const outcomes = await runner.runDue(at(monday, 50));
    expect(outcomes).toEqual([
      {
        team: testTeam,
        channel: 'C0READING',
        slot: monday,
        status: 'posted',
        paperIds: sgdIds,
        messageTs: poster.weeklyPosts[0]?.ts,
        recorded: true,
      },
    ]);
    // No clock warning, no failed fire, no failed discussion reply: only the post.
    expect(linesOf(logs)).toEqual([
      'INFO [optpaper] weekly: posted “SGD · Momentum · RMSProp · Optimization” to C0READING for the ' +
        '2026-11-30T09:00:00.000Z fire (section 1 of 14, 1 of 110) team=T0TEAM channel=C0READING',
    ]);
  });

  it('before the first slot, or with no subscription at all, does nothing and logs nothing', async () => {
    const { runner, logs, poster } = await setup();
    expect(await runner.runDue(at(monday, -hour))).toEqual([]);
    const empty = weeklyFixture({ library: shipped });
    const bare = createWeeklyRunner({ ...empty, post: poster.post, graceMs });
    expect(await bare.runDue(monday)).toEqual([]);
    expect(poster.posted).toEqual([]);
    expect([...logs, ...empty.logs]).toEqual([]);
  });
});

describe('runDue at the edge of the grace period', () => {
  it('with no grace period, posts a fire exactly five minutes late and records one a millisecond later as missed', async () => {
    const onTime = await setup({ graceMs: 0 });
    expect(await onTime.runner.runDue(at(monday, 5 * minute))).toMatchObject([
      { status: 'posted', slot: monday },
    ]);
    const late = await setup({ graceMs: 0 });
    expect(await late.runner.runDue(at(monday, 5 * minute + 1))).toEqual([
      { team: testTeam, channel: 'C0READING', slot: monday, status: 'missed' },
    ]);
    expect(late.poster.posted).toEqual([]);
    expect(await late.team.lastFire('C0READING')).toMatchObject({
      scheduledAt: monday,
      status: 'missed',
      error: 'the bot was down',
    });
  });
});

describe('runDue on a cron of seconds after a long downtime (the widening look-back is in run-due.test.ts)', () => {
  it('posts nothing when the latest slot falls in a break, although earlier ones did not', async () => {
    const { runner, poster, ...fixture } = await subscribedRunner({
      library: shipped,
      graceMs,
      subscription: {
        channel: 'C0FAST',
        cron: '* * * * * *',
        createdBy: 'U0BOB',
        at: new Date('2026-11-29T00:00:00Z'),
      },
    });
    await fixture.team.addPause('C0FAST', {
      startsOn: '2026-11-30',
      endsOn: '2026-11-30',
      by: 'U0BOB',
      at: new Date('2026-11-29T00:00:00Z'),
    });
    expect(await runner.runDue(new Date('2026-11-30T15:00:00.500Z'))).toEqual([]);
    expect(poster.posted).toEqual([]);
    expect(fixture.logs).toEqual([]);
  });
});

describe('runDue after the clock ran three weeks ahead', () => {
  it('names the fires it brings back and the latest one, and keeps them in their order just before now', async () => {
    const { runner, team, logs } = await setup();
    for (let n = 1; n <= 3; n++) await runner.runDue(at(monday, n * week + 1000));
    logs.length = 0;
    const now = at(monday, 2000);
    expect(await runner.runDue(now)).toEqual([]);
    expect(linesOf(logs)).toEqual([
      'WARN [optpaper] weekly: the clock went back: 3 fire(s) of C0READING lie after now (2026-11-30T09:00:02.000Z), ' +
        "the latest at 2026-12-21T09:00:00.000Z; moving them to now, so that the channel's next slot is posted",
    ]);
    // Newest first: the latest fire is the one just before now.
    expect((await team.posts('C0READING')).map((fire) => fire.scheduledAt)).toEqual([
      at(now, -1),
      at(now, -2),
      at(now, -3),
    ]);
  });
});

describe('runDue with nothing to post', () => {
  it('on an empty list says so, claims nothing, and posts the slot once the list has papers again', async () => {
    let current = createSearch(parseCatalog('# Papers\n\n## Optimizers\n\nNothing yet.\n'));
    const { runner, poster, team, logs } = await setup({ library: { current: () => current } });
    expect(await runner.runDue(at(monday, 1000))).toEqual([
      { team: testTeam, channel: 'C0READING', slot: monday, status: 'empty-list' },
    ]);
    expect(poster.posted).toEqual([]);
    expect(linesOf(logs)).toEqual([
      'ERROR [optpaper] weekly: the list has no papers; nothing to post to C0READING team=T0TEAM channel=C0READING',
    ]);
    expect(await team.lastFire('C0READING')).toBeUndefined();
    current = createSearch(parseCatalog('## Optimizers\n- [Adam](https://arxiv.org/abs/1412.6980)\n'));
    expect(await runner.runDue(at(monday, 2000))).toMatchObject([{ status: 'posted', paperIds: ['adam'] }]);
  });

  it('leaves a slot another replica claimed while this one prepared its post, and posts nothing', async () => {
    const fixture = weeklyFixture({ library: shipped });
    const posterA = new RecordingPoster();
    const posterB = new RecordingPoster();
    const replicaB = createWeeklyRunner({ ...fixture, post: posterB.post, graceMs });
    // A vote being counted takes A long enough for B, on the same database, to claim and post the slot.
    const slowVote: FireExtension = {
      name: 'votes',
      async prepare(fire) {
        await replicaB.runDue(fire.now);
        return undefined;
      },
    };
    const replicaA = createWeeklyRunner({ ...fixture, post: posterA.post, graceMs, extensions: [slowVote] });
    await fixture.team.subscribe({
      channel: 'C0READING',
      cron: '0 9 * * 1',
      timeZone: 'UTC',
      createdBy: 'U0ALICE',
      at: at(monday, -hour),
    });
    expect(await replicaA.runDue(at(monday, 1000))).toEqual([
      { team: testTeam, channel: 'C0READING', slot: monday, status: 'already-claimed' },
    ]);
    expect(posterA.posted).toEqual([]);
    expect(posterB.weeklyPosts.map(postedTitle)).toEqual([sgdTitle]);
    expect((await fixture.team.posts('C0READING')).map((fire) => fire.messageTs)).toEqual([
      posterB.weeklyPosts[0]?.ts,
    ]);
  });
});

describe('runDue when one part fails', () => {
  it('logs a channel whose fire throws (a time zone this Node no longer knows) and still posts to the next one', async () => {
    const { runner, poster, team, logs } = await setup();
    // Subscribed first, so it comes first.
    await team.subscribe({
      channel: 'C0BROKEN',
      cron: '0 9 * * 1',
      timeZone: 'Mars/Olympus_Mons',
      createdBy: 'U0BOB',
      at: at(monday, -3 * 24 * hour),
    });
    expect(
      (await runner.runDue(at(monday, 1000))).map((outcome) => [outcome.channel, outcome.status]),
    ).toEqual([['C0READING', 'posted']]);
    expect(poster.weeklyPosts.map((post) => post.channel)).toEqual(['C0READING']);
    expect(logs.join('')).toMatch(
      /ERROR \[optpaper\] weekly: the fire for C0BROKEN failed:.*Mars\/Olympus_Mons/,
    );
  });

  it('leaves out an uninstalled workspace and one it cannot tell about (logged), and posts to the others', async () => {
    const fixture = weeklyFixture({ library: shipped });
    const poster = new RecordingPoster();
    const runner = createWeeklyRunner({
      ...fixture,
      post: poster.post,
      graceMs,
      isActive: async (team) => {
        if (team === 'T0ERR') throw new Error('installations table unreadable');
        return team !== 'T0OFF';
      },
    });
    for (const team of ['T0ON', 'T0OFF', 'T0ERR'])
      await fixture.store.team(team).subscribe({
        channel: 'C1',
        cron: '0 9 * * 1',
        timeZone: 'UTC',
        createdBy: 'U0',
        at: at(monday, -hour),
      });
    expect((await runner.runDue(at(monday, 1000))).map((outcome) => outcome.team)).toEqual(['T0ON']);
    expect(poster.weeklyPosts.map((post) => post.channel)).toEqual(['C1']);
    expect(await fixture.store.team('T0OFF').lastFire('C1')).toBeUndefined();
    expect(fixture.logs.join('')).toMatch(
      /ERROR \[optpaper\] weekly: cannot tell whether T0ERR still has the app:.*installations table unreadable/,
    );
  });

  it('records why a post failed on its fire', async () => {
    const { runner, poster, team } = await setup();
    poster.fail({ ok: false, failure: 'server', error: 'internal_error', attempts: 5 });
    expect(await runner.runDue(at(monday, 1000))).toMatchObject([
      { status: 'failed', error: 'internal_error' },
    ]);
    expect(await team.lastFire('C0READING')).toMatchObject({
      status: 'failed',
      error: 'server: internal_error',
      attempts: 5,
    });
  });

  it('logs a discussion reply Slack refused, and counts the post as posted', async () => {
    const { team, logs, library, logger, store, clock } = await setup();
    const inner = new RecordingPoster();
    const post: Poster = (message, policy, signal) =>
      message.thread_ts === undefined
        ? inner.post(message, policy, signal)
        : Promise.resolve({ ok: false, failure: 'server', error: 'internal_error', attempts: 5 });
    const runner = createWeeklyRunner({ store, library, logger, clock, post, graceMs });
    expect(await runner.runDue(at(monday, 1000))).toMatchObject([{ status: 'posted', recorded: true }]);
    expect(linesOf(logs).at(-1)).toBe(
      'WARN [optpaper] weekly: the discussion reply in C0READING failed (server: internal_error) team=T0TEAM channel=C0READING',
    );
    expect(await team.posts('C0READING')).toHaveLength(1);
  });
});

describe('runDue against a rate-limited Slack', () => {
  it('waits out a Retry-After of two minutes in full: the weekly post is worth waiting for', async () => {
    const stub = await new SlackApiStub().start();
    try {
      const client = new webApi.WebClient('xoxb-test', webClientOptions(stub.apiUrl));
      const waits: number[] = [];
      // The real post with the runner's default policy; its waits are recorded, not slept.
      const post: Poster = ({ reply, team: _team, ...target }, policy, signal) =>
        postMessage(
          client,
          { ...target, ...toSlackMessage(reply) },
          policy,
          async (ms) => {
            waits.push(ms);
          },
          signal,
        );
      const { store, library, logger, clock } = await setup();
      const runner = createWeeklyRunner({ store, library, logger, clock, post, graceMs });
      stub.script('chat.postMessage', {
        status: 429,
        headers: { 'retry-after': '120' },
        body: { ok: false, error: 'ratelimited' },
      });
      expect(await runner.runDue(at(monday, 1000))).toMatchObject([{ status: 'posted', slot: monday }]);
      expect(waits).toEqual([120_000]);
      const posts = stub.calls.filter((call) => call.method === 'chat.postMessage' && !call.body.thread_ts);
      expect(posts).toHaveLength(2);
    } finally {
      await stub.close();
    }
  });
});

describe('runDue with extensions that leave hooks out', () => {
  it('posts what a runner without extensions posts when an extension has no hooks or adds nothing', async () => {
    const plain = await setup();
    await plain.runner.runDue(at(monday, 1000));
    const withExtensions = await setup({
      extensions: [{ name: 'no hooks' }, { name: 'nothing to add', prepare: async () => undefined }],
    });
    expect(await withExtensions.runner.runDue(at(monday, 1000))).toMatchObject([{ status: 'posted' }]);
    await withExtensions.runner.maintain(at(monday, 2000));
    expect(withExtensions.poster.posted.map((post) => post.blocks)).toEqual(
      plain.poster.posted.map((post) => post.blocks),
    );
    expect(withExtensions.logs).toHaveLength(1);
  });

  it('adds an extension’s lines to the rotation’s own pick when it names no other', async () => {
    const { runner, poster } = await setup({
      extensions: [{ name: 'presenters', prepare: async () => ({ notes: [['Led by Ada.']] }) }],
    });
    await runner.runDue(at(monday, 1000));
    const [post] = poster.weeklyPosts;
    expect(postedTitle(post ?? { text: '', blocks: [] })).toBe(sgdTitle);
    expect(JSON.stringify(post?.blocks)).toContain('Led by Ada.');
  });

  it('logs an extension failing after the post or in its bookkeeping, and goes on', async () => {
    const { runner, poster, logs } = await setup({
      extensions: [
        {
          name: 'votes',
          posted: async () => {
            throw new Error('cannot close the vote');
          },
          maintain: async () => {
            throw new Error('cannot open the vote');
          },
        },
      ],
    });
    expect(await runner.runDue(at(monday, 1000))).toMatchObject([{ status: 'posted' }]);
    // The discussion thread opened all the same.
    expect(poster.posted.map((post) => post.thread_ts)).toEqual([undefined, poster.posted[0]?.ts]);
    await runner.maintain(at(monday, 2000));
    const text = logs.join('');
    expect(text).toMatch(/ERROR \[optpaper\] weekly: votes after the post failed:.*cannot close the vote/);
    expect(text).toMatch(/ERROR \[optpaper\] weekly: votes bookkeeping failed:.*cannot open the vote/);
  });
});

describe('runDue spacing posts', () => {
  it('posts a slot exactly half a period after the previous post', async () => {
    const { runner, poster, ...fixture } = await subscribedRunner({
      library: shipped,
      graceMs,
      subscription: { channel: 'C0FAST', cron: '* * * * *', createdBy: 'U0BOB', at: monday },
    });
    // The 09:01 post goes out at 09:01:30, half a minute before the 09:02 slot.
    fixture.time.set(at(monday, 90_000));
    expect(await runner.runDue(at(monday, minute + 100))).toMatchObject([{ status: 'posted' }]);
    fixture.time.set(at(monday, 2 * minute));
    expect(await runner.runDue(at(monday, 2 * minute))).toMatchObject([
      { status: 'posted', slot: at(monday, 2 * minute) },
    ]);
    expect(poster.weeklyPosts).toHaveLength(2);
  });
});

describe('runDue across workspaces, one at a time', () => {
  it('starts at the workspace `random` points to, never posts to two at once, and reports in subscription order', async () => {
    const fixture = weeklyFixture({ library: shipped });
    const inner = new RecordingPoster();
    const served: string[] = [];
    let inFlight = 0;
    let most = 0;
    const post: Poster = async (message, policy, signal) => {
      if (message.thread_ts === undefined) {
        served.push(message.team);
        inFlight += 1;
        most = Math.max(most, inFlight);
        // Another worker, if there were one, gets its turn meanwhile.
        await new Promise((resolve) => setImmediate(resolve));
        inFlight -= 1;
      }
      return inner.post(message, policy, signal);
    };
    const runner = createWeeklyRunner({ ...fixture, post, graceMs, parallelTeams: 1, random: () => 0.5 });
    for (const team of ['T0A', 'T0B'])
      await fixture.store.team(team).subscribe({
        channel: 'C1',
        cron: '0 9 * * 1',
        timeZone: 'UTC',
        createdBy: 'U0',
        at: at(monday, -hour),
      });
    const outcomes = await runner.runDue(at(monday, 1000));
    expect(served).toEqual(['T0B', 'T0A']);
    expect(most).toBe(1);
    expect(outcomes.map((outcome) => `${outcome.team}:${outcome.status}`)).toEqual([
      'T0A:posted',
      'T0B:posted',
    ]);
  });
});

describe('runDue while the bot stops', () => {
  it('posts to no further channel or workspace once stopping, and reports only what it posted', async () => {
    const fixture = weeklyFixture({ library: shipped });
    const inner = new RecordingPoster();
    let stopped: Promise<void> | undefined;
    const post: Poster = (message, policy, signal) => {
      // SIGTERM arrives while the first post is on its way.
      stopped ??= runner.stop();
      return inner.post(message, policy, signal);
    };
    const runner = createWeeklyRunner({ ...fixture, post, graceMs, parallelTeams: 1, random: () => 0 });
    for (const [team, channel] of [
      ['T0A', 'C1'],
      ['T0A', 'C2'],
      ['T0B', 'C3'],
    ] as const)
      await fixture.store
        .team(team)
        .subscribe({ channel, cron: '0 9 * * 1', timeZone: 'UTC', createdBy: 'U0', at: at(monday, -hour) });
    const outcomes = await runner.runDue(at(monday, 1000));
    await stopped;
    expect(outcomes.map((outcome) => `${outcome.team}/${outcome.channel}:${outcome.status}`)).toEqual([
      'T0A/C1:posted',
    ]);
    expect(inner.weeklyPosts.map((message) => message.channel)).toEqual(['C1']);
    // A run after the stop does nothing at all.
    expect(await runner.runDue(at(monday, 2000))).toEqual([]);
    expect(inner.weeklyPosts).toHaveLength(1);
  });
});

describe('runDue when the database refuses to record a post Slack accepted', () => {
  let directory: string | undefined;
  let close: (() => Promise<void>) | undefined;
  // Closed and removed even when a test fails half-way.
  afterEach(async () => {
    vi.useRealTimers();
    await close?.();
    close = undefined;
    if (directory) rmSync(directory, { recursive: true, force: true });
    directory = undefined;
  });

  /**
   * A SQLite file the store uses, and a second connection to it that makes it refuse to mark a fire
   * posted (a trigger raising the error a full disk gives), or accept again.
   */
  function refusingDatabase() {
    directory = mkdtempSync(join(tmpdir(), 'optpaper-run-due-'));
    const path = join(directory, 'state.db');
    const store = openStore(path);
    const admin = new BetterSqlite3(path);
    close = async () => {
      admin.close();
      await store.close();
    };
    return {
      store,
      refuse(reason: string) {
        admin.exec(
          `DROP TRIGGER IF EXISTS refuse_posted;
           CREATE TRIGGER refuse_posted BEFORE UPDATE OF status ON fires WHEN NEW.status = 'posted'
           BEGIN SELECT RAISE(ABORT, '${reason}'); END;`,
        );
      },
      accept() {
        admin.exec('DROP TRIGGER IF EXISTS refuse_posted');
      },
    };
  }

  it('keeps the post in memory, says so, stops its heartbeat, and writes it once the database takes it', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const database = refusingDatabase();
    const { runner, poster, team, logs, time } = await setup({ store: database.store, heartbeatMs: 1000 });
    database.refuse('database or disk is full');
    const [outcome] = await runner.runDue(at(monday, 1000));
    const ts = poster.weeklyPosts[0]?.ts;
    expect(outcome).toMatchObject({ status: 'posted', messageTs: ts, recorded: false });
    expect(runner.pending.all()).toEqual([
      expect.objectContaining({
        fireId: 1,
        team: testTeam,
        channel: 'C0READING',
        scheduledAt: monday,
        messageTs: ts,
        paperIds: sgdIds,
        error: 'database or disk is full',
      }),
    ]);
    expect(linesOf(logs)[0]).toBe(
      `ERROR [optpaper] weekly: Slack accepted the 2026-11-30T09:00:00.000Z post to C0READING (ts ${ts}) ` +
        'but the database could not record it (database or disk is full); kept in memory and written again ' +
        'every few minutes: it will not be posted again while the bot runs',
    );
    // The post is over: its fire, still `posting` in the database, shows no more signs of life.
    time.set(at(monday, 10 * minute));
    vi.advanceTimersByTime(5000);
    expect((await team.fire(1))?.heartbeatAt).toEqual(at(monday, 1000));

    // Still refused, for another reason: the entry says the latest.
    database.refuse('database is locked');
    await runner.maintain(at(monday, minute));
    expect(runner.pending.all().map((entry) => entry.error)).toEqual(['database is locked']);

    database.accept();
    logs.length = 0;
    await runner.maintain(at(monday, 2 * minute));
    expect(runner.pending.size).toBe(0);
    expect((await team.posts('C0READING')).map((fire) => fire.messageTs)).toEqual([ts]);
    expect(linesOf(logs)).toEqual([
      'INFO [optpaper] weekly: recorded the 2026-11-30T09:00:00.000Z post to C0READING at last',
    ]);
  });

  it('counts a post waiting for its record when spacing posts', async () => {
    const database = refusingDatabase();
    const fixture = weeklyFixture({ library: shipped, store: database.store });
    const poster = new RecordingPoster();
    const runner = createWeeklyRunner({ ...fixture, post: poster.post, graceMs });
    await fixture.team.subscribe({
      channel: 'C0FAST',
      cron: '* * * * *',
      timeZone: 'UTC',
      createdBy: 'U0BOB',
      at: monday,
    });
    database.refuse('database or disk is full');
    // The 09:01 post goes out at 09:01:50, ten seconds before the 09:02 slot.
    fixture.time.set(at(monday, 110_000));
    expect(await runner.runDue(at(monday, minute + 100))).toMatchObject([
      { status: 'posted', recorded: false },
    ]);
    fixture.time.set(at(monday, 2 * minute + 100));
    expect(await runner.runDue(at(monday, 2 * minute + 100))).toMatchObject([
      { status: 'too-soon', slot: at(monday, 2 * minute) },
    ]);
    expect(poster.weeklyPosts).toHaveLength(1);
    expect(fixture.logs.join('')).toContain(
      'not posting the 2026-11-30T09:02:00.000Z fire to C0FAST: the previous post went out at 2026-11-30T09:01:50.000Z, less than half a period before',
    );
  });

  it('on stop, logs a post the database still refuses with everything needed to record it by hand', async () => {
    const database = refusingDatabase();
    const { runner, poster, logs } = await setup({ store: database.store });
    database.refuse('database or disk is full');
    await runner.runDue(at(monday, 1000));
    const ts = poster.weeklyPosts[0]?.ts;
    logs.length = 0;
    await runner.stop();
    expect(linesOf(logs)).toEqual([
      'ERROR [optpaper] weekly: stopping with a post Slack accepted but the database never recorded: C0READING ' +
        `(team T0TEAM), slot 2026-11-30T09:00:00.000Z, ts ${ts}, papers sgd, momentum, rmsprop, optimization ` +
        '(database or disk is full); after the restart its paper may come again unless the database is fixed first',
    ]);
  });

  it('on stop, writes a waiting post the database takes again', async () => {
    const database = refusingDatabase();
    const { runner, poster, team, logs } = await setup({ store: database.store });
    database.refuse('database or disk is full');
    await runner.runDue(at(monday, 1000));
    database.accept();
    logs.length = 0;
    await runner.stop();
    expect(runner.pending.size).toBe(0);
    expect((await team.posts('C0READING')).map((fire) => fire.messageTs)).toEqual([
      poster.weeklyPosts[0]?.ts,
    ]);
    expect(linesOf(logs)).toEqual([
      'INFO [optpaper] weekly: recorded the 2026-11-30T09:00:00.000Z post to C0READING at last',
    ]);
  });
});
