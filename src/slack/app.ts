import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { App, HTTPReceiver, type Installation, type Logger, LogLevel, SocketModeReceiver } from '@slack/bolt';
import type { OAuthConfig } from '../config.ts';
import { type HealthParts, healthHandler, healthReport, type SlackHealth } from '../health.ts';
import type { Store } from '../store/types.ts';
import { handleOnce } from './deliveries.ts';
import type { SlackDeps } from './deps.ts';
import { createSlackServer, eventsPath, healthPath } from './http-server.ts';
import { installationKey, installationStore } from './install/installation-store.ts';
import {
  installFailure,
  installPage,
  installPaths,
  sendFailurePage,
  sendInstalledPage,
} from './install/pages.ts';
import { botScopes } from './install/scopes.ts';
import { registerListeners } from './listeners/index.ts';
import { requestLogger } from './request-log.ts';
import {
  createSocketMonitor,
  reconnectingFetch,
  type SocketMonitor,
  socketDefaults,
} from './socket-monitor.ts';

export { eventsPath, healthPath } from './http-server.ts';

/** How the app talks to Slack. */
export interface SlackConnection {
  /** The single workspace's token; absent with OAuth installs (each workspace's comes from its installation). */
  botToken?: string;
  /** Installs into many workspaces (HTTP mode): Bolt's installer on /slack/install and /slack/oauth_redirect. */
  oauth?: OAuthConfig;
  /** Socket Mode when set; otherwise HTTP on `port`. */
  appToken?: string;
  /** Verifies HTTP requests; required in HTTP mode. */
  signingSecret?: string;
  port: number;
  /** Socket Mode: the port of `/healthz` (`off`: none). HTTP mode serves it on `port`. */
  healthPort?: number | 'off';
  /** Web API base URL, ending in `/` (default Slack's). */
  apiUrl: string;
  /** From auth.test at start-up: saves Bolt its own call (single workspace). */
  botId?: string;
  botUserId?: string;
  /** Socket Mode reconnections before giving up, and the client's ping timeout (tests shorten both). */
  socket?: { maxAttempts?: number; pingTimeoutMs?: number };
}

export const slackDefaults = Object.freeze({
  /** Longest wait for one Web API answer, in ms; the bot's hard stop (main.ts) allows for one. */
  requestTimeoutMs: 10_000,
});

/**
 * Options of the bot's Web API client: it never retries on its own (post.ts decides every retry) and
 * gives up on a silent connection.
 *
 * @param apiUrl Web API base URL, ending in `/`.
 * @returns Client options.
 */
export function webClientOptions(apiUrl: string) {
  return {
    slackApiUrl: apiUrl,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    // No answer in this time is a network error (retried by the weekly policy): a stuck connection
    // must not hold every channel's post, or a stopping bot, for minutes.
    timeout: slackDefaults.requestTimeoutMs,
  };
}

/** The app, its receiver, and how its health is told. */
export interface SlackApp {
  app: App;
  mode: 'socket' | 'http';
  receiver: HTTPReceiver | SocketModeReceiver;
  /** Socket Mode's connection watcher. */
  monitor?: SocketMonitor;
  /** Makes `/healthz`'s report. */
  health: () => ReturnType<typeof healthReport>;
}

/** A running app. */
export interface RunningSlackApp {
  app: App;
  mode: 'socket' | 'http';
  /** The HTTP server: Slack's requests and `/healthz` (HTTP mode), or `/healthz` alone (Socket Mode). */
  server?: Server;
  /** Resolves with one line when Socket Mode gives up connecting (never in HTTP mode). */
  gaveUp: Promise<string>;
  /** Stop accepting requests, let in-flight ones and the listener work they started finish. */
  stop(): Promise<void>;
}

