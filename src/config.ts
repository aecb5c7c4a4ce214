import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LogLevel } from '@slack/bolt';
import { defaultListPath } from './catalog/load.ts';
import { defaultCommand, isCommandName } from './commands/command-name.ts';
import { readListDefaults } from './list/read-list.ts';
import { type LogFormat, parseLogFormat, parseLogLevel } from './logger.ts';
import { isPlaceholder, placeholderMessage } from './placeholders.ts';
import { validateCron, validateTimeZone } from './weekly/cron.ts';

/** Everything the bot reads from its environment, typed and checked. */
export interface Config {
  /** `socket`: SLACK_APP_TOKEN set; `http`: signing secret set; `offline`: no Slack credentials at all. */
  mode: 'socket' | 'http' | 'offline';
  slack: {
    botToken?: string;
    signingSecret?: string;
    appToken?: string;
    port: number;
    /** Installs into many workspaces through OAuth (HTTP mode): tokens come from each installation. */
    oauth?: OAuthConfig;
    /** Socket Mode: where `/healthz` is served (default: `port`); `off`: nowhere. */
    healthPort: number | 'off';
    apiUrl: string;
    /**
     * The slash command's name in the app's manifest (OPTPAPER_COMMAND): what replies that answer no
     * command name (mentions, the Home tab, weekly posts, direct messages). A command is answered
     * under whatever name it was typed.
     */
    command: string;
  };
  listPath: string;
  /** PostgreSQL (`DATABASE_URL`): replaces the SQLite file, for several replicas. */
  databaseUrl?: string;
  /** Largest list file read, in bytes (OPTPAPER_LIST_MAX_BYTES). */
  listMaxBytes: number;
  dbPath: string;
  weekly: {
    channel?: string;
    cron: string;
    timeZone: string;
    /** Fires missed by less than this while the bot was down are posted late at start-up. */
    graceHours: number;
  };
  logLevel: LogLevel;
  /** `text` (default) or `json`: one JSON object per line. */
  logFormat: LogFormat;
}

/** The OAuth app's credentials (Basic Information → App Credentials) and the state secret. */
export interface OAuthConfig {
  clientId: string;
  clientSecret: string;
  /** Signs the `state` of each install, against forged redirects. */
  stateSecret: string;
  /** Where Slack sends the browser back; must be one of the app's redirect URLs (default: Slack's choice). */
  redirectUri?: string;
}

/** A variable that is missing or malformed: the message names it and never quotes its value. */
export interface ConfigProblem {
  variable: string;
  message: string;
}

/** The defaults, one place. */
export const configDefaults = Object.freeze({
  port: 3000,
  apiUrl: 'https://slack.com/api/',
  command: defaultCommand,
  dbPath: fileURLToPath(new URL('../state/optpaper.db', import.meta.url)),
  listPath: defaultListPath,
  cron: '0 9 * * 1',
  timeZone: 'UTC',
  graceHours: 24,
  logLevel: 'info',
  listMaxBytes: readListDefaults.maxBytes,
  logFormat: 'text',
});

type Env = Readonly<Record<string, string | undefined>>;

/** Where the environment came from, for messages that say where to fix a value. */
export interface ConfigSource {
  /** Variables whose value came from `.env` (the environment did not set them). */
  fromDotEnv?: ReadonlySet<string>;
}

/** The part of the configuration that the CLI and the shell need too: no Slack credentials. */
export type StateConfig = Pick<
  Config,
  'listPath' | 'listMaxBytes' | 'dbPath' | 'databaseUrl' | 'weekly' | 'logLevel' | 'logFormat'
>;

/**
 * Read the configuration from an environment (a pure function of it).
 *
 * @param env Variables (default: `process.env`).
 * @param source Which variables came from `.env` (default: none).
 * @returns The configuration, or every problem found, each naming its variable.
 */
export function readConfig(
  env: Env = process.env,
  source: ConfigSource = {},
): { config: Config } | { problems: ConfigProblem[] } {
  const slack = readSlackConfig(env, source);
  const state = readStateConfig(env);
  const problems = [
    ...('problems' in slack ? slack.problems : []),
    ...('problems' in state ? state.problems : []),
  ];
  if ('problems' in slack || 'problems' in state) return { problems };
  const { appToken, botToken, oauth } = slack.slack;
  if (oauth && state.state.weekly.channel) {
    return {
      problems: [
        {
          variable: 'WEEKLY_CHANNEL',
          message: `WEEKLY_CHANNEL needs a single workspace (SLACK_BOT_TOKEN); with OAuth installs, channels subscribe from Slack (${slack.slack.command} subscribe)`,
        },
      ],
    };
  }
  return {
    config: {
      mode: appToken ? 'socket' : botToken || oauth ? 'http' : 'offline',
      slack: slack.slack,
      ...state.state,
    },
  };
}

