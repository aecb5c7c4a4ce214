import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Migration, migrate, migrations, userVersion } from '../../src/store/migrations.ts';
import { openStore } from '../../src/store/sqlite.ts';

/** Steps written for the test: each CREATE TABLE would fail if its step ran twice. */
const notes: Migration = {
  name: 'notes',
  sql: 'CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)',
};
const authors: Migration = {
  name: 'note authors',
  sql: "ALTER TABLE notes ADD COLUMN author TEXT NOT NULL DEFAULT 'unknown'; CREATE TABLE tags (note INTEGER)",
};
const broken: Migration = {
  name: 'broken step',
  sql: 'CREATE TABLE half_done (id INTEGER); INSERT INTO no_such_table VALUES (1)',
};

function tables(db: BetterSqlite3.Database): string[] {
  return db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .all()
    .map((row) => row.name);
}

describe('migrate', () => {
  let db: BetterSqlite3.Database;
  beforeEach(() => {
    db = new BetterSqlite3(':memory:');
  });
  afterEach(() => db.close());

  it('applies every step to a new database and records the version', () => {
    expect(migrate(db, [notes, authors])).toEqual({ from: 0, to: 2 });
    expect(userVersion(db)).toBe(2);
    expect(tables(db)).toEqual(['notes', 'tags']);
  });

  it('applies only the steps a database has not had, and keeps its data', () => {
    migrate(db, [notes]);
    db.prepare('INSERT INTO notes (text) VALUES (?)').run('kept');
    expect(migrate(db, [notes, authors])).toEqual({ from: 1, to: 2 });
    expect(db.prepare('SELECT text, author FROM notes').all()).toEqual([{ text: 'kept', author: 'unknown' }]);
    // Up to date: nothing runs again.
    expect(migrate(db, [notes, authors])).toEqual({ from: 2, to: 2 });
  });

  it('rolls a failing step back whole, leaving the previous version', () => {
    expect(() => migrate(db, [notes, broken])).toThrow(
      'database migration 2 (broken step) failed: no such table: no_such_table',
    );
    expect(userVersion(db)).toBe(1);
    expect(tables(db)).toEqual(['notes']);
  });

  it('refuses a database newer than the steps it knows', () => {
    migrate(db, [notes, authors]);
    expect(() => migrate(db, [notes])).toThrow(
      'the database has schema version 2, newer than this optpaper knows (1): upgrade optpaper or point OPTPAPER_DB at another file',
    );
  });
});

