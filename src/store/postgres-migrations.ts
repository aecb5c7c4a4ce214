import type { PoolClient } from 'pg';

/** One step of the PostgreSQL schema. Steps are applied in list order; a released step never changes. */
export interface PgMigration {
  name: string;
  sql: string;
}

/**
 * The PostgreSQL schema, one step per release that changed it (the SQLite schema's history is its
 * own: this one starts where SQLite's step 3 arrived). `optpaper_schema` holds the version.
 */
export const pgMigrations: readonly PgMigration[] = Object.freeze([
  {
    name: 'subscriptions, fires, queue, skips and deliveries, by workspace',
    sql: `
      CREATE TABLE subscriptions (
        team TEXT NOT NULL,
        channel TEXT NOT NULL,
        cron TEXT NOT NULL,
        time_zone TEXT NOT NULL,
        created_by TEXT NOT NULL,
        created_at TIMESTAMPTZ NOT NULL,
        PRIMARY KEY (team, channel)
      );

      CREATE TABLE unsubscriptions (
        team TEXT NOT NULL,
        channel TEXT NOT NULL,
        unsubscribed_at TIMESTAMPTZ NOT NULL,
        PRIMARY KEY (team, channel)
      );

      -- One row per scheduled slot per channel, written before the post: the UNIQUE key is what lets
      -- exactly one of several replicas claim a slot.
      CREATE TABLE fires (
        id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        team TEXT NOT NULL,
        channel TEXT NOT NULL,
        scheduled_at TIMESTAMPTZ NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('posting', 'posted', 'failed', 'missed', 'interrupted')),
        paper_ids JSONB NOT NULL DEFAULT '[]',
        links JSONB NOT NULL DEFAULT '[]',
        section TEXT,
        cycle INTEGER,
        queued BOOLEAN NOT NULL DEFAULT FALSE,
        message_ts TEXT,
        error TEXT,
        attempts INTEGER NOT NULL DEFAULT 0,
        created_at TIMESTAMPTZ NOT NULL,
        heartbeat_at TIMESTAMPTZ NOT NULL,
        finished_at TIMESTAMPTZ,
        UNIQUE (team, channel, scheduled_at)
      );
      CREATE INDEX fires_by_status ON fires (status, heartbeat_at);

      CREATE TABLE queue (
        id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        team TEXT NOT NULL,
        channel TEXT NOT NULL,
        paper_id TEXT NOT NULL,
        queued_by TEXT NOT NULL,
        queued_at TIMESTAMPTZ NOT NULL,
        UNIQUE (team, channel, paper_id)
      );

      CREATE TABLE skips (
        id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        team TEXT NOT NULL,
        channel TEXT NOT NULL,
        paper_ids JSONB NOT NULL,
        links JSONB NOT NULL,
        cycle INTEGER NOT NULL,
        skipped_at TIMESTAMPTZ NOT NULL
      );
      CREATE INDEX skips_by_channel ON skips (team, channel, cycle);

      CREATE TABLE deliveries (
        key TEXT PRIMARY KEY,
        status TEXT NOT NULL CHECK (status IN ('working', 'done')),
        claimed_at TIMESTAMPTZ NOT NULL,
        finished_at TIMESTAMPTZ
      );
      CREATE INDEX deliveries_by_age ON deliveries (claimed_at);
    `,
  },
  {
    name: 'installations',
    sql: `
      CREATE TABLE installations (
        team TEXT PRIMARY KEY,
        team_id TEXT,
        enterprise_id TEXT,
        is_enterprise_install BOOLEAN NOT NULL DEFAULT FALSE,
        installation TEXT,
        installed_at TIMESTAMPTZ NOT NULL,
        uninstalled_at TIMESTAMPTZ
      );
    `,
  },
  {
    name: 'the reading group: cadence, pauses, votes, proposals, presenters, home views',
    sql: `
      ALTER TABLE subscriptions ADD COLUMN every INTEGER NOT NULL DEFAULT 1 CHECK (every BETWEEN 1 AND 8);
      ALTER TABLE subscriptions ADD COLUMN vote_lead_minutes INTEGER;
      ALTER TABLE subscriptions ADD COLUMN presenter_lead_minutes INTEGER NOT NULL DEFAULT 2880;

      CREATE TABLE pauses (
        id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        team TEXT NOT NULL,
        channel TEXT NOT NULL,
        starts_on TEXT NOT NULL,
        ends_on TEXT NOT NULL,
        created_by TEXT NOT NULL,
        created_at TIMESTAMPTZ NOT NULL
      );
      CREATE INDEX pauses_by_channel ON pauses (team, channel, ends_on);

      CREATE TABLE votes (
        id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        team TEXT NOT NULL,
        channel TEXT NOT NULL,
        slot TIMESTAMPTZ NOT NULL,
        candidates TEXT NOT NULL,
        message_ts TEXT,
        opened_at TIMESTAMPTZ NOT NULL,
        closed_at TIMESTAMPTZ,
        winner TEXT,
        UNIQUE (team, channel, slot)
      );
      CREATE TABLE ballots (
        vote_id BIGINT NOT NULL REFERENCES votes (id) ON DELETE CASCADE,
        user_id TEXT NOT NULL,
        choice TEXT NOT NULL,
        cast_at TIMESTAMPTZ NOT NULL,
        PRIMARY KEY (vote_id, user_id)
      );

      CREATE TABLE proposals (
        id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        team TEXT NOT NULL,
        channel TEXT NOT NULL,
        paper_id TEXT,
        title TEXT NOT NULL,
        url TEXT,
        proposed_by TEXT NOT NULL,
        proposed_at TIMESTAMPTZ NOT NULL,
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'posted', 'withdrawn')),
        finished_at TIMESTAMPTZ
      );
      CREATE INDEX proposals_by_channel ON proposals (team, channel, status);

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
        slot TIMESTAMPTZ NOT NULL,
        user_id TEXT NOT NULL,
        skipped BOOLEAN NOT NULL DEFAULT FALSE,
        notified_at TIMESTAMPTZ,
        PRIMARY KEY (team, channel, slot, user_id)
      );

      CREATE TABLE home_views (
        team TEXT NOT NULL,
        user_id TEXT NOT NULL,
        opened_at TIMESTAMPTZ NOT NULL,
        PRIMARY KEY (team, user_id)
      );
    `,
  },
]);