/**
 * Build the Bolt app: Socket Mode when an app token is given, else HTTP (`POST /slack/events`,
 * `GET /healthz`) behind a server that refuses what Bolt cannot take. Events and button presses are
 * handled once however often they are delivered (deliveries.ts). The Web API client never retries on
 * its own (retries are decided in post.ts).
 *
 * @param connection Tokens, ports and API URL.
 * @param deps Listener dependencies.
 * @param logger Logger shared with Bolt.
 * @param health The list and database parts of `/healthz` (default: the list's paper count).
 * @returns The app, not started.
 */
export function createSlackApp(
  connection: SlackConnection,
  deps: SlackDeps,
  logger: Logger,
  health: Omit<HealthParts, 'slack'> = {
    list: () => ({ papers: deps.library.current().catalog.papers.length }),
  },
): SlackApp {
  const logLevel = logger.getLevel?.() ?? LogLevel.INFO;
  const clientOptions = webClientOptions(connection.apiUrl);
  // One workspace: its token and ids. OAuth: none; Bolt authorises each request from its installation.
  const common = connection.oauth
    ? { logger, logLevel, clientOptions }
    : {
        token: connection.botToken ?? '',
        botId: connection.botId ?? '',
        botUserId: connection.botUserId ?? '',
        logger,
        logLevel,
        clientOptions,
      };
  let built: Omit<SlackApp, 'health'> & { slack: () => SlackHealth };
  if (connection.appToken) {
    const monitor = createSocketMonitor(logger, connection.socket?.maxAttempts);
    const receiver = new SocketModeReceiver({
      appToken: connection.appToken,
      logger: monitor.clientLogger,
      logLevel: LogLevel.DEBUG,
      clientPingTimeout: connection.socket?.pingTimeoutMs ?? socketDefaults.pingTimeoutMs,
      // apps.connections.open is not retried by its client: the Socket Mode client's own reconnection
      // loop retries, and the monitor bounds it.
      installerOptions: {
        clientOptions: { ...webClientOptions(connection.apiUrl), fetch: reconnectingFetch },
      },
    });
    monitor.attach(receiver.client);
    const app = new App({ ...common, socketMode: true, receiver });
    built = { app, mode: 'socket', receiver, monitor, slack: monitor.health };
  } else {
    const receiver = new HTTPReceiver({
      signingSecret: connection.signingSecret ?? '',
      endpoints: eventsPath,
      logger,
      logLevel,
      installerOptions: { clientOptions },
      ...(connection.oauth && deps.store
        ? oauthOptions(connection, connection.oauth, deps.store, deps.clock, logger, deps.command)
        : {}),
    });
    const app = new App({ ...common, receiver });
    built = {
      app,
      mode: 'http',
      receiver,
      slack: () => ({ ok: true, mode: 'http', detail: `POST ${eventsPath}` }),
    };
  }
  const { app } = built;
  app.use(requestLogger(logger));
  if (deps.store) app.use(handleOnce(deps.store, deps.clock, logger));
  registerListeners(app, deps);
  app.error(async (error) => {
    logger.error('unhandled error in a listener:', error);
  });
  const { slack, ...rest } = built;
  return { ...rest, health: () => healthReport({ ...health, slack }) };
}

/**
 * Start the app and return a handle that stops it cleanly.
 *
 * @param built From {@link createSlackApp}.
 * @param connection The same connection.
 * @returns The running app.
 * @throws When the port cannot be bound or Socket Mode gives up before connecting (the message says why).
 */
