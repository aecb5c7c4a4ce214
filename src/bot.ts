import type { Server } from 'node:http';
import { type Logger, LogLevel, webApi } from '@slack/bolt';
import type { Config } from './config.ts';
import { type FileLibrary, openLibrary } from './library.ts';
import { createLogger } from './logger.ts';
import { createSlackApp, type SlackConnection, startSlackApp } from './slack/app.ts';
import { toSlackMessage } from './slack/blocks.ts';
import type { SlackDeps } from './slack/deps.ts';
import { postMessage, type Sleep } from './slack/post.ts';
import { openStore } from './store/sqlite.ts';
import type { Store } from './store/types.ts';
import { createWeeklyRunner, type WeeklyRunner } from './weekly/run-due.ts';
import { createScheduler, type WeeklyScheduler } from './weekly/scheduler.ts';
import { createWeeklyService, type WeeklyService } from './weekly/service.ts';

/** A start-up failure that one variable explains: printed as one line naming it. */
export class StartupError extends Error {
  override name = 'StartupError';
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(message);
  }
}

/** Things a test replaces: time, randomness, waiting. */
export interface BotOptions {
  logger: Logger;
  clock?: () => Date;
  random?: () => number;
  sleep?: Sleep;
}

/** The running bot. */
export interface RunningBot {
  mode: 'socket' | 'http';
  server?: Server;
  library: FileLibrary;
  store: Store;
  weekly: WeeklyService;
  runner: WeeklyRunner;
  /** The start-up catch-up run (fires missed while the bot was down, within the grace period). */
  caughtUp: Promise<unknown>;
  /** Stop taking requests, finish those in flight, close the database. */
  stop(): Promise<void>;
}

/** Who subscribed the channel named by WEEKLY_CHANNEL: the environment, not a person. */
export const environmentSubscriber = 'WEEKLY_CHANNEL';

/** Slack's answers to auth.test that mean the token itself is wrong. */
const badToken = new Set([
  'invalid_auth',
  'not_authed',
  'account_inactive',
  'token_revoked',
  'token_expired',
  'not_allowed_token_type',
]);

/**
 * Start the bot: load the list, check the token with Slack, start the app (Socket Mode or HTTP).
 * The entry point only composes: everything here is passed in or read from `config`.
 *
 * @param config From `readConfig`, in `socket` or `http` mode.
 * @param options Logger, clock, randomness.
 * @returns The running bot.
 * @throws {StartupError} naming the variable to fix.
 */
export async function startBot(config: Config, options: BotOptions): Promise<RunningBot> {
  const { logger } = options;
  const clock = options.clock ?? (() => new Date());
  const library = await loadLibrary(config.listPath);
  const { workspaceUrl, ...identity } = await checkToken(config, logger);
  const connection: SlackConnection = {
    botToken: config.slack.botToken ?? '',
    port: config.slack.port,
    apiUrl: config.slack.apiUrl,
    ...identity,
    ...(config.slack.appToken ? { appToken: config.slack.appToken } : {}),
    ...(config.slack.signingSecret ? { signingSecret: config.slack.signingSecret } : {}),
  };
  const store = openState(config.dbPath);
  subscribeEnvironmentChannel(store, config, clock(), logger);
  let scheduler: WeeklyScheduler | undefined;
  const weekly = createWeeklyService({
    store,
    library,
    defaults: { cron: config.weekly.cron, timeZone: config.weekly.timeZone },
    onSubscriptionsChanged: () => scheduler?.refresh(),
  });
  const deps: SlackDeps = {
    library,
    weekly,
    clock,
    random: options.random ?? Math.random,
    ...(options.sleep ? { sleep: options.sleep } : {}),
    ...(workspaceUrl ? { workspaceUrl } : {}),
  };
  const app = createSlackApp(connection, deps, logger);
  const runner = createWeeklyRunner({
    store,
    library,
    logger,
    graceMs: config.weekly.graceHours * 3_600_000,
    post: ({ reply, ...target }, policy, signal) =>
      postMessage(app.client, { ...target, ...toSlackMessage(reply) }, policy, options.sleep, signal),
  });
  let running: Awaited<ReturnType<typeof startSlackApp>>;
  try {
    running = await startSlackApp(app, connection);
  } catch (error) {
    store.close();
    throw startFailure(error, config);
  }
  const stopWatching = library.watch(logger);
  // node-cron never runs a fire that passed while the process was down: catch up here, once.
  runner.recoverInterrupted(clock());
  const caughtUp = runner.runDue(clock());
  scheduler = createScheduler({ store, runner, clock, logger });
  scheduler.start();
  const { catalog } = library.current();
  logger.info(
    `optpaper is running in ${running.mode === 'socket' ? 'Socket Mode' : `HTTP mode on port ${addressPort(running.server) ?? config.slack.port}`}: ` +
      `${catalog.papers.length} papers in ${catalog.sections.length} sections from ${config.listPath}`,
  );
  let stopped: Promise<void> | undefined;
  return {
    mode: running.mode,
    ...(running.server ? { server: running.server } : {}),
    library,
    store,
    weekly,
    runner,
    caughtUp,
    stop() {
      stopped ??= (async () => {
        stopWatching();
        // Retries still waiting are given up (and caught up at the next start); a request sent is awaited.
        runner.stop();
        await scheduler?.stop();
        await caughtUp.catch(() => undefined);
        await running.stop();
        store.close();
        logger.info('optpaper stopped');
      })();
      return stopped;
    },
  };
}

