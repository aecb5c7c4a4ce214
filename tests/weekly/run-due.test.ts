import { webApi } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { parseCatalog } from '../../src/catalog/parse.ts';
import { createSearch } from '../../src/search/search.ts';
import { webClientOptions } from '../../src/slack/app.ts';
import { toSlackMessage } from '../../src/slack/blocks.ts';
import { type PostResult, postMessage } from '../../src/slack/post.ts';
import { upcomingPicks } from '../../src/weekly/rotation.ts';
import { createWeeklyRunner, type Poster } from '../../src/weekly/run-due.ts';
import { readingsOf } from '../../src/weekly/service.ts';
import { SlackApiStub } from '../support/slack-api-stub.ts';
import { postedTitle, RecordingPoster, subscribedRunner, weeklyFixture } from '../support/weekly.ts';

const hour = 3_600_000;
const graceMs = 24 * hour;
// Monday 30 November 2026, 09:00 UTC is a slot of the default schedule.
const monday = new Date('2026-11-30T09:00:00Z');
const week = 7 * 24 * hour;
const at = (base: Date, offsetMs: number) => new Date(base.getTime() + offsetMs);

/** A runner with the weekly channel C0READING, subscribed two days before `monday`. */
const setup = (grace = graceMs) =>
  subscribedRunner({ graceMs: grace, subscription: { at: at(monday, -2 * 24 * hour) } });

