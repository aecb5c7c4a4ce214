/**
 * One bot process of the fan-out bench: the weekly runner over the shared PostgreSQL, posting every
 * workspace's due fire with that workspace's token, once. Prints its outcomes as one JSON line.
 * Usage: tsx fanout-worker.ts <DATABASE_URL> <SLACK_API_URL> <now ISO>
 */
import { LogLevel } from '@slack/bolt';
import { fixedLibrary } from '../../src/library.ts';
import { createLogger } from '../../src/logger.ts';
import { createSearch } from '../../src/search/search.ts';
import { toSlackMessage } from '../../src/slack/blocks.ts';
import { workspaceClients } from '../../src/slack/install/workspace-clients.ts';
import { postMessage } from '../../src/slack/post.ts';
import { openPgStore } from '../../src/store/postgres.ts';
import { createWeeklyRunner } from '../../src/weekly/run-due.ts';
import { shippedCatalog } from '../support/shipped.ts';

const [databaseUrl = '', apiUrl = '', now = ''] = process.argv.slice(2);
const store = await openPgStore(databaseUrl);
const clients = workspaceClients(store, apiUrl);
const runner = createWeeklyRunner({
  store,
  library: fixedLibrary(createSearch(shippedCatalog())),
  logger: createLogger({ level: LogLevel.ERROR }),
  graceMs: 24 * 3_600_000,
  post: async ({ reply, team, ...target }, policy, signal) => {
    const client = await clients.of(team);
    if (!client) return { ok: false, failure: 'refused', error: 'not_installed', attempts: 0 };
    return postMessage(client, { ...target, ...toSlackMessage(reply) }, policy, undefined, signal);
  },
});
const outcomes = await runner.runDue(new Date(now));
await store.close();
const statuses: Record<string, number> = {};
for (const outcome of outcomes) statuses[outcome.status] = (statuses[outcome.status] ?? 0) + 1;
process.stdout.write(`${JSON.stringify(statuses)}\n`);
