import type { Database } from 'better-sqlite3';

/** One step of the schema. Steps are applied in list order; a step, once released, never changes. */
export interface Migration {
  /** What it does, for error messages. */
  name: string;
  /** SQL run in the step's transaction. */
  sql: string;
}

/**
 * The schema, one step per release that changed it. `PRAGMA user_version` holds how many steps a
 * database has had. To change the schema, append a step: never edit one a release has shipped.
 */
export const migrations: readonly Migration[] = Object.freeze([
  {
    name: 'subscriptions, fires, queue and skips',
    sql: `
      CREATE TABLE subscriptions (
        channel TEXT PRIMARY KEY,
        cron TEXT NOT NULL,
        time_zone TEXT NOT NULL,
        created_by TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );

      -- One row per scheduled slot per channel, written before the post: UNIQUE makes a slot post once.
      -- Fires do not reference subscriptions: a channel's history outlives its subscription.
      CREATE TABLE fires (
        id INTEGER PRIMARY KEY,
        channel TEXT NOT NULL,
        scheduled_at INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('posting', 'posted', 'failed', 'missed', 'interrupted')),
        paper_ids TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(paper_ids)),
        links TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(links)),
        section TEXT,
        cycle INTEGER,
        queued INTEGER NOT NULL DEFAULT 0,
        message_ts TEXT,
        error TEXT,
        attempts INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL,
        finished_at INTEGER,
        UNIQUE (channel, scheduled_at)
      );
      CREATE INDEX fires_by_status ON fires (status, scheduled_at);

      -- Papers a channel asked for; id order is asking order (a new row always gets the largest id).
      CREATE TABLE queue (
        id INTEGER PRIMARY KEY,
        channel TEXT NOT NULL,
        paper_id TEXT NOT NULL,
        queued_by TEXT NOT NULL,
        queued_at INTEGER NOT NULL,
        UNIQUE (channel, paper_id)
      );

      CREATE TABLE skips (
        id INTEGER PRIMARY KEY,
        channel TEXT NOT NULL,
        paper_ids TEXT NOT NULL CHECK (json_valid(paper_ids)),
        links TEXT NOT NULL CHECK (json_valid(links)),
        cycle INTEGER NOT NULL,
        skipped_at INTEGER NOT NULL
      );
      CREATE INDEX skips_by_channel ON skips (channel, cycle);
    `,
  },
  {
    name: 'unsubscriptions',
    sql: `
      -- Channels that unsubscribed from Slack: WEEKLY_CHANNEL must not subscribe them again at start-up.
      CREATE TABLE unsubscriptions (
        channel TEXT PRIMARY KEY,
        unsubscribed_at INTEGER NOT NULL
      );
    `,
  },
]);

/**
 * Bring a database up to the last step: each pending step and its `user_version` bump run in one
 * transaction, so a failing step leaves the database at the previous version, unchanged.
 *
 * @param db An open database.
 * @param steps The schema steps (default: {@link migrations}; tests pass others).
 * @returns The version before and after.
 * @throws When the database is newer than the steps (written by a later optpaper), or a step fails.
 */
export function migrate(
  db: Database,
  steps: readonly Migration[] = migrations,
): { from: number; to: number } {
  const from = userVersion(db);
  if (from > steps.length) {
    throw new Error(
      `the database has schema version ${from}, newer than this optpaper knows (${steps.length}): ` +
        'upgrade optpaper or point OPTPAPER_DB at another file',
    );
  }
  steps.slice(from).forEach((step, offset) => {
    const version = from + offset + 1;
    try {
      db.transaction(() => {
        db.exec(step.sql);
        // PRAGMA takes no bound parameters; `version` is an integer computed here.
        db.pragma(`user_version = ${version}`);
      })();
    } catch (error) {
      throw new Error(
        `database migration ${version} (${step.name}) failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  });
  return { from, to: Math.max(from, steps.length) };
}

/**
 * The schema version a database is at.
 *
 * @param db An open database.
 * @returns `PRAGMA user_version` (0 for a new file).
 */
export function userVersion(db: Database): number {
  return Number(db.pragma('user_version', { simple: true }));
}
