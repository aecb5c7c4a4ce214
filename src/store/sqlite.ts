import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { ChannelHistory, PostedItem, SkippedItem } from '../weekly/rotation.ts';
import { migrate } from './migrations.ts';
import type { FireClaim, FireRecord, FireStatus, QueuedPaper, Store, Subscription } from './types.ts';

/** Connection settings, one place. */
const storeDefaults = Object.freeze({
  /** How long a write waits for another connection's lock (a CLI reading the file) before failing. */
  busyTimeoutMs: 5000,
});

/** A `fires` row as SQLite returns it. */
interface FireRow {
  id: number;
  channel: string;
  scheduled_at: number;
  status: FireStatus;
  paper_ids: string;
  links: string;
  section: string | null;
  cycle: number | null;
  queued: number;
  message_ts: string | null;
  error: string | null;
  attempts: number;
  created_at: number;
  finished_at: number | null;
}

interface SubscriptionRow {
  channel: string;
  cron: string;
  time_zone: string;
  created_by: string;
  created_at: number;
}

/**
 * Open (or create) the store: the parent directory is created, files use WAL (readers do not block
 * the writer), writes wait `busy_timeout` for a lock, foreign keys are enforced, and pending
 * migrations are applied.
 *
 * @param path A file path, or `:memory:` for a store that lives as long as the process.
 * @returns The store.
 * @throws When the file cannot be opened or its schema is newer than this code.
 */
