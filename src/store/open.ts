import { openPgStore } from './postgres.ts';
import { openStore, type SqliteEvents } from './sqlite.ts';
import type { Store } from './types.ts';

/** Where the state lives: a PostgreSQL URL (`DATABASE_URL`), else the SQLite file (`OPTPAPER_DB`). */
export interface StoreLocation {
  dbPath: string;
  databaseUrl?: string;
}

/**
 * Open the store the configuration names: PostgreSQL when `DATABASE_URL` is set (replicas share it),
 * SQLite otherwise (the embedded default).
 *
 * @param location `databaseUrl` or `dbPath`.
 * @param events What the SQLite store tells about its file (ignored for PostgreSQL).
 * @returns The store, migrated.
 * @throws When the database cannot be opened or is newer than this code.
 */
export async function openConfiguredStore(location: StoreLocation, events?: SqliteEvents): Promise<Store> {
  if (location.databaseUrl) return openPgStore(location.databaseUrl);
  return openStore(location.dbPath, events ? { events } : {});
}

/**
 * Where a store lives, for a person: the file, or the PostgreSQL server without its password.
 *
 * @param location The configured location.
 * @returns A printable name.
 */
export function describeLocation(location: StoreLocation): string {
  if (!location.databaseUrl) return location.dbPath;
  const url = new URL(location.databaseUrl);
  url.password = '';
  return url.toString();
}
