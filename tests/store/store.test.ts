import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrations } from '../../src/store/migrations.ts';
import { openStore } from '../../src/store/sqlite.ts';
import { type FireClaim, type Store, StoreUnavailableError, type TeamStore } from '../../src/store/types.ts';
import type { VoteCandidate } from '../../src/votes/candidates.ts';
import { groupReadings } from '../../src/weekly/readings.ts';
import { type ChannelHistory, nextPick, pickToPosted } from '../../src/weekly/rotation.ts';
import { shippedCatalog } from '../support/shipped.ts';
import { storeEngines } from '../support/stores.ts';

const monday = (week: number) => new Date(Date.UTC(2025, 0, 6 + 7 * week, 9));
const at = new Date('2025-01-01T12:00:00Z');
const team = 'T0TEAM';

function claim(overrides: Partial<FireClaim> = {}): FireClaim {
  return {
    channel: 'C1',
    scheduledAt: monday(0),
    paperIds: ['adam', 'adamax'],
    links: ['https://arxiv.org/abs/1412.6980'],
    section: 'Popular Optimization algorithms',
    cycle: 1,
    queued: false,
    at,
    ...overrides,
  };
}

async function claimed(store: TeamStore, overrides: Partial<FireClaim> = {}): Promise<number> {
  const id = await store.claimFire(claim(overrides));
  if (id === undefined) throw new Error('slot already claimed');
  return id;
}

const lastSlot = async (store: TeamStore, channel: string) => (await store.lastFire(channel))?.scheduledAt;