/**
 * Read the Slack variables: tokens, signing secret, port, API URL.
 *
 * @param env Variables.
 * @param source Which variables came from `.env` (default: none).
 * @returns Slack settings, or the problems found.
 */
export function readSlackConfig(
  env: Env,
  source: ConfigSource = {},
): { slack: Config['slack'] } | { problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const problem = (variable: string, message: string) => {
    problems.push({ variable, message });
    return undefined;
  };
  const value = reader(env);
  // A placeholder left from .env.example is not a malformed value: the user has yet to fill it in.
  const check: Check = (variable, raw, valid, message) => {
    if (raw === undefined) return;
    if (isPlaceholder(raw))
      problem(variable, placeholderMessage(variable, raw, source.fromDotEnv?.has(variable) ?? false));
    else if (!valid.test(raw)) problem(variable, message);
  };
  const botToken = value('SLACK_BOT_TOKEN');
  const signingSecret = value('SLACK_SIGNING_SECRET');
  const appToken = value('SLACK_APP_TOKEN');
  check(
    'SLACK_BOT_TOKEN',
    botToken,
    /^xoxb-[A-Za-z0-9-]+$/,
    'SLACK_BOT_TOKEN must be the Bot User OAuth Token, starting with xoxb-',
  );
  check(
    'SLACK_APP_TOKEN',
    appToken,
    /^xapp-[A-Za-z0-9-]+$/,
    'SLACK_APP_TOKEN must be an app-level token with connections:write, starting with xapp-',
  );
  check(
    'SLACK_SIGNING_SECRET',
    signingSecret,
    /^[A-Za-z0-9]{20,}$/,
    'SLACK_SIGNING_SECRET must be the Signing Secret from Basic Information (32 letters and digits)',
  );
  const oauth = readOAuth(value, problem, check);
  if (oauth && botToken !== undefined) {
    problem(
      'SLACK_BOT_TOKEN',
      'SLACK_BOT_TOKEN must not be set with SLACK_CLIENT_ID: OAuth installs bring their own tokens (unset one of them)',
    );
  }
  if (oauth && appToken !== undefined) {
    problem(
      'SLACK_APP_TOKEN',
      'SLACK_APP_TOKEN must not be set with SLACK_CLIENT_ID: OAuth installs run in HTTP mode',
    );
  }
  if (oauth && signingSecret === undefined) {
    problem(
      'SLACK_SIGNING_SECRET',
      'SLACK_SIGNING_SECRET is missing: OAuth installs run in HTTP mode, which needs it',
    );
  }
  const anyCredential = botToken !== undefined || signingSecret !== undefined || appToken !== undefined;
  if (anyCredential && botToken === undefined && !oauth) {
    problem(
      'SLACK_BOT_TOKEN',
      'SLACK_BOT_TOKEN is missing: copy the Bot User OAuth Token (xoxb-…) from OAuth & Permissions',
    );
  }
  if (botToken !== undefined && appToken === undefined && signingSecret === undefined) {
    problem(
      'SLACK_SIGNING_SECRET',
      'SLACK_SIGNING_SECRET is missing (HTTP mode); or set SLACK_APP_TOKEN (xapp-…) to use Socket Mode',
    );
  }
  const port =
    integer(value('PORT'), configDefaults.port, 0, 65_535) ??
    problem('PORT', 'PORT must be a port number (0–65535)');
  const rawHealthPort = value('HEALTH_PORT');
  const healthPort =
    rawHealthPort?.toLowerCase() === 'off'
      ? ('off' as const)
      : (integer(rawHealthPort, port ?? configDefaults.port, 0, 65_535) ??
        problem('HEALTH_PORT', 'HEALTH_PORT must be a port number (0–65535) or off'));
  const apiUrl = readUrl(value('SLACK_API_URL') ?? configDefaults.apiUrl);
  if (!apiUrl)
    problem(
      'SLACK_API_URL',
      'SLACK_API_URL must be an http(s) URL without credentials in it, such as https://slack.com/api/',
    );
  const command = value('OPTPAPER_COMMAND') ?? configDefaults.command;
  if (!isCommandName(command))
    problem(
      'OPTPAPER_COMMAND',
      'OPTPAPER_COMMAND must be the slash command as the app manifest names it, such as /optpaper-dev (a slash, then up to 31 lowercase characters, no spaces)',
    );
  if (problems.length > 0 || port === undefined || healthPort === undefined || !apiUrl) return { problems };
  const slack: Config['slack'] = { port, healthPort, apiUrl, command };
  if (oauth) slack.oauth = oauth;
  if (botToken) slack.botToken = botToken;
  if (signingSecret) slack.signingSecret = signingSecret;
  if (appToken) slack.appToken = appToken;
  return { slack };
}

