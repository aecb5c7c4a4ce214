import type { Server } from 'node:http';
import { type Logger, LogLevel, webApi } from '@slack/bolt';
import { type Config, configDefaults } from './config.ts';
import { fileProblem } from './file-errors.ts';
import { checkCommandFor, errorCount, type FileLibrary, listErrorsWarning, openLibrary } from './library.ts';
import { createLogger } from './logger.ts';
import { unreachableSlackMessage } from './network-errors.ts';
import { presenterExtension } from './presenters/extension.ts';
import { createPresenterService, type PresenterService } from './presenters/service.ts';
import { createSlackApp, type SlackConnection, slackDefaults, startSlackApp } from './slack/app.ts';
import { toSlackMessage } from './slack/blocks.ts';
import type { SlackDeps } from './slack/deps.ts';
import { createHomeRefresher, type HomeRefresher } from './slack/home/refresh.ts';
import { workspaceClients } from './slack/install/workspace-clients.ts';
import { postMessage, type Sleep } from './slack/post.ts';
import { slackVoteMessenger } from './slack/vote-messenger.ts';
import { describeLocation, openConfiguredStore } from './store/open.ts';
import type { Store } from './store/types.ts';
import { voteExtension } from './votes/extension.ts';
import { createVoteService, type VoteMessenger, type VoteService } from './votes/service.ts';
import { describeSchedule, firesMoreThanWeekly } from './weekly/cron.ts';
import { PendingPosts } from './weekly/pending.ts';
import { createWeeklyRunner, type Poster, type WeeklyRunner } from './weekly/run-due.ts';
import { createScheduler, type WeeklyScheduler } from './weekly/scheduler.ts';
import { createWeeklyService, type WeeklyService } from './weekly/service.ts';

/**
 * A start-up failure that one variable explains: printed as one line naming it (`variable` is `network`
 * when no variable is at fault: Slack's own address cannot be reached).
 */
export class StartupError extends Error {
  override name = 'StartupError';
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(message);
  }
}

/** Things a test replaces: time, randomness, waiting, Socket Mode's patience. */
export interface BotOptions {
  logger: Logger;
  clock?: () => Date;
  random?: () => number;
  sleep?: Sleep;
  socket?: SlackConnection['socket'];
  /** How often the runner's bookkeeping runs (default: every minute). */
  maintenanceMs?: number;
}

/** The running bot. */
export interface RunningBot {
  mode: 'socket' | 'http';
  server?: Server;
  library: FileLibrary;
  store: Store;
  /** The workspace the bot's token belongs to. */
  team: string;
  /** The paper-of-the-week service of a workspace. */
  weeklyFor(team: string): WeeklyService;
  /** The votes and proposals of a workspace. */
  votesFor(team: string): VoteService;
  runner: WeeklyRunner;
  /** The start-up catch-up run (fires missed while the bot was down, within the grace period). */
  caughtUp: Promise<unknown>;
  /** Resolves with one line when the bot can no longer reach Slack and must exit (Socket Mode). */
  failed: Promise<string>;
  /** Stop taking requests, finish those in flight (a weekly post waiting for Slack included), close the database. */
  stop(): Promise<void>;
}

/** Who subscribed the channel named by WEEKLY_CHANNEL: the environment, not a person. */
export const environmentSubscriber = 'WEEKLY_CHANNEL';

/** Timings of the running bot, one place. */
export const botDefaults = Object.freeze({
  /** The runner's bookkeeping (interrupted posts, unrecorded posts) and forgetting old deliveries. */
  maintenanceMs: 60_000,
  /** Deliveries are forgotten this long after they were claimed. */
  deliveryMemoryMs: 2 * 24 * 3_600_000,
});

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
 * Start the bot: load the list, check the token with Slack, open the database, start the app (Socket
 * Mode or HTTP). The entry point only composes: everything here is passed in or read from `config`.
 *
 * @param config From `readConfig`, in `socket` or `http` mode.
 * @param options Logger, clock, randomness.
 * @returns The running bot.
 * @throws {StartupError} naming the variable to fix.
 */
