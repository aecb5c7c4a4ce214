import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrations } from '../../src/store/migrations.ts';
import { openStore } from '../../src/store/sqlite.ts';
import type { FireClaim, Store } from '../../src/store/types.ts';
import { groupReadings } from '../../src/weekly/readings.ts';
import { type ChannelHistory, nextPick, pickToPosted } from '../../src/weekly/rotation.ts';
import { shippedCatalog } from '../support/shipped.ts';

const monday = (week: number) => new Date(Date.UTC(2025, 0, 6 + 7 * week, 9));
const at = new Date('2025-01-01T12:00:00Z');

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

function claimed(store: Store, overrides: Partial<FireClaim> = {}): number {
  const id = store.claimFire(claim(overrides));
  if (id === undefined) throw new Error('slot already claimed');
  return id;
}

describe('the store in memory', () => {
  let store: Store;
  beforeEach(() => {
    store = openStore(':memory:');
  });
  afterEach(() => store.close());

  describe('subscriptions', () => {
    it('subscribes, lists and unsubscribes channels', () => {
      expect(
        store.subscribe({ channel: 'C1', cron: '0 9 * * 1', timeZone: 'UTC', createdBy: 'U1', at }),
      ).toEqual({
        channel: 'C1',
        cron: '0 9 * * 1',
        timeZone: 'UTC',
        createdBy: 'U1',
        createdAt: at,
      });
      store.subscribe({
        channel: 'C2',
        cron: '30 17 * * 5',
        timeZone: 'Europe/Paris',
        createdBy: 'WEEKLY_CHANNEL',
        at: new Date('2025-01-02T00:00:00Z'),
      });
      expect(store.subscription('C2')).toEqual({
        channel: 'C2',
        cron: '30 17 * * 5',
        timeZone: 'Europe/Paris',
        createdBy: 'WEEKLY_CHANNEL',
        createdAt: new Date('2025-01-02T00:00:00Z'),
      });
      expect(store.subscriptions().map((subscription) => subscription.channel)).toEqual(['C1', 'C2']);
      expect(store.unsubscribedAt('C1')).toBeUndefined();
      expect(store.unsubscribe('C1', at)).toBe(true);
      expect(store.unsubscribe('C1', at)).toBe(false);
      expect(store.subscription('C1')).toBeUndefined();
      // Remembered, until the channel subscribes again.
      expect(store.unsubscribedAt('C1')).toEqual(at);
      store.subscribe({ channel: 'C1', cron: '0 9 * * 1', timeZone: 'UTC', createdBy: 'U1', at });
      expect(store.unsubscribedAt('C1')).toBeUndefined();
      store.unsubscribe('C1', at);
      expect(store.subscriptions().map((subscription) => subscription.channel)).toEqual(['C2']);
    });

    it('changes the schedule of a subscribed channel and keeps its history', () => {
      store.subscribe({ channel: 'C1', cron: '0 9 * * 1', timeZone: 'UTC', createdBy: 'U1', at });
      store.completeFire(claimed(store), { messageTs: '1.0001', at: monday(0) });
      store.enqueue('C1', 'batchnorm', { by: 'U2', at });
      const later = new Date('2025-02-01T00:00:00Z');
      store.subscribe({
        channel: 'C1',
        cron: '0 16 * * 5',
        timeZone: 'Asia/Tokyo',
        createdBy: 'U3',
        at: later,
      });
      expect(store.subscription('C1')).toEqual({
        channel: 'C1',
        cron: '0 16 * * 5',
        timeZone: 'Asia/Tokyo',
        createdBy: 'U3',
        createdAt: later,
      });
      expect(store.subscriptions()).toHaveLength(1);
      expect(store.history('C1').posted.map((item) => item.paperIds)).toEqual([['adam', 'adamax']]);
      expect(store.history('C1').queued).toEqual(['batchnorm']);
    });

    it('keeps a channel’s history when it unsubscribes', () => {
      store.subscribe({ channel: 'C1', cron: '0 9 * * 1', timeZone: 'UTC', createdBy: 'U1', at });
      store.completeFire(claimed(store), { messageTs: '1.0001', at: monday(0) });
      store.unsubscribe('C1', at);
      expect(store.posts('C1').map((fire) => fire.messageTs)).toEqual(['1.0001']);
      expect(store.lastSlot('C1')).toEqual(monday(0));
    });
  });

  describe('fires', () => {
    it('claims a slot once: a second claim of the same slot gets undefined', () => {
      const id = store.claimFire(claim());
      expect(id).toBeTypeOf('number');
      expect(store.claimFire(claim({ paperIds: ['batchnorm'], links: [] }))).toBeUndefined();
      // The slot keeps what the first claim wrote.
      expect(store.fire(id ?? -1)).toEqual({
        id,
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
      });
      // The same slot in another channel, and the next slot, are other fires.
      expect(store.claimFire(claim({ channel: 'C2' }))).toBeTypeOf('number');
      expect(store.claimFire(claim({ scheduledAt: monday(1) }))).toBeTypeOf('number');
    });

    it('records a posted fire with its message ts and takes its papers out of the channel’s queue', () => {
      store.enqueue('C1', 'adamax', { by: 'U1', at });
      store.enqueue('C1', 'batchnorm', { by: 'U1', at });
      store.enqueue('C2', 'adamax', { by: 'U2', at });
      const id = claimed(store, { queued: true });
      const postedAt = new Date('2025-01-06T09:00:02Z');
      expect(store.completeFire(id, { messageTs: '1736154002.000100', attempts: 2, at: postedAt })).toBe(
        true,
      );
      expect(store.fire(id)).toMatchObject({
        status: 'posted',
        messageTs: '1736154002.000100',
        attempts: 2,
        queued: true,
        finishedAt: postedAt,
      });
      expect(store.history('C1').queued).toEqual(['batchnorm']);
      expect(store.history('C2').queued).toEqual(['adamax']);
      expect(store.completeFire(id, { messageTs: 'again', at: postedAt })).toBe(false);
      expect(store.fire(id)?.messageTs).toBe('1736154002.000100');
    });

    it('records a failed fire, which is not a post and keeps the slot', () => {
      store.enqueue('C1', 'adam', { by: 'U1', at });
      const id = claimed(store);
      expect(store.failFire(id, { error: 'ratelimited', attempts: 4, at: monday(0) })).toBe(true);
      expect(store.fire(id)).toMatchObject({
        status: 'failed',
        error: 'ratelimited',
        attempts: 4,
        finishedAt: monday(0),
      });
      expect(store.posts('C1')).toEqual([]);
      expect(store.history('C1')).toEqual({ posted: [], queued: ['adam'], skipped: [] });
      expect(store.claimFire(claim())).toBeUndefined();
      expect(store.failFire(id, { error: 'again', attempts: 5, at: monday(0) })).toBe(false);
    });

    it('records a missed slot once, which blocks a later claim and is not a post', () => {
      expect(store.recordMissed({ channel: 'C1', scheduledAt: monday(0), at })).toBe(true);
      expect(store.recordMissed({ channel: 'C1', scheduledAt: monday(0), at })).toBe(false);
      expect(store.claimFire(claim())).toBeUndefined();
      expect(store.posts('C1')).toEqual([]);
      expect(store.lastSlot('C1')).toEqual(monday(0));
      // A missed slot does not overwrite a claimed one either.
      const id = claimed(store, { scheduledAt: monday(1) });
      expect(store.recordMissed({ channel: 'C1', scheduledAt: monday(1), at })).toBe(false);
      expect(store.fire(id)?.status).toBe('posting');
    });

    it('lists fires left `posting` by a crash, and marks them interrupted', () => {
      const first = claimed(store, { scheduledAt: monday(1) });
      const second = claimed(store, { channel: 'C2', scheduledAt: monday(0) });
      store.completeFire(claimed(store, { channel: 'C3' }), { messageTs: '1.0', at });
      expect(store.interruptedFires().map((fire) => [fire.id, fire.channel, fire.scheduledAt])).toEqual([
        [second, 'C2', monday(0)],
        [first, 'C1', monday(1)],
      ]);
      const restart = new Date('2025-01-13T10:00:00Z');
      expect(store.markInterrupted(first, restart)).toBe(true);
      expect(store.markInterrupted(first, restart)).toBe(false);
      expect(store.fire(first)).toMatchObject({ status: 'interrupted', finishedAt: restart });
      expect(store.interruptedFires().map((fire) => fire.id)).toEqual([second]);
      // A post found after the fact can still be completed.
      expect(store.completeFire(first, { messageTs: '2.0', at: restart })).toBe(true);
      expect(store.posts('C1').map((fire) => fire.messageTs)).toEqual(['2.0']);
    });

    it('gives the latest slot of any status, per channel', () => {
      expect(store.lastSlot('C1')).toBeUndefined();
      store.completeFire(claimed(store, { scheduledAt: monday(0) }), { messageTs: '1.0', at });
      store.failFire(claimed(store, { scheduledAt: monday(2) }), { error: 'x', attempts: 1, at });
      store.recordMissed({ channel: 'C1', scheduledAt: monday(1), at });
      store.recordMissed({ channel: 'C2', scheduledAt: monday(5), at });
      expect(store.lastSlot('C1')).toEqual(monday(2));
      expect(store.lastSlot('C2')).toEqual(monday(5));
    });

    it('lists posts newest first, with a limit', () => {
      for (const week of [0, 2, 1]) {
        store.completeFire(claimed(store, { scheduledAt: monday(week), paperIds: [`paper-${week}`] }), {
          messageTs: `ts-${week}`,
          at: monday(week),
        });
      }
      store.failFire(claimed(store, { scheduledAt: monday(3) }), { error: 'x', attempts: 1, at });
      expect(store.posts('C1').map((fire) => [fire.messageTs, fire.paperIds])).toEqual([
        ['ts-2', ['paper-2']],
        ['ts-1', ['paper-1']],
        ['ts-0', ['paper-0']],
      ]);
      expect(store.posts('C1', 1).map((fire) => fire.messageTs)).toEqual(['ts-2']);
      expect(store.posts('C2')).toEqual([]);
    });
  });

  describe('queue and skips', () => {
    it('queues papers first asked first; asking again keeps the place', () => {
      expect(store.enqueue('C1', 'batchnorm', { by: 'U1', at })).toBe(true);
      expect(store.enqueue('C1', 'adam', { by: 'U2', at: monday(0) })).toBe(true);
      expect(store.enqueue('C1', 'batchnorm', { by: 'U3', at: monday(1) })).toBe(false);
      expect(store.queue('C1')).toEqual([
        { paperId: 'batchnorm', by: 'U1', at },
        { paperId: 'adam', by: 'U2', at: monday(0) },
      ]);
      expect(store.dequeue('C1', 'batchnorm')).toBe(true);
      expect(store.dequeue('C1', 'batchnorm')).toBe(false);
      expect(store.enqueue('C1', 'batchnorm', { by: 'U3', at: monday(1) })).toBe(true);
      expect(store.history('C1').queued).toEqual(['adam', 'batchnorm']);
      expect(store.history('C2').queued).toEqual([]);
    });

    it('keeps skips in order, per channel', () => {
      store.skip('C1', {
        paperIds: ['sgd', 'momentum'],
        links: ['https://deeplearningbook.org/x'],
        cycle: 1,
        at,
      });
      store.skip('C1', { paperIds: ['adam'], links: [], cycle: 2, at });
      store.skip('C2', { paperIds: ['batchnorm'], links: [], cycle: 1, at });
      expect(store.history('C1').skipped).toEqual([
        { paperIds: ['sgd', 'momentum'], links: ['https://deeplearningbook.org/x'], cycle: 1 },
        { paperIds: ['adam'], links: [], cycle: 2 },
      ]);
    });
  });

  describe('history', () => {
    it('gives posted fires oldest slot first, as the rotation reads them', () => {
      store.completeFire(
        claimed(store, { scheduledAt: monday(1), paperIds: ['b'], section: 'Beta', cycle: 1 }),
        {
          messageTs: '2',
          at,
        },
      );
      store.completeFire(
        claimed(store, { scheduledAt: monday(0), paperIds: ['a'], links: [], section: 'Alpha' }),
        {
          messageTs: '1',
          at,
        },
      );
      claimed(store, { scheduledAt: monday(2), paperIds: ['c'] });
      expect(store.history('C1').posted).toEqual([
        { paperIds: ['a'], links: [], section: 'Alpha', cycle: 1 },
        { paperIds: ['b'], links: ['https://arxiv.org/abs/1412.6980'], section: 'Beta', cycle: 1 },
      ]);
    });

    it('round-trips into the rotation: weeks of queue, skip, claim and post give the picks of the pure rotation', () => {
      const catalog = shippedCatalog();
      const readings = groupReadings(catalog);
      // The same steps on a plain in-memory history, as upcomingPicks would take them.
      let memory: ChannelHistory = { posted: [], queued: ['adam'], skipped: [] };
      store.enqueue('C1', 'adam', { by: 'U1', at });
      const posted: string[] = [];
      for (let week = 0; week < 30; week++) {
        if (week === 3) {
          store.enqueue('C1', 'offconvex-org', { by: 'U2', at: monday(week) });
          memory = { ...memory, queued: [...memory.queued, 'offconvex-org'] };
        }
        if (week === 5) {
          const upcoming = nextPick(catalog, readings, store.history('C1'));
          if (!upcoming) throw new Error('no pick');
          const { paperIds, links, cycle } = pickToPosted(upcoming);
          store.skip('C1', { paperIds, links, cycle, at: monday(week) });
          memory = { ...memory, skipped: [...memory.skipped, { paperIds, links, cycle }] };
        }
        const pick = nextPick(catalog, readings, store.history('C1'));
        if (!pick) throw new Error('no pick');
        expect(pick.reading.key).toBe(nextPick(catalog, readings, memory)?.reading.key);
        const id = claimed(store, { ...pickToPosted(pick), scheduledAt: monday(week), queued: pick.queued });
        // A claim alone does not count: the history changes only once the post is complete.
        expect(nextPick(catalog, readings, store.history('C1'))?.reading.key).toBe(pick.reading.key);
        store.completeFire(id, { messageTs: `ts-${week}`, at: monday(week) });
        memory = {
          ...memory,
          posted: [...memory.posted, pickToPosted(pick)],
          queued: memory.queued.filter((paperId) => !pick.reading.paperIds.includes(paperId)),
        };
        expect(store.history('C1')).toEqual(memory);
        posted.push(pick.reading.key);
      }
      expect(posted.slice(0, 6)).toEqual([
        'adam',
        'batchnorm',
        'convex-neural-networks',
        'offconvex-org',
        'sgd',
        'spectral-norm',
      ]);
      expect(store.history('C1').skipped.map((item) => item.paperIds)).toEqual([['weight-norm']]);
      expect(new Set(posted).size).toBe(30);
      expect(posted).not.toContain('weight-norm');
    });
  });

  it('refuses an invalid Date rather than storing NaN', () => {
    expect(() => store.enqueue('C1', 'adam', { by: 'U1', at: new Date('not a date') })).toThrow(
      'invalid Date passed to the store',
    );
  });

  it('can be closed twice; later calls throw', () => {
    store.close();
    store.close();
    expect(() => store.subscriptions()).toThrow();
  });
});