describe('openStore and the schema version', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'optpaper-migrations-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('migrates a file at an older version (0: a file that predates the schema) to the latest', () => {
    const path = join(dir, 'old.db');
    const old = new BetterSqlite3(path);
    old.exec('CREATE TABLE unrelated (x INTEGER); INSERT INTO unrelated VALUES (42)');
    expect(userVersion(old)).toBe(0);
    old.close();

    openStore(path).close();
    const raw = new BetterSqlite3(path, { readonly: true });
    try {
      expect(userVersion(raw)).toBe(migrations.length);
      expect(raw.prepare('SELECT x FROM unrelated').all()).toEqual([{ x: 42 }]);
      expect(tables(raw)).toEqual([
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
        'unrelated',
        'unsubscriptions',
        'votes',
      ]);
    } finally {
      raw.close();
    }
  });

  it('does not run the migrations again when a file is opened twice', async () => {
    const path = join(dir, 'twice.db');
    const first = openStore(path);
    await first.team('T1').enqueue('C1', 'adam', { by: 'U1', at: new Date('2025-01-01T00:00:00Z') });
    await first.close();
    // Re-running the first step would fail on its CREATE TABLE: the second open works only if it is skipped.
    const second = openStore(path);
    try {
      expect((await second.team('T1').history('C1')).queued).toEqual(['adam']);
    } finally {
      await second.close();
    }
    const raw = new BetterSqlite3(path, { readonly: true });
    try {
      expect(userVersion(raw)).toBe(migrations.length);
    } finally {
      raw.close();
    }
  });

  it('carries a single-workspace database (schema 2) over without loss: every row, id and time kept, under team ""', async () => {
    const path = join(dir, 'v2.db');
    const old = new BetterSqlite3(path);
    migrate(old, migrations.slice(0, 2));
    old.exec(`
      INSERT INTO subscriptions VALUES ('C1', '0 9 * * 1', 'Europe/Paris', 'U1', 1000);
      INSERT INTO unsubscriptions VALUES ('C2', 2000);
      INSERT INTO fires (id, channel, scheduled_at, status, paper_ids, links, section, cycle, queued, message_ts, attempts, created_at, finished_at)
        VALUES (7, 'C1', 3000, 'posted', '["adam"]', '["https://arxiv.org/abs/1412.6980"]', 'Optimizers', 1, 0, '1.1', 1, 2900, 3100),
               (8, 'C1', 4000, 'posting', '["sgd"]', '[]', 'Optimizers', 1, 1, NULL, 0, 3900, NULL);
      INSERT INTO queue (id, channel, paper_id, queued_by, queued_at) VALUES (3, 'C1', 'sgd', 'U2', 3500);
      INSERT INTO skips (id, channel, paper_ids, links, cycle, skipped_at) VALUES (4, 'C1', '["batchnorm"]', '[]', 1, 3600);
    `);
    old.close();

    const store = openStore(path);
    try {
      const legacy = store.team('');
      expect(await legacy.subscription('C1')).toEqual({
        team: '',
        channel: 'C1',
        cron: '0 9 * * 1',
        timeZone: 'Europe/Paris',
        createdBy: 'U1',
        createdAt: new Date(1000),
        every: 1,
        presenterLeadMinutes: 2880,
      });
      expect(await legacy.unsubscribedAt('C2')).toEqual(new Date(2000));
      expect(await legacy.fire(7)).toMatchObject({
        status: 'posted',
        messageTs: '1.1',
        finishedAt: new Date(3100),
      });
      // A fire in flight before the upgrade shows no sign of life since it was claimed.
      expect((await store.staleFires(new Date(3901))).map((fire) => [fire.id, fire.heartbeatAt])).toEqual([
        [8, new Date(3900)],
      ]);
      expect(await legacy.history('C1')).toEqual({
        posted: [
          { paperIds: ['adam'], links: ['https://arxiv.org/abs/1412.6980'], section: 'Optimizers', cycle: 1 },
          // In flight, until found stale.
          { paperIds: ['sgd'], links: [], section: 'Optimizers', cycle: 1, queued: true },
        ],
        queued: ['sgd'],
        skipped: [{ paperIds: ['batchnorm'], links: [], cycle: 1 }],
      });
      // The bot's workspace takes them over at start-up.
      expect(await store.adoptUnscoped('T0TEAM')).toBe(6);
      expect((await store.team('T0TEAM').history('C1')).queued).toEqual(['sgd']);
      // New ids continue after the old ones.
      expect(
        await store.team('T0TEAM').claimFire({
          channel: 'C1',
          scheduledAt: new Date(5000),
          paperIds: [],
          links: [],
          section: 'x',
          cycle: 1,
          queued: false,
          at: new Date(5000),
        }),
      ).toBe(9);
    } finally {
      await store.close();
    }
  });

  it('refuses a file written by a newer optpaper, and leaves its schema alone', () => {
    const path = join(dir, 'newer.db');
    const newer = new BetterSqlite3(path);
    newer.pragma(`user_version = ${migrations.length + 1}`);
    newer.close();
    expect(() => openStore(path)).toThrow(
      `the database has schema version ${migrations.length + 1}, newer than this optpaper knows (${migrations.length})`,
    );
    const raw = new BetterSqlite3(path, { readonly: true });
    try {
      expect(tables(raw)).toEqual([]);
    } finally {
      raw.close();
    }
  });
});
