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
        'fires',
        'queue',
        'skips',
        'subscriptions',
        'unrelated',
        'unsubscriptions',
      ]);
    } finally {
      raw.close();
    }
  });

  it('does not run the migrations again when a file is opened twice', () => {
    const path = join(dir, 'twice.db');
    const first = openStore(path);
    first.enqueue('C1', 'adam', { by: 'U1', at: new Date('2025-01-01T00:00:00Z') });
    first.close();
    // Re-running the first step would fail on its CREATE TABLE: the second open works only if it is skipped.
    const second = openStore(path);
    try {
      expect(second.history('C1').queued).toEqual(['adam']);
    } finally {
      second.close();
    }
    const raw = new BetterSqlite3(path, { readonly: true });
    try {
      expect(userVersion(raw)).toBe(migrations.length);
    } finally {
      raw.close();
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