describe.each(storeEngines)('the store ($name)', (engine) => {
  let root: Store;
  let store: TeamStore;
  let dispose: () => Promise<void>;
  beforeEach(async () => {
    ({ store: root, dispose } = await engine.open());
    store = root.team(team);
  });
  afterEach(() => dispose());

  describe('subscriptions', () => {
    it('subscribes, lists and unsubscribes channels', async () => {
      expect(
        await store.subscribe({ channel: 'C1', cron: '0 9 * * 1', timeZone: 'UTC', createdBy: 'U1', at }),
      ).toEqual({
        team,
        channel: 'C1',
        cron: '0 9 * * 1',
        timeZone: 'UTC',
        createdBy: 'U1',
        createdAt: at,
        every: 1,
        presenterLeadMinutes: 2880,
      });
      await store.subscribe({
        channel: 'C2',
        cron: '30 17 * * 5',
        timeZone: 'Europe/Paris',
        createdBy: 'WEEKLY_CHANNEL',
        at: new Date('2025-01-02T00:00:00Z'),
      });
      expect(await store.subscription('C2')).toEqual({
        team,
        channel: 'C2',
        cron: '30 17 * * 5',
        timeZone: 'Europe/Paris',
        createdBy: 'WEEKLY_CHANNEL',
        createdAt: new Date('2025-01-02T00:00:00Z'),
        every: 1,
        presenterLeadMinutes: 2880,
      });
      expect((await store.subscriptions()).map((subscription) => subscription.channel)).toEqual(['C1', 'C2']);
      expect(await store.unsubscribedAt('C1')).toBeUndefined();
      expect(await store.unsubscribe('C1', at)).toBe(true);
      expect(await store.unsubscribe('C1', at)).toBe(false);
      expect(await store.subscription('C1')).toBeUndefined();
      // Remembered, until the channel subscribes again.
      expect(await store.unsubscribedAt('C1')).toEqual(at);
      await store.subscribe({ channel: 'C1', cron: '0 9 * * 1', timeZone: 'UTC', createdBy: 'U1', at });
      expect(await store.unsubscribedAt('C1')).toBeUndefined();
      await store.unsubscribe('C1', at);
      expect((await store.subscriptions()).map((subscription) => subscription.channel)).toEqual(['C2']);
    });

    it('changes the schedule of a subscribed channel and keeps its history', async () => {
      await store.subscribe({ channel: 'C1', cron: '0 9 * * 1', timeZone: 'UTC', createdBy: 'U1', at });
      await store.completeFire(await claimed(store), { messageTs: '1.0001', at: monday(0) });
      await store.enqueue('C1', 'batchnorm', { by: 'U2', at });
      const later = new Date('2025-02-01T00:00:00Z');
      await store.subscribe({
        channel: 'C1',
        cron: '0 16 * * 5',
        timeZone: 'Asia/Tokyo',
        createdBy: 'U3',
        at: later,
      });
      expect(await store.subscription('C1')).toEqual({
        team,
        channel: 'C1',
        cron: '0 16 * * 5',
        timeZone: 'Asia/Tokyo',
        createdBy: 'U3',
        createdAt: later,
        every: 1,
        presenterLeadMinutes: 2880,
      });
      expect(await store.subscriptions()).toHaveLength(1);
      expect((await store.history('C1')).posted.map((item) => item.paperIds)).toEqual([['adam', 'adamax']]);
      expect((await store.history('C1')).queued).toEqual(['batchnorm']);
    });

    it('keeps a channel’s history when it unsubscribes', async () => {
      await store.subscribe({ channel: 'C1', cron: '0 9 * * 1', timeZone: 'UTC', createdBy: 'U1', at });
      await store.completeFire(await claimed(store), { messageTs: '1.0001', at: monday(0) });
      await store.unsubscribe('C1', at);
      expect((await store.posts('C1')).map((fire) => fire.messageTs)).toEqual(['1.0001']);
      expect(await lastSlot(store, 'C1')).toEqual(monday(0));
    });
  });

  describe('the reading group’s settings', () => {
    it('keeps every-n-weeks with the schedule, and voting and presenter leads across a re-subscribe', async () => {
      expect(await store.setVoting('C1', 60)).toBe(false);
      expect(
        await store.subscribe({
          channel: 'C1',
          cron: '0 16 * * 5',
          timeZone: 'UTC',
          createdBy: 'U1',
          at,
          every: 2,
        }),
      ).toMatchObject({ every: 2, presenterLeadMinutes: 2880 });
      expect(await store.setVoting('C1', 24 * 60)).toBe(true);
      expect(await store.setPresenterLead('C1', 3 * 24 * 60)).toBe(true);
      expect(await store.subscription('C1')).toMatchObject({
        every: 2,
        voteLeadMinutes: 1440,
        presenterLeadMinutes: 4320,
      });
      // A new schedule restates its cadence; the channel's voting and presenter settings stay.
      await store.subscribe({ channel: 'C1', cron: '0 9 * * 1', timeZone: 'UTC', createdBy: 'U2', at });
      expect(await store.subscription('C1')).toMatchObject({
        every: 1,
        voteLeadMinutes: 1440,
        presenterLeadMinutes: 4320,
      });
      expect(await store.setVoting('C1', undefined)).toBe(true);
      expect((await store.subscription('C1'))?.voteLeadMinutes).toBeUndefined();
    });

    it('keeps a channel’s pauses in date order, and ends the current and future ones', async () => {
      await store.addPause('C1', { startsOn: '2027-02-01', endsOn: '2027-02-07', by: 'U1', at });
      const winter = await store.addPause('C1', {
        startsOn: '2026-12-21',
        endsOn: '2027-01-04',
        by: 'U2',
        at,
      });
      await store.addPause('C1', { startsOn: '2026-11-01', endsOn: '2026-11-08', by: 'U1', at });
      await store.addPause('C2', { startsOn: '2026-12-21', endsOn: '2027-01-04', by: 'U1', at });
      expect(winter).toEqual({
        id: winter.id,
        startsOn: '2026-12-21',
        endsOn: '2027-01-04',
        createdBy: 'U2',
        createdAt: at,
      });
      expect((await store.pauses('C1')).map((pause) => pause.startsOn)).toEqual([
        '2026-11-01',
        '2026-12-21',
        '2027-02-01',
      ]);
      // Resumed on 28 December: the winter break and the one in February end; November's is history.
      expect(await store.endPauses('C1', '2026-12-28')).toBe(2);
      expect((await store.pauses('C1')).map((pause) => pause.startsOn)).toEqual(['2026-11-01']);
      expect(await store.pauses('C2')).toHaveLength(1);
    });
  });

  describe('fires', () => {
    it('claims a slot once: a second claim of the same slot gets undefined', async () => {
      const id = await store.claimFire(claim());
      expect(id).toBeTypeOf('number');
      expect(await store.claimFire(claim({ paperIds: ['batchnorm'], links: [] }))).toBeUndefined();
      // The slot keeps what the first claim wrote.
      expect(await store.fire(id ?? -1)).toEqual({
        id,
        team,
        channel: 'C1',
        scheduledAt: monday(0),
        status: 'posting',
        paperIds: ['adam', 'adamax'],
        links: ['https://arxiv.org/abs/1412.6980'],
        section: 'Popular Optimization algorithms',
        cycle: 1,
        queued: false,
        attempts: 0,
        createdAt: at,
        heartbeatAt: at,
      });
      // The same slot in another channel, and the next slot, are other fires.
      expect(await store.claimFire(claim({ channel: 'C2' }))).toBeTypeOf('number');
      expect(await store.claimFire(claim({ scheduledAt: monday(1) }))).toBeTypeOf('number');
    });

    it('records a posted fire with its message ts and takes its papers out of the channel’s queue', async () => {
      await store.enqueue('C1', 'adamax', { by: 'U1', at });
      await store.enqueue('C1', 'batchnorm', { by: 'U1', at });
      await store.enqueue('C2', 'adamax', { by: 'U2', at });
      const id = await claimed(store, { queued: true });
      const postedAt = new Date('2025-01-06T09:00:02Z');
      expect(
        await store.completeFire(id, { messageTs: '1736154002.000100', attempts: 2, at: postedAt }),
      ).toBe(true);
      expect(await store.fire(id)).toMatchObject({
        status: 'posted',
        messageTs: '1736154002.000100',
        attempts: 2,
        queued: true,
        finishedAt: postedAt,
      });
      expect((await store.history('C1')).queued).toEqual(['batchnorm']);
      expect((await store.history('C2')).queued).toEqual(['adamax']);
      expect(await store.completeFire(id, { messageTs: 'again', at: postedAt })).toBe(false);
      expect((await store.fire(id))?.messageTs).toBe('1736154002.000100');
    });

    it('records a failed fire, which is not a post and keeps the slot', async () => {
      await store.enqueue('C1', 'adam', { by: 'U1', at });
      const id = await claimed(store);
      expect(await store.failFire(id, { error: 'ratelimited', attempts: 4, at: monday(0) })).toBe(true);
      expect(await store.fire(id)).toMatchObject({
        status: 'failed',
        error: 'ratelimited',
        attempts: 4,
        finishedAt: monday(0),
      });
      expect(await store.posts('C1')).toEqual([]);
      expect(await store.history('C1')).toEqual({ posted: [], queued: ['adam'], skipped: [] });
      expect(await store.claimFire(claim())).toBeUndefined();
      expect(await store.failFire(id, { error: 'again', attempts: 5, at: monday(0) })).toBe(false);
    });

    it('records a missed slot once, which blocks a later claim and is not a post', async () => {
      expect(await store.recordMissed({ channel: 'C1', scheduledAt: monday(0), at })).toBe(true);
      expect(await store.recordMissed({ channel: 'C1', scheduledAt: monday(0), at })).toBe(false);
      expect(await store.claimFire(claim())).toBeUndefined();
      expect(await store.posts('C1')).toEqual([]);
      expect(await lastSlot(store, 'C1')).toEqual(monday(0));
      // A missed slot does not overwrite a claimed one either.
      const id = await claimed(store, { scheduledAt: monday(1) });
      expect(await store.recordMissed({ channel: 'C1', scheduledAt: monday(1), at })).toBe(false);
      expect((await store.fire(id))?.status).toBe('posting');
    });

    it('lists fires left `posting` by a process that stopped showing signs of life, and marks them interrupted', async () => {
      const first = await claimed(store, { scheduledAt: monday(1) });
      const second = await claimed(store, { channel: 'C2', scheduledAt: monday(0) });
      const alive = await claimed(store, { channel: 'C4', scheduledAt: monday(0) });
      await store.completeFire(await claimed(store, { channel: 'C3' }), { messageTs: '1.0', at });
      // Another workspace's crashed post is found too: the runner serves every workspace.
      const elsewhere = await claimed(root.team('T0OTHER'), { channel: 'C1', scheduledAt: monday(2) });
      // C4's process is still posting: its heartbeat moved after `at`.
      const later = new Date(at.getTime() + 60_000);
      expect(await store.touchFire(alive, later)).toBe(true);
      const staleBefore = new Date(at.getTime() + 1);
      expect(
        (await root.staleFires(staleBefore)).map((fire) => [
          fire.id,
          fire.team,
          fire.channel,
          fire.scheduledAt,
        ]),
      ).toEqual([
        [second, team, 'C2', monday(0)],
        [first, team, 'C1', monday(1)],
        [elsewhere, 'T0OTHER', 'C1', monday(2)],
      ]);
      const restart = new Date('2025-01-13T10:00:00Z');
      expect(await root.markInterrupted(first, restart)).toBe(true);
      expect(await root.markInterrupted(first, restart)).toBe(false);
      expect(await store.fire(first)).toMatchObject({ status: 'interrupted', finishedAt: restart });
      expect((await root.staleFires(staleBefore)).map((fire) => fire.id)).toEqual([second, elsewhere]);
      // A fire is only touched while posting.
      expect(await store.touchFire(first, restart)).toBe(false);
      // A post found after the fact can still be completed.
      expect(await store.completeFire(first, { messageTs: '2.0', at: restart })).toBe(true);
      expect((await store.posts('C1')).map((fire) => fire.messageTs)).toEqual(['2.0']);
    });

    it('gives the latest slot of any status, per channel', async () => {
      expect(await lastSlot(store, 'C1')).toBeUndefined();
      await store.completeFire(await claimed(store, { scheduledAt: monday(0) }), { messageTs: '1.0', at });
      await store.failFire(await claimed(store, { scheduledAt: monday(2) }), { error: 'x', attempts: 1, at });
      await store.recordMissed({ channel: 'C1', scheduledAt: monday(1), at });
      await store.recordMissed({ channel: 'C2', scheduledAt: monday(5), at });
      expect(await lastSlot(store, 'C1')).toEqual(monday(2));
      expect(await lastSlot(store, 'C2')).toEqual(monday(5));
    });

    it('lists posts newest first, with a limit', async () => {
      for (const week of [0, 2, 1]) {
        await store.completeFire(
          await claimed(store, { scheduledAt: monday(week), paperIds: [`paper-${week}`] }),
          {
            messageTs: `ts-${week}`,
            at: monday(week),
          },
        );
      }
      await store.failFire(await claimed(store, { scheduledAt: monday(3) }), { error: 'x', attempts: 1, at });
      expect((await store.posts('C1')).map((fire) => [fire.messageTs, fire.paperIds])).toEqual([
        ['ts-2', ['paper-2']],
        ['ts-1', ['paper-1']],
        ['ts-0', ['paper-0']],
      ]);
      expect((await store.posts('C1', 1)).map((fire) => fire.messageTs)).toEqual(['ts-2']);
      expect(await store.posts('C2')).toEqual([]);
    });
  });

  describe('queue and skips', () => {
    it('queues papers first asked first; asking again keeps the place', async () => {
      expect(await store.enqueue('C1', 'batchnorm', { by: 'U1', at })).toBe(true);
      expect(await store.enqueue('C1', 'adam', { by: 'U2', at: monday(0) })).toBe(true);
      expect(await store.enqueue('C1', 'batchnorm', { by: 'U3', at: monday(1) })).toBe(false);
      expect(await store.queue('C1')).toEqual([
        { paperId: 'batchnorm', by: 'U1', at },
        { paperId: 'adam', by: 'U2', at: monday(0) },
      ]);
      expect(await store.dequeue('C1', 'batchnorm')).toBe(true);
      expect(await store.dequeue('C1', 'batchnorm')).toBe(false);
      expect(await store.enqueue('C1', 'batchnorm', { by: 'U3', at: monday(1) })).toBe(true);
      expect((await store.history('C1')).queued).toEqual(['adam', 'batchnorm']);
      expect((await store.history('C2')).queued).toEqual([]);
    });

    it('keeps skips in order, per channel', async () => {
      await store.skip('C1', {
        paperIds: ['sgd', 'momentum'],
        links: ['https://deeplearningbook.org/x'],
        cycle: 1,
        at,
      });
      await store.skip('C1', { paperIds: ['adam'], links: [], cycle: 2, at });
      await store.skip('C2', { paperIds: ['batchnorm'], links: [], cycle: 1, at });
      expect((await store.history('C1')).skipped).toEqual([
        { paperIds: ['sgd', 'momentum'], links: ['https://deeplearningbook.org/x'], cycle: 1 },
        { paperIds: ['adam'], links: [], cycle: 2 },
      ]);
    });
  });

  describe('history', () => {
    it('gives posted fires, and fires being posted, oldest slot first, as the rotation reads them', async () => {
      await store.completeFire(
        await claimed(store, { scheduledAt: monday(1), paperIds: ['b'], section: 'Beta', cycle: 1 }),
        {
          messageTs: '2',
          at,
        },
      );
      await store.completeFire(
        await claimed(store, { scheduledAt: monday(0), paperIds: ['a'], links: [], section: 'Alpha' }),
        {
          messageTs: '1',
          at,
        },
      );
      const failed = await claimed(store, { scheduledAt: monday(3), paperIds: ['d'] });
      await store.failFire(failed, { error: 'ratelimited', attempts: 3, at });
      // Another process is posting c: it is taken, or a replica would pick it again for the next slot.
      await claimed(store, { scheduledAt: monday(2), paperIds: ['c'], links: [], section: 'Gamma' });
      expect((await store.history('C1')).posted).toEqual([
        { paperIds: ['a'], links: [], section: 'Alpha', cycle: 1 },
        { paperIds: ['b'], links: ['https://arxiv.org/abs/1412.6980'], section: 'Beta', cycle: 1 },
        { paperIds: ['c'], links: [], section: 'Gamma', cycle: 1 },
      ]);
      // A post that failed, or that died with its process, gives its paper back.
      const interrupted = await claimed(store, { scheduledAt: monday(4), paperIds: ['e'] });
      await root.markInterrupted(interrupted, at);
      expect((await store.history('C1')).posted.map((item) => item.paperIds)).toEqual([['a'], ['b'], ['c']]);
    });

    it('round-trips into the rotation: weeks of queue, skip, claim and post give the picks of the pure rotation', async () => {
      const catalog = shippedCatalog();
      const readings = groupReadings(catalog);
      // The same steps on a plain in-memory history, as upcomingPicks would take them.
      let memory: ChannelHistory = { posted: [], queued: ['adam'], skipped: [] };
      await store.enqueue('C1', 'adam', { by: 'U1', at });
      const posted: string[] = [];
      for (let week = 0; week < 30; week++) {
        if (week === 3) {
          await store.enqueue('C1', 'offconvex-org', { by: 'U2', at: monday(week) });
          memory = { ...memory, queued: [...memory.queued, 'offconvex-org'] };
        }
        if (week === 5) {
          const upcoming = nextPick(catalog, readings, await store.history('C1'));
          if (!upcoming) throw new Error('no pick');
          const { paperIds, links, cycle } = pickToPosted(upcoming);
          await store.skip('C1', { paperIds, links, cycle, at: monday(week) });
          memory = { ...memory, skipped: [...memory.skipped, { paperIds, links, cycle }] };
        }
        const pick = nextPick(catalog, readings, await store.history('C1'));
        if (!pick) throw new Error('no pick');
        expect(pick.reading.key).toBe(nextPick(catalog, readings, memory)?.reading.key);
        const id = await claimed(store, {
          ...pickToPosted(pick),
          scheduledAt: monday(week),
          queued: pick.queued,
        });
        // A claim counts at once: the paper is taken while it is being posted.
        expect(nextPick(catalog, readings, await store.history('C1'))?.reading.key).not.toBe(
          pick.reading.key,
        );
        await store.completeFire(id, { messageTs: `ts-${week}`, at: monday(week) });
        memory = {
          ...memory,
          posted: [...memory.posted, pickToPosted(pick)],
          queued: memory.queued.filter((paperId) => !pick.reading.paperIds.includes(paperId)),
        };
        expect(await store.history('C1')).toEqual(memory);
        posted.push(pick.reading.key);
      }
      // Asked-for papers (adam, then offconvex-org in week 3) are posted out of turn: the round-robin
      // goes through sections 1, 2, 3… around them.
      expect(posted.slice(0, 6)).toEqual([
        'adam',
        'sgd',
        'batchnorm',
        'offconvex-org',
        'convex-neural-networks',
        'solving-rubiks-cube-with-a-robot-hand',
      ]);
      expect((await store.history('C1')).skipped.map((item) => item.paperIds)).toEqual([
        ['curriculum-learning'],
      ]);
      expect(new Set(posted).size).toBe(30);
      expect(posted).not.toContain('curriculum-learning');
    });
  });

  it('refuses an invalid Date rather than storing NaN', async () => {
    await expect(store.enqueue('C1', 'adam', { by: 'U1', at: new Date('not a date') })).rejects.toThrow(
      'invalid Date passed to the store',
    );
  });

  it('can be closed twice; later calls fail with StoreUnavailableError, and health says it is closed', async () => {
    await root.close();
    await root.close();
    await expect(store.subscriptions()).rejects.toThrow(StoreUnavailableError);
    expect(await root.health()).toEqual({ ok: false, engine: engine.name, reason: 'the database is closed' });
  });

  it('answers health with its engine', async () => {
    expect(await root.health()).toMatchObject({ ok: true, engine: engine.name });
  });

  describe('workspaces', () => {
    it('keeps one channel id in two workspaces apart: subscriptions, fires, queue, skips', async () => {
      const other = root.team('T0OTHER');
      await store.subscribe({ channel: 'C1', cron: '0 9 * * 1', timeZone: 'UTC', createdBy: 'U1', at });
      await other.subscribe({
        channel: 'C1',
        cron: '0 16 * * 5',
        timeZone: 'Asia/Tokyo',
        createdBy: 'U9',
        at,
      });
      await store.completeFire(await claimed(store), { messageTs: 'ours', at });
      // The same slot in the other workspace is another fire.
      const theirs = await claimed(other);
      await store.enqueue('C1', 'batchnorm', { by: 'U1', at });
      await other.skip('C1', { paperIds: ['sgd'], links: [], cycle: 1, at });
      expect((await store.subscription('C1'))?.timeZone).toBe('UTC');
      expect((await other.subscription('C1'))?.timeZone).toBe('Asia/Tokyo');
      // Oldest schedule first, then by workspace.
      expect((await root.allSubscriptions()).map((sub) => [sub.team, sub.channel])).toEqual([
        ['T0OTHER', 'C1'],
        [team, 'C1'],
      ]);
      expect(await store.history('C1')).toMatchObject({ queued: ['batchnorm'], skipped: [] });
      expect(await other.history('C1')).toEqual({
        // Their fire is being posted: taken in their workspace only.
        posted: [
          {
            paperIds: ['adam', 'adamax'],
            links: ['https://arxiv.org/abs/1412.6980'],
            section: 'Popular Optimization algorithms',
            cycle: 1,
          },
        ],
        queued: [],
        skipped: [{ paperIds: ['sgd'], links: [], cycle: 1 }],
      });
      expect((await store.posts('C1')).map((fire) => fire.messageTs)).toEqual(['ours']);
      // A workspace cannot touch another's fire by id.
      expect(await store.completeFire(theirs, { messageTs: 'stolen', at })).toBe(false);
      expect(await store.fire(theirs)).toBeUndefined();
      expect((await other.fire(theirs))?.status).toBe('posting');
      expect(await other.unsubscribe('C1', at)).toBe(true);
      // Their unsubscribe leaves ours as it was.
      expect(await store.subscription('C1')).toMatchObject({ team, channel: 'C1', timeZone: 'UTC' });
    });

    it('gives rows from before workspaces to a team, once', async () => {
      const unscoped = root.team('');
      await unscoped.subscribe({ channel: 'C1', cron: '0 9 * * 1', timeZone: 'UTC', createdBy: 'U1', at });
      await unscoped.completeFire(await claimed(unscoped), { messageTs: '1.0', at });
      await unscoped.enqueue('C1', 'sgd', { by: 'U1', at });
      expect(await root.adoptUnscoped(team)).toBe(3);
      expect(await root.adoptUnscoped(team)).toBe(0);
      expect((await store.subscription('C1'))?.createdBy).toBe('U1');
      expect((await store.history('C1')).queued).toEqual(['sgd']);
      expect((await store.posts('C1')).map((fire) => fire.messageTs)).toEqual(['1.0']);
    });
  });

  describe('installations', () => {
    const installation = (token: string) =>
      JSON.stringify({ team: { id: team }, bot: { token, userId: 'U0BOT' } });

    it('saves, reads, replaces and removes a workspace’s installation; the uninstall is remembered', async () => {
      expect(await root.installation(team)).toBeUndefined();
      await root.saveInstallation({
        team,
        teamId: team,
        isEnterpriseInstall: false,
        installation: installation('xoxb-1'),
        installedAt: at,
      });
      expect(await root.installation(team)).toEqual({
        team,
        teamId: team,
        isEnterpriseInstall: false,
        installation: installation('xoxb-1'),
        installedAt: at,
      });
      const later = new Date(at.getTime() + 1000);
      await root.saveInstallation({
        team,
        teamId: team,
        isEnterpriseInstall: false,
        installation: installation('xoxb-2'),
        installedAt: later,
      });
      expect(JSON.parse((await root.installation(team))?.installation ?? '{}')).toMatchObject({
        bot: { token: 'xoxb-2' },
      });
      expect(await root.removeInstallation(team, later)).toBe(true);
      expect(await root.installation(team)).toBeUndefined();
      expect(await root.uninstalledAt(team)).toEqual(later);
      expect(await root.removeInstallation(team, later)).toBe(false);
      // Installing again clears the uninstall.
      await root.saveInstallation({
        team,
        teamId: team,
        isEnterpriseInstall: false,
        installation: installation('xoxb-3'),
        installedAt: later,
      });
      expect(await root.uninstalledAt(team)).toBeUndefined();
      // A workspace that never installed through OAuth (the single-workspace bot) can be uninstalled too.
      expect(await root.removeInstallation('T0SINGLE', at)).toBe(false);
      expect(await root.uninstalledAt('T0SINGLE')).toEqual(at);
    });

    it('keys an org-wide install by its enterprise', async () => {
      await root.saveInstallation({
        team: 'E0ORG',
        enterpriseId: 'E0ORG',
        isEnterpriseInstall: true,
        installation: '{}',
        installedAt: at,
      });
      expect(await root.installation('E0ORG')).toEqual({
        team: 'E0ORG',
        enterpriseId: 'E0ORG',
        isEnterpriseInstall: true,
        installation: '{}',
        installedAt: at,
      });
    });

    it('purges every row of one workspace, and only that one', async () => {
      await store.subscribe({ channel: 'C1', cron: '0 9 * * 1', timeZone: 'UTC', createdBy: 'U1', at });
      await store.completeFire(await claimed(store), { messageTs: '1.0', at });
      await store.enqueue('C1', 'sgd', { by: 'U1', at });
      await root.saveInstallation({
        team,
        teamId: team,
        isEnterpriseInstall: false,
        installation: '{}',
        installedAt: at,
      });
      await root
        .team('T0OTHER')
        .subscribe({ channel: 'C1', cron: '0 9 * * 1', timeZone: 'UTC', createdBy: 'U1', at });
      expect(await root.purgeTeam(team)).toBe(4);
      expect(await store.subscription('C1')).toBeUndefined();
      expect(await store.posts('C1')).toEqual([]);
      expect(await root.installation(team)).toBeUndefined();
      expect(await root.team('T0OTHER').subscription('C1')).toMatchObject({
        team: 'T0OTHER',
        channel: 'C1',
        cron: '0 9 * * 1',
      });
    });
  });

  // Presenters, links that remember, the Home tab (issue 12, second half).
  describe('presenters and the Home tab', () => {
    it('keeps a channel’s presenters in order, without repeats, per channel; swaps two places; an empty list removes them', async () => {
      await store.setPresenters('C1', ['UALICE', 'UBOB', 'UCAROL', 'UBOB']);
      await store.setPresenters('C2', ['UDAN']);
      expect(await store.presenters('C1')).toEqual(['UALICE', 'UBOB', 'UCAROL']);
      expect(await store.swapPresenters('C1', 'UALICE', 'UCAROL')).toBe(true);
      expect(await store.presenters('C1')).toEqual(['UCAROL', 'UBOB', 'UALICE']);
      expect(await store.swapPresenters('C1', 'UALICE', 'UDAN')).toBe(false);
      expect(await store.presenters('C1')).toEqual(['UCAROL', 'UBOB', 'UALICE']);
      await store.setPresenters('C1', ['UBOB', 'UERIN']);
      expect(await store.presenters('C1')).toEqual(['UBOB', 'UERIN']);
      expect(await root.team('T0OTHER').presenters('C1')).toEqual([]);
      await store.setPresenters('C1', []);
      expect(await store.presenters('C1')).toEqual([]);
      expect(await store.presenters('C2')).toEqual(['UDAN']);
    });

    it('keeps turns and skips in time order, skips first, and counts a turn as posted once its slot’s post went out', async () => {
      await store.subscribe({ channel: 'C1', cron: '0 9 * * 1', timeZone: 'UTC', createdBy: 'U1', at });
      await store.completeFire(await claimed(store, { scheduledAt: monday(0) }), { messageTs: '1.0', at });
      expect(await store.recordPresenterTurn('C1', { slot: monday(1), user: 'UBOB' })).toBe(true);
      expect(await store.recordPresenterTurn('C1', { slot: monday(0), user: 'UALICE' })).toBe(true);
      expect(await store.recordPresenterTurn('C1', { slot: monday(0), user: 'UALICE' })).toBe(false);
      expect(await store.recordPresenterTurn('C1', { slot: monday(1), user: 'UCAROL', skipped: true })).toBe(
        true,
      );
      expect(await store.presenterTurns('C1')).toEqual([
        { slot: monday(0), user: 'UALICE', skipped: false, posted: true },
        { slot: monday(1), user: 'UCAROL', skipped: true, posted: false },
        { slot: monday(1), user: 'UBOB', skipped: false, posted: false },
      ]);
      expect(await store.presenterTurns('C2')).toEqual([]);
    });

    it('lets one claim of a presenter’s notice win, for a turn recorded or not; a released claim can be taken again', async () => {
      const notice = { slot: monday(2), user: 'UALICE', at };
      expect(await store.claimPresenterNotice('C1', notice)).toBe(true);
      expect(await store.claimPresenterNotice('C1', notice)).toBe(false);
      expect(await store.claimPresenterNotice('C1', { ...notice, user: 'UBOB' })).toBe(true);
      await store.recordPresenterTurn('C1', { slot: monday(3), user: 'UALICE' });
      expect(await store.claimPresenterNotice('C1', { ...notice, slot: monday(3) })).toBe(true);
      expect(await store.claimPresenterNotice('C1', { ...notice, slot: monday(3) })).toBe(false);
      // Recording the turn after the message keeps the time it was sent.
      expect(await store.recordPresenterTurn('C1', { slot: monday(2), user: 'UALICE' })).toBe(false);
      await store.releasePresenterNotice('C1', { slot: monday(2), user: 'UBOB' });
      expect((await store.presenterTurns('C1')).map((turn) => [turn.user, turn.notifiedAt])).toEqual([
        ['UALICE', at],
        ['UBOB', undefined],
        ['UALICE', at],
      ]);
      expect(await store.claimPresenterNotice('C1', { ...notice, user: 'UBOB' })).toBe(true);
      // A skip is not a turn to be told about.
      await store.recordPresenterTurn('C1', { slot: monday(4), user: 'UCAROL', skipped: true });
      expect(await store.claimPresenterNotice('C1', { slot: monday(4), user: 'UCAROL', at })).toBe(false);
    });

    it('remembers who opened the Home tab, once per person, latest first, per workspace; purging forgets it all', async () => {
      await store.recordHomeView('UALICE', at);
      await store.recordHomeView('UBOB', new Date(at.getTime() + 1000));
      await store.recordHomeView('UALICE', new Date(at.getTime() + 2000));
      await root.team('T0OTHER').recordHomeView('UCAROL', at);
      expect(await store.homeViewers()).toEqual(['UALICE', 'UBOB']);
      await store.setPresenters('C1', ['UALICE']);
      await store.recordPresenterTurn('C1', { slot: monday(0), user: 'UALICE' });
      expect(await root.purgeTeam(team)).toBe(4);
      expect(await store.homeViewers()).toEqual([]);
      expect(await store.presenters('C1')).toEqual([]);
      expect(await store.presenterTurns('C1')).toEqual([]);
      expect(await root.team('T0OTHER').homeViewers()).toEqual(['UCAROL']);
    });
  });

  describe('deliveries', () => {
    const options = (now: Date) => ({ at: now, staleMs: 60_000, ttlMs: 3_600_000 });

    it('lets the first claim of a key win; a second is a duplicate while working and once done', async () => {
      expect(await root.claimDelivery('event:Ev1', options(at))).toBe('claimed');
      expect(await root.claimDelivery('event:Ev1', options(at))).toBe('duplicate');
      await root.finishDelivery('event:Ev1', at);
      expect(await root.claimDelivery('event:Ev1', options(new Date(at.getTime() + 120_000)))).toBe(
        'duplicate',
      );
      expect(await root.claimDelivery('event:Ev2', options(at))).toBe('claimed');
    });

    it('lets another claim take over a claim left working past staleMs, and a released one at once', async () => {
      expect(await root.claimDelivery('action:1', options(at))).toBe('claimed');
      expect(await root.claimDelivery('action:1', options(new Date(at.getTime() + 59_000)))).toBe(
        'duplicate',
      );
      expect(await root.claimDelivery('action:1', options(new Date(at.getTime() + 61_000)))).toBe('claimed');
      await root.releaseDelivery('action:1');
      expect(await root.claimDelivery('action:1', options(new Date(at.getTime() + 62_000)))).toBe('claimed');
    });

    it('forgets a key after ttlMs, and expires old claims', async () => {
      await root.claimDelivery('share:1', { at, staleMs: 60_000, ttlMs: 30_000 });
      await root.finishDelivery('share:1', at);
      expect(
        await root.claimDelivery('share:1', {
          at: new Date(at.getTime() + 29_000),
          staleMs: 60_000,
          ttlMs: 30_000,
        }),
      ).toBe('duplicate');
      expect(
        await root.claimDelivery('share:1', {
          at: new Date(at.getTime() + 31_000),
          staleMs: 60_000,
          ttlMs: 30_000,
        }),
      ).toBe('claimed');
      await root.claimDelivery('event:old', options(new Date(at.getTime() - 10_000)));
      expect(await root.expireDeliveries(at)).toBe(1);
      expect(await root.claimDelivery('event:old', options(at))).toBe('claimed');
    });
  });

  describe('votes and proposals', () => {
    const candidates: VoteCandidate[] = [
      { key: 'sgd', title: 'SGD', url: 'https://x.org/sgd', section: 'Algorithms', origin: 'rotation' },
      { key: 'outside:7', title: 'A paper “of” <ours>', section: '', origin: 'proposed', by: 'U2' },
    ];
    const open = (channel = 'C1', slot = monday(1)) =>
      store.startVote({ channel, slot, candidates, at: monday(0) });

    it('opens one vote per channel and slot: the second opening gets nothing, another slot or channel does', async () => {
      const vote = await open();
      expect(vote).toEqual({
        id: expect.any(Number),
        team,
        channel: 'C1',
        slot: monday(1),
        candidates,
        openedAt: monday(0),
      });
      expect(await open()).toBeUndefined();
      expect(
        await root.team('T0OTHER').startVote({ channel: 'C1', slot: monday(1), candidates, at }),
      ).toBeDefined();
      const next = await open('C1', monday(2));
      expect(next?.id).not.toBe(vote?.id);
      expect(await open('C2')).toBeDefined();
      expect(await store.voteAt('C1', monday(1))).toEqual(vote);
      expect(await store.voteAt('C1', monday(3))).toBeUndefined();
      expect((await store.currentVotes('C1')).map((found) => found.slot)).toEqual([monday(1), monday(2)]);
    });

    it('records the message, the closing and the winner; closes once; other workspaces see nothing', async () => {
      const vote = await open();
      if (!vote) throw new Error('not opened');
      expect(await root.team('T0OTHER').vote(vote.id)).toBeUndefined();
      expect(await root.team('T0OTHER').closeVote(vote.id, at)).toBe(false);
      expect(await store.setVoteMessage(vote.id, '1700000001.000100')).toBe(true);
      expect(await store.closeVote(vote.id, monday(1))).toBe(true);
      expect(await store.closeVote(vote.id, monday(2))).toBe(false);
      expect(await store.setVoteWinner(vote.id, 'outside:7')).toBe(true);
      expect(await store.vote(vote.id)).toEqual({
        ...vote,
        messageTs: '1700000001.000100',
        closedAt: monday(1),
        winner: 'outside:7',
      });
      expect(await store.currentVotes('C1')).toEqual([]);
    });

    it('lists every workspace’s open votes, earliest slot first', async () => {
      const later = await open('C1', monday(3));
      const other = await root.team('T0OTHER').startVote({ channel: 'C9', slot: monday(2), candidates, at });
      const closed = await open('C2', monday(1));
      if (!later || !other || !closed) throw new Error('not opened');
      await store.closeVote(closed.id, at);
      expect((await root.allOpenVotes()).map((vote) => [vote.team, vote.channel])).toEqual([
        ['T0OTHER', 'C9'],
        [team, 'C1'],
      ]);
    });

    it('takes one ballot per person, changeable, a repeat changes nothing, and none once the vote closed', async () => {
      const vote = await open();
      if (!vote) throw new Error('not opened');
      const cast = (user: string, choice: string, when: Date) =>
        store.castBallot(vote.id, { user, choice, at: when });
      expect(await cast('U1', 'sgd', monday(0))).toBe('cast');
      expect(await cast('U2', 'outside:7', new Date(monday(0).getTime() + 1000))).toBe('cast');
      expect(await cast('U1', 'sgd', new Date(monday(0).getTime() + 2000))).toBe('unchanged');
      expect(await cast('U1', 'outside:7', new Date(monday(0).getTime() + 3000))).toBe('changed');
      expect(await store.ballots(vote.id)).toEqual([
        { user: 'U2', choice: 'outside:7', at: new Date(monday(0).getTime() + 1000) },
        { user: 'U1', choice: 'outside:7', at: new Date(monday(0).getTime() + 3000) },
      ]);
      expect(await root.team('T0OTHER').castBallot(vote.id, { user: 'U3', choice: 'sgd', at })).toBe(
        'closed',
      );
      expect(await root.team('T0OTHER').ballots(vote.id)).toEqual([]);
      await store.closeVote(vote.id, monday(1));
      expect(await cast('U3', 'sgd', monday(1))).toBe('closed');
      expect(await cast('U1', 'sgd', monday(1))).toBe('closed');
      expect((await store.ballots(vote.id)).map((ballot) => ballot.user)).toEqual(['U2', 'U1']);
      expect(await store.castBallot(9999, { user: 'U1', choice: 'sgd', at })).toBe('closed');
    });

    it('counts every ballot cast before the closing and none after, under concurrent ballots', async () => {
      const vote = await open();
      if (!vote) throw new Error('not opened');
      const outcomes = await Promise.all([
        ...Array.from({ length: 20 }, (_, index) =>
          store.castBallot(vote.id, { user: `U${index}`, choice: 'sgd', at: monday(0) }),
        ),
        store.closeVote(vote.id, monday(1)),
        ...Array.from({ length: 20 }, (_, index) =>
          store.castBallot(vote.id, { user: `U${index + 20}`, choice: 'sgd', at: monday(0) }),
        ),
      ]);
      const counted = outcomes.filter((outcome) => outcome === 'cast').length;
      expect(outcomes.filter((outcome) => outcome === 'closed').length).toBe(40 - counted);
      expect(await store.ballots(vote.id)).toHaveLength(counted);
    });

    it('keeps proposals per channel, open ones first proposed first, whatever their status', async () => {
      const listed = await store.propose({
        channel: 'C1',
        paperId: 'adam',
        title: 'ADAM',
        by: 'U1',
        at: monday(1),
      });
      const outside = await store.propose({
        channel: 'C1',
        title: 'Ünïcode <!channel> “paper”',
        url: 'https://example.org/p.pdf',
        by: 'U2',
        at: monday(0),
      });
      await store.propose({ channel: 'C2', title: 'Elsewhere', url: 'https://example.org/e', by: 'U3', at });
      expect(listed).toEqual({
        id: expect.any(Number),
        team,
        channel: 'C1',
        paperId: 'adam',
        title: 'ADAM',
        by: 'U1',
        at: monday(1),
        status: 'open',
      });
      expect((await store.proposals('C1')).map((proposal) => proposal.id)).toEqual([outside.id, listed.id]);
      expect(await store.proposal(outside.id)).toEqual({
        id: outside.id,
        team,
        channel: 'C1',
        title: 'Ünïcode <!channel> “paper”',
        url: 'https://example.org/p.pdf',
        by: 'U2',
        at: monday(0),
        status: 'open',
      });
      expect(await root.team('T0OTHER').proposal(outside.id)).toBeUndefined();
      expect(await root.team('T0OTHER').proposals('C1')).toEqual([]);
      expect(await root.team('T0OTHER').withdrawProposal(outside.id, at)).toBe(false);
      expect(await store.withdrawProposal(outside.id, monday(2))).toBe(true);
      expect(await store.withdrawProposal(outside.id, monday(3))).toBe(false);
      expect(await store.proposal(outside.id)).toMatchObject({ status: 'withdrawn', finishedAt: monday(2) });
      expect((await store.proposals('C1')).map((proposal) => proposal.id)).toEqual([listed.id]);
      expect((await store.history('C1')).outside).toBeUndefined();
    });

    it('gives open outside proposals to the rotation, and a post of them (or of a proposed list paper) closes them', async () => {
      const outside = await store.propose({
        channel: 'C1',
        title: 'Outside',
        url: 'https://example.org/o',
        by: 'U2',
        at: monday(0),
      });
      const listed = await store.propose({ channel: 'C1', paperId: 'adamax', title: 'ADAMAX', by: 'U1', at });
      await store.propose({
        channel: 'C2',
        title: 'Other channel',
        url: 'https://example.org/c2',
        by: 'U3',
        at,
      });
      expect((await store.history('C1')).outside).toEqual([
        {
          id: `outside:${outside.id}`,
          title: 'Outside',
          url: 'https://example.org/o',
          by: 'U2',
          at: monday(0),
        },
      ]);
      await store.enqueue('C1', `outside:${outside.id}`, { by: 'U2', at });
      const fire = await claimed(store, {
        paperIds: [`outside:${outside.id}`],
        links: ['https://example.org/o'],
        queued: true,
      });
      await store.completeFire(fire, { messageTs: '1.0', at: monday(1) });
      const history = await store.history('C1');
      expect(history.outside).toBeUndefined();
      expect(history.queued).toEqual([]);
      expect(await store.proposal(outside.id)).toMatchObject({ status: 'posted', finishedAt: monday(1) });
      expect(await store.proposal(listed.id)).toMatchObject({ status: 'open' });
      // ADAM and ADAMAX are one reading: its post names both papers.
      await store.completeFire(await claimed(store, { scheduledAt: monday(1) }), {
        messageTs: '2.0',
        at: monday(2),
      });
      expect(await store.proposal(listed.id)).toMatchObject({ status: 'posted', finishedAt: monday(2) });
      expect((await store.proposals('C1')).length).toBe(0);
      expect((await store.proposals('C2')).map((proposal) => proposal.title)).toEqual(['Other channel']);
    });

    it('forgets a workspace’s votes, ballots and proposals with the workspace', async () => {
      const vote = await open();
      if (!vote) throw new Error('not opened');
      await store.castBallot(vote.id, { user: 'U1', choice: 'sgd', at });
      await store.propose({ channel: 'C1', title: 'Outside', url: 'https://example.org/o', by: 'U2', at });
      expect(await root.purgeTeam(team)).toBe(2);
      expect(await store.vote(vote.id)).toBeUndefined();
      expect(await store.ballots(vote.id)).toEqual([]);
      expect(await store.proposals('C1')).toEqual([]);
    });
  });

  describe('a clock that ran ahead', () => {
    it('lists fires after a time and moves one back, its finish time with it; a taken slot is left alone', async () => {
      const future = await claimed(store, { scheduledAt: monday(3) });
      await store.completeFire(future, { messageTs: '9.0', at: monday(3) });
      await claimed(store, { scheduledAt: monday(0) });
      expect((await store.firesAfter('C1', monday(1))).map((fire) => fire.id)).toEqual([future]);
      expect(await store.moveFire(future, monday(0))).toBe(false);
      const now = new Date(monday(1).getTime() + 3_600_000);
      expect(await store.moveFire(future, now)).toBe(true);
      expect(await store.fire(future)).toMatchObject({ scheduledAt: now, finishedAt: now, status: 'posted' });
      expect(await store.firesAfter('C1', now)).toEqual([]);
    });
  });
});