/** Any number: the advisory lock all replicas take while migrating, so that one migrates and the others wait. */
const migrationLock = 7_319_020_260;

/**
 * Bring the schema up to the last step, under an advisory lock: replicas starting together migrate once.
 *
 * @param client A connection (its search_path decides the schema).
 * @param steps The steps (default: {@link pgMigrations}).
 * @returns The version before and after.
 * @throws When the database is newer than the steps, or a step fails (rolled back whole).
 */
export async function migratePg(
  client: PoolClient,
  steps: readonly PgMigration[] = pgMigrations,
): Promise<{ from: number; to: number }> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [migrationLock]);
    await client.query('CREATE TABLE IF NOT EXISTS optpaper_schema (version INTEGER NOT NULL)');
    const { rows } = await client.query<{ version: number }>('SELECT version FROM optpaper_schema');
    const from = rows[0]?.version ?? 0;
    if (rows.length === 0) await client.query('INSERT INTO optpaper_schema (version) VALUES (0)');
    if (from > steps.length) {
      throw new Error(
        `the database has schema version ${from}, newer than this optpaper knows (${steps.length}): ` +
          'upgrade optpaper or point DATABASE_URL at another database',
      );
    }
    for (const [offset, step] of steps.slice(from).entries()) {
      try {
        await client.query(step.sql);
      } catch (error) {
        throw new Error(
          `database migration ${from + offset + 1} (${step.name}) failed: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
    await client.query('UPDATE optpaper_schema SET version = $1', [Math.max(from, steps.length)]);
    await client.query('COMMIT');
    return { from, to: Math.max(from, steps.length) };
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}
