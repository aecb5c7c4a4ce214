import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configDefaults, readConfig } from '../src/config.ts';
import { testSigningSecret } from './support/signing.ts';
import { repoRoot } from './support/spawn.ts';

const http = { SLACK_BOT_TOKEN: 'xoxb-1-2-abc', SLACK_SIGNING_SECRET: testSigningSecret };
const problemsOf = (env: Record<string, string>) => {
  const read = readConfig(env);
  return 'problems' in read ? read.problems.map((problem) => problem.variable) : [];
};

describe('readConfig', () => {
  it('has no Slack mode without credentials: the shell or a clear exit', () => {
    const read = readConfig({});
    expect('config' in read && read.config.mode).toBe('offline');
    expect('config' in read && read.config).toMatchObject({
      slack: { port: 3000, apiUrl: 'https://slack.com/api/' },
      listPath: configDefaults.listPath,
      dbPath: configDefaults.dbPath,
      weekly: { cron: '0 9 * * 1', timeZone: 'UTC', graceHours: 24 },
      logLevel: 'info',
    });
  });

  it('runs over HTTP with a bot token and a signing secret, in Socket Mode with an app token', () => {
    expect(readConfig(http)).toMatchObject({ config: { mode: 'http' } });
    expect(readConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1-A-1-x' })).toMatchObject({
      config: { mode: 'socket' },
    });
  });

  it.each([
    [{ SLACK_BOT_TOKEN: 'xoxb-1' }, ['SLACK_SIGNING_SECRET']],
    [{ SLACK_SIGNING_SECRET: testSigningSecret }, ['SLACK_BOT_TOKEN']],
    [{ SLACK_APP_TOKEN: 'xapp-1' }, ['SLACK_BOT_TOKEN']],
    [{ ...http, SLACK_BOT_TOKEN: 'xoxp-user-token' }, ['SLACK_BOT_TOKEN']],
    [{ ...http, SLACK_SIGNING_SECRET: 'short' }, ['SLACK_SIGNING_SECRET']],
    [{ ...http, SLACK_APP_TOKEN: 'xoxb-wrong-kind' }, ['SLACK_APP_TOKEN']],
    [{ ...http, PORT: 'eighty' }, ['PORT']],
    [{ ...http, PORT: '70000' }, ['PORT']],
    [{ ...http, SLACK_API_URL: 'ftp://slack' }, ['SLACK_API_URL']],
    [{ ...http, WEEKLY_CHANNEL: '#general' }, ['WEEKLY_CHANNEL']],
    [{ ...http, WEEKLY_CRON: '0 9 * *' }, ['WEEKLY_CRON']],
    [{ ...http, WEEKLY_CRON: '61 9 * * 1' }, ['WEEKLY_CRON']],
    [{ ...http, WEEKLY_TZ: 'Mars/Olympus' }, ['WEEKLY_TZ']],
    [{ ...http, WEEKLY_GRACE_HOURS: '-1' }, ['WEEKLY_GRACE_HOURS']],
    [{ ...http, LOG_LEVEL: 'loud' }, ['LOG_LEVEL']],
    [{ ...http, OPTPAPER_COMMAND: 'optpaper-dev' }, ['OPTPAPER_COMMAND']],
    [{ ...http, OPTPAPER_COMMAND: '/Optpaper' }, ['OPTPAPER_COMMAND']],
    [{ ...http, OPTPAPER_COMMAND: '/optpaper dev' }, ['OPTPAPER_COMMAND']],
    [
      { SLACK_BOT_TOKEN: 'nope', WEEKLY_TZ: 'Nowhere' },
      ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'WEEKLY_TZ'],
    ],
  ])('names the variable to fix: %j', (env, variables) => {
    expect(problemsOf(env)).toEqual(variables);
  });

  it('reads the slash command the manifest names (OPTPAPER_COMMAND), /optpaper by default', () => {
    expect(readConfig(http)).toMatchObject({ config: { slack: { command: '/optpaper' } } });
    expect(readConfig({ ...http, OPTPAPER_COMMAND: ' /optpaper-dev ' })).toMatchObject({
      config: { slack: { command: '/optpaper-dev' } },
    });
    // Offline (the shell) it is read too, and simply unused: the shell has no slash.
    expect(readConfig({ OPTPAPER_COMMAND: '/optpaper-dev' })).toMatchObject({ config: { mode: 'offline' } });
  });

  it('never quotes a secret in a problem', () => {
    const read = readConfig({ SLACK_BOT_TOKEN: 'xoxb-secret value', SLACK_SIGNING_SECRET: 'sekrit!' });
    const messages = 'problems' in read ? read.problems.map((problem) => problem.message).join('\n') : '';
    expect(messages).toContain('SLACK_BOT_TOKEN');
    expect(messages).not.toContain('secret value');
    expect(messages).not.toContain('sekrit');
  });

  it('reads the weekly schedule, six-field crons included, and the paths', () => {
    const read = readConfig({
      ...http,
      WEEKLY_CHANNEL: 'C0123ABC',
      WEEKLY_CRON: '30 0 9 * * 1',
      WEEKLY_TZ: 'Europe/Paris',
      WEEKLY_GRACE_HOURS: '6',
      OPTPAPER_DB: ':memory:',
      OPTPAPER_LIST: '/lists/papers.md',
      SLACK_API_URL: 'http://127.0.0.1:9999/api',
      PORT: '0',
    });
    expect(read).toMatchObject({
      config: {
        weekly: { channel: 'C0123ABC', cron: '30 0 9 * * 1', timeZone: 'Europe/Paris', graceHours: 6 },
        dbPath: ':memory:',
        listPath: '/lists/papers.md',
        slack: { apiUrl: 'http://127.0.0.1:9999/api/', port: 0 },
      },
    });
  });

  it.each([
    ['SLACK_BOT_TOKEN', 'xoxb-...'],
    ['SLACK_BOT_TOKEN', 'xoxb-…'],
    ['SLACK_BOT_TOKEN', '...'],
    ['SLACK_BOT_TOKEN', '<your bot token>'],
    ['SLACK_BOT_TOKEN', 'changeme'],
    ['SLACK_BOT_TOKEN', 'your-token'],
    ['SLACK_BOT_TOKEN', 'xoxb-your-token-here'],
    ['SLACK_SIGNING_SECRET', 'xxxxxxxxxxxxxxxxxxxxxxxx'],
    ['SLACK_APP_TOKEN', 'xapp-...'],
    ['SLACK_SIGNING_SECRET', 'your_signing_secret_here'],
  ])('says %s = %j is a placeholder still to fill in, not a malformed value', (variable, value) => {
    const read = readConfig({ ...http, [variable]: value });
    const problems = 'problems' in read ? read.problems : [];
    expect(problems.map((problem) => problem.variable)).toEqual([variable]);
    expect(problems[0]?.message).toMatch(
      new RegExp(
        `^${variable} in the environment (still holds the placeholder of \\.env\\.example|holds a placeholder, not a real value): set it to `,
      ),
    );
    // The value is never quoted (a real token may sit inside `<…>`); `(xoxb-…)` is the message's own hint.
    expect(problems[0]?.message.replace(/\((xoxb|xapp)-…\)/, '')).not.toContain(value);
  });

  it('reads a real value that merely looks like words as a value to check, not a placeholder', () => {
    const read = readConfig({ ...http, SLACK_BOT_TOKEN: 'xoxp-my-user-token' });
    expect('problems' in read && read.problems.map((problem) => problem.message)).toEqual([
      'SLACK_BOT_TOKEN must be the Bot User OAuth Token, starting with xoxb-',
    ]);
  });

  it('names .env when the placeholder came from it, and where to get the real value', () => {
    const read = readConfig(
      { SLACK_BOT_TOKEN: 'xoxb-...', SLACK_APP_TOKEN: 'xapp-...' },
      { fromDotEnv: new Set(['SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN']) },
    );
    expect('problems' in read && read.problems.map((problem) => problem.message)).toEqual([
      'SLACK_BOT_TOKEN in .env still holds the placeholder of .env.example: set it to the Bot User OAuth Token (xoxb-…), from https://api.slack.com/apps → your app → OAuth & Permissions',
      'SLACK_APP_TOKEN in .env still holds the placeholder of .env.example: set it to an app-level token (xapp-…), from https://api.slack.com/apps → your app → Basic Information → App-Level Tokens, scope connections:write (or, for HTTP mode, remove it and set SLACK_SIGNING_SECRET)',
    ]);
  });

  it('keeps the default database outside data/ (state/, git-ignored)', () => {
    expect(configDefaults.dbPath).toMatch(/\/state\/optpaper\.db$/);
  });
});

describe("the README's Configuration table", () => {
  it('has a row for every variable the configuration reads (OPTPAPER_COMMAND included)', () => {
    const source = readFileSync(join(repoRoot, 'src/config.ts'), 'utf8');
    const names = [...source.matchAll(/(?:value|reader\(env\))\('([A-Z_]+)'\)/g)].map((match) => match[1]);
    expect(names).toContain('OPTPAPER_COMMAND');
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    const table = readme.slice(readme.indexOf('\n## Configuration'), readme.indexOf('\n## Deploy'));
    const firstCells = table
      .split('\n')
      .filter((line) => line.startsWith('| `'))
      .map((line) => line.split('|')[1] ?? '');
    const missing = names.filter((name) => !firstCells.some((cell) => cell.includes(`\`${name}\``)));
    expect(missing).toEqual([]);
  });
});
