import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  type Stats,
  statSync,
} from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { readCandidates } from '../votes/candidates.ts';
import { outsideId } from '../weekly/outside.ts';
import type { ChannelHistory, PostedItem, SkippedItem } from '../weekly/rotation.ts';
import { migrate } from './migrations.ts';
import {
  type BallotOutcome,
  type FireClaim,
  type FireRecord,
  type FireStatus,
  type InstallationRecord,
  type ProposalRecord,
  type ProposalStatus,
  type QueuedPaper,
  type Store,
  type StoreHealth,
  StoreUnavailableError,
  type Subscription,
  type TeamStore,
  type VoteRecord,
} from './types.ts';

/** Connection settings, one place. */
export const sqliteDefaults = Object.freeze({
  /** How long a write waits for another connection's lock (a CLI reading the file) before failing. */
  busyTimeoutMs: 5000,
  /** How often the file is checked for having been deleted or replaced under the bot. */
  fileCheckMs: 2000,
});

/** What the store tells its owner about the file (a deleted file restored, a replaced one). */
export interface SqliteEvents {
  warn(message: string): void;
  error(message: string): void;
}

/** A `fires` row as SQLite returns it. */
interface FireRow {
  id: number;
  team: string;
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
  heartbeat_at: number;
  finished_at: number | null;
}

interface InstallationRow {
  team: string;
  team_id: string | null;
  enterprise_id: string | null;
  is_enterprise_install: number;
  installation: string;
  installed_at: number;
}

interface SubscriptionRow {
  team: string;
  channel: string;
  cron: string;
  time_zone: string;
  created_by: string;
  created_at: number;
  every: number;
  vote_lead_minutes: number | null;
  presenter_lead_minutes: number;
}

interface VoteRow {
  id: number;
  team: string;
  channel: string;
  slot: number;
  candidates: string;
  message_ts: string | null;
  opened_at: number;
  closed_at: number | null;
  winner: string | null;
}

interface ProposalRow {
  id: number;
  team: string;
  channel: string;
  paper_id: string | null;
  title: string;
  url: string | null;
  proposed_by: string;
  proposed_at: number;
  status: ProposalStatus;
  finished_at: number | null;
}

interface PauseRow {
  id: number;
  starts_on: string;
  ends_on: string;
  created_by: string;
  created_at: number;
}

/** SQLite's answers that mean the file itself is unusable, not that one write failed. */
const brokenCodes = new Set([
  'SQLITE_CORRUPT',
  'SQLITE_NOTADB',
  'SQLITE_CANTOPEN',
  'SQLITE_READONLY_DBMOVED',
]);

/**
 * Open (or create) the SQLite store: the parent directory is created, files use WAL (readers do not
 * block the writer), writes wait `busy_timeout` for a lock, and pending migrations are applied.
 *
 * The file is watched: deleted under the running bot, it is written back from the open connection
 * (nothing is lost); replaced by another file, or found corrupt, the store stops answering
 * (`StoreUnavailableError`, and `health()` says why) so that a supervisor restarts the bot.
 *
 * @param path A file path, or `:memory:` for a store that lives as long as the process.
 * @param options `events` (default: silent) for what happens to the file; `fileCheckMs` (default: 2000).
 * @returns The store.
 * @throws When the file cannot be opened or its schema is newer than this code.
 */
export function openStore(
  path: string,
  options: { events?: SqliteEvents; fileCheckMs?: number } = {},
): Store {
  const inMemory = path === ':memory:' || path === '';
  if (!inMemory) mkdirSync(dirname(path), { recursive: true });
  return new SqliteStore(path, inMemory, options.events, options.fileCheckMs ?? sqliteDefaults.fileCheckMs);
}

/**
 * A copy in memory of an existing SQLite store, for commands that only read (`optpaper upcoming`): the
 * file is opened read-only and never written (no directory, no file, no WAL switch, no migration on
 * disk; an older schema is migrated in the copy), so a command run as root leaves nothing the bot's
 * user cannot open. Writes go to the copy and are lost on close.
 *
 * @param path The database file.
 * @returns The copy, or `undefined` when there is no file (nothing was ever stored).
 * @throws When the file exists but cannot be read as a database, or its schema is newer than this code.
 */
export function openStoreSnapshot(path: string): Store | undefined {
  if (!existsSync(path)) return undefined;
  let image: Buffer;
  if (existsSync(`${path}-wal`) && existsSync(`${path}-shm`)) {
    // The bot has it open: recent writes may be in the WAL, which only SQLite reads. Its -wal and -shm
    // files exist already, so a read-only connection creates nothing.
    const file = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
    try {
      image = file.serialize();
    } finally {
      file.close();
    }
  } else {
    // Closed, the file holds everything; read as bytes, since even a read-only SQLite connection to a WAL
    // database creates its -wal and -shm files (owned by whoever runs the command).
    image = readFileSync(path);
    if (image.length > 0 && !image.subarray(0, sqliteMagic.length).equals(sqliteMagic))
      throw new Error(`${path} is not a SQLite database`);
  }
  // Bytes 18 and 19 of the header are the file format versions: 2 is WAL, which a database in memory
  // cannot open (SQLITE_CANTOPEN). 1 is the rollback journal, same pages.
  if (image[18] === 2) image[18] = 1;
  if (image[19] === 2) image[19] = 1;
  return new SqliteStore(':memory:', true, undefined, sqliteDefaults.fileCheckMs, image);
}