describe('runDue', () => {
  it('with no grace period (WEEKLY_GRACE_HOURS=0) still posts a fire the cron runs a moment late', async () => {
    const { runner, poster } = await setup(0);
    expect((await runner.runDue(at(monday, 40))).map((outcome) => outcome.status)).toEqual(['posted']);
    expect(poster.posted).toHaveLength(2);
    // …but does not catch up a fire missed while the bot was down.
    expect((await runner.runDue(at(monday, week + hour))).map((outcome) => outcome.status)).toEqual([
      'missed',
    ]);
  });

  it('posts the due fire: the paper, the channel progress, and a discussion thread with related papers', async () => {
    const { runner, poster, team } = await setup();
    const outcomes = await runner.runDue(at(monday, 50));
    expect(outcomes.map((outcome) => [outcome.channel, outcome.status])).toEqual([['C0READING', 'posted']]);
    const [post, thread] = poster.posted;
    expect(post?.channel).toBe('C0READING');
    expect(post?.thread_ts).toBeUndefined();
    expect(postedTitle(post ?? { text: '', blocks: [] })).toBe(
      '*<https://www.deeplearningbook.org/contents/optimization.html|SGD · Momentum · RMSProp · Optimization>*',
    );
    const postText = JSON.stringify(post?.blocks);
    expect(postText).toContain('Paper of the week');
    expect(postText).toContain('Section 1 of 14 · 1 of 110 readings so far');
    expect(postText).toContain('One reading for 4 entries of the list');
    // The discussion opens in the post's thread, with related papers that are not the post itself.
    expect(thread?.thread_ts).toBe(post?.ts);
    const related = (thread?.blocks ?? []).filter((block) => block.type === 'section').slice(1);
    expect(related.length).toBeGreaterThanOrEqual(2);
    expect(related.length).toBeLessThanOrEqual(3);
    for (const block of related)
      expect(JSON.stringify(block)).not.toMatch(/\|(SGD|Momentum|RMSProp|Optimization)>/);
    expect((await team.posts('C0READING')).map((fire) => fire.paperIds)).toEqual([
      ['sgd', 'momentum', 'rmsprop', 'optimization'],
    ]);
  });

  it('never posts a fire twice, however often it runs', async () => {
    const { runner, poster } = await setup();
    await runner.runDue(at(monday, 10));
    await Promise.all([runner.runDue(at(monday, 20)), runner.runDue(at(monday, 30))]);
    await runner.runDue(at(monday, hour));
    expect(poster.weeklyPosts).toHaveLength(1);
  });

  it('rotates through the sections week after week', async () => {
    const { runner, poster } = await setup();
    for (let n = 0; n < 4; n++) await runner.runDue(at(monday, n * week + 1000));
    expect(poster.weeklyPosts.map(postedTitle)).toEqual([
      '*<https://www.deeplearningbook.org/contents/optimization.html|SGD · Momentum · RMSProp · Optimization>*',
      '*<https://arxiv.org/abs/1502.03167|BatchNorm>*',
      '*<http://papers.nips.cc/paper/2800-convex-neural-networks.pdf|Convex Neural Networks>*',
      '*<https://ronan.collobert.com/pub/matos/2009_curriculum_icml.pdf|Curriculum Learning>*',
    ]);
    expect(JSON.stringify(poster.weeklyPosts[3]?.blocks)).toContain(
      'Section 4 of 14 · 4 of 110 readings so far',
    );
  });

  it('keeps the paper next when every attempt fails, and logs the channel and the fire', async () => {
    const { runner, poster, team, logs } = await setup();
    poster.fail({ ok: false, failure: 'ratelimited', error: 'ratelimited', attempts: 5 });
    const [outcome] = await runner.runDue(at(monday, 1000));
    expect(outcome?.status).toBe('failed');
    expect(logs.join('')).toContain(
      'weekly: posting “SGD · Momentum · RMSProp · Optimization” to C0READING for the 2026-11-30T09:00:00.000Z fire failed after 5 attempts (ratelimited: ratelimited); it stays next',
    );
    expect(await team.posts('C0READING')).toEqual([]);
    await runner.runDue(at(monday, week + 1000));
    expect(poster.weeklyPosts.map(postedTitle)[0]).toContain('SGD · Momentum · RMSProp · Optimization');
  });

  it('posts a fire missed while the bot was down late, once, within the grace period', async () => {
    const { runner, poster, logs } = await setup();
    const [outcome] = await runner.runDue(at(monday, 23 * hour));
    expect(outcome).toMatchObject({ status: 'posted', slot: monday });
    await runner.runDue(at(monday, 23 * hour + 60_000));
    expect(poster.weeklyPosts).toHaveLength(1);
    expect(logs.join('')).not.toContain('missed');
  });

  it('skips a fire missed by more than the grace period, logs it, and keeps its paper for the next fire', async () => {
    const { runner, poster, logs, team } = await setup();
    const [outcome] = await runner.runDue(at(monday, 25 * hour));
    expect(outcome).toMatchObject({ status: 'missed', slot: monday });
    expect(poster.posted).toEqual([]);
    expect(logs.join('')).toContain(
      'C0READING missed the 2026-11-30T09:00:00.000Z fire by more than the grace period',
    );
    expect((await team.lastFire('C0READING'))?.scheduledAt).toEqual(monday);
    await runner.runDue(at(monday, week + 1000));
    expect(postedTitle(poster.weeklyPosts[0] ?? { text: '', blocks: [] })).toContain('SGD · Momentum');
  });

  it('after weeks of downtime posts only the latest fire, and says how many it missed', async () => {
    const { runner, poster, logs } = await setup();
    await runner.runDue(at(monday, 3 * week + 2 * hour));
    expect(poster.weeklyPosts).toHaveLength(1);
    expect(logs.join('')).toContain(
      'C0READING missed 3 earlier fire(s) while the bot was down; only the latest counts',
    );
  });

  it('does not post twice after a crash between posting and recording (at most once)', async () => {
    const { runner, poster, store, team, library, logger, logs, clock } = await setup();
    poster.hangAfterNextPost = true;
    // The post reaches Slack, then the process dies before it can record it.
    void runner.runDue(at(monday, 1000));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(poster.weeklyPosts).toHaveLength(1);
    // Restart: a new runner on the same database, once the dead process's heartbeat is stale.
    const restarted = createWeeklyRunner({ store, library, logger, clock, post: poster.post, graceMs });
    await restarted.maintain(at(monday, 5 * 60_000));
    expect(await restarted.runDue(at(monday, 5 * 60_000))).toEqual([]);
    expect(poster.weeklyPosts).toHaveLength(1);
    expect((await team.fire(1))?.status).toBe('interrupted');
    expect(logs.join('')).toContain(
      'WARN [optpaper] weekly: the 2026-11-30T09:00:00.000Z post to C0READING was interrupted (its process stopped mid-post); ' +
        'not posting it again (at most once). Its paper was not recorded as posted, so it stays next: ' +
        'if the post did reach Slack, the channel will see it again next time.\n',
    );
  });

  it('when the bot stops during a retry wait: gives the slot back, and the next start-up posts it once', async () => {
    const { store, team, library, logger, logs, clock } = await setup();
    const stub = await new SlackApiStub().start();
    try {
      const client = new webApi.WebClient('xoxb-test', webClientOptions(stub.apiUrl));
      // The real post with retries; its backoff waits never end on their own: only stopping ends them.
      const post: Poster = ({ reply, team: _team, ...target }, policy, signal) =>
        postMessage(
          client,
          { ...target, ...toSlackMessage(reply) },
          policy,
          () => new Promise(() => {}),
          signal,
        );
      const stopping = createWeeklyRunner({ store, library, logger, clock, post, graceMs });
      stub.script('chat.postMessage', { status: 503, body: {} });
      const run = stopping.runDue(at(monday, 1000));
      await stub.waitFor((calls) => calls.length === 1);
      const stopped = stopping.stop();
      expect((await run).map((outcome) => outcome.status)).toEqual(['stopped']);
      await stopped;
      expect(await team.lastFire('C0READING')).toBeUndefined();
      expect(logs.join('')).toContain(
        'WARN [optpaper] weekly: stopping before “SGD · Momentum · RMSProp · Optimization” reached C0READING for the ' +
          '2026-11-30T09:00:00.000Z fire (stopping after server: HTTP 503); the next start-up posts it if it is within ' +
          'the grace period team=T0TEAM channel=C0READING',
      );

      const restarted = createWeeklyRunner({ store, library, logger, clock, post, graceMs });
      await restarted.maintain(at(monday, 60_000));
      expect((await restarted.runDue(at(monday, 60_000))).map((outcome) => outcome.status)).toEqual([
        'posted',
      ]);
      const posts = stub.calls.filter((call) => call.method === 'chat.postMessage' && !call.body.thread_ts);
      expect(posts).toHaveLength(2);
      expect(String(posts[1]?.body.text)).toContain('SGD');
      expect(await team.posts('C0READING')).toHaveLength(1);
    } finally {
      await stub.close();
    }
  });

  it('after a long downtime on a cron of seconds posts the latest slot only, looking back as far as it lies, without walking every missed one', async () => {
    const { runner, poster, team, logs } = await setup();
    // Every second of the morning, none in the afternoon: from 15:00 the latest slot lies 3 hours back,
    // beyond the first windows (1, 4, 16, 64 minutes) looked back over.
    await team.subscribe({
      channel: 'C0FAST',
      cron: '* * 0-11 * * *',
      timeZone: 'UTC',
      createdBy: 'U0BOB',
      at: monday,
    });
    const outcomes = await runner.runDue(at(monday, 2 * 24 * hour + 6 * hour + 500));
    expect(outcomes.find((outcome) => outcome.channel === 'C0FAST')).toMatchObject({
      status: 'posted',
      slot: new Date('2026-12-02T11:59:59Z'),
    });
    expect(poster.weeklyPosts.filter((post) => post.channel === 'C0FAST')).toHaveLength(1);
    expect(logs.join('')).toContain(
      'WARN [optpaper] weekly: C0FAST missed more than 9999 earlier fire(s) while the bot was down; only the latest counts team=T0TEAM channel=C0FAST',
    );
  });

  it('keeps channels apart: each its own schedule and its own history', async () => {
    const { runner, poster, team } = await setup();
    await team.subscribe({
      channel: 'C0FRIDAY',
      cron: '30 16 * * 5',
      timeZone: 'Europe/Paris',
      createdBy: 'U0BOB',
      at: at(monday, -2 * 24 * hour),
    });
    await runner.runDue(at(monday, 1000));
    // Friday 4 December 2026, 16:30 in Paris is 15:30 UTC.
    await runner.runDue(new Date('2026-12-04T15:30:01Z'));
    expect(poster.weeklyPosts.map((post) => [post.channel, postedTitle(post).includes('SGD')])).toEqual([
      ['C0READING', true],
      ['C0FRIDAY', true],
    ]);
  });

  it('does not post before the first slot of a new subscription', async () => {
    const { runner, poster, team } = await setup();
    await team.subscribe({
      channel: 'C0LATE',
      cron: '0 9 * * 1',
      timeZone: 'UTC',
      createdBy: 'U0BOB',
      at: at(monday, hour),
    });
    await runner.runDue(at(monday, 2 * hour));
    expect(poster.weeklyPosts.map((post) => post.channel)).toEqual(['C0READING']);
  });
});

