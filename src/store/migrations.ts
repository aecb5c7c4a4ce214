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
  {
    name: 'workspaces, heartbeats and deliveries',
    sql: `
      -- Every row belongs to a workspace (team). Rows written before workspaces were told apart get ''
      -- and are given to the bot's team at start-up (Store.adoptUnscoped). SQLite cannot change a
      -- table's keys in place: each table is rebuilt, ids kept.
      CREATE TABLE subscriptions_next (
        team TEXT NOT NULL,
        channel TEXT NOT NULL,
        cron TEXT NOT NULL,
        time_zone TEXT NOT NULL,
        created_by TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        PRIMARY KEY (team, channel)
      );
      INSERT INTO subscriptions_next SELECT '', channel, cron, time_zone, created_by, created_at FROM subscriptions;
      DROP TABLE subscriptions;
      ALTER TABLE subscriptions_next RENAME TO subscriptions;

      CREATE TABLE unsubscriptions_next (
        team TEXT NOT NULL,
        channel TEXT NOT NULL,
        unsubscribed_at INTEGER NOT NULL,
        PRIMARY KEY (team, channel)
      );
      INSERT INTO unsubscriptions_next SELECT '', channel, unsubscribed_at FROM unsubscriptions;
      DROP TABLE unsubscriptions;
      ALTER TABLE unsubscriptions_next RENAME TO unsubscriptions;

      -- heartbeat_at: the posting process's last sign of life, so that another process can tell a
      -- post in flight from one a crash interrupted.
      CREATE TABLE fires_next (
        id INTEGER PRIMARY KEY,
        team TEXT NOT NULL,
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
        heartbeat_at INTEGER NOT NULL,
        finished_at INTEGER,
        UNIQUE (team, channel, scheduled_at)
      );
      INSERT INTO fires_next
        SELECT id, '', channel, scheduled_at, status, paper_ids, links, section, cycle, queued, message_ts,
               error, attempts, created_at, created_at, finished_at
        FROM fires;
      DROP TABLE fires;
      ALTER TABLE fires_next RENAME TO fires;
      CREATE INDEX fires_by_status ON fires (status, heartbeat_at);

      CREATE TABLE queue_next (
        id INTEGER PRIMARY KEY,
        team TEXT NOT NULL,
        channel TEXT NOT NULL,
        paper_id TEXT NOT NULL,
        queued_by TEXT NOT NULL,
        queued_at INTEGER NOT NULL,
        UNIQUE (team, channel, paper_id)
      );
      INSERT INTO queue_next SELECT id, '', channel, paper_id, queued_by, queued_at FROM queue;
      DROP TABLE queue;
      ALTER TABLE queue_next RENAME TO queue;

      CREATE TABLE skips_next (
        id INTEGER PRIMARY KEY,
        team TEXT NOT NULL,
        channel TEXT NOT NULL,
        paper_ids TEXT NOT NULL CHECK (json_valid(paper_ids)),
        links TEXT NOT NULL CHECK (json_valid(links)),
        cycle INTEGER NOT NULL,
        skipped_at INTEGER NOT NULL
      );
      INSERT INTO skips_next SELECT id, '', channel, paper_ids, links, cycle, skipped_at FROM skips;
      DROP TABLE skips;
      ALTER TABLE skips_next RENAME TO skips;
      CREATE INDEX skips_by_channel ON skips (team, channel, cycle);

      -- Events and button presses Slack may deliver more than once: the first claim wins.
      CREATE TABLE deliveries (
        key TEXT PRIMARY KEY,
        status TEXT NOT NULL CHECK (status IN ('working', 'done')),
        claimed_at INTEGER NOT NULL,
        finished_at INTEGER
      );
      CREATE INDEX deliveries_by_age ON deliveries (claimed_at);
    `,
  },
  {
    name: 'installations',
    sql: `
      -- One row per workspace (or enterprise, for an org-wide install) that installed the app through
      -- OAuth. installation is NULL once it uninstalled: the tokens are gone, the fact is kept.
      CREATE TABLE installations (
        team TEXT PRIMARY KEY,
        team_id TEXT,
        enterprise_id TEXT,
        is_enterprise_install INTEGER NOT NULL DEFAULT 0,
        installation TEXT CHECK (installation IS NULL OR json_valid(installation)),
        installed_at INTEGER NOT NULL,
        uninstalled_at INTEGER
      );
    `,
  },
  {
    name: 'the reading group: cadence, pauses, votes, proposals, presenters, home views',
    sql: `
      -- every: a paper every n-th week of the schedule (1: every week). vote_lead_minutes: NULL when the
      -- channel does not vote, else how long before the post the vote opens.
      ALTER TABLE subscriptions ADD COLUMN every INTEGER NOT NULL DEFAULT 1 CHECK (every BETWEEN 1 AND 8);
      ALTER TABLE subscriptions ADD COLUMN vote_lead_minutes INTEGER;
      ALTER TABLE subscriptions ADD COLUMN presenter_lead_minutes INTEGER NOT NULL DEFAULT 2880;

      -- Slots on days from starts_on to ends_on (the channel's dates, YYYY-MM-DD, both included) post nothing.
      CREATE TABLE pauses (
        id INTEGER PRIMARY KEY,
        team TEXT NOT NULL,
        channel TEXT NOT NULL,
        starts_on TEXT NOT NULL,
        ends_on TEXT NOT NULL,
        created_by TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX pauses_by_channel ON pauses (team, channel, ends_on);

      -- One vote per channel and slot; candidates as JSON; winner is a candidate's key once closed.
      CREATE TABLE votes (
        id INTEGER PRIMARY KEY,
        team TEXT NOT NULL,
        channel TEXT NOT NULL,
        slot INTEGER NOT NULL,
        candidates TEXT NOT NULL CHECK (json_valid(candidates)),
        message_ts TEXT,
        opened_at INTEGER NOT NULL,
        closed_at INTEGER,
        winner TEXT,
        UNIQUE (team, channel, slot)
      );
      -- One ballot per person and vote, changeable.
      CREATE TABLE ballots (
        vote_id INTEGER NOT NULL REFERENCES votes (id) ON DELETE CASCADE,
        user_id TEXT NOT NULL,
        choice TEXT NOT NULL,
        cast_at INTEGER NOT NULL,
        PRIMARY KEY (vote_id, user_id)
      );

      -- Papers members proposed: from the list (paper_id) or not (title and url only).
      CREATE TABLE proposals (
        id INTEGER PRIMARY KEY,
        team TEXT NOT NULL,
        channel TEXT NOT NULL,
        paper_id TEXT,
        title TEXT NOT NULL,
        url TEXT,
        proposed_by TEXT NOT NULL,
        proposed_at INTEGER NOT NULL,
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'posted', 'withdrawn')),
        finished_at INTEGER
      );
      CREATE INDEX proposals_by_channel ON proposals (team, channel, status);

      -- Who leads the discussion: the channel's list in order, and who led (or skipped) which slot.
      CREATE TABLE presenters (
        team TEXT NOT NULL,
        channel TEXT NOT NULL,
        position INTEGER NOT NULL,
        user_id TEXT NOT NULL,
        PRIMARY KEY (team, channel, user_id)
      );
      CREATE TABLE presenter_turns (
        team TEXT NOT NULL,
        channel TEXT NOT NULL,
        slot INTEGER NOT NULL,
        user_id TEXT NOT NULL,
        skipped INTEGER NOT NULL DEFAULT 0,
        notified_at INTEGER,
        PRIMARY KEY (team, channel, slot, user_id)
      );

      -- People who opened the bot's Home tab: it is published again for them when what it shows changes.
      CREATE TABLE home_views (
        team TEXT NOT NULL,
        user_id TEXT NOT NULL,
        opened_at INTEGER NOT NULL,
        PRIMARY KEY (team, user_id)
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
