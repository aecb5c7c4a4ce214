import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LogLevel } from '@slack/bolt';
import { defaultListPath } from './catalog/load.ts';
import { type LogFormat, parseLogFormat, parseLogLevel } from './logger.ts';
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
    apiUrl: string;
  };
  listPath: string;
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

/** A variable that is missing or malformed: the message names it and never quotes its value. */
export interface ConfigProblem {
  variable: string;
  message: string;
}

/** The defaults, one place. */
export const configDefaults = Object.freeze({
  port: 3000,
  apiUrl: 'https://slack.com/api/',
  dbPath: fileURLToPath(new URL('../state/optpaper.db', import.meta.url)),
  listPath: defaultListPath,
  cron: '0 9 * * 1',
  timeZone: 'UTC',
  graceHours: 24,
  logLevel: 'info',
  logFormat: 'text',
});

type Env = Readonly<Record<string, string | undefined>>;

/** The part of the configuration that the CLI and the shell need too: no Slack credentials. */
export type StateConfig = Pick<Config, 'listPath' | 'dbPath' | 'weekly' | 'logLevel' | 'logFormat'>;

/**
 * Read the configuration from an environment (a pure function of it).
 *
 * @param env Variables (default: `process.env`).
 * @returns The configuration, or every problem found, each naming its variable.
 */
export function readConfig(env: Env = process.env): { config: Config } | { problems: ConfigProblem[] } {
  const slack = readSlackConfig(env);
  const state = readStateConfig(env);
  const problems = [
    ...('problems' in slack ? slack.problems : []),
    ...('problems' in state ? state.problems : []),
  ];
  if ('problems' in slack || 'problems' in state) return { problems };
  const { appToken, botToken } = slack.slack;
  return {
    config: { mode: appToken ? 'socket' : botToken ? 'http' : 'offline', slack: slack.slack, ...state.state },
  };
}

/**
 * Read the Slack variables: tokens, signing secret, port, API URL.
 *
 * @param env Variables.
 * @returns Slack settings, or the problems found.
 */
export function readSlackConfig(env: Env): { slack: Config['slack'] } | { problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const problem = (variable: string, message: string) => {
    problems.push({ variable, message });
    return undefined;
  };
  const value = reader(env);
  const botToken = value('SLACK_BOT_TOKEN');
  const signingSecret = value('SLACK_SIGNING_SECRET');
  const appToken = value('SLACK_APP_TOKEN');
  if (botToken !== undefined && !/^xoxb-[A-Za-z0-9-]+$/.test(botToken)) {
    problem('SLACK_BOT_TOKEN', 'SLACK_BOT_TOKEN must be the Bot User OAuth Token, starting with xoxb-');
  }
  if (appToken !== undefined && !/^xapp-[A-Za-z0-9-]+$/.test(appToken)) {
    problem(
      'SLACK_APP_TOKEN',
      'SLACK_APP_TOKEN must be an app-level token with connections:write, starting with xapp-',
    );
  }
  if (signingSecret !== undefined && !/^[A-Za-z0-9]{20,}$/.test(signingSecret)) {
    problem(
      'SLACK_SIGNING_SECRET',
      'SLACK_SIGNING_SECRET must be the Signing Secret from Basic Information (32 letters and digits)',
    );
  }
  const anyCredential = botToken !== undefined || signingSecret !== undefined || appToken !== undefined;
  if (anyCredential && botToken === undefined) {
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
  const apiUrl = readUrl(value('SLACK_API_URL') ?? configDefaults.apiUrl);
  if (!apiUrl)
    problem(
      'SLACK_API_URL',
      'SLACK_API_URL must be an http(s) URL without credentials in it, such as https://slack.com/api/',
    );
  if (problems.length > 0 || port === undefined || !apiUrl) return { problems };
  const slack: Config['slack'] = { port, apiUrl };
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
  const logFormat =
    parseLogFormat(value('LOG_FORMAT') ?? configDefaults.logFormat) ??
    problem('LOG_FORMAT', 'LOG_FORMAT must be text or json');
  if (problems.length > 0 || graceHours === undefined || !logLevel || !logFormat) return { problems };
  const weekly: Config['weekly'] = { cron, timeZone, graceHours };
  if (channel) weekly.channel = channel;
  const db = value('OPTPAPER_DB');
  return {
    state: {
      listPath: readListPath(env),
      dbPath: db === ':memory:' ? db : db ? resolvePath(db, env) : configDefaults.dbPath,
      weekly,
      logLevel,
      logFormat,
    },
  };
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