describe('the store in a file', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'optpaper-store-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('creates its parent directory, uses WAL, and is at the latest schema version', () => {
    const path = join(dir, 'state', 'nested', 'optpaper.db');
    openStore(path).close();
    const raw = new BetterSqlite3(path, { readonly: true });
    try {
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(raw.pragma('user_version', { simple: true })).toBe(migrations.length);
      expect(
        raw
          .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
          .all()
          .map((row) => row.name),
      ).toEqual(['fires', 'queue', 'skips', 'subscriptions', 'unsubscriptions']);
    } finally {
      raw.close();
    }
  });

  it('keeps everything across a reopen', () => {
    const path = join(dir, 'optpaper.db');
    const first = openStore(path);
    first.subscribe({ channel: 'C1', cron: '0 9 * * 1', timeZone: 'Europe/Paris', createdBy: 'U1', at });
    const id = claimed(first);
    first.completeFire(id, { messageTs: '1.0001', at: monday(0) });
    const crashed = claimed(first, { scheduledAt: monday(1), paperIds: ['batchnorm'] });
    first.enqueue('C1', 'sgd', { by: 'U2', at });
    first.skip('C1', { paperIds: ['curriculum-learning'], links: [], cycle: 1, at });
    first.close();

    const second = openStore(path);
    try {
      expect(second.subscription('C1')).toEqual({
        channel: 'C1',
        cron: '0 9 * * 1',
        timeZone: 'Europe/Paris',
        createdBy: 'U1',
        createdAt: at,
      });
      expect(second.history('C1')).toEqual({
        posted: [
          {
            paperIds: ['adam', 'adamax'],
            links: ['https://arxiv.org/abs/1412.6980'],
            section: 'Popular Optimization algorithms',
            cycle: 1,
          },
        ],
        queued: ['sgd'],
        skipped: [{ paperIds: ['curriculum-learning'], links: [], cycle: 1 }],
      });
      expect(second.interruptedFires().map((fire) => [fire.id, fire.paperIds])).toEqual([
        [crashed, ['batchnorm']],
      ]);
      expect(second.claimFire(claim())).toBeUndefined();
      expect(second.lastSlot('C1')).toEqual(monday(1));
    } finally {
      second.close();
    }
  });
});