function openDatabase(path: string, inMemory: boolean, image?: Buffer): BetterSqlite3.Database {
  const db = image ? new BetterSqlite3(image) : new BetterSqlite3(path);
  try {
    if (!inMemory) db.pragma('journal_mode = WAL');
    db.pragma(`busy_timeout = ${sqliteDefaults.busyTimeoutMs}`);
    db.pragma('foreign_keys = ON');
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

const sqliteMagic = Buffer.from('SQLite format 3\0', 'latin1');

/** Whether a file starts as every SQLite database does (an empty file, being created, passes). */
function hasSqliteHeader(path: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const header = Buffer.alloc(sqliteMagic.length);
    const read = readSync(fd, header, 0, header.length, 0);
    return read < header.length || header.equals(sqliteMagic);
  } catch {
    // Unreadable now (deleted between two checks): the next check decides.
    return true;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The identity of a file: a different inode at the same path is a different file. */
function fileIdentity(path: string): { dev: number; ino: number } | undefined {
  let stats: Stats;
  try {
    stats = statSync(path);
  } catch {
    return undefined;
  }
  return { dev: stats.dev, ino: stats.ino };
}

class SqliteStore implements Store {
  readonly engine = 'sqlite' as const;
  #db: BetterSqlite3.Database;
  #sql: Statements;
  #identity: { dev: number; ino: number } | undefined;
  /** Why the store cannot be used; set once, never cleared (a restart is the cure). */
  #broken: string | undefined;
  #restoring: Promise<void> | undefined;
  #timer: NodeJS.Timeout | undefined;
  readonly #teams = new Map<string, TeamStore>();

  constructor(
    readonly path: string,
    readonly inMemory: boolean,
    readonly events: SqliteEvents | undefined,
    fileCheckMs: number,
    /** A serialized database to start from (a snapshot), in memory. */
    image?: Buffer,
  ) {
    this.#db = openDatabase(path, inMemory, image);
    this.#sql = prepare(this.#db);
    if (!inMemory) {
      this.#identity = fileIdentity(path);
      this.#timer = setInterval(() => this.#checkFile(), fileCheckMs);
      this.#timer.unref();
    }
  }

  /** Run one step on the database, turning a broken file into StoreUnavailableError. */
  run<T>(step: (sql: Statements, db: BetterSqlite3.Database) => T): T {
    if (this.#broken) throw new StoreUnavailableError(this.#broken);
    if (!this.#db.open) throw new StoreUnavailableError('the database is closed');
    try {
      return step(this.#sql, this.#db);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (typeof code === 'string' && brokenCodes.has(code)) {
        this.#fail(`the database file ${this.path} is unusable (${code}: ${(error as Error).message})`);
        throw new StoreUnavailableError(this.#broken ?? code);
      }
      throw error;
    }
  }

  #fail(reason: string): void {
    if (this.#broken) return;
    this.#broken = reason;
    this.events?.error(`${reason}; search keeps working, the paper of the week is stopped until a restart`);
  }

  /** Deleted: write it back from the open connection and continue on it. Replaced: stop. */
  #checkFile(): void {
    if (this.inMemory || this.#broken || this.#restoring || !this.#db.open) return;
    const now = fileIdentity(this.path);
    if (!now) {
      this.#restoring = this.#restore().finally(() => {
        this.#restoring = undefined;
      });
      return;
    }
    const before = this.#identity;
    if (before && (now.dev !== before.dev || now.ino !== before.ino)) {
      this.#fail(
        `the database file ${this.path} was replaced by another file while the bot ran; restart the bot to use it ` +
          '(its own writes since then would go to the old, removed file)',
      );
      return;
    }
    // SQLite serves what it has cached: a file overwritten under it would go unnoticed until a page
    // missed the cache. Its header says at once.
    if (!hasSqliteHeader(this.path)) {
      this.#fail(`the database file ${this.path} is unusable (corrupted: its header is no longer SQLite's)`);
    }
  }

  async #restore(): Promise<void> {
    try {
      mkdirSync(dirname(this.path), { recursive: true });
      await this.#db.backup(this.path);
      const next = openDatabase(this.path, false);
      this.#db.close();
      this.#db = next;
      this.#sql = prepare(next);
      this.#identity = fileIdentity(this.path);
      this.events?.warn(
        `the database file ${this.path} was deleted while the bot ran; written back from the open connection, nothing lost`,
      );
    } catch (error) {
      this.#fail(
        `the database file ${this.path} was deleted while the bot ran and could not be written back ` +
          `(${error instanceof Error ? error.message : String(error)})`,
      );
    }
  }

  /** Check the file now (tests; the timer does it every few seconds). */
  async checkFile(): Promise<void> {
    this.#checkFile();
    await this.#restoring;
  }

  team(team: string): TeamStore {
    let scoped = this.#teams.get(team);
    if (!scoped) {
      scoped = teamStore(this, team);
      this.#teams.set(team, scoped);
    }
    return scoped;
  }

  async allSubscriptions(): Promise<Subscription[]> {
    return this.run((sql) => sql.allSubscriptions.all().map(toSubscription));
  }

  async staleFires(before: Date): Promise<FireRecord[]> {
    return this.run((sql) => sql.staleFires.all(ms(before)).map(toFire));
  }

  async markInterrupted(id: number, at: Date): Promise<boolean> {
    return this.run((sql) => sql.markInterrupted.run(ms(at), id).changes > 0);
  }

  async allOpenVotes(): Promise<VoteRecord[]> {
    return this.run((sql) => sql.allOpenVotes.all().map(toVote));
  }

  async claimDelivery(key: string, { at, staleMs, ttlMs }: { at: Date; staleMs: number; ttlMs: number }) {
    return this.run((sql, db) =>
      db.transaction(() => {
        if (sql.claimDelivery.run(key, ms(at)).changes > 0) return 'claimed' as const;
        const now = ms(at);
        return sql.takeOverDelivery.run({ now, key, stale: now - staleMs, expired: now - ttlMs }).changes > 0
          ? ('claimed' as const)
          : ('duplicate' as const);
      })(),
    );
  }

  async finishDelivery(key: string, at: Date): Promise<void> {
    this.run((sql) => sql.finishDelivery.run(ms(at), key));
  }

  async releaseDelivery(key: string): Promise<void> {
    this.run((sql) => sql.releaseDelivery.run(key));
  }

  async expireDeliveries(before: Date): Promise<number> {
    return this.run((sql) => sql.expireDeliveries.run(ms(before)).changes);
  }

  async saveInstallation(record: InstallationRecord): Promise<void> {
    this.run((sql) =>
      sql.saveInstallation.run(
        record.team,
        record.teamId ?? null,
        record.enterpriseId ?? null,
        record.isEnterpriseInstall ? 1 : 0,
        record.installation,
        ms(record.installedAt),
      ),
    );
  }

  async installation(team: string): Promise<InstallationRecord | undefined> {
    const row = this.run((sql) => sql.installation.get(team));
    if (!row) return undefined;
    const record: InstallationRecord = {
      team: row.team,
      isEnterpriseInstall: row.is_enterprise_install === 1,
      installation: row.installation,
      installedAt: new Date(row.installed_at),
    };
    if (row.team_id !== null) record.teamId = row.team_id;
    if (row.enterprise_id !== null) record.enterpriseId = row.enterprise_id;
    return record;
  }

  async removeInstallation(team: string, at: Date): Promise<boolean> {
    return this.run((sql, db) =>
      db.transaction(() => {
        const removed = sql.removeInstallation.run(ms(at), team).changes > 0;
        // A single-workspace bot has no installation row: the uninstall is remembered all the same.
        if (!removed) sql.recordUninstall.run(team, ms(at), ms(at));
        return removed;
      })(),
    );
  }

  async uninstalledAt(team: string): Promise<Date | undefined> {
    const row = this.run((sql) => sql.uninstalledAt.get(team));
    return row?.uninstalled_at ? new Date(row.uninstalled_at) : undefined;
  }

  async purgeTeam(team: string): Promise<number> {
    return this.run((_sql, db) =>
      db.transaction(() =>
        [
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
        ].reduce(
          // Table names come from the list above, never from input.
          (deleted, table) => deleted + db.prepare(`DELETE FROM ${table} WHERE team = ?`).run(team).changes,
          0,
        ),
      )(),
    );
  }

  async adoptUnscoped(team: string): Promise<number> {
    return this.run((_sql, db) =>
      db.transaction(() =>
        ['subscriptions', 'unsubscriptions', 'fires', 'queue', 'skips'].reduce(
          // Table names come from the list above, never from input.
          (moved, table) =>
            moved + db.prepare(`UPDATE ${table} SET team = ? WHERE team = ''`).run(team).changes,
          0,
        ),
      )(),
    );
  }

  async health(): Promise<StoreHealth> {
    this.#checkFile();
    await this.#restoring;
    if (this.#broken) return { ok: false, engine: 'sqlite', reason: this.#broken };
    if (!this.#db.open) return { ok: false, engine: 'sqlite', reason: 'the database is closed' };
    try {
      this.run((_sql, db) => db.prepare('SELECT count(*) FROM subscriptions').get());
      return { ok: true, engine: 'sqlite', detail: this.inMemory ? 'in memory' : this.path };
    } catch (error) {
      return {
        ok: false,
        engine: 'sqlite',
        reason: this.#broken ?? (error instanceof Error ? error.message : String(error)),
      };
    }
  }

  /** An online backup into a file (SQLite's backup API: consistent while the bot writes). */
  async backup(destination: string): Promise<void> {
    if (this.#broken) throw new StoreUnavailableError(this.#broken);
    await this.#db.backup(destination);
  }

  async close(): Promise<void> {
    clearInterval(this.#timer);
    await this.#restoring;
    if (this.#db.open) this.#db.close();
  }
}

/** Whether a store is the SQLite one (it can back itself up into a file). */
export function isSqliteStore(store: Store): store is Store & { backup(destination: string): Promise<void> } {
  return store instanceof SqliteStore;
}

/** Check a SQLite store's file now instead of waiting for its timer (tests). */
export async function checkSqliteFile(store: Store): Promise<void> {
  if (store instanceof SqliteStore) await store.checkFile();
}

type Statements = ReturnType<typeof prepare>;

function prepare(db: BetterSqlite3.Database) {
  return {
    upsertSubscription: db.prepare<[string, string, string, string, string, number, number]>(`
      INSERT INTO subscriptions (team, channel, cron, time_zone, created_by, created_at, every) VALUES (?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (team, channel) DO UPDATE SET
        cron = excluded.cron, time_zone = excluded.time_zone,
        created_by = excluded.created_by, created_at = excluded.created_at, every = excluded.every`),
    setVoting: db.prepare<[number | null, string, string]>(
      'UPDATE subscriptions SET vote_lead_minutes = ? WHERE team = ? AND channel = ?',
    ),
    setPresenterLead: db.prepare<[number, string, string]>(
      'UPDATE subscriptions SET presenter_lead_minutes = ? WHERE team = ? AND channel = ?',
    ),
    addPause: db.prepare<[string, string, string, string, string, number]>(
      'INSERT INTO pauses (team, channel, starts_on, ends_on, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    pauses: db.prepare<[string, string], PauseRow>(
      'SELECT * FROM pauses WHERE team = ? AND channel = ? ORDER BY starts_on, id',
    ),
    endPauses: db.prepare<[string, string, string]>(
      'DELETE FROM pauses WHERE team = ? AND channel = ? AND ends_on >= ?',
    ),
    deleteSubscription: db.prepare<[string, string]>(
      'DELETE FROM subscriptions WHERE team = ? AND channel = ?',
    ),
    recordUnsubscription: db.prepare<[string, string, number]>(
      'INSERT OR REPLACE INTO unsubscriptions (team, channel, unsubscribed_at) VALUES (?, ?, ?)',
    ),
    forgetUnsubscription: db.prepare<[string, string]>(
      'DELETE FROM unsubscriptions WHERE team = ? AND channel = ?',
    ),
    unsubscription: db.prepare<[string, string], { unsubscribed_at: number }>(
      'SELECT unsubscribed_at FROM unsubscriptions WHERE team = ? AND channel = ?',
    ),
    subscription: db.prepare<[string, string], SubscriptionRow>(
      'SELECT * FROM subscriptions WHERE team = ? AND channel = ?',
    ),
    subscriptions: db.prepare<[string], SubscriptionRow>(
      'SELECT * FROM subscriptions WHERE team = ? ORDER BY created_at, channel',
    ),
    allSubscriptions: db.prepare<[], SubscriptionRow>(
      'SELECT * FROM subscriptions ORDER BY created_at, team, channel',
    ),

    claimFire: db.prepare<[string, string, number, string, string, string, number, number, number, number]>(`
      INSERT INTO fires (team, channel, scheduled_at, status, paper_ids, links, section, cycle, queued,
                         created_at, heartbeat_at)
      VALUES (?, ?, ?, 'posting', ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (team, channel, scheduled_at) DO NOTHING`),
    completeFire: db.prepare<[string, number | null, number, number, string]>(`
      UPDATE fires SET status = 'posted', message_ts = ?, attempts = coalesce(?, max(attempts, 1)),
        error = NULL, finished_at = ?
      WHERE id = ? AND team = ? AND status IN ('posting', 'failed', 'interrupted')`),
    dequeuePosted: db.prepare<[number]>(`
      DELETE FROM queue
      WHERE (team, channel, paper_id) IN (
        SELECT fires.team, fires.channel, json_each.value FROM fires, json_each(fires.paper_ids)
        WHERE fires.id = ?)`),
    failFire: db.prepare<[string, number, number, number, string]>(`
      UPDATE fires SET status = 'failed', error = ?, attempts = ?, finished_at = ?
      WHERE id = ? AND team = ? AND status = 'posting'`),
    touchFire: db.prepare<[number, number, string]>(
      `UPDATE fires SET heartbeat_at = ? WHERE id = ? AND team = ? AND status = 'posting'`,
    ),
    recordMissed: db.prepare<[string, string, number, string | null, number, number]>(`
      INSERT INTO fires (team, channel, scheduled_at, status, error, created_at, heartbeat_at)
      VALUES (?, ?, ?, 'missed', ?, ?, ?)
      ON CONFLICT (team, channel, scheduled_at) DO NOTHING`),
    staleFires: db.prepare<[number], FireRow>(
      `SELECT * FROM fires WHERE status = 'posting' AND heartbeat_at < ? ORDER BY scheduled_at, id`,
    ),
    releaseFire: db.prepare<[number, string]>(
      `DELETE FROM fires WHERE id = ? AND team = ? AND status = 'posting'`,
    ),
    markInterrupted: db.prepare<[number, number]>(
      `UPDATE fires SET status = 'interrupted', finished_at = ? WHERE id = ? AND status = 'posting'`,
    ),
    fire: db.prepare<[number, string], FireRow>('SELECT * FROM fires WHERE id = ? AND team = ?'),
    lastFire: db.prepare<[string, string], FireRow>(
      'SELECT * FROM fires WHERE team = ? AND channel = ? ORDER BY scheduled_at DESC, id DESC LIMIT 1',
    ),
    firesAfter: db.prepare<[string, string, number], FireRow>(
      'SELECT * FROM fires WHERE team = ? AND channel = ? AND scheduled_at > ? ORDER BY scheduled_at, id',
    ),
    moveFire: db.prepare<[number, number, number, string]>(
      // OR IGNORE: a slot that already has a row keeps it (the caller picks a free one). A finish time
      // written by the same clock is brought back with it.
      'UPDATE OR IGNORE fires SET scheduled_at = ?, finished_at = min(finished_at, ?) WHERE id = ? AND team = ?',
    ),
    postsNewestFirst: db.prepare<[string, string, number], FireRow>(`
      SELECT * FROM fires WHERE team = ? AND channel = ? AND status = 'posted'
      ORDER BY scheduled_at DESC, id DESC LIMIT ?`),
    // A fire being posted counts as taken: another process must not pick its paper for a later slot.
    takenOldestFirst: db.prepare<[string, string], FireRow>(`
      SELECT * FROM fires WHERE team = ? AND channel = ? AND status IN ('posted', 'posting')
      ORDER BY scheduled_at, id`),

    enqueue: db.prepare<[string, string, string, string, number]>(`
      INSERT INTO queue (team, channel, paper_id, queued_by, queued_at) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (team, channel, paper_id) DO NOTHING`),
    dequeue: db.prepare<[string, string, string]>(
      'DELETE FROM queue WHERE team = ? AND channel = ? AND paper_id = ?',
    ),
    queue: db.prepare<[string, string], { paper_id: string; queued_by: string; queued_at: number }>(
      'SELECT paper_id, queued_by, queued_at FROM queue WHERE team = ? AND channel = ? ORDER BY id',
    ),

    skip: db.prepare<[string, string, string, string, number, number]>(
      'INSERT INTO skips (team, channel, paper_ids, links, cycle, skipped_at) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    skips: db.prepare<[string, string], { paper_ids: string; links: string; cycle: number }>(
      'SELECT paper_ids, links, cycle FROM skips WHERE team = ? AND channel = ? ORDER BY id',
    ),

    claimDelivery: db.prepare<[string, number]>(
      `INSERT INTO deliveries (key, status, claimed_at) VALUES (?, 'working', ?) ON CONFLICT (key) DO NOTHING`,
    ),
    takeOverDelivery: db.prepare<[{ now: number; key: string; stale: number; expired: number }]>(`
      UPDATE deliveries SET status = 'working', claimed_at = @now, finished_at = NULL
      WHERE key = @key AND ((status = 'working' AND claimed_at < @stale) OR claimed_at < @expired)`),
    finishDelivery: db.prepare<[number, string]>(
      `UPDATE deliveries SET status = 'done', finished_at = ? WHERE key = ?`,
    ),
    releaseDelivery: db.prepare<[string]>(`DELETE FROM deliveries WHERE key = ? AND status = 'working'`),
    expireDeliveries: db.prepare<[number]>('DELETE FROM deliveries WHERE claimed_at < ?'),

    saveInstallation: db.prepare<[string, string | null, string | null, number, string, number]>(`
      INSERT INTO installations (team, team_id, enterprise_id, is_enterprise_install, installation, installed_at)
      VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (team) DO UPDATE SET team_id = excluded.team_id, enterprise_id = excluded.enterprise_id,
        is_enterprise_install = excluded.is_enterprise_install, installation = excluded.installation,
        installed_at = excluded.installed_at, uninstalled_at = NULL`),
    installation: db.prepare<[string], InstallationRow>(
      'SELECT * FROM installations WHERE team = ? AND installation IS NOT NULL',
    ),
    removeInstallation: db.prepare<[number, string]>(
      'UPDATE installations SET installation = NULL, uninstalled_at = ? WHERE team = ? AND installation IS NOT NULL',
    ),
    recordUninstall: db.prepare<[string, number, number]>(`
      INSERT INTO installations (team, installation, installed_at, uninstalled_at) VALUES (?, NULL, ?, ?)
      ON CONFLICT (team) DO NOTHING`),
    uninstalledAt: db.prepare<[string], { uninstalled_at: number | null }>(
      'SELECT uninstalled_at FROM installations WHERE team = ?',
    ),

    // Presenters, links that remember, the Home tab (issue 12, second half).
    deletePresenters: db.prepare<[string, string]>('DELETE FROM presenters WHERE team = ? AND channel = ?'),
    addPresenter: db.prepare<[string, string, number, string]>(
      'INSERT INTO presenters (team, channel, position, user_id) VALUES (?, ?, ?, ?)',
    ),
    presenters: db.prepare<[string, string], { user_id: string; position: number }>(
      'SELECT user_id, position FROM presenters WHERE team = ? AND channel = ? ORDER BY position, user_id',
    ),
    movePresenter: db.prepare<[number, string, string, string]>(
      'UPDATE presenters SET position = ? WHERE team = ? AND channel = ? AND user_id = ?',
    ),
    recordPresenterTurn: db.prepare<[string, string, number, string, number]>(`
      INSERT INTO presenter_turns (team, channel, slot, user_id, skipped) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (team, channel, slot, user_id) DO NOTHING`),
    claimPresenterNotice: db.prepare<[string, string, number, string, number]>(`
      INSERT INTO presenter_turns (team, channel, slot, user_id, skipped, notified_at) VALUES (?, ?, ?, ?, 0, ?)
      ON CONFLICT (team, channel, slot, user_id) DO UPDATE SET notified_at = excluded.notified_at
      WHERE presenter_turns.notified_at IS NULL AND presenter_turns.skipped = 0`),
    releasePresenterNotice: db.prepare<[string, string, number, string]>(
      'UPDATE presenter_turns SET notified_at = NULL WHERE team = ? AND channel = ? AND slot = ? AND user_id = ? AND skipped = 0',
    ),
    presenterTurns: db.prepare<
      [string, string],
      { slot: number; user_id: string; skipped: number; notified_at: number | null; posted: number }
    >(`
      SELECT t.slot, t.user_id, t.skipped, t.notified_at, EXISTS (
        SELECT 1 FROM fires f WHERE f.team = t.team AND f.channel = t.channel AND f.scheduled_at = t.slot
          AND f.status = 'posted') AS posted
      FROM presenter_turns t WHERE t.team = ? AND t.channel = ? ORDER BY t.slot, t.skipped DESC, t.user_id`),
    recordHomeView: db.prepare<[string, string, number]>(`
      INSERT INTO home_views (team, user_id, opened_at) VALUES (?, ?, ?)
      ON CONFLICT (team, user_id) DO UPDATE SET opened_at = excluded.opened_at`),
    homeViewers: db.prepare<[string], { user_id: string }>(
      'SELECT user_id FROM home_views WHERE team = ? ORDER BY opened_at DESC, user_id',
    ),
    // Votes and proposals (the reading group, issue 12).
    startVote: db.prepare<[string, string, number, string, number]>(`
      INSERT INTO votes (team, channel, slot, candidates, opened_at) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (team, channel, slot) DO NOTHING`),
    setVoteMessage: db.prepare<[string, number, string]>(
      'UPDATE votes SET message_ts = ? WHERE id = ? AND team = ?',
    ),
    vote: db.prepare<[number, string], VoteRow>('SELECT * FROM votes WHERE id = ? AND team = ?'),
    voteAt: db.prepare<[string, string, number], VoteRow>(
      'SELECT * FROM votes WHERE team = ? AND channel = ? AND slot = ?',
    ),
    currentVotes: db.prepare<[string, string], VoteRow>(
      'SELECT * FROM votes WHERE team = ? AND channel = ? AND closed_at IS NULL ORDER BY slot, id',
    ),
    allOpenVotes: db.prepare<[], VoteRow>('SELECT * FROM votes WHERE closed_at IS NULL ORDER BY slot, id'),
    ballotChoice: db.prepare<[number, string], { choice: string }>(
      'SELECT choice FROM ballots WHERE vote_id = ? AND user_id = ?',
    ),
    castBallot: db.prepare<[number, string, string, number]>(`
      INSERT INTO ballots (vote_id, user_id, choice, cast_at) VALUES (?, ?, ?, ?)
      ON CONFLICT (vote_id, user_id) DO UPDATE SET choice = excluded.choice, cast_at = excluded.cast_at`),
    ballots: db.prepare<[number, string], { user_id: string; choice: string; cast_at: number }>(`
      SELECT ballots.user_id, ballots.choice, ballots.cast_at FROM ballots JOIN votes ON votes.id = ballots.vote_id
      WHERE ballots.vote_id = ? AND votes.team = ? ORDER BY ballots.cast_at, ballots.user_id`),
    closeVote: db.prepare<[number, number, string]>(
      'UPDATE votes SET closed_at = ? WHERE id = ? AND team = ? AND closed_at IS NULL',
    ),
    setVoteWinner: db.prepare<[string, number, string]>(
      'UPDATE votes SET winner = ? WHERE id = ? AND team = ?',
    ),
    propose: db.prepare<[string, string, string | null, string, string | null, string, number]>(`
      INSERT INTO proposals (team, channel, paper_id, title, url, proposed_by, proposed_at)
      VALUES (?, ?, ?, ?, ?, ?, ?)`),
    proposals: db.prepare<[string, string], ProposalRow>(
      `SELECT * FROM proposals WHERE team = ? AND channel = ? AND status = 'open' ORDER BY proposed_at, id`,
    ),
    outsideProposals: db.prepare<[string, string], ProposalRow>(`
      SELECT * FROM proposals WHERE team = ? AND channel = ? AND status = 'open' AND paper_id IS NULL
        AND url IS NOT NULL
      ORDER BY proposed_at, id`),
    proposal: db.prepare<[number, string], ProposalRow>('SELECT * FROM proposals WHERE id = ? AND team = ?'),
    withdrawProposal: db.prepare<[number, number, string]>(
      `UPDATE proposals SET status = 'withdrawn', finished_at = ? WHERE id = ? AND team = ? AND status = 'open'`,
    ),
    // A post names a proposal by its list paper's id, or an outside one by `outside:<id>`.
    postProposals: db.prepare<[{ at: number; fire: number }]>(`
      UPDATE proposals SET status = 'posted', finished_at = @at
      WHERE status = 'open'
        AND (team, channel) IN (SELECT team, channel FROM fires WHERE id = @fire)
        AND (paper_id IN (SELECT json_each.value FROM fires, json_each(fires.paper_ids) WHERE fires.id = @fire)
          OR ('outside:' || id) IN (
            SELECT json_each.value FROM fires, json_each(fires.paper_ids) WHERE fires.id = @fire))`),
  };
}

function teamStore(store: SqliteStore, team: string): TeamStore {
  const run = store.run.bind(store);
  const history = (channel: string): ChannelHistory =>
    run((sql, db) =>
      db.transaction(() => {
        const posted: PostedItem[] = sql.takenOldestFirst.all(team, channel).map((row) => ({
          paperIds: jsonStrings(row.paper_ids),
          links: jsonStrings(row.links),
          section: row.section ?? '',
          cycle: row.cycle ?? 1,
          ...(row.queued === 1 ? { queued: true } : {}),
        }));
        const queued = sql.queue.all(team, channel).map((row) => row.paper_id);
        const skipped: SkippedItem[] = sql.skips.all(team, channel).map((row) => ({
          paperIds: jsonStrings(row.paper_ids),
          links: jsonStrings(row.links),
          cycle: row.cycle,
        }));
        const outside = sql.outsideProposals.all(team, channel).map((row) => ({
          id: outsideId(row.id),
          title: row.title,
          url: row.url ?? '',
          by: row.proposed_by,
          at: new Date(row.proposed_at),
        }));
        return { posted, queued, skipped, ...(outside.length > 0 ? { outside } : {}) };
      })(),
    );

  return {
    team,
    async subscribe({ channel, cron, timeZone, createdBy, at, every = 1 }) {
      return run((sql, db) =>
        db.transaction(() => {
          sql.upsertSubscription.run(team, channel, cron, timeZone, createdBy, ms(at), every);
          sql.forgetUnsubscription.run(team, channel);
          return toSubscription(sql.subscription.get(team, channel) as SubscriptionRow);
        })(),
      );
    },
    setVoting: async (channel, lead) =>
      run((sql) => sql.setVoting.run(lead ?? null, team, channel).changes > 0),
    setPresenterLead: async (channel, lead) =>
      run((sql) => sql.setPresenterLead.run(lead, team, channel).changes > 0),
    async addPause(channel, { startsOn, endsOn, by, at }) {
      const inserted = run((sql) => sql.addPause.run(team, channel, startsOn, endsOn, by, ms(at)));
      return {
        id: Number(inserted.lastInsertRowid),
        startsOn,
        endsOn,
        createdBy: by,
        createdAt: new Date(ms(at)),
      };
    },
    pauses: async (channel) =>
      run((sql) =>
        sql.pauses.all(team, channel).map((row) => ({
          id: row.id,
          startsOn: row.starts_on,
          endsOn: row.ends_on,
          createdBy: row.created_by,
          createdAt: new Date(row.created_at),
        })),
      ),
    endPauses: async (channel, today) => run((sql) => sql.endPauses.run(team, channel, today).changes),
    async unsubscribe(channel, at) {
      return run((sql, db) =>
        db.transaction(() => {
          const removed = sql.deleteSubscription.run(team, channel).changes > 0;
          if (removed) sql.recordUnsubscription.run(team, channel, ms(at));
          return removed;
        })(),
      );
    },
    async unsubscribedAt(channel) {
      const row = run((sql) => sql.unsubscription.get(team, channel));
      return row ? new Date(row.unsubscribed_at) : undefined;
    },
    async subscription(channel) {
      const row = run((sql) => sql.subscription.get(team, channel));
      return row ? toSubscription(row) : undefined;
    },
    subscriptions: async () => run((sql) => sql.subscriptions.all(team).map(toSubscription)),

    async claimFire(claim: FireClaim) {
      const inserted = run((sql) =>
        sql.claimFire.run(
          team,
          claim.channel,
          ms(claim.scheduledAt),
          JSON.stringify(claim.paperIds),
          JSON.stringify(claim.links),
          claim.section,
          claim.cycle,
          claim.queued ? 1 : 0,
          ms(claim.at),
          ms(claim.at),
        ),
      );
      return inserted.changes > 0 ? Number(inserted.lastInsertRowid) : undefined;
    },
    async completeFire(id, result) {
      return run((sql, db) =>
        db.transaction(() => {
          const changed = sql.completeFire.run(
            result.messageTs,
            result.attempts ?? null,
            ms(result.at),
            id,
            team,
          );
          if (changed.changes === 0) return false;
          sql.dequeuePosted.run(id);
          sql.postProposals.run({ at: ms(result.at), fire: id });
          return true;
        })(),
      );
    },
    failFire: async (id, { error, attempts, at }) =>
      run((sql) => sql.failFire.run(error, attempts, ms(at), id, team).changes > 0),
    releaseFire: async (id) => run((sql) => sql.releaseFire.run(id, team).changes > 0),
    touchFire: async (id, at) => run((sql) => sql.touchFire.run(ms(at), id, team).changes > 0),
    recordMissed: async ({ channel, scheduledAt, at, reason }) =>
      run(
        (sql) =>
          sql.recordMissed.run(team, channel, ms(scheduledAt), reason ?? null, ms(at), ms(at)).changes > 0,
      ),
    async fire(id) {
      const row = run((sql) => sql.fire.get(id, team));
      return row ? toFire(row) : undefined;
    },
    async lastFire(channel) {
      const row = run((sql) => sql.lastFire.get(team, channel));
      return row ? toFire(row) : undefined;
    },
    // SQLite reads LIMIT -1 as "no limit".
    posts: async (channel, limit) =>
      run((sql) => sql.postsNewestFirst.all(team, channel, limit ?? -1).map(toFire)),
    history: async (channel) => history(channel),
    firesAfter: async (channel, time) =>
      run((sql) => sql.firesAfter.all(team, channel, ms(time)).map(toFire)),
    moveFire: async (id, scheduledAt) =>
      run((sql) => sql.moveFire.run(ms(scheduledAt), ms(scheduledAt), id, team).changes > 0),

    enqueue: async (channel, paperId, { by, at }) =>
      run((sql) => sql.enqueue.run(team, channel, paperId, by, ms(at)).changes > 0),
    dequeue: async (channel, paperId) => run((sql) => sql.dequeue.run(team, channel, paperId).changes > 0),
    queue: async (channel): Promise<QueuedPaper[]> =>
      run((sql) =>
        sql.queue.all(team, channel).map((row) => ({
          paperId: row.paper_id,
          by: row.queued_by,
          at: new Date(row.queued_at),
        })),
      ),

    async skip(channel, { paperIds, links, cycle, at }) {
      run((sql) =>
        sql.skip.run(team, channel, JSON.stringify(paperIds), JSON.stringify(links), cycle, ms(at)),
      );
    },

    // Presenters, links that remember, the Home tab (issue 12, second half).
    async setPresenters(channel, users) {
      run((sql, db) =>
        db.transaction(() => {
          sql.deletePresenters.run(team, channel);
          [...new Set(users)].forEach((user, position) => {
            sql.addPresenter.run(team, channel, position, user);
          });
        })(),
      );
    },
    presenters: async (channel) => run((sql) => sql.presenters.all(team, channel).map((row) => row.user_id)),
    swapPresenters: async (channel, first, second) =>
      run((sql, db) =>
        db.transaction(() => {
          const rows = sql.presenters.all(team, channel);
          const a = rows.find((row) => row.user_id === first);
          const b = rows.find((row) => row.user_id === second);
          if (!a || !b) return false;
          sql.movePresenter.run(b.position, team, channel, first);
          sql.movePresenter.run(a.position, team, channel, second);
          return true;
        })(),
      ),
    recordPresenterTurn: async (channel, { slot, user, skipped = false }) =>
      run((sql) => sql.recordPresenterTurn.run(team, channel, ms(slot), user, skipped ? 1 : 0).changes > 0),
    claimPresenterNotice: async (channel, { slot, user, at }) =>
      run((sql) => sql.claimPresenterNotice.run(team, channel, ms(slot), user, ms(at)).changes > 0),
    async releasePresenterNotice(channel, { slot, user }) {
      run((sql) => sql.releasePresenterNotice.run(team, channel, ms(slot), user));
    },
    presenterTurns: async (channel) =>
      run((sql) =>
        sql.presenterTurns.all(team, channel).map((row) => ({
          slot: new Date(row.slot),
          user: row.user_id,
          skipped: row.skipped === 1,
          ...(row.notified_at === null ? {} : { notifiedAt: new Date(row.notified_at) }),
          posted: row.posted === 1,
        })),
      ),
    async recordHomeView(user, at) {
      run((sql) => sql.recordHomeView.run(team, user, ms(at)));
    },
    homeViewers: async () => run((sql) => sql.homeViewers.all(team).map((row) => row.user_id)),
    // Votes and proposals (the reading group, issue 12).
    async startVote({ channel, slot, candidates, at }) {
      return run((sql) => {
        const inserted = sql.startVote.run(team, channel, ms(slot), JSON.stringify(candidates), ms(at));
        if (inserted.changes === 0) return undefined;
        const row = sql.vote.get(Number(inserted.lastInsertRowid), team);
        return row ? toVote(row) : undefined;
      });
    },
    setVoteMessage: async (id, messageTs) =>
      run((sql) => sql.setVoteMessage.run(messageTs, id, team).changes > 0),
    async vote(id) {
      const row = run((sql) => sql.vote.get(id, team));
      return row ? toVote(row) : undefined;
    },
    async voteAt(channel, slot) {
      const row = run((sql) => sql.voteAt.get(team, channel, ms(slot)));
      return row ? toVote(row) : undefined;
    },
    currentVotes: async (channel) => run((sql) => sql.currentVotes.all(team, channel).map(toVote)),
    async castBallot(voteId, { user, choice, at }) {
      // IMMEDIATE: the read and the write hold the write lock together, so that a ballot and the
      // vote's closing never interleave (another process's close waits, or this ballot sees it).
      return run((sql, db) =>
        db
          .transaction((): BallotOutcome => {
            const vote = sql.vote.get(voteId, team);
            if (!vote || vote.closed_at !== null) return 'closed';
            const before = sql.ballotChoice.get(voteId, user)?.choice;
            if (before === choice) return 'unchanged';
            sql.castBallot.run(voteId, user, choice, ms(at));
            return before === undefined ? 'cast' : 'changed';
          })
          .immediate(),
      );
    },
    ballots: async (voteId) =>
      run((sql) =>
        sql.ballots
          .all(voteId, team)
          .map((row) => ({ user: row.user_id, choice: row.choice, at: new Date(row.cast_at) })),
      ),
    closeVote: async (id, at) => run((sql) => sql.closeVote.run(ms(at), id, team).changes > 0),
    setVoteWinner: async (id, winner) => run((sql) => sql.setVoteWinner.run(winner, id, team).changes > 0),
    async propose({ channel, paperId, title, url, by, at }) {
      return run((sql) => {
        const inserted = sql.propose.run(team, channel, paperId ?? null, title, url ?? null, by, ms(at));
        return toProposal(sql.proposal.get(Number(inserted.lastInsertRowid), team) as ProposalRow);
      });
    },
    proposals: async (channel) => run((sql) => sql.proposals.all(team, channel).map(toProposal)),
    async proposal(id) {
      const row = run((sql) => sql.proposal.get(id, team));
      return row ? toProposal(row) : undefined;
    },
    withdrawProposal: async (id, at) => run((sql) => sql.withdrawProposal.run(ms(at), id, team).changes > 0),
  };
}

function toVote(row: VoteRow): VoteRecord {
  const vote: VoteRecord = {
    id: row.id,
    team: row.team,
    channel: row.channel,
    slot: new Date(row.slot),
    candidates: readCandidates(row.candidates),
    openedAt: new Date(row.opened_at),
  };
  if (row.message_ts !== null) vote.messageTs = row.message_ts;
  if (row.closed_at !== null) vote.closedAt = new Date(row.closed_at);
  if (row.winner !== null) vote.winner = row.winner;
  return vote;
}

function toProposal(row: ProposalRow): ProposalRecord {
  const proposal: ProposalRecord = {
    id: row.id,
    team: row.team,
    channel: row.channel,
    title: row.title,
    by: row.proposed_by,
    at: new Date(row.proposed_at),
    status: row.status,
  };
  if (row.paper_id !== null) proposal.paperId = row.paper_id;
  if (row.url !== null) proposal.url = row.url;
  if (row.finished_at !== null) proposal.finishedAt = new Date(row.finished_at);
  return proposal;
}

/** Epoch milliseconds of a time passed in; an invalid Date is a caller's bug, caught before it is stored. */
function ms(date: Date): number {
  const time = date.getTime();
  if (!Number.isFinite(time)) throw new RangeError('invalid Date passed to the store');
  return time;
}

function toSubscription(row: SubscriptionRow): Subscription {
  const subscription: Subscription = {
    team: row.team,
    channel: row.channel,
    cron: row.cron,
    timeZone: row.time_zone,
    createdBy: row.created_by,
    createdAt: new Date(row.created_at),
    every: row.every,
    presenterLeadMinutes: row.presenter_lead_minutes,
  };
  if (row.vote_lead_minutes !== null) subscription.voteLeadMinutes = row.vote_lead_minutes;
  return subscription;
}

function toFire(row: FireRow): FireRecord {
  const fire: FireRecord = {
    id: row.id,
    team: row.team,
    channel: row.channel,
    scheduledAt: new Date(row.scheduled_at),
    status: row.status,
    paperIds: jsonStrings(row.paper_ids),
    links: jsonStrings(row.links),
    queued: row.queued === 1,
    attempts: row.attempts,
    createdAt: new Date(row.created_at),
    heartbeatAt: new Date(row.heartbeat_at),
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