/**
 * Read the variables that are not Slack's: the list, the database, the weekly schedule, the logs.
 *
 * @param env Variables.
 * @returns Those settings, or the problems found.
 */
export function readStateConfig(env: Env): { state: StateConfig } | { problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const problem = (variable: string, message: string) => {
    problems.push({ variable, message });
    return undefined;
  };
  const value = reader(env);
  const channel = value('WEEKLY_CHANNEL');
  if (channel !== undefined && !/^[CGD][A-Z0-9]{2,}$/.test(channel)) {
    problem(
      'WEEKLY_CHANNEL',
      'WEEKLY_CHANNEL must be a channel id such as C0123456789 (channel details → bottom of About)',
    );
  }
  const cron = value('WEEKLY_CRON') ?? configDefaults.cron;
  const cronError = validateCron(cron);
  if (cronError) problem('WEEKLY_CRON', `WEEKLY_CRON is not a valid cron expression: ${cronError}`);
  const timeZone = value('WEEKLY_TZ') ?? configDefaults.timeZone;
  if (validateTimeZone(timeZone)) {
    problem('WEEKLY_TZ', 'WEEKLY_TZ must be an IANA time zone such as Europe/Paris or America/New_York');
  }
  const graceHours =
    integer(value('WEEKLY_GRACE_HOURS'), configDefaults.graceHours, 0, 24 * 14) ??
    problem('WEEKLY_GRACE_HOURS', 'WEEKLY_GRACE_HOURS must be a whole number of hours (0–336)');
  const logLevel =
    parseLogLevel(value('LOG_LEVEL') ?? configDefaults.logLevel) ??
    problem('LOG_LEVEL', 'LOG_LEVEL must be one of debug, info, warn, error');
  const databaseUrl = value('DATABASE_URL');
  if (databaseUrl !== undefined && !isPostgresUrl(databaseUrl)) {
    problem(
      'DATABASE_URL',
      'DATABASE_URL must be a PostgreSQL URL such as postgres://user:password@host:5432/optpaper',
    );
  }
  const listMaxBytes =
    integer(value('OPTPAPER_LIST_MAX_BYTES'), configDefaults.listMaxBytes, 1024, 1024 ** 3) ??
    problem(
      'OPTPAPER_LIST_MAX_BYTES',
      'OPTPAPER_LIST_MAX_BYTES must be a number of bytes from 1024 to 1073741824',
    );
  const logFormat =
    parseLogFormat(value('LOG_FORMAT') ?? configDefaults.logFormat) ??
    problem('LOG_FORMAT', 'LOG_FORMAT must be text or json');
  if (
    problems.length > 0 ||
    graceHours === undefined ||
    !logLevel ||
    !logFormat ||
    listMaxBytes === undefined
  )
    return { problems };
  const weekly: Config['weekly'] = { cron, timeZone, graceHours };
  if (channel) weekly.channel = channel;
  const db = value('OPTPAPER_DB');
  return {
    state: {
      listPath: readListPath(env),
      ...(databaseUrl ? { databaseUrl } : {}),
      listMaxBytes,
      dbPath: db === ':memory:' ? db : db ? resolvePath(db, env) : configDefaults.dbPath,
      weekly,
      logLevel,
      logFormat,
    },
  };
}

/** Report a variable that is set but a placeholder, or set but not matching `valid`. */
type Check = (variable: string, raw: string | undefined, valid: RegExp, message: string) => void;