export async function startBot(config: Config, options: BotOptions): Promise<RunningBot> {
  const { logger } = options;
  const clock = options.clock ?? (() => new Date());
  const library = await loadLibrary(config);
  const { oauth } = config.slack;
  // One workspace: its token is checked now. OAuth: every workspace's token comes with its install.
  const { workspaceUrl, team, ...identity } = oauth ? { team: '' } : await checkToken(config, logger);
  const connection: SlackConnection = {
    ...(config.slack.botToken ? { botToken: config.slack.botToken } : {}),
    ...(oauth ? { oauth } : {}),
    port: config.slack.port,
    healthPort: config.slack.healthPort,
    apiUrl: config.slack.apiUrl,
    ...identity,
    ...(config.slack.appToken ? { appToken: config.slack.appToken } : {}),
    ...(config.slack.signingSecret ? { signingSecret: config.slack.signingSecret } : {}),
    ...(options.socket ? { socket: options.socket } : {}),
  };
  const store = await openState(config, logger);
  try {
    const adopted = oauth ? 0 : await store.adoptUnscoped(team);
    if (adopted > 0)
      logger.info(`database: ${adopted} row(s) from before workspaces were told apart now belong to ${team}`);
    await subscribeEnvironmentChannel(store, team, config, clock(), logger);
  } catch (error) {
    await store.close();
    throw storeFailure(config, 'use', error);
  }
  let scheduler: WeeklyScheduler | undefined;
  // Built once the app (and its client) exists; the services only call it later.
  let home: HomeRefresher | undefined;
  const pending = new PendingPosts();
  // Aborted first thing in stop(): replies and edits waiting to retry give up instead of going out late.
  const stopping = new AbortController();
  const services = new Map<string, WeeklyService>();
  // The app is built below; a workspace's client is only asked for once it runs.
  let clientOf: (team: string) => Promise<webApi.WebClient | undefined> = async () => undefined;
  const voteServices = new Map<string, VoteService>();
  const votesFor = (key: string): VoteService => {
    let service = voteServices.get(key);
    if (!service) {
      service = createVoteService({
        store: store.team(key),
        weekly: weeklyFor(key),
        library,
        // The vote's message changes when it opens, with each ballot and when it closes: so does the Home tab.
        messenger: refreshingHome(
          slackVoteMessenger({
            client: () => clientOf(key),
            logger,
            command: config.slack.command,
            stopping: stopping.signal,
            ...(options.sleep ? { sleep: options.sleep } : {}),
          }),
          (channel) => home?.changed(key, channel),
        ),
        command: config.slack.command,
      });
      voteServices.set(key, service);
    }
    return service;
  };
  const weeklyFor = (key: string): WeeklyService => {
    let service = services.get(key);
    if (!service) {
      service = createWeeklyService({
        store: store.team(key),
        library,
        defaults: { cron: config.weekly.cron, timeZone: config.weekly.timeZone },
        onSubscriptionsChanged: () => void scheduler?.refresh(),
        onChannelChanged: (channel) => home?.changed(key, channel),
        pending,
      });
      services.set(key, service);
    }
    return service;
  };
  const presenterServices = new Map<string, PresenterService>();
  const presentersFor = (key: string): PresenterService => {
    let service = presenterServices.get(key);
    if (!service) {
      service = createPresenterService({
        store: store.team(key),
        weekly: weeklyFor(key),
        onChange: (channel) => home?.changed(key, channel),
      });
      presenterServices.set(key, service);
    }
    return service;
  };
  const deps: SlackDeps = {
    library,
    weeklyFor,
    presentersFor,
    votesFor,
    store,
    clock,
    random: options.random ?? Math.random,
    command: config.slack.command,
    stopping: stopping.signal,
    ...(options.sleep ? { sleep: options.sleep } : {}),
    ...(workspaceUrl ? { workspaceUrl: () => workspaceUrl } : {}),
  };
  const built = createSlackApp(connection, deps, logger, {
    list: () => library.state(),
    database: () => store.health(),
  });
  const clients = workspaceClients(store, config.slack.apiUrl);
  clientOf = async (key) => (oauth ? clients.of(key) : built.app.client);
  home = createHomeRefresher({ deps, clientOf, logger });
  const isActive = async (key: string) =>
    oauth ? (await store.installation(key)) !== undefined : !(await store.uninstalledAt(key));
  const post: Poster = async ({ reply, team: key, ...target }, policy, signal) => {
    const client = await clientOf(key);
    if (!client) return { ok: false, failure: 'refused', error: 'not_installed', attempts: 0 };
    return postMessage(client, { ...target, ...toSlackMessage(reply) }, policy, options.sleep, signal);
  };
  const runner = createWeeklyRunner({
    store,
    library,
    logger,
    clock,
    pending,
    graceMs: config.weekly.graceHours * 3_600_000,
    isActive,
    post,
    extensions: [
      voteExtension({ store, votesFor, isActive, logger }),
      presenterExtension({ store, presentersFor, weeklyFor, post, logger, command: config.slack.command }),
      home.extension,
    ],
  });
  let running: Awaited<ReturnType<typeof startSlackApp>>;
  try {
    running = await startSlackApp(built, connection);
  } catch (error) {
    await store.close();
    throw startFailure(error, config);
  }
  const stopWatching = library.watch(logger);
  const maintain = () =>
    Promise.all([
      runner.maintain(clock()),
      store.expireDeliveries(new Date(clock().getTime() - botDefaults.deliveryMemoryMs)),
    ]).catch((error: unknown) => logger.error('maintenance failed:', error));
  // Fires a crash left half-done are marked, then node-cron's missed fires are caught up, once.
  // A database that breaks meanwhile makes it fail: said in the log, never an unhandled rejection.
  const caughtUp = maintain()
    .then(() => runner.runDue(clock()))
    .catch((error: unknown) => logger.error('weekly: the start-up catch-up failed:', error));
  const maintenance = setInterval(maintain, options.maintenanceMs ?? botDefaults.maintenanceMs);
  maintenance.unref();
  scheduler = createScheduler({ store, runner, clock, logger });
  await scheduler.start();
  const { catalog } = library.current();
  logger.info(
    `optpaper is running in ${running.mode === 'socket' ? 'Socket Mode' : `HTTP mode on port ${addressPort(running.server) ?? config.slack.port}`}` +
      `${oauth ? ', for OAuth installs (/slack/install)' : ''}: ` +
      `${catalog.papers.length} papers in ${catalog.sections.length} sections from ${config.listPath}`,
  );
  const listWarning = listErrorsWarning(config.listPath, errorCount(catalog));
  if (listWarning) logger.warn(listWarning);
  logSchedule(config, clock(), logger);
  let stopped: Promise<void> | undefined;
  return {
    mode: running.mode,
    ...(running.server ? { server: running.server } : {}),
    library,
    store,
    team,
    weeklyFor,
    votesFor,
    runner,
    caughtUp,
    failed: running.gaveUp,
    stop() {
      stopped ??= (async () => {
        stopping.abort();
        stopWatching();
        clearInterval(maintenance);
        // Retries still waiting are given up (and caught up at the next start); a request sent is
        // awaited and its outcome recorded, and posts the database refused are written a last time.
        const runnerStopped = runner.stop();
        await scheduler?.stop();
        await caughtUp.catch(() => undefined);
        await runnerStopped;
        await running.stop();
        await home?.idle();
        await store.close();
        logger.info('optpaper stopped');
      })();
      return stopped;
    },
  };
}

