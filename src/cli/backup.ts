import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { StateConfig } from '../config.ts';
import { fileProblem } from '../file-errors.ts';
import { isSqliteStore, openStore } from '../store/sqlite.ts';
import type { Store } from '../store/types.ts';
import { type CliIo, exitCodes, UsageError } from './io.ts';

/**
 * `optpaper backup FILE`: a consistent copy of the SQLite database (SQLite's online backup: safe while
 * the bot runs and writes). PostgreSQL has its own tools: the command says to use pg_dump.
 *
 * @param state Where the database is.
 * @param destination The file to write; must not exist yet.
 * @param io Output.
 * @returns The exit code.
 */
export async function backupCommand(
  state: Pick<StateConfig, 'dbPath' | 'databaseUrl'>,
  destination: string,
  io: CliIo,
): Promise<number> {
  if (state.databaseUrl) {
    io.stderr.write(
      'optpaper: the database is PostgreSQL (DATABASE_URL): back it up with pg_dump, for example `pg_dump "$DATABASE_URL" > optpaper.sql`\n',
    );
    return exitCodes.failed;
  }
  if (state.dbPath === ':memory:')
    throw new UsageError('OPTPAPER_DB is :memory:, which keeps nothing to back up');
  if (!existsSync(state.dbPath)) {
    io.stderr.write(
      `optpaper: there is no database at ${state.dbPath} (OPTPAPER_DB) yet: nothing to back up\n`,
    );
    return exitCodes.failed;
  }
  if (existsSync(destination)) {
    if (statSync(destination).isDirectory()) {
      throw new UsageError(
        `${destination} is a folder: give the backup a file name, such as ${join(destination, 'optpaper-backup.db')}`,
      );
    }
    throw new UsageError(`${destination} already exists: backup writes a new file`);
  }
  let store: Store;
  try {
    store = openStore(state.dbPath);
  } catch (error) {
    io.stderr.write(
      `optpaper: cannot open the database ${state.dbPath} (OPTPAPER_DB): ${fileProblem(error, state.dbPath, 'read')}\n`,
    );
    return exitCodes.failed;
  }
  try {
    if (!isSqliteStore(store)) return exitCodes.failed;
    await store.backup(destination);
  } catch (error) {
    io.stderr.write(
      `optpaper: cannot write the backup ${destination}: ${fileProblem(error, destination, 'write')}\n`,
    );
    return exitCodes.failed;
  } finally {
    await store.close();
  }
  io.stdout.write(
    `Backed up ${state.dbPath} to ${destination}. To restore: stop the bot, copy it over ${state.dbPath} ` +
      `(and delete ${state.dbPath}-wal and ${state.dbPath}-shm), start the bot.\n`,
  );
  return exitCodes.ok;
}
