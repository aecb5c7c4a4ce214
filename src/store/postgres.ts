import pg from 'pg';
import { readCandidates } from '../votes/candidates.ts';
import { outsideId } from '../weekly/outside.ts';
import type { ChannelHistory } from '../weekly/rotation.ts';
import { migratePg } from './postgres-migrations.ts';
import {
  type BallotOutcome,
  type FireClaim,
  type FireRecord,
  type FireStatus,
  type InstallationRecord,
  type ProposalRecord,
  type ProposalStatus,
  type Store,
  type StoreHealth,
  StoreUnavailableError,
  type Subscription,
  type TeamStore,
  type VoteRecord,
} from './types.ts';

/** Pool settings, one place. */
export const postgresDefaults = Object.freeze({
  /** Connections per process: the bot's queries are short; replicas multiply this. */
  poolSize: 10,
  /** A connection that cannot be made in this long is a database that is down. */
  connectTimeoutMs: 5000,
  /** A query that runs longer than this is stopped (none of the bot's should take a tenth of it). */
  statementTimeoutMs: 15_000,
});

/** Errors that mean the server cannot be reached or is going away, not that one query was wrong. */
const unavailableCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'ETIMEDOUT',
  'EPIPE',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08003',
  '08006',
  '53300',
]);

type Query = (text: string, values?: unknown[]) => Promise<pg.QueryResult>;

interface FireRow {
  id: string;
  team: string;
  channel: string;
  scheduled_at: Date;
  status: FireStatus;
  paper_ids: string[];
  links: string[];
  section: string | null;
  cycle: number | null;
  queued: boolean;
  message_ts: string | null;
  error: string | null;
  attempts: number;
  created_at: Date;
  heartbeat_at: Date;
  finished_at: Date | null;
}

interface VoteRow {
  id: string;
  team: string;
  channel: string;
  slot: Date;
  candidates: string;
  message_ts: string | null;
  opened_at: Date;
  closed_at: Date | null;
  winner: string | null;
}

interface ProposalRow {
  id: string;
  team: string;
  channel: string;
  paper_id: string | null;
  title: string;
  url: string | null;
  proposed_by: string;
  proposed_at: Date;
  status: ProposalStatus;
  finished_at: Date | null;
}

interface SubscriptionRow {
  team: string;
  channel: string;
  cron: string;
  time_zone: string;
  created_by: string;
  created_at: Date;
  every: number;
  vote_lead_minutes: number | null;
  presenter_lead_minutes: number;
}

/**
 * Open the PostgreSQL store (`DATABASE_URL=postgres://…`): a connection pool, the schema migrated
 * under an advisory lock (replicas starting together migrate once). Several processes may share it:
 * every decision (a slot, a delivery) is one INSERT that only one of them can win.
 *
 * @param url A `postgres://` connection string.
 * @param options `schema`: the schema to use (default: the server's search_path; tests use their own).
 * @returns The store, migrated.
 * @throws When the server cannot be reached or the schema is newer than this code.
 */