describe('runDue on a bad day', () => {
  it('after the clock ran a week ahead and came back, brings the future fire back to now, logs it, and posts the next week as usual', async () => {
    const { runner, poster, team, logs } = await setup();
    // The clock says next Monday: next Monday's slot is posted today.
    await runner.runDue(at(monday, week + 1000));
    expect(poster.weeklyPosts).toHaveLength(1);
    // The clock is right again (today): nothing more today, and the future fire is brought back.
    expect(await runner.runDue(at(monday, 2000))).toEqual([]);
    expect(logs.join('')).toContain('weekly: the clock went back: 1 fire(s) of C0READING lie after now');
    expect(await team.firesAfter('C0READING', at(monday, 2000))).toEqual([]);
    // Next Monday, for real: the channel gets its paper (before, the slot was taken and the week silent).
    const [outcome] = await runner.runDue(at(monday, week + 1000));
    expect(outcome).toMatchObject({ status: 'posted', slot: at(monday, week) });
    expect(poster.weeklyPosts.map(postedTitle)).toEqual([
      '*<https://www.deeplearningbook.org/contents/optimization.html|SGD · Momentum · RMSProp · Optimization>*',
      '*<https://arxiv.org/abs/1502.03167|BatchNorm>*',
    ]);
  });

  it('after a post stalled for minutes, runs that queued up behind it post nothing more: one post, the rest recorded as too soon', async () => {
    const fixture = weeklyFixture();
    const poster = new RecordingPoster();
    let release: () => void = () => {};
    const stalled = new Promise<void>((resolve) => {
      release = resolve;
    });
    let first = true;
    const post: Poster = async (message, policy, signal) => {
      if (first && message.thread_ts === undefined) {
        first = false;
        await stalled;
      }
      return poster.post(message, policy, signal);
    };
    const runner = createWeeklyRunner({ ...fixture, post, graceMs });
    const minute = 60_000;
    await fixture.team.subscribe({
      channel: 'C0FAST',
      cron: '* * * * *',
      timeZone: 'UTC',
      createdBy: 'U0BOB',
      at: monday,
    });
    // A tick a minute for six minutes, each queued behind the stalled first post.
    const runs = [1, 2, 3, 4, 5, 6].map((n) => runner.runDue(at(monday, n * minute + 100)));
    // The first run is under way (stalled in its post) before the clock moves on.
    await new Promise((resolve) => setTimeout(resolve, 10));
    fixture.time.set(at(monday, 6 * minute + 500));
    release();
    const outcomes = (await Promise.all(runs)).flat();
    expect(poster.weeklyPosts).toHaveLength(1);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['posted', 'too-soon']);
    expect(fixture.logs.join('')).toContain('less than half a period before; the paper stays next');
    // The next minute posts again, with the next paper.
    fixture.time.set(at(monday, 7 * minute + 100));
    expect((await runner.runDue(at(monday, 7 * minute + 100))).map((outcome) => outcome.status)).toEqual([
      'posted',
    ]);
    expect(poster.weeklyPosts).toHaveLength(2);
    expect(postedTitle(poster.weeklyPosts[1] ?? { text: '', blocks: [] })).toContain('BatchNorm');
  });

  it('leaves a fire another process is still posting alone, and marks it interrupted once its heartbeat stops', async () => {
    const { store, team, library, logger, logs, clock } = await setup();
    let answer: (result: PostResult) => void = () => {};
    const slack = new Promise<PostResult>((resolve) => {
      answer = resolve;
    });
    const clockA = { time: at(monday, 1000) };
    const replicaA = createWeeklyRunner({
      store,
      library,
      logger,
      post: () => slack,
      graceMs,
      clock: () => clockA.time,
      heartbeatMs: 5,
    });
    const runA = replicaA.runDue(at(monday, 1000));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const replicaB = createWeeklyRunner({
      store,
      library,
      logger,
      post: new RecordingPoster().post,
      graceMs,
      clock,
    });
    // A's heartbeat moves with its clock: at 4 minutes, B sees a post in flight and leaves it alone.
    clockA.time = at(monday, 3 * 60_000);
    await new Promise((resolve) => setTimeout(resolve, 30));
    await replicaB.maintain(at(monday, 4 * 60_000));
    expect((await team.fire(1))?.status).toBe('posting');
    // A hangs (its clock, and so its heartbeat, stop moving): once that is stale, B marks the fire
    // interrupted and never posts it again.
    await replicaB.maintain(at(monday, 10 * 60_000));
    expect((await team.fire(1))?.status).toBe('interrupted');
    expect(logs.join('')).toContain('not posting it again (at most once)');
    expect(await replicaB.runDue(at(monday, 10 * 60_000))).toEqual([]);
    answer({ ok: false, failure: 'network', error: 'gone', attempts: 1 });
    expect((await runA).map((outcome) => outcome.status)).toEqual(['failed']);
  });
});

