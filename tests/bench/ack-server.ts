/**
 * A server for the ack benchmark, run in its own process so that the load generator does not share
 * its event loop: `optpaper` is the real app (real listeners, shipped list); `bare` is a Bolt app that
 * acks every /optpaper with a fixed text, the floor. Prints `{"port": N}` when listening.
 */
import { App, LogLevel } from '@slack/bolt';
import { fixedLibrary } from '../../src/library.ts';
import { createLogger } from '../../src/logger.ts';
import { createSearch } from '../../src/search/search.ts';
import { createSlackApp, startSlackApp } from '../../src/slack/app.ts';
import { openStore } from '../../src/store/sqlite.ts';
import { createWeeklyService } from '../../src/weekly/service.ts';
import { shippedCatalog } from '../support/shipped.ts';
import { testSigningSecret } from '../support/signing.ts';

const kind = process.argv[2];
const logger = createLogger({ level: LogLevel.ERROR });
// No Web API call is made on this path; the URL only has to parse.
const apiUrl = 'http://127.0.0.1:9/api/';

let port: number | undefined;
if (kind === 'bare') {
  const app = new App({
    token: 'xoxb-bench',
    signingSecret: testSigningSecret,
    botId: 'B',
    botUserId: 'U',
    logger,
    logLevel: LogLevel.ERROR,
    clientOptions: { slackApiUrl: apiUrl },
  });
  app.command('/optpaper', async ({ ack }) => {
    await ack('ok');
  });
  const server = (await app.start(0)) as import('node:http').Server;
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : undefined;
} else {
  const connection = {
    botToken: 'xoxb-bench',
    healthPort: 'off' as const,
    signingSecret: testSigningSecret,
    port: 0,
    apiUrl,
    botId: 'B',
    botUserId: 'U',
  };
  const library = fixedLibrary(createSearch(shippedCatalog()));
  // As the bot runs: with the paper of the week in SQLite, so a search also asks whether the channel
  // is subscribed (for its Read next buttons).
  const store = openStore(':memory:');
  const weeklyFor = (team: string) =>
    createWeeklyService({
      store: store.team(team),
      library,
      defaults: { cron: '0 9 * * 1', timeZone: 'UTC' },
    });
  const deps = { library, weeklyFor, store, clock: () => new Date(), random: Math.random };
  const running = await startSlackApp(createSlackApp(connection, deps, logger), connection);
  const address = running.server?.address();
  port = typeof address === 'object' && address ? address.port : undefined;
}
process.stdout.write(`${JSON.stringify({ port })}\n`);