describe('the store in a file', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'optpaper-store-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('creates its parent directory, uses WAL, and is at the latest schema version', async () => {
    const path = join(dir, 'state', 'nested', 'optpaper.db');
    await openStore(path).close();
    const raw = new BetterSqlite3(path, { readonly: true });
    try {
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(raw.pragma('user_version', { simple: true })).toBe(migrations.length);
      expect(
        raw
          .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
          .all()
          .map((row) => row.name),
      ).toEqual([
        'ballots',
        'deliveries',
        'fires',
        'home_views',
        'installations',
        'pauses',
        'presenter_turns',
        'presenters',
        'proposals',
        'queue',
        'skips',
        'subscriptions',
        'unsubscriptions',
        'votes',
      ]);
    } finally {
      raw.close();
    }
  });

  it('keeps everything across a reopen', async () => {
    const path = join(dir, 'optpaper.db');
    const firstRoot = openStore(path);
    const first = firstRoot.team(team);
    await first.subscribe({
      channel: 'C1',
      cron: '0 9 * * 1',
      timeZone: 'Europe/Paris',
      createdBy: 'U1',
      at,
    });
    const id = await claimed(first);
    await first.completeFire(id, { messageTs: '1.0001', at: monday(0) });
    const crashed = await claimed(first, { scheduledAt: monday(1), paperIds: ['batchnorm'] });
    await first.enqueue('C1', 'sgd', { by: 'U2', at });
    await first.skip('C1', { paperIds: ['curriculum-learning'], links: [], cycle: 1, at });
    await firstRoot.close();

    const secondRoot = openStore(path);
    const second = secondRoot.team(team);
    try {
      expect(await second.subscription('C1')).toEqual({
        team,
        channel: 'C1',
        cron: '0 9 * * 1',
        timeZone: 'Europe/Paris',
        createdBy: 'U1',
        createdAt: at,
        every: 1,
        presenterLeadMinutes: 2880,
      });
      expect(await second.history('C1')).toEqual({
        posted: [
          {
            paperIds: ['adam', 'adamax'],
            links: ['https://arxiv.org/abs/1412.6980'],
            section: 'Popular Optimization algorithms',
            cycle: 1,
          },
          // Still being posted as far as the file knows, until it is found stale.
          {
            paperIds: ['batchnorm'],
            links: ['https://arxiv.org/abs/1412.6980'],
            section: 'Popular Optimization algorithms',
            cycle: 1,
          },
        ],
        queued: ['sgd'],
        skipped: [{ paperIds: ['curriculum-learning'], links: [], cycle: 1 }],
      });
      expect(
        (await secondRoot.staleFires(new Date(at.getTime() + 1))).map((fire) => [fire.id, fire.paperIds]),
      ).toEqual([[crashed, ['batchnorm']]]);
      // Found interrupted, its paper is next again.
      await secondRoot.markInterrupted(crashed, at);
      expect((await second.history('C1')).posted.map((item) => item.paperIds)).toEqual([['adam', 'adamax']]);
      expect(await second.claimFire(claim())).toBeUndefined();
      expect(await lastSlot(second, 'C1')).toEqual(monday(1));
    } finally {
      await secondRoot.close();
    }
  });
});