export async function openPgStore(url: string, options: { schema?: string } = {}): Promise<Store> {
  const pool = new pg.Pool({
    connectionString: url,
    max: postgresDefaults.poolSize,
    connectionTimeoutMillis: postgresDefaults.connectTimeoutMs,
    statement_timeout: postgresDefaults.statementTimeoutMs,
    ...(options.schema ? { options: `-c search_path=${quoteIdentifier(options.schema)}` } : {}),
  });
  // An idle connection the server drops must not become an uncaught 'error' event.
  pool.on('error', () => undefined);
  try {
    const client = await pool.connect();
    try {
      if (options.schema)
        await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(options.schema)}`);
      await migratePg(client);
    } finally {
      client.release();
    }
  } catch (error) {
    await pool.end();
    throw error;
  }
  return createPgStore(pool);
}

function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function createPgStore(pool: pg.Pool): Store {
  let closed = false;
  const translate = (error: unknown): never => {
    const code = (error as { code?: unknown }).code;
    const text = error instanceof Error ? error.message : String(error);
    if (
      (typeof code === 'string' && unavailableCodes.has(code)) ||
      /Connection terminated|timeout exceeded when trying to connect/i.test(text)
    ) {
      throw new StoreUnavailableError(`PostgreSQL cannot be reached (${text})`);
    }
    throw error;
  };
  const query: Query = async (text, values) => {
    if (closed) throw new StoreUnavailableError('the database is closed');
    try {
      return await pool.query(text, values);
    } catch (error) {
      return translate(error);
    }
  };
  const transaction = async <T>(work: (run: Query) => Promise<T>): Promise<T> => {
    if (closed) throw new StoreUnavailableError('the database is closed');
    let client: pg.PoolClient;
    try {
      client = await pool.connect();
    } catch (error) {
      return translate(error);
    }
    try {
      await client.query('BEGIN');
      const result = await work((text, values) => client.query(text, values));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      return translate(error);
    } finally {
      client.release();
    }
  };
  const teams = new Map<string, TeamStore>();

  return {
    engine: 'postgres',
    team(team) {
      let scoped = teams.get(team);
      if (!scoped) {
        scoped = pgTeamStore(team, query, transaction);
        teams.set(team, scoped);
      }
      return scoped;
    },
    async allSubscriptions() {
      const { rows } = await query('SELECT * FROM subscriptions ORDER BY created_at, team, channel');
      return (rows as SubscriptionRow[]).map(toSubscription);
    },
    async staleFires(before) {
      const { rows } = await query(
        `SELECT * FROM fires WHERE status = 'posting' AND heartbeat_at < $1 ORDER BY scheduled_at, id`,
        [time(before)],
      );
      return (rows as FireRow[]).map(toFire);
    },
    async allOpenVotes() {
      const { rows } = await query('SELECT * FROM votes WHERE closed_at IS NULL ORDER BY slot, id');
      return (rows as VoteRow[]).map(toVote);
    },
    async markInterrupted(id, at) {
      const result = await query(
        `UPDATE fires SET status = 'interrupted', finished_at = $1 WHERE id = $2 AND status = 'posting'`,
        [time(at), id],
      );
      return (result.rowCount ?? 0) > 0;
    },
    async claimDelivery(key, { at, staleMs, ttlMs }) {
      const now = time(at);
      const { rows } = await query(
        `INSERT INTO deliveries (key, status, claimed_at) VALUES ($1, 'working', $2)
         ON CONFLICT (key) DO UPDATE SET status = 'working', claimed_at = $2, finished_at = NULL
         WHERE (deliveries.status = 'working' AND deliveries.claimed_at < $3) OR deliveries.claimed_at < $4
         RETURNING key`,
        [key, now, new Date(now.getTime() - staleMs), new Date(now.getTime() - ttlMs)],
      );
      return rows.length > 0 ? 'claimed' : 'duplicate';
    },
    async finishDelivery(key, at) {
      await query(`UPDATE deliveries SET status = 'done', finished_at = $1 WHERE key = $2`, [time(at), key]);
    },
    async releaseDelivery(key) {
      await query(`DELETE FROM deliveries WHERE key = $1 AND status = 'working'`, [key]);
    },
    async expireDeliveries(before) {
      const result = await query('DELETE FROM deliveries WHERE claimed_at < $1', [time(before)]);
      return result.rowCount ?? 0;
    },
    async saveInstallation(record) {
      await query(
        `INSERT INTO installations (team, team_id, enterprise_id, is_enterprise_install, installation, installed_at)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (team) DO UPDATE SET team_id = EXCLUDED.team_id, enterprise_id = EXCLUDED.enterprise_id,
           is_enterprise_install = EXCLUDED.is_enterprise_install, installation = EXCLUDED.installation,
           installed_at = EXCLUDED.installed_at, uninstalled_at = NULL`,
        [
          record.team,
          record.teamId ?? null,
          record.enterpriseId ?? null,
          record.isEnterpriseInstall,
          record.installation,
          time(record.installedAt),
        ],
      );
    },
    async installation(team) {
      const { rows } = await query(
        'SELECT *, installation AS json FROM installations WHERE team = $1 AND installation IS NOT NULL',
        [team],
      );
      const row = rows[0] as
        | {
            team: string;
            team_id: string | null;
            enterprise_id: string | null;
            is_enterprise_install: boolean;
            json: string;
            installed_at: Date;
          }
        | undefined;
      if (!row) return undefined;
      const record: InstallationRecord = {
        team: row.team,
        isEnterpriseInstall: row.is_enterprise_install,
        installation: row.json,
        installedAt: new Date(row.installed_at.getTime()),
      };
      if (row.team_id !== null) record.teamId = row.team_id;
      if (row.enterprise_id !== null) record.enterpriseId = row.enterprise_id;
      return record;
    },
    async removeInstallation(team, at) {
      return transaction(async (run) => {
        const removed = await run(
          'UPDATE installations SET installation = NULL, uninstalled_at = $1 WHERE team = $2 AND installation IS NOT NULL',
          [time(at), team],
        );
        if ((removed.rowCount ?? 0) > 0) return true;
        await run(
          `INSERT INTO installations (team, installation, installed_at, uninstalled_at) VALUES ($1, NULL, $2, $2)
           ON CONFLICT (team) DO NOTHING`,
          [team, time(at)],
        );
        return false;
      });
    },
    async uninstalledAt(team) {
      const { rows } = await query('SELECT uninstalled_at FROM installations WHERE team = $1', [team]);
      const row = rows[0] as { uninstalled_at: Date | null } | undefined;
      return row?.uninstalled_at ? new Date(row.uninstalled_at.getTime()) : undefined;
    },
    async purgeTeam(team) {
      return transaction(async (run) => {
        let deleted = 0;
        // Table names come from this list, never from input.
        for (const table of [
          'subscriptions',
          'unsubscriptions',
          'fires',
          'queue',
          'skips',
          'installations',
          'presenters',
          'presenter_turns',
          'home_views',
          'votes',
          'proposals',
        ]) {
          deleted += (await run(`DELETE FROM ${table} WHERE team = $1`, [team])).rowCount ?? 0;
        }
        return deleted;
      });
    },
    async adoptUnscoped(team) {
      return transaction(async (run) => {
        let moved = 0;
        // Table names come from this list, never from input.
        for (const table of ['subscriptions', 'unsubscriptions', 'fires', 'queue', 'skips']) {
          moved += (await run(`UPDATE ${table} SET team = $1 WHERE team = ''`, [team])).rowCount ?? 0;
        }
        return moved;
      });
    },
    async health(): Promise<StoreHealth> {
      if (closed) return { ok: false, engine: 'postgres', reason: 'the database is closed' };
      try {
        await query('SELECT 1');
        return { ok: true, engine: 'postgres', detail: `pool of ${pool.totalCount} connection(s)` };
      } catch (error) {
        return {
          ok: false,
          engine: 'postgres',
          reason: error instanceof Error ? error.message : String(error),
        };
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}

function pgTeamStore(
  team: string,
  query: Query,
  transaction: <T>(work: (run: Query) => Promise<T>) => Promise<T>,
): TeamStore {
  const fires = async (text: string, values: unknown[]) =>
    ((await query(text, values)).rows as FireRow[]).map(toFire);
  const changed = (result: pg.QueryResult) => (result.rowCount ?? 0) > 0;
  return {
    team,
    async subscribe({ channel, cron, timeZone, createdBy, at, every = 1 }) {
      return transaction(async (run) => {
        const { rows } = await run(
          `INSERT INTO subscriptions (team, channel, cron, time_zone, created_by, created_at, every)
           VALUES ($1, $2, $3, $4, $5, $6, $7)
           ON CONFLICT (team, channel) DO UPDATE SET cron = EXCLUDED.cron, time_zone = EXCLUDED.time_zone,
             created_by = EXCLUDED.created_by, created_at = EXCLUDED.created_at, every = EXCLUDED.every
           RETURNING *`,
          [team, channel, cron, timeZone, createdBy, time(at), every],
        );
        await run('DELETE FROM unsubscriptions WHERE team = $1 AND channel = $2', [team, channel]);
        return toSubscription(rows[0] as SubscriptionRow);
      });
    },
    setVoting: async (channel, lead) =>
      changed(
        await query('UPDATE subscriptions SET vote_lead_minutes = $1 WHERE team = $2 AND channel = $3', [
          lead ?? null,
          team,
          channel,
        ]),
      ),
    setPresenterLead: async (channel, lead) =>
      changed(
        await query('UPDATE subscriptions SET presenter_lead_minutes = $1 WHERE team = $2 AND channel = $3', [
          lead,
          team,
          channel,
        ]),
      ),
    async addPause(channel, { startsOn, endsOn, by, at }) {
      const { rows } = await query(
        `INSERT INTO pauses (team, channel, starts_on, ends_on, created_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [team, channel, startsOn, endsOn, by, time(at)],
      );
      return {
        id: Number((rows[0] as { id: string }).id),
        startsOn,
        endsOn,
        createdBy: by,
        createdAt: new Date(at.getTime()),
      };
    },
    async pauses(channel) {
      const { rows } = await query(
        'SELECT * FROM pauses WHERE team = $1 AND channel = $2 ORDER BY starts_on, id',
        [team, channel],
      );
      return (
        rows as { id: string; starts_on: string; ends_on: string; created_by: string; created_at: Date }[]
      ).map((row) => ({
        id: Number(row.id),
        startsOn: row.starts_on,
        endsOn: row.ends_on,
        createdBy: row.created_by,
        createdAt: new Date(row.created_at.getTime()),
      }));
    },
    endPauses: async (channel, today) =>
      (
        await query('DELETE FROM pauses WHERE team = $1 AND channel = $2 AND ends_on >= $3', [
          team,
          channel,
          today,
        ])
      ).rowCount ?? 0,
    async unsubscribe(channel, at) {
      return transaction(async (run) => {
        const removed = changed(
          await run('DELETE FROM subscriptions WHERE team = $1 AND channel = $2', [team, channel]),
        );
        if (removed) {
          await run(
            `INSERT INTO unsubscriptions (team, channel, unsubscribed_at) VALUES ($1, $2, $3)
             ON CONFLICT (team, channel) DO UPDATE SET unsubscribed_at = EXCLUDED.unsubscribed_at`,
            [team, channel, time(at)],
          );
        }
        return removed;
      });
    },
    async unsubscribedAt(channel) {
      const { rows } = await query(
        'SELECT unsubscribed_at FROM unsubscriptions WHERE team = $1 AND channel = $2',
        [team, channel],
      );
      const row = rows[0] as { unsubscribed_at: Date } | undefined;
      return row ? new Date(row.unsubscribed_at.getTime()) : undefined;
    },
    async subscription(channel) {
      const { rows } = await query('SELECT * FROM subscriptions WHERE team = $1 AND channel = $2', [
        team,
        channel,
      ]);
      const row = rows[0] as SubscriptionRow | undefined;
      return row ? toSubscription(row) : undefined;
    },
    async subscriptions() {
      const { rows } = await query(
        'SELECT * FROM subscriptions WHERE team = $1 ORDER BY created_at, channel',
        [team],
      );
      return (rows as SubscriptionRow[]).map(toSubscription);
    },

    async claimFire(claim: FireClaim) {
      const { rows } = await query(
        `INSERT INTO fires (team, channel, scheduled_at, status, paper_ids, links, section, cycle, queued, created_at, heartbeat_at)
         VALUES ($1, $2, $3, 'posting', $4, $5, $6, $7, $8, $9, $9)
         ON CONFLICT (team, channel, scheduled_at) DO NOTHING RETURNING id`,
        [
          team,
          claim.channel,
          time(claim.scheduledAt),
          JSON.stringify(claim.paperIds),
          JSON.stringify(claim.links),
          claim.section,
          claim.cycle,
          claim.queued,
          time(claim.at),
        ],
      );
      const row = rows[0] as { id: string } | undefined;
      return row ? Number(row.id) : undefined;
    },
    async completeFire(id, result) {
      return transaction(async (run) => {
        const updated = await run(
          `UPDATE fires SET status = 'posted', message_ts = $1, attempts = coalesce($2, greatest(attempts, 1)),
             error = NULL, finished_at = $3
           WHERE id = $4 AND team = $5 AND status IN ('posting', 'failed', 'interrupted')`,
          [result.messageTs, result.attempts ?? null, time(result.at), id, team],
        );
        if (!changed(updated)) return false;
        await run(
          `DELETE FROM queue q USING fires f
           WHERE f.id = $1 AND q.team = f.team AND q.channel = f.channel
             AND q.paper_id IN (SELECT jsonb_array_elements_text(f.paper_ids))`,
          [id],
        );
        // A post names a proposal by its list paper's id, or an outside one by `outside:<id>`.
        await run(
          `UPDATE proposals p SET status = 'posted', finished_at = $2 FROM fires f
           WHERE f.id = $1 AND p.team = f.team AND p.channel = f.channel AND p.status = 'open'
             AND (p.paper_id IN (SELECT jsonb_array_elements_text(f.paper_ids))
               OR ('outside:' || p.id) IN (SELECT jsonb_array_elements_text(f.paper_ids)))`,
          [id, time(result.at)],
        );
        return true;
      });
    },
    failFire: async (id, { error, attempts, at }) =>
      changed(
        await query(
          `UPDATE fires SET status = 'failed', error = $1, attempts = $2, finished_at = $3
           WHERE id = $4 AND team = $5 AND status = 'posting'`,
          [error, attempts, time(at), id, team],
        ),
      ),
    releaseFire: async (id) =>
      changed(
        await query(`DELETE FROM fires WHERE id = $1 AND team = $2 AND status = 'posting'`, [id, team]),
      ),
    touchFire: async (id, at) =>
      changed(
        await query(`UPDATE fires SET heartbeat_at = $1 WHERE id = $2 AND team = $3 AND status = 'posting'`, [
          time(at),
          id,
          team,
        ]),
      ),
    recordMissed: async ({ channel, scheduledAt, at, reason }) =>
      changed(
        await query(
          `INSERT INTO fires (team, channel, scheduled_at, status, error, created_at, heartbeat_at)
           VALUES ($1, $2, $3, 'missed', $4, $5, $5) ON CONFLICT (team, channel, scheduled_at) DO NOTHING`,
          [team, channel, time(scheduledAt), reason ?? null, time(at)],
        ),
      ),
    async fire(id) {
      return (await fires('SELECT * FROM fires WHERE id = $1 AND team = $2', [id, team]))[0];
    },
    async lastFire(channel) {
      return (
        await fires(
          'SELECT * FROM fires WHERE team = $1 AND channel = $2 ORDER BY scheduled_at DESC, id DESC LIMIT 1',
          [team, channel],
        )
      )[0];
    },
    posts: (channel, limit) =>
      fires(
        `SELECT * FROM fires WHERE team = $1 AND channel = $2 AND status = 'posted'
         ORDER BY scheduled_at DESC, id DESC LIMIT $3`,
        [team, channel, limit ?? null],
      ),
    async history(channel): Promise<ChannelHistory> {
      return transaction(async (run) => {
        const posted = (
          await run(
            // A fire being posted counts as taken: another replica must not pick its paper for a later slot.
            `SELECT paper_ids, links, section, cycle, queued FROM fires
             WHERE team = $1 AND channel = $2 AND status IN ('posted', 'posting')
             ORDER BY scheduled_at, id`,
            [team, channel],
          )
        ).rows as {
          paper_ids: string[];
          links: string[];
          section: string | null;
          cycle: number | null;
          queued: boolean;
        }[];
        const queued = (
          await run('SELECT paper_id FROM queue WHERE team = $1 AND channel = $2 ORDER BY id', [
            team,
            channel,
          ])
        ).rows as { paper_id: string }[];
        const skipped = (
          await run(
            'SELECT paper_ids, links, cycle FROM skips WHERE team = $1 AND channel = $2 ORDER BY id',
            [team, channel],
          )
        ).rows as { paper_ids: string[]; links: string[]; cycle: number }[];
        const outside = (
          await run(
            `SELECT * FROM proposals WHERE team = $1 AND channel = $2 AND status = 'open' AND paper_id IS NULL
               AND url IS NOT NULL
             ORDER BY proposed_at, id`,
            [team, channel],
          )
        ).rows as ProposalRow[];
        const readings = outside.map((row) => ({
          id: outsideId(Number(row.id)),
          title: row.title,
          url: row.url ?? '',
          by: row.proposed_by,
          at: new Date(row.proposed_at.getTime()),
        }));
        return {
          posted: posted.map((row) => ({
            paperIds: strings(row.paper_ids),
            links: strings(row.links),
            section: row.section ?? '',
            cycle: row.cycle ?? 1,
            ...(row.queued ? { queued: true } : {}),
          })),
          queued: queued.map((row) => row.paper_id),
          skipped: skipped.map((row) => ({
            paperIds: strings(row.paper_ids),
            links: strings(row.links),
            cycle: row.cycle,
          })),
          ...(readings.length > 0 ? { outside: readings } : {}),
        };
      });
    },
    firesAfter: (channel, after) =>
      fires(
        'SELECT * FROM fires WHERE team = $1 AND channel = $2 AND scheduled_at > $3 ORDER BY scheduled_at, id',
        [team, channel, time(after)],
      ),
    async moveFire(id, scheduledAt) {
      // A slot that already has a row keeps it: the update is skipped rather than failing.
      const result = await query(
        `UPDATE fires SET scheduled_at = $1, finished_at = least(finished_at, $1)
         WHERE id = $2 AND team = $3 AND NOT EXISTS (
           SELECT 1 FROM fires other WHERE other.team = $3 AND other.channel = fires.channel AND other.scheduled_at = $1)`,
        [time(scheduledAt), id, team],
      );
      return changed(result);
    },

    enqueue: async (channel, paperId, { by, at }) =>
      changed(
        await query(
          `INSERT INTO queue (team, channel, paper_id, queued_by, queued_at) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (team, channel, paper_id) DO NOTHING`,
          [team, channel, paperId, by, time(at)],
        ),
      ),
    dequeue: async (channel, paperId) =>
      changed(
        await query('DELETE FROM queue WHERE team = $1 AND channel = $2 AND paper_id = $3', [
          team,
          channel,
          paperId,
        ]),
      ),
    async queue(channel) {
      const { rows } = await query(
        'SELECT paper_id, queued_by, queued_at FROM queue WHERE team = $1 AND channel = $2 ORDER BY id',
        [team, channel],
      );
      return (rows as { paper_id: string; queued_by: string; queued_at: Date }[]).map((row) => ({
        paperId: row.paper_id,
        by: row.queued_by,
        at: new Date(row.queued_at.getTime()),
      }));
    },
    async skip(channel, { paperIds, links, cycle, at }) {
      await query(
        'INSERT INTO skips (team, channel, paper_ids, links, cycle, skipped_at) VALUES ($1, $2, $3, $4, $5, $6)',
        [team, channel, JSON.stringify(paperIds), JSON.stringify(links), cycle, time(at)],
      );
    },

    // Presenters, links that remember, the Home tab (issue 12, second half).
    async setPresenters(channel, users) {
      await transaction(async (run) => {
        await run('DELETE FROM presenters WHERE team = $1 AND channel = $2', [team, channel]);
        for (const [position, user] of [...new Set(users)].entries()) {
          await run('INSERT INTO presenters (team, channel, position, user_id) VALUES ($1, $2, $3, $4)', [
            team,
            channel,
            position,
            user,
          ]);
        }
      });
    },
    async presenters(channel) {
      const { rows } = await query(
        'SELECT user_id FROM presenters WHERE team = $1 AND channel = $2 ORDER BY position, user_id',
        [team, channel],
      );
      return (rows as { user_id: string }[]).map((row) => row.user_id);
    },
    swapPresenters: (channel, first, second) =>
      transaction(async (run) => {
        // Locked, so that two swaps at once do not read the same places.
        const { rows } = await run(
          'SELECT user_id, position FROM presenters WHERE team = $1 AND channel = $2 FOR UPDATE',
          [team, channel],
        );
        const places = rows as { user_id: string; position: number }[];
        const a = places.find((row) => row.user_id === first);
        const b = places.find((row) => row.user_id === second);
        if (!a || !b) return false;
        const move = 'UPDATE presenters SET position = $1 WHERE team = $2 AND channel = $3 AND user_id = $4';
        await run(move, [b.position, team, channel, first]);
        await run(move, [a.position, team, channel, second]);
        return true;
      }),
    recordPresenterTurn: async (channel, { slot, user, skipped = false }) =>
      changed(
        await query(
          `INSERT INTO presenter_turns (team, channel, slot, user_id, skipped) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (team, channel, slot, user_id) DO NOTHING`,
          [team, channel, time(slot), user, skipped],
        ),
      ),
    async claimPresenterNotice(channel, { slot, user, at }) {
      const { rows } = await query(
        `INSERT INTO presenter_turns (team, channel, slot, user_id, skipped, notified_at) VALUES ($1, $2, $3, $4, FALSE, $5)
         ON CONFLICT (team, channel, slot, user_id) DO UPDATE SET notified_at = EXCLUDED.notified_at
         WHERE presenter_turns.notified_at IS NULL AND NOT presenter_turns.skipped
         RETURNING user_id`,
        [team, channel, time(slot), user, time(at)],
      );
      return rows.length > 0;
    },
    async releasePresenterNotice(channel, { slot, user }) {
      await query(
        `UPDATE presenter_turns SET notified_at = NULL
         WHERE team = $1 AND channel = $2 AND slot = $3 AND user_id = $4 AND NOT skipped`,
        [team, channel, time(slot), user],
      );
    },
    async presenterTurns(channel) {
      const { rows } = await query(
        `SELECT t.slot, t.user_id, t.skipped, t.notified_at, EXISTS (
           SELECT 1 FROM fires f WHERE f.team = t.team AND f.channel = t.channel AND f.scheduled_at = t.slot
             AND f.status = 'posted') AS posted
         FROM presenter_turns t WHERE t.team = $1 AND t.channel = $2
         ORDER BY t.slot, t.skipped DESC, t.user_id`,
        [team, channel],
      );
      return (
        rows as { slot: Date; user_id: string; skipped: boolean; notified_at: Date | null; posted: boolean }[]
      ).map((row) => ({
        slot: new Date(row.slot.getTime()),
        user: row.user_id,
        skipped: row.skipped,
        ...(row.notified_at === null ? {} : { notifiedAt: new Date(row.notified_at.getTime()) }),
        posted: row.posted,
      }));
    },
    async recordHomeView(user, at) {
      await query(
        `INSERT INTO home_views (team, user_id, opened_at) VALUES ($1, $2, $3)
         ON CONFLICT (team, user_id) DO UPDATE SET opened_at = EXCLUDED.opened_at`,
        [team, user, time(at)],
      );
    },
    async homeViewers() {
      const { rows } = await query(
        'SELECT user_id FROM home_views WHERE team = $1 ORDER BY opened_at DESC, user_id',
        [team],
      );
      return (rows as { user_id: string }[]).map((row) => row.user_id);
    },
    // Votes and proposals (the reading group, issue 12).
    async startVote({ channel, slot, candidates, at }) {
      const { rows } = await query(
        `INSERT INTO votes (team, channel, slot, candidates, opened_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (team, channel, slot) DO NOTHING RETURNING *`,
        [team, channel, time(slot), JSON.stringify(candidates), time(at)],
      );
      const row = rows[0] as VoteRow | undefined;
      return row ? toVote(row) : undefined;
    },
    setVoteMessage: async (id, messageTs) =>
      changed(
        await query('UPDATE votes SET message_ts = $1 WHERE id = $2 AND team = $3', [messageTs, id, team]),
      ),
    async vote(id) {
      const { rows } = await query('SELECT * FROM votes WHERE id = $1 AND team = $2', [id, team]);
      const row = rows[0] as VoteRow | undefined;
      return row ? toVote(row) : undefined;
    },
    async voteAt(channel, slot) {
      const { rows } = await query('SELECT * FROM votes WHERE team = $1 AND channel = $2 AND slot = $3', [
        team,
        channel,
        time(slot),
      ]);
      const row = rows[0] as VoteRow | undefined;
      return row ? toVote(row) : undefined;
    },
    async currentVotes(channel) {
      const { rows } = await query(
        'SELECT * FROM votes WHERE team = $1 AND channel = $2 AND closed_at IS NULL ORDER BY slot, id',
        [team, channel],
      );
      return (rows as VoteRow[]).map(toVote);
    },
    async castBallot(voteId, { user, choice, at }) {
      return transaction(async (run): Promise<BallotOutcome> => {
        // The vote's row lock orders this ballot and the vote's closing: one waits for the other.
        const { rows } = await run('SELECT closed_at FROM votes WHERE id = $1 AND team = $2 FOR UPDATE', [
          voteId,
          team,
        ]);
        const vote = rows[0] as { closed_at: Date | null } | undefined;
        if (!vote || vote.closed_at !== null) return 'closed';
        const before = (
          await run('SELECT choice FROM ballots WHERE vote_id = $1 AND user_id = $2', [voteId, user])
        ).rows[0] as { choice: string } | undefined;
        if (before?.choice === choice) return 'unchanged';
        await run(
          `INSERT INTO ballots (vote_id, user_id, choice, cast_at) VALUES ($1, $2, $3, $4)
           ON CONFLICT (vote_id, user_id) DO UPDATE SET choice = EXCLUDED.choice, cast_at = EXCLUDED.cast_at`,
          [voteId, user, choice, time(at)],
        );
        return before === undefined ? 'cast' : 'changed';
      });
    },
    async ballots(voteId) {
      const { rows } = await query(
        `SELECT b.user_id, b.choice, b.cast_at FROM ballots b JOIN votes v ON v.id = b.vote_id
         WHERE b.vote_id = $1 AND v.team = $2 ORDER BY b.cast_at, b.user_id`,
        [voteId, team],
      );
      return (rows as { user_id: string; choice: string; cast_at: Date }[]).map((row) => ({
        user: row.user_id,
        choice: row.choice,
        at: new Date(row.cast_at.getTime()),
      }));
    },
    closeVote: async (id, at) =>
      changed(
        await query('UPDATE votes SET closed_at = $1 WHERE id = $2 AND team = $3 AND closed_at IS NULL', [
          time(at),
          id,
          team,
        ]),
      ),
    setVoteWinner: async (id, winner) =>
      changed(await query('UPDATE votes SET winner = $1 WHERE id = $2 AND team = $3', [winner, id, team])),
    async propose({ channel, paperId, title, url, by, at }) {
      const { rows } = await query(
        `INSERT INTO proposals (team, channel, paper_id, title, url, proposed_by, proposed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
        [team, channel, paperId ?? null, title, url ?? null, by, time(at)],
      );
      return toProposal(rows[0] as ProposalRow);
    },
    async proposals(channel) {
      const { rows } = await query(
        `SELECT * FROM proposals WHERE team = $1 AND channel = $2 AND status = 'open' ORDER BY proposed_at, id`,
        [team, channel],
      );
      return (rows as ProposalRow[]).map(toProposal);
    },
    async proposal(id) {
      const { rows } = await query('SELECT * FROM proposals WHERE id = $1 AND team = $2', [id, team]);
      const row = rows[0] as ProposalRow | undefined;
      return row ? toProposal(row) : undefined;
    },
    withdrawProposal: async (id, at) =>
      changed(
        await query(
          `UPDATE proposals SET status = 'withdrawn', finished_at = $1 WHERE id = $2 AND team = $3 AND status = 'open'`,
          [time(at), id, team],
        ),
      ),
  };
}

function toVote(row: VoteRow): VoteRecord {
  const vote: VoteRecord = {
    id: Number(row.id),
    team: row.team,
    channel: row.channel,
    slot: new Date(row.slot.getTime()),
    candidates: readCandidates(row.candidates),
    openedAt: new Date(row.opened_at.getTime()),
  };
  if (row.message_ts !== null) vote.messageTs = row.message_ts;
  if (row.closed_at !== null) vote.closedAt = new Date(row.closed_at.getTime());
  if (row.winner !== null) vote.winner = row.winner;
  return vote;
}

function toProposal(row: ProposalRow): ProposalRecord {
  const proposal: ProposalRecord = {
    id: Number(row.id),
    team: row.team,
    channel: row.channel,
    title: row.title,
    by: row.proposed_by,
    at: new Date(row.proposed_at.getTime()),
    status: row.status,
  };
  if (row.paper_id !== null) proposal.paperId = row.paper_id;
  if (row.url !== null) proposal.url = row.url;
  if (row.finished_at !== null) proposal.finishedAt = new Date(row.finished_at.getTime());
  return proposal;
}

/** A time passed in; an invalid Date is a caller's bug, caught before it is stored. */
function time(date: Date): Date {
  if (!Number.isFinite(date.getTime())) throw new RangeError('invalid Date passed to the store');
  return date;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function toSubscription(row: SubscriptionRow): Subscription {
  const subscription: Subscription = {
    team: row.team,
    channel: row.channel,
    cron: row.cron,
    timeZone: row.time_zone,
    createdBy: row.created_by,
    createdAt: new Date(row.created_at.getTime()),
    every: row.every,
    presenterLeadMinutes: row.presenter_lead_minutes,
  };
  if (row.vote_lead_minutes !== null) subscription.voteLeadMinutes = row.vote_lead_minutes;
  return subscription;
}

function toFire(row: FireRow): FireRecord {
  const fire: FireRecord = {
    id: Number(row.id),
    team: row.team,
    channel: row.channel,
    scheduledAt: new Date(row.scheduled_at.getTime()),
    status: row.status,
    paperIds: strings(row.paper_ids),
    links: strings(row.links),
    queued: row.queued,
    attempts: row.attempts,
    createdAt: new Date(row.created_at.getTime()),
    heartbeatAt: new Date(row.heartbeat_at.getTime()),
  };
  if (row.section !== null) fire.section = row.section;
  if (row.cycle !== null) fire.cycle = row.cycle;
  if (row.message_ts !== null) fire.messageTs = row.message_ts;
  if (row.error !== null) fire.error = row.error;
  if (row.finished_at !== null) fire.finishedAt = new Date(row.finished_at.getTime());
  return fire;
}