describe('runDue while the list changes', () => {
  it('knows a paper that left the list and came back under another title as read in the current round (by its link)', async () => {
    const list = (adam: string) =>
      `## Optimizers\n${adam}- [Lion](https://arxiv.org/abs/2302.06675)\n` +
      '## Normalization\n- [BatchNorm](https://arxiv.org/abs/1502.03167)\n- [LayerNorm](https://arxiv.org/abs/1607.06450)\n';
    let current = createSearch(parseCatalog(list('- [Adam](https://arxiv.org/abs/1412.6980)\n')));
    const fixture = weeklyFixture({ library: { current: () => current } });
    const poster = new RecordingPoster();
    const runner = createWeeklyRunner({ ...fixture, post: poster.post, graceMs });
    await fixture.team.subscribe({
      channel: 'C0LIST',
      cron: '0 9 * * 1',
      timeZone: 'UTC',
      createdBy: 'U0ALICE',
      at: monday,
    });
    await runner.runDue(at(monday, week + 1000));
    // Adam leaves the list…
    current = createSearch(parseCatalog(list('')));
    await runner.runDue(at(monday, 2 * week + 1000));
    // …and comes back under its full title, with the same link.
    current = createSearch(
      parseCatalog(
        list('- [ADAM: A Method for Stochastic Optimization](https://arxiv.org/pdf/1412.6980v9.pdf)\n'),
      ),
    );
    for (let n = 3; n <= 4; n++) await runner.runDue(at(monday, n * week + 1000));
    expect(poster.weeklyPosts.map(postedTitle)).toEqual([
      '*<https://arxiv.org/abs/1412.6980|Adam>*',
      '*<https://arxiv.org/abs/1502.03167|BatchNorm>*',
      '*<https://arxiv.org/abs/2302.06675|Lion>*',
      '*<https://arxiv.org/abs/1607.06450|LayerNorm>*',
    ]);
  });
});