export function openStore(path: string): Store {
  const inMemory = path === ':memory:' || path === '';
  if (!inMemory) mkdirSync(dirname(path), { recursive: true });
  const db = new BetterSqlite3(path);
  try {
    if (!inMemory) db.pragma('journal_mode = WAL');
    db.pragma(`busy_timeout = ${storeDefaults.busyTimeoutMs}`);
    db.pragma('foreign_keys = ON');
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return createStore(db);
}

function createStore(db: BetterSqlite3.Database): Store {
  const statements = {
    upsertSubscription: db.prepare<[string, string, string, string, number]>(`
      INSERT INTO subscriptions (channel, cron, time_zone, created_by, created_at) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (channel) DO UPDATE SET
        cron = excluded.cron, time_zone = excluded.time_zone,
        created_by = excluded.created_by, created_at = excluded.created_at`),
    deleteSubscription: db.prepare<[string]>('DELETE FROM subscriptions WHERE channel = ?'),
    recordUnsubscription: db.prepare<[string, number]>(
      'INSERT OR REPLACE INTO unsubscriptions (channel, unsubscribed_at) VALUES (?, ?)',
    ),
    forgetUnsubscription: db.prepare<[string]>('DELETE FROM unsubscriptions WHERE channel = ?'),
    unsubscription: db.prepare<[string], { unsubscribed_at: number }>(
      'SELECT unsubscribed_at FROM unsubscriptions WHERE channel = ?',
    ),
    subscription: db.prepare<[string], SubscriptionRow>('SELECT * FROM subscriptions WHERE channel = ?'),
    subscriptions: db.prepare<[], SubscriptionRow>(
      'SELECT * FROM subscriptions ORDER BY created_at, channel',
    ),

    claimFire: db.prepare<[string, number, string, string, string, number, number, number]>(`
      INSERT INTO fires (channel, scheduled_at, status, paper_ids, links, section, cycle, queued, created_at)
      VALUES (?, ?, 'posting', ?, ?, ?, ?, ?, ?)
      ON CONFLICT (channel, scheduled_at) DO NOTHING`),
    completeFire: db.prepare<[string, number | null, number, number]>(`
      UPDATE fires SET status = 'posted', message_ts = ?, attempts = coalesce(?, max(attempts, 1)),
        error = NULL, finished_at = ?
      WHERE id = ? AND status IN ('posting', 'failed', 'interrupted')`),
    dequeuePosted: db.prepare<[number]>(`
      DELETE FROM queue
      WHERE (channel, paper_id) IN (
        SELECT fires.channel, json_each.value FROM fires, json_each(fires.paper_ids) WHERE fires.id = ?)`),
    failFire: db.prepare<[string, number, number, number]>(`
      UPDATE fires SET status = 'failed', error = ?, attempts = ?, finished_at = ?
      WHERE id = ? AND status = 'posting'`),
    recordMissed: db.prepare<[string, number, number]>(`
      INSERT INTO fires (channel, scheduled_at, status, created_at) VALUES (?, ?, 'missed', ?)
      ON CONFLICT (channel, scheduled_at) DO NOTHING`),
    interruptedFires: db.prepare<[], FireRow>(
      `SELECT * FROM fires WHERE status = 'posting' ORDER BY scheduled_at, id`,
    ),
    releaseFire: db.prepare<[number]>(`DELETE FROM fires WHERE id = ? AND status = 'posting'`),
    markInterrupted: db.prepare<[number, number]>(
      `UPDATE fires SET status = 'interrupted', finished_at = ? WHERE id = ? AND status = 'posting'`,
    ),
    fire: db.prepare<[number], FireRow>('SELECT * FROM fires WHERE id = ?'),
    lastFire: db.prepare<[string], FireRow>(
      'SELECT * FROM fires WHERE channel = ? ORDER BY scheduled_at DESC, id DESC LIMIT 1',
    ),
    postsNewestFirst: db.prepare<[string, number], FireRow>(`
      SELECT * FROM fires WHERE channel = ? AND status = 'posted'
      ORDER BY scheduled_at DESC, id DESC LIMIT ?`),
    postsOldestFirst: db.prepare<[string], FireRow>(`
      SELECT * FROM fires WHERE channel = ? AND status = 'posted' ORDER BY scheduled_at, id`),

    enqueue: db.prepare<[string, string, string, number]>(`
      INSERT INTO queue (channel, paper_id, queued_by, queued_at) VALUES (?, ?, ?, ?)
      ON CONFLICT (channel, paper_id) DO NOTHING`),
    dequeue: db.prepare<[string, string]>('DELETE FROM queue WHERE channel = ? AND paper_id = ?'),
    queue: db.prepare<[string], { paper_id: string; queued_by: string; queued_at: number }>(
      'SELECT paper_id, queued_by, queued_at FROM queue WHERE channel = ? ORDER BY id',
    ),

    skip: db.prepare<[string, string, string, number, number]>(
      'INSERT INTO skips (channel, paper_ids, links, cycle, skipped_at) VALUES (?, ?, ?, ?, ?)',
    ),
    skips: db.prepare<[string], { paper_ids: string; links: string; cycle: number }>(
      'SELECT paper_ids, links, cycle FROM skips WHERE channel = ? ORDER BY id',
    ),
  };

  const completeFire = db.transaction(
    (id: number, result: { messageTs: string; attempts?: number; at: Date }) => {
      const changed = statements.completeFire.run(
        result.messageTs,
        result.attempts ?? null,
        ms(result.at),
        id,
      );
      if (changed.changes === 0) return false;
      statements.dequeuePosted.run(id);
      return true;
    },
  );

  const history = db.transaction((channel: string): ChannelHistory => {
    const posted: PostedItem[] = statements.postsOldestFirst.all(channel).map((row) => ({
      paperIds: jsonStrings(row.paper_ids),
      links: jsonStrings(row.links),
      section: row.section ?? '',
      cycle: row.cycle ?? 1,
    }));
    const queued = statements.queue.all(channel).map((row) => row.paper_id);
    const skipped: SkippedItem[] = statements.skips.all(channel).map((row) => ({
      paperIds: jsonStrings(row.paper_ids),
      links: jsonStrings(row.links),
      cycle: row.cycle,
    }));
    return { posted, queued, skipped };
  });

  const store: Store = {
    subscribe: db.transaction(({ channel, cron, timeZone, createdBy, at }) => {
      statements.upsertSubscription.run(channel, cron, timeZone, createdBy, ms(at));
      statements.forgetUnsubscription.run(channel);
      return { channel, cron, timeZone, createdBy, createdAt: new Date(ms(at)) };
    }),
    unsubscribe: db.transaction((channel: string, at: Date) => {
      const removed = statements.deleteSubscription.run(channel).changes > 0;
      if (removed) statements.recordUnsubscription.run(channel, ms(at));
      return removed;
    }),
    unsubscribedAt(channel) {
      const row = statements.unsubscription.get(channel);
      return row ? new Date(row.unsubscribed_at) : undefined;
    },
    subscription(channel) {
      const row = statements.subscription.get(channel);
      return row ? toSubscription(row) : undefined;
    },
    subscriptions: () => statements.subscriptions.all().map(toSubscription),

    claimFire(claim: FireClaim) {
      const inserted = statements.claimFire.run(
        claim.channel,
        ms(claim.scheduledAt),
        JSON.stringify(claim.paperIds),
        JSON.stringify(claim.links),
        claim.section,
        claim.cycle,
        claim.queued ? 1 : 0,
        ms(claim.at),
      );
      return inserted.changes > 0 ? Number(inserted.lastInsertRowid) : undefined;
    },
    completeFire: (id, result) => completeFire(id, result),
    failFire: (id, { error, attempts, at }) =>
      statements.failFire.run(error, attempts, ms(at), id).changes > 0,
    recordMissed: ({ channel, scheduledAt, at }) =>
      statements.recordMissed.run(channel, ms(scheduledAt), ms(at)).changes > 0,
    interruptedFires: () => statements.interruptedFires.all().map(toFire),
    releaseFire: (id) => statements.releaseFire.run(id).changes > 0,
    markInterrupted: (id, at) => statements.markInterrupted.run(ms(at), id).changes > 0,
    fire(id) {
      const row = statements.fire.get(id);
      return row ? toFire(row) : undefined;
    },
    lastFire(channel) {
      const row = statements.lastFire.get(channel);
      return row ? toFire(row) : undefined;
    },
    lastSlot(channel) {
      return store.lastFire(channel)?.scheduledAt;
    },
    // SQLite reads LIMIT -1 as "no limit".
    posts: (channel, limit) => statements.postsNewestFirst.all(channel, limit ?? -1).map(toFire),
    history: (channel) => history(channel),

    enqueue: (channel, paperId, { by, at }) =>
      statements.enqueue.run(channel, paperId, by, ms(at)).changes > 0,
    dequeue: (channel, paperId) => statements.dequeue.run(channel, paperId).changes > 0,
    queue: (channel): QueuedPaper[] =>
      statements.queue.all(channel).map((row) => ({
        paperId: row.paper_id,
        by: row.queued_by,
        at: new Date(row.queued_at),
      })),

    skip(channel, { paperIds, links, cycle, at }) {
      statements.skip.run(channel, JSON.stringify(paperIds), JSON.stringify(links), cycle, ms(at));
    },

    close() {
      if (db.open) db.close();
    },
  };
  return store;
}

/** Epoch milliseconds of a time passed in; an invalid Date is a caller's bug, caught before it is stored. */
function ms(date: Date): number {
  const time = date.getTime();
  if (!Number.isFinite(time)) throw new RangeError('invalid Date passed to the store');
  return time;
}

function toSubscription(row: SubscriptionRow): Subscription {
  return {
    channel: row.channel,
    cron: row.cron,
    timeZone: row.time_zone,
    createdBy: row.created_by,
    createdAt: new Date(row.created_at),
  };
}

function toFire(row: FireRow): FireRecord {
  const fire: FireRecord = {
    id: row.id,
    channel: row.channel,
    scheduledAt: new Date(row.scheduled_at),
    status: row.status,
    paperIds: jsonStrings(row.paper_ids),
    links: jsonStrings(row.links),
    queued: row.queued === 1,
    attempts: row.attempts,
    createdAt: new Date(row.created_at),
  };
  if (row.section !== null) fire.section = row.section;
  if (row.cycle !== null) fire.cycle = row.cycle;
  if (row.message_ts !== null) fire.messageTs = row.message_ts;
  if (row.error !== null) fire.error = row.error;
  if (row.finished_at !== null) fire.finishedAt = new Date(row.finished_at);
  return fire;
}

/** A JSON array of strings written by this module; anything else reads as empty rather than throwing. */
function jsonStrings(text: string): string[] {
  const value: unknown = JSON.parse(text);
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}