/** A vote messenger that also says the channel changed (its viewers' Home tabs show the vote). */
function refreshingHome(messenger: VoteMessenger, changed: (channel: string) => void): VoteMessenger {
  return {
    async post(channel, reply) {
      const ts = await messenger.post(channel, reply);
      changed(channel);
      return ts;
    },
    async update(channel, ts, reply) {
      const updated = await messenger.update(channel, ts, reply);
      changed(channel);
      return updated;
    },
  };
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function openState(config: Config, logger: Logger): Promise<Store> {
  try {
    return await openConfiguredStore(config, {
      warn: (line) => logger.warn(line),
      error: (line) => logger.error(line),
    });
  } catch (error) {
    throw storeFailure(config, 'open', error);
  }
}

/** A database that cannot be opened or used at start-up, named by its variable (never its password). */
function storeFailure(config: Config, verb: 'open' | 'use', error: unknown): StartupError {
  if (config.databaseUrl) {
    return new StartupError(
      'DATABASE_URL',
      `DATABASE_URL: cannot ${verb} the database ${describeLocation(config)} (${message(error)})`,
    );
  }
  return new StartupError(
    'OPTPAPER_DB',
    `OPTPAPER_DB: cannot ${verb} the database ${config.dbPath}: ${fileProblem(error, config.dbPath, 'write')}`,
  );
}

/**
 * WEEKLY_CHANNEL is a subscription owned by the environment: created, and re-timed when WEEKLY_CRON
 * or WEEKLY_TZ change. A schedule set from Slack (/optpaper subscribe) in that channel wins, and so
 * does `/optpaper unsubscribe`: a channel that opted out is not subscribed again by a restart.
 */
async function subscribeEnvironmentChannel(
  store: Store,
  team: string,
  config: Config,
  now: Date,
  logger: Logger,
): Promise<void> {
  const { channel, cron, timeZone } = config.weekly;
  if (!channel) return;
  const scoped = store.team(team);
  const optedOut = await scoped.unsubscribedAt(channel);
  if (optedOut) {
    logger.info(
      `WEEKLY_CHANNEL ${channel} unsubscribed from Slack on ${optedOut.toISOString()}: not subscribing it again ` +
        `(${config.slack.command} subscribe in that channel resumes the weekly post)`,
    );
    return;
  }
  const existing = await scoped.subscription(channel);
  if (
    existing &&
    (existing.createdBy !== environmentSubscriber ||
      (existing.cron === cron && existing.timeZone === timeZone))
  )
    return;
  await scoped.subscribe({ channel, cron, timeZone, createdBy: environmentSubscriber, at: now });
}

async function loadLibrary(config: Config): Promise<FileLibrary> {
  const path = config.listPath;
  let library: FileLibrary;
  try {
    library = await openLibrary(path, { maxBytes: config.listMaxBytes });
  } catch (error) {
    throw new StartupError('OPTPAPER_LIST', `OPTPAPER_LIST: ${message(error)}`);
  }
  if (library.current().catalog.papers.length === 0) {
    throw new StartupError(
      'OPTPAPER_LIST',
      `OPTPAPER_LIST: no papers found in ${path}; see what went wrong with: ${checkCommandFor(path)}`,
    );
  }
  return library;
}

/** auth.test: fail fast on a wrong token, and learn the bot's ids (Bolt would otherwise call it itself). */
async function checkToken(
  config: Config,
  logger: Logger,
): Promise<{ botId: string; botUserId: string; team: string; workspaceUrl?: string }> {
  const client = new webApi.WebClient(config.slack.botToken, {
    slackApiUrl: config.slack.apiUrl,
    retryConfig: { retries: 1, factor: 1, minTimeout: 200, maxTimeout: 200 },
    // A network that drops packets would otherwise keep start-up waiting for ever, saying nothing.
    timeout: slackDefaults.requestTimeoutMs,
    // Its own retry warnings would come before the one line that says what is wrong.
    logger: createLogger({
      level: LogLevel.ERROR,
      sink: { write: (line: string) => logger.debug(line.trim()) },
    }),
  });
  try {
    const result = await client.auth.test();
    // An org-wide install answers with the enterprise; its state is kept under that id.
    const team = result.is_enterprise_install
      ? String(result.enterprise_id ?? '')
      : String(result.team_id ?? '');
    const identity = { botId: String(result.bot_id ?? ''), botUserId: String(result.user_id ?? ''), team };
    return typeof result.url === 'string' ? { ...identity, workspaceUrl: result.url } : identity;
  } catch (error) {
    const code = (error as { data?: { error?: string } }).data?.error;
    if (code && badToken.has(code)) {
      throw new StartupError(
        'SLACK_BOT_TOKEN',
        `SLACK_BOT_TOKEN was rejected by Slack (${code}): copy the Bot User OAuth Token (xoxb-…) again from OAuth & Permissions`,
      );
    }
    // Set to Slack's own address, SLACK_API_URL is not what to fix: the network is.
    const custom = config.slack.apiUrl !== configDefaults.apiUrl;
    if (code) {
      throw new StartupError(
        'SLACK_API_URL',
        `${custom ? 'SLACK_API_URL: ' : ''}Slack at ${config.slack.apiUrl} refused auth.test (${code})`,
      );
    }
    throw new StartupError(
      custom ? 'SLACK_API_URL' : 'network',
      unreachableSlackMessage(config.slack.apiUrl, custom, error),
    );
  }
}

/**
 * Say when the paper of the week goes out, in words; warn when WEEKLY_CRON fires more than once a week:
 * every fire posts a paper "of the week", so `0 9 * * mon-fri` posts five a week.
 */
function logSchedule(config: Config, now: Date, logger: Logger): void {
  const { cron, timeZone, channel } = config.weekly;
  const when = describeSchedule(cron, timeZone);
  logger.info(
    `paper of the week: ${when}${channel ? ` in ${channel}` : ''} (WEEKLY_CRON, also the default of /optpaper subscribe)`,
  );
  if (firesMoreThanWeekly(cron, timeZone, now)) {
    logger.warn(
      `WEEKLY_CRON fires more than once a week (${when}), and each fire posts a paper of the week: ` +
        'for one a week, give it one day, such as 0 9 * * 1 (Mondays at 09:00)',
    );
  }
}

function startFailure(error: unknown, config: Config): StartupError {
  const text = message(error);
  if (/EADDRINUSE/.test(text) && config.slack.appToken) {
    return new StartupError(
      'HEALTH_PORT',
      `HEALTH_PORT: port ${config.slack.healthPort} (for /healthz) is already in use; set HEALTH_PORT to a free port, or off`,
    );
  }
  if (config.slack.appToken) {
    // The Socket Mode monitor's line already says what is wrong and what to do.
    return new StartupError(
      'SLACK_APP_TOKEN',
      text.includes('SLACK_APP_TOKEN') ? text : `SLACK_APP_TOKEN: ${text}`,
    );
  }
  if (/EADDRINUSE/.test(text))
    return new StartupError('PORT', `PORT: port ${config.slack.port} is already in use`);
  return new StartupError('PORT', `PORT: cannot listen on port ${config.slack.port} (${text})`);
}

function addressPort(server: Server | undefined): number | undefined {
  const address = server?.address();
  return typeof address === 'object' && address ? address.port : undefined;
}
