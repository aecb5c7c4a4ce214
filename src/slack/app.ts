import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { App, type Logger, LogLevel } from '@slack/bolt';
import type { SlackDeps } from './deps.ts';
import { registerListeners } from './listeners/index.ts';

/** How the app talks to Slack. */
export interface SlackConnection {
  botToken: string;
  /** Socket Mode when set; otherwise HTTP on `port`. */
  appToken?: string;
  /** Verifies HTTP requests; required in HTTP mode. */
  signingSecret?: string;
  port: number;
  /** Web API base URL, ending in `/` (default Slack's). */
  apiUrl: string;
  /** From auth.test at start-up: saves Bolt its own call. */
  botId: string;
  botUserId: string;
}

/** HTTP path of every Slack request in HTTP mode. */
export const eventsPath = '/slack/events';
/** Health check for load balancers in HTTP mode. */
export const healthPath = '/healthz';

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

/** A running app. */
export interface RunningSlackApp {
  app: App;
  mode: 'socket' | 'http';
  /** In HTTP mode, the server (its port is the one really bound). */
  server?: Server;
  /** Stop accepting requests, let in-flight ones and the listener work they started finish. */
  stop(): Promise<void>;
}

/**
 * Build the Bolt app: Socket Mode when an app token is given, else HTTP with `POST /slack/events` and
 * `GET /healthz`. The Web API client never retries on its own (retries are decided in post.ts).
 *
 * @param connection Tokens, port and API URL.
 * @param deps Listener dependencies.
 * @param logger Logger shared with Bolt.
 * @returns The app, not started.
 */
export function createSlackApp(connection: SlackConnection, deps: SlackDeps, logger: Logger): App {
  const common = {
    token: connection.botToken,
    botId: connection.botId,
    botUserId: connection.botUserId,
    logger,
    logLevel: logger.getLevel?.() ?? LogLevel.INFO,
    clientOptions: webClientOptions(connection.apiUrl),
  };
  const app = connection.appToken
    ? new App({ ...common, appToken: connection.appToken, socketMode: true })
    : new App({
        ...common,
        signingSecret: connection.signingSecret ?? '',
        endpoints: eventsPath,
        customRoutes: [{ path: healthPath, method: ['GET'], handler: health(deps) }],
      });
  registerListeners(app, deps);
  app.error(async (error) => {
    logger.error('unhandled error in a listener:', error);
  });
  return app;
}

function health(deps: SlackDeps) {
  return (_request: IncomingMessage, response: ServerResponse) => {
    const papers = deps.library.current().catalog.papers.length;
    response.writeHead(papers > 0 ? 200 : 503, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ ok: papers > 0, papers }));
  };
}

/**
 * Start the app and return a handle that stops it cleanly.
 *
 * @param app From {@link createSlackApp}.
 * @param connection The same connection.
 * @returns The running app.
 */
export async function startSlackApp(app: App, connection: SlackConnection): Promise<RunningSlackApp> {
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
  if (connection.appToken) {
    await app.start();
    return {
      app,
      mode: 'socket',
      stop: async () => {
        await app.stop();
        await finishWork();
      },
    };
  }
  const server = (await app.start(connection.port)) as Server;
  return {
    app,
    mode: 'http',
    server,
    stop: async () => {
      // close() waits for requests in flight; idle keep-alive sockets would hold it open.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await closed;
      await finishWork();
    },
  };
}