function openState(path: string): Store {
  try {
    return openStore(path);
  } catch (error) {
    throw new StartupError(
      'OPTPAPER_DB',
      `OPTPAPER_DB: cannot open the database ${path} (${error instanceof Error ? error.message : String(error)})`,
    );
  }
}

/**
 * WEEKLY_CHANNEL is a subscription owned by the environment: created, and re-timed when WEEKLY_CRON
 * or WEEKLY_TZ change. A schedule set from Slack (/optpaper subscribe) in that channel wins, and so
 * does `/optpaper unsubscribe`: a channel that opted out is not subscribed again by a restart.
 */
function subscribeEnvironmentChannel(store: Store, config: Config, now: Date, logger: Logger): void {
  const { channel, cron, timeZone } = config.weekly;
  if (!channel) return;
  const optedOut = store.unsubscribedAt(channel);
  if (optedOut) {
    logger.info(
      `WEEKLY_CHANNEL ${channel} unsubscribed from Slack on ${optedOut.toISOString()}: not subscribing it again ` +
        '(/optpaper subscribe in that channel resumes the weekly post)',
    );
    return;
  }
  const existing = store.subscription(channel);
  if (
    existing &&
    (existing.createdBy !== environmentSubscriber ||
      (existing.cron === cron && existing.timeZone === timeZone))
  )
    return;
  store.subscribe({ channel, cron, timeZone, createdBy: environmentSubscriber, at: now });
}

async function loadLibrary(path: string): Promise<FileLibrary> {
  let library: FileLibrary;
  try {
    library = await openLibrary(path);
  } catch (error) {
    throw new StartupError(
      'OPTPAPER_LIST',
      `OPTPAPER_LIST: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (library.current().catalog.papers.length === 0) {
    throw new StartupError(
      'OPTPAPER_LIST',
      `OPTPAPER_LIST: no papers found in ${path}; see what went wrong with: npm run -s optpaper -- check ${path}`,
    );
  }
  return library;
}

/** auth.test: fail fast on a wrong token, and learn the bot's ids (Bolt would otherwise call it itself). */
async function checkToken(
  config: Config,
  logger: Logger,
): Promise<{ botId: string; botUserId: string; workspaceUrl?: string }> {
  const client = new webApi.WebClient(config.slack.botToken, {
    slackApiUrl: config.slack.apiUrl,
    retryConfig: { retries: 1, factor: 1, minTimeout: 200, maxTimeout: 200 },
    // Its own retry warnings would come before the one line that says what is wrong.
    logger: createLogger({
      level: LogLevel.ERROR,
      sink: { write: (line: string) => logger.debug(line.trim()) },
    }),
  });
  try {
    const result = await client.auth.test();
    const identity = { botId: String(result.bot_id ?? ''), botUserId: String(result.user_id ?? '') };
    return typeof result.url === 'string' ? { ...identity, workspaceUrl: result.url } : identity;
  } catch (error) {
    const code = (error as { data?: { error?: string } }).data?.error;
    if (code && badToken.has(code)) {
      throw new StartupError(
        'SLACK_BOT_TOKEN',
        `SLACK_BOT_TOKEN was rejected by Slack (${code}): copy the Bot User OAuth Token (xoxb-…) again from OAuth & Permissions`,
      );
    }
    throw new StartupError(
      'SLACK_API_URL',
      `SLACK_API_URL: cannot reach Slack at ${config.slack.apiUrl} (${code ?? (error instanceof Error ? error.message : String(error))})`,
    );
  }
}

function startFailure(error: unknown, config: Config): StartupError {
  const message = error instanceof Error ? error.message : String(error);
  if (config.slack.appToken) {
    return new StartupError(
      'SLACK_APP_TOKEN',
      `SLACK_APP_TOKEN: Socket Mode could not connect (${message}); check the app-level token`,
    );
  }
  if (/EADDRINUSE/.test(message))
    return new StartupError('PORT', `PORT: port ${config.slack.port} is already in use`);
  return new StartupError('PORT', `PORT: cannot listen on port ${config.slack.port} (${message})`);
}

function addressPort(server: Server | undefined): number | undefined {
  const address = server?.address();
  return typeof address === 'object' && address ? address.port : undefined;
}