describe('runDue across workspaces', () => {
  it('posts to several workspaces at once, and to one workspace’s channels one after the other', async () => {
    const fixture = weeklyFixture();
    const active: string[] = [];
    const overlaps: string[][] = [];
    const inner = new RecordingPoster();
    const post: Poster = async (message, policy, signal) => {
      if (message.thread_ts === undefined) {
        active.push(`${message.team}/${message.channel}`);
        overlaps.push([...active]);
        await new Promise((resolve) => setTimeout(resolve, 30));
        active.splice(active.indexOf(`${message.team}/${message.channel}`), 1);
      }
      return inner.post(message, policy, signal);
    };
    const runner = createWeeklyRunner({ ...fixture, post, graceMs });
    for (const team of ['T0A', 'T0B']) {
      for (const channel of ['C1', 'C2']) {
        await fixture.store
          .team(team)
          .subscribe({ channel, cron: '0 9 * * 1', timeZone: 'UTC', createdBy: 'U0', at: at(monday, -hour) });
      }
    }
    const outcomes = await runner.runDue(at(monday, 1000));
    // In subscription order, every channel of both workspaces.
    expect(outcomes.map((outcome) => `${outcome.team}/${outcome.channel}:${outcome.status}`)).toEqual([
      'T0A/C1:posted',
      'T0A/C2:posted',
      'T0B/C1:posted',
      'T0B/C2:posted',
    ]);
    // The two workspaces overlapped; a workspace never had two posts in flight.
    expect(overlaps.some((open) => open.length === 2)).toBe(true);
    for (const open of overlaps) expect(new Set(open.map((key) => key.split('/')[0])).size).toBe(open.length);
  });
});

