import type { Logger } from '@slack/bolt';
import type { SlackHealth } from '../health.ts';

/** How long Socket Mode may keep failing, one place. */
export const socketDefaults = Object.freeze({
  /**
   * Reconnection attempts in a row before the bot gives up and exits non-zero (a supervisor restarts
   * it). The Socket Mode client waits 5 s × the attempt number between them: about 1¾ minutes in all.
   */
  maxAttempts: 6,
  /** The client's ping timeout, which also paces its reconnections (Slack's library default). */
  pingTimeoutMs: 5000,
});

/** The events of Bolt's Socket Mode client that tell how the connection is. */
export interface SocketEvents {
  on(event: 'connected' | 'reconnecting' | 'disconnected', listener: () => void): unknown;
  on(event: 'error', listener: (error: unknown) => void): unknown;
}

/** Answers of apps.connections.open that no retry can fix, and what to do about each. */
const fatal: ReadonlyArray<readonly [RegExp, string]> = Object.freeze([
  [
    /missing_scope/,
    'SLACK_APP_TOKEN lacks the connections:write scope: in the app settings, Basic Information → App-Level Tokens, generate a token with connections:write',
  ],
  [
    /invalid_auth|not_authed|token_revoked|token_expired|account_inactive|not_allowed_token_type/,
    'SLACK_APP_TOKEN was rejected by Slack: generate a new app-level token (Basic Information → App-Level Tokens)',
  ],
]);

/** Watches a Socket Mode connection: its health, and when to give up. */
export interface SocketMonitor {
  health(): SlackHealth;
  /** Resolves with one line for a person when the connection is given up. */
  readonly gaveUp: Promise<string>;
  /** A logger for the Socket Mode client: its own lines go to debug, the last error is kept. */
  readonly clientLogger: Logger;
}

/**
 * Watch the Socket Mode client. Slack's client retries a refused or unreachable connection forever,
 * logging a raw line each time; this gives up with one line saying what is wrong and what to do, at
 * once for an answer no retry can fix (a token without `connections:write`), after `maxAttempts`
 * reconnections in a row otherwise.
 *
 * @param logger The bot's logger (the client's own lines go to it at debug level).
 * @param maxAttempts Reconnections in a row before giving up.
 * @returns The monitor; call `attach` with the client once it exists.
 */
export function createSocketMonitor(
  logger: Logger,
  maxAttempts: number = socketDefaults.maxAttempts,
): SocketMonitor & { attach(client: SocketEvents): void } {
  let connected = false;
  let failures = 0;
  let lastError = 'not connected yet';
  let give: (line: string) => void = () => {};
  let given = false;
  const gaveUp = new Promise<string>((resolve) => {
    give = (line) => {
      if (given) return;
      given = true;
      resolve(line);
    };
  });
  const noteError = (text: string) => {
    lastError = text.replace(/\s+/g, ' ').trim();
    const found = fatal.find(([pattern]) => pattern.test(text));
    if (found) give(found[1]);
  };
  const passOn =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (...parts: unknown[]) => {
      const text = parts.map((part) => (part instanceof Error ? part.message : String(part))).join(' ');
      if (level === 'error' || level === 'warn') noteError(text);
      logger.debug(`socket mode: ${text}`);
    };
  const clientLogger: Logger = {
    debug: passOn('debug'),
    info: passOn('info'),
    warn: passOn('warn'),
    error: passOn('error'),
    setLevel: () => {},
    getLevel: () => logger.getLevel(),
    setName: () => {},
  };
  return {
    clientLogger,
    gaveUp,
    health: () =>
      connected
        ? { ok: true, mode: 'socket', detail: 'connected' }
        : { ok: false, mode: 'socket', reason: `not connected (${lastError})` },
    attach(client) {
      client.on('connected', () => {
        connected = true;
        failures = 0;
      });
      client.on('disconnected', () => {
        connected = false;
      });
      client.on('error', (error) => noteError(error instanceof Error ? error.message : String(error)));
      client.on('reconnecting', () => {
        connected = false;
        failures += 1;
        if (failures >= maxAttempts) {
          give(
            `Socket Mode could not connect to Slack after ${failures} attempts (${lastError}): check that this ` +
              'machine can reach slack.com and wss://wss-primary.slack.com (network, DNS, firewall; the bot connects ' +
              'directly, it does not use HTTPS_PROXY) and that SLACK_APP_TOKEN is right',
          );
        }
      });
    },
  };
}

/**
 * The fetch of the Socket Mode client's Web API calls (apps.connections.open). Slack's client treats
 * a network error or a 5xx there as final and stops reconnecting for good, through a promise nobody
 * handles: the bot would sit disconnected, or crash. Turned into an `ok: false` answer, the failure
 * goes through the client's own reconnection loop instead, which the monitor bounds and explains.
 *
 * @param input As fetch.
 * @param init As fetch.
 * @returns Slack's answer, or a stand-in `{ ok: false, error }` for a network error or a 5xx.
 */
export const reconnectingFetch: typeof fetch = async (input, init) => {
  const failure = (error: string) =>
    new Response(JSON.stringify({ ok: false, error }), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  try {
    const response = await fetch(input, init);
    return response.status >= 500 ? failure(`http_${response.status}`) : response;
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return failure(
      `network_error (${cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error))})`,
    );
  }
};
