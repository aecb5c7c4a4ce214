import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { openPgStore } from '../../src/store/postgres.ts';
import { openStore } from '../../src/store/sqlite.ts';
import type { Store } from '../../src/store/types.ts';

/**
 * The PostgreSQL server the tests use: a real one (`.ci/run` starts it when it is not running).
 * `OPTPAPER_TEST_DATABASE_URL` points elsewhere.
 */
export const testDatabaseUrl =
  process.env.OPTPAPER_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A store engine the contract tests run against. */
export interface StoreEngine {
  name: 'sqlite' | 'postgres';
  /** A new, empty store; `dispose` removes what it left behind. */
  open(): Promise<{ store: Store; dispose(): Promise<void> }>;
}

/** A schema of its own for each store, dropped afterwards: tests never see each other's rows. */
export async function openTestPgStore(): Promise<{ store: Store; schema: string; dispose(): Promise<void> }> {
  const schema = `optpaper_test_${randomUUID().replace(/-/g, '')}`;
  const store = await openPgStore(testDatabaseUrl, { schema });
  return {
    store,
    schema,
    dispose: async () => {
      await store.close();
      await dropSchema(schema);
    },
  };
}

/** Run one statement on the test server as its administrator (create or drop a database, a schema). */
export async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: testDatabaseUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Drop a test schema and everything in it. */
export function dropSchema(schema: string): Promise<void> {
  return adminQuery(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
}

/** Both engines: SQLite in memory, PostgreSQL in a schema of its own. */
export const storeEngines: readonly StoreEngine[] = Object.freeze([
  {
    name: 'sqlite',
    open: async () => {
      const store = openStore(':memory:');
      return { store, dispose: () => store.close() };
    },
  },
  { name: 'postgres', open: openTestPgStore },
]);