describe('runDue with the reading group’s extensions', () => {
  it('lets an extension replace the pick and add lines to the post, tells it once Slack accepted the post, and runs its bookkeeping', async () => {
    const fixture = weeklyFixture();
    const poster = new RecordingPoster();
    const seen: string[] = [];
    const runner = createWeeklyRunner({
      ...fixture,
      post: poster.post,
      graceMs,
      extensions: [
        {
          name: 'a test feature',
          async prepare(fire) {
            seen.push(`prepare ${fire.channel} ${fire.pick.reading.key}`);
            const { catalog } = fixture.library.current();
            const [other] = upcomingPicks(catalog, readingsOf(catalog), fire.history, 2).slice(1);
            return { ...(other ? { pick: { ...other, queued: true } } : {}), notes: [['Chosen by a test.']] };
          },
          async posted(fire) {
            seen.push(`posted ${fire.pick.reading.key} ${fire.messageTs}`);
          },
          async maintain(now) {
            seen.push(`maintain ${now.toISOString()}`);
          },
        },
      ],
    });
    await fixture.team.subscribe({
      channel: 'C0EXT',
      cron: '0 9 * * 1',
      timeZone: 'UTC',
      createdBy: 'U0',
      at: at(monday, -hour),
    });
    await runner.runDue(at(monday, 1000));
    await runner.maintain(at(monday, 2000));
    const [post] = poster.weeklyPosts;
    expect(postedTitle(post ?? { text: '', blocks: [] })).toBe(
      '*<https://arxiv.org/abs/1502.03167|BatchNorm>*',
    );
    expect(JSON.stringify(post?.blocks)).toContain('Chosen by a test.');
    expect(JSON.stringify(post?.blocks)).toContain('asked for by the channel');
    expect(seen).toEqual([
      'prepare C0EXT sgd',
      `posted batchnorm ${post?.ts}`,
      `maintain ${at(monday, 2000).toISOString()}`,
    ]);
    // Posted out of turn: the round-robin still starts at section 1.
    expect((await fixture.team.history('C0EXT')).posted).toEqual([
      expect.objectContaining({ paperIds: ['batchnorm'], queued: true }),
    ]);
  });
});