/** The three OAuth variables: all or none, each checked. */
function readOAuth(
  value: (name: string) => string | undefined,
  problem: (variable: string, message: string) => undefined,
  check: Check,
): OAuthConfig | undefined {
  const clientId = value('SLACK_CLIENT_ID');
  const clientSecret = value('SLACK_CLIENT_SECRET');
  const stateSecret = value('SLACK_STATE_SECRET');
  const redirectUri = value('SLACK_REDIRECT_URI');
  const given = [clientId, clientSecret, stateSecret].filter((item) => item !== undefined).length;
  if (given === 0) {
    if (redirectUri !== undefined)
      problem('SLACK_REDIRECT_URI', 'SLACK_REDIRECT_URI is only used with SLACK_CLIENT_ID');
    return undefined;
  }
  const names = ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'] as const;
  const missing = names.filter((_name, index) => [clientId, clientSecret, stateSecret][index] === undefined);
  for (const name of missing) {
    problem(
      name,
      `${name} is missing: OAuth installs need SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET`,
    );
  }
  check(
    'SLACK_CLIENT_ID',
    clientId,
    /^\d+\.\d+$/,
    'SLACK_CLIENT_ID must be the Client ID from Basic Information (digits.digits)',
  );
  check(
    'SLACK_CLIENT_SECRET',
    clientSecret,
    /^[A-Za-z0-9]{20,}$/,
    'SLACK_CLIENT_SECRET must be the Client Secret from Basic Information',
  );
  check(
    'SLACK_STATE_SECRET',
    stateSecret,
    /^[\s\S]{16,}$/,
    'SLACK_STATE_SECRET must be at least 16 characters of your choosing (a random string)',
  );
  if (redirectUri !== undefined && !/^https?:\/\/[^/]+\/slack\/oauth_redirect$/.test(redirectUri)) {
    problem('SLACK_REDIRECT_URI', 'SLACK_REDIRECT_URI must be https://<your host>/slack/oauth_redirect');
  }
  if (missing.length > 0 || !clientId || !clientSecret || !stateSecret) return undefined;
  return { clientId, clientSecret, stateSecret, ...(redirectUri ? { redirectUri } : {}) };
}

function reader(env: Env): (name: string) => string | undefined {
  return (name) => {
    const raw = env[name]?.trim();
    return raw === '' ? undefined : raw;
  };
}

/**
 * The variables a bot needs and lacks, for the one line printed when `npm start` has no terminal.
 *
 * @returns A sentence naming them.
 */
export function missingCredentialsMessage(): string {
  return (
    'No Slack credentials: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (HTTP mode), or SLACK_BOT_TOKEN and ' +
    'SLACK_APP_TOKEN (Socket Mode), in the environment or in .env; run `npm run shell` to try the bot locally'
  );
}

function integer(raw: string | undefined, fallback: number, min: number, max: number): number | undefined {
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw)) return undefined;
  const parsed = Number(raw);
  return parsed >= min && parsed <= max ? parsed : undefined;
}

function isPostgresUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return (url.protocol === 'postgres:' || url.protocol === 'postgresql:') && url.hostname !== '';
  } catch {
    return false;
  }
}

function readUrl(raw: string): string | undefined {
  try {
    const url = new URL(raw);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    // fetch refuses URLs with credentials, and they would end up in logs.
    if (url.username || url.password) return undefined;
    // The Web API client appends method names: the base must end with a slash.
    return url.href.endsWith('/') ? url.href : `${url.href}/`;
  } catch {
    return undefined;
  }
}

/**
 * A path as the user typed it, made absolute against the directory they typed it in: npm runs scripts
 * from the package root but says where it was started (`INIT_CWD`).
 *
 * @param raw A path, absolute or relative.
 * @param env The environment (`INIT_CWD`).
 * @returns An absolute path.
 */
export function resolvePath(raw: string, env: Env = process.env): string {
  return isAbsolute(raw) ? raw : resolve(env.INIT_CWD || process.cwd(), raw);
}

/**
 * The paper list to read: `OPTPAPER_LIST` (blank means unset), else the shipped list.
 *
 * @param env The environment.
 * @returns An absolute path.
 */
export function readListPath(env: Env): string {
  const raw = reader(env)('OPTPAPER_LIST');
  return raw === undefined ? configDefaults.listPath : resolvePath(raw, env);
}