export async function startSlackApp(built: SlackApp, connection: SlackConnection): Promise<RunningSlackApp> {
  const { app } = built;
  // Listeners go on after their ack (Share posts, mention replies, Read next): a stop waits for them,
  // or the sharer would never hear back and a late write would find the database closed.
  const working = new Set<Promise<unknown>>();
  app.use(async ({ next }) => {
    const work = next();
    working.add(work);
    try {
      await work;
    } finally {
      working.delete(work);
    }
  });
  const finishWork = () => Promise.allSettled([...working]).then(() => undefined);
  const health = healthHandler(built.health);

  if (built.receiver instanceof HTTPReceiver) {
    const server = createSlackServer({
      receiver: built.receiver,
      signingSecret: connection.signingSecret ?? '',
      health,
      logger: app.logger,
    });
    await listen(server, connection.port);
    return {
      app,
      mode: 'http',
      server,
      gaveUp: new Promise<string>(() => {}),
      stop: async () => {
        await close(server);
        await finishWork();
      },
    };
  }

  const monitor = built.monitor;
  const gaveUp = monitor?.gaveUp ?? new Promise<string>(() => {});
  const healthPort = connection.healthPort ?? connection.port;
  const server = healthPort === 'off' ? undefined : healthServer(health);
  if (server && healthPort !== 'off') await listen(server, healthPort);
  const started = app.start().then(() => undefined);
  // Given up, the client's start is stopped and rejects (with nothing): that is the expected end.
  started.catch(() => undefined);
  // Slack's client rejects every start() of its reconnection loop with nothing when it is stopped,
  // through promises nobody handles: they are dropped here instead (the stop itself still resolves).
  const stopSocket = async () => {
    if (built.receiver instanceof SocketModeReceiver)
      built.receiver.client.removeAllListeners('disconnected');
    await app.stop().catch(() => undefined);
  };
  const outcome = await Promise.race([started.then(() => 'started' as const), gaveUp]);
  if (outcome !== 'started') {
    await stopSocket();
    if (server) await close(server);
    throw new Error(outcome);
  }
  return {
    app,
    mode: 'socket',
    ...(server ? { server } : {}),
    gaveUp,
    stop: async () => {
      await stopSocket();
      if (server) await close(server);
      await finishWork();
    },
  };
}

/**
 * Bolt's OAuth installer, over the bot's database: `/slack/install` shows what the bot does and an
 * "Add to Slack" button, `/slack/oauth_redirect` finishes the install and shows how it went.
 */
function oauthOptions(
  connection: SlackConnection,
  oauth: OAuthConfig,
  store: Store,
  clock: () => Date,
  logger: Logger,
  command: string | undefined,
) {
  return {
    clientId: oauth.clientId,
    clientSecret: oauth.clientSecret,
    stateSecret: oauth.stateSecret,
    scopes: [...botScopes],
    installationStore: installationStore(store, clock),
    ...(oauth.redirectUri ? { redirectUri: oauth.redirectUri } : {}),
    installerOptions: {
      directInstall: false,
      installPath: installPaths.install,
      redirectUriPath: installPaths.redirect,
      stateVerification: true,
      // Slack's authorize page lives beside its Web API (a stand-in in tests).
      authorizationUrl: new URL('../oauth/v2/authorize', connection.apiUrl).toString(),
      clientOptions: webClientOptions(connection.apiUrl),
      renderHtmlForInstallPath: (url: string) => installPage(url, command),
      callbackOptions: {
        success: (
          installation: Installation<'v1' | 'v2', boolean>,
          _options: unknown,
          _request: IncomingMessage,
          response: ServerResponse,
        ) => {
          const name = installation.team?.name ?? installation.enterprise?.name ?? 'your workspace';
          logger.info(
            `installed in ${installationKey({ teamId: installation.team?.id, enterpriseId: installation.enterprise?.id, isEnterpriseInstall: installation.isEnterpriseInstall })} (${name})`,
          );
          sendInstalledPage(response, name, command);
        },
        failure: (
          error: Error & { code?: string; data?: { error?: string } },
          _options: unknown,
          _request: IncomingMessage,
          response: ServerResponse,
        ) => {
          const failure = installFailure(error);
          logger.warn(`an install did not finish: ${failure} (${error.message})`);
          sendFailurePage(response, failure);
        },
      },
    },
  };
}

function healthServer(health: (request: IncomingMessage, response: ServerResponse) => void): Server {
  return createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path === healthPath) return health(request, response);
    response.writeHead(404);
    response.end();
  });
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** close() waits for requests in flight; idle keep-alive sockets would hold it open. */
function close(server: Server): Promise<void> {
  if (!server.listening) return Promise.resolve();
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  return closed;
}
