import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { StartupError, startBot } from '../../src/bot.ts';
import { type Config, readConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { openStore } from '../../src/store/sqlite.ts';
import { closedPort } from '../support/ports.ts';
import { actionBody, commandBody, postSigned, testSigningSecret } from '../support/signing.ts';
import { SlackApiStub } from '../support/slack-api-stub.ts';
import { nodeArgs, repoRoot, runScript, startMain } from '../support/spawn.ts';
import { until } from '../support/wait.ts';

let stub: SlackApiStub | undefined;
afterEach(async () => {
  await stub?.close();
  stub = undefined;
});

const scratch = () => mkdtempSync(join(tmpdir(), 'optpaper-'));

function configFor(env: Record<string, string>): Config {
  const read = readConfig({
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_SIGNING_SECRET: testSigningSecret,
    PORT: '0',
    OPTPAPER_DB: ':memory:',
    ...env,
  });
  if ('problems' in read) throw new Error(JSON.stringify(read.problems));
  return read.config;
}

async function startupError(config: Config): Promise<StartupError> {
  try {
    const bot = await startBot(config, { logger: createLogger({ sink: { write: () => true } }) });
    await bot.stop();
  } catch (error) {
    if (error instanceof StartupError) return error;
    throw error;
  }
  throw new Error('the bot started');
}

describe('startBot refuses to start, naming the variable', () => {
  it('SLACK_BOT_TOKEN when Slack rejects the token', async () => {
    stub = await new SlackApiStub().start();
    stub.script('auth.test', { body: { ok: false, error: 'invalid_auth' } });
    const error = await startupError(configFor({ SLACK_API_URL: stub.apiUrl }));
    expect(error.variable).toBe('SLACK_BOT_TOKEN');
    expect(error.message).toBe(
      'SLACK_BOT_TOKEN was rejected by Slack (invalid_auth): copy the Bot User OAuth Token (xoxb-…) again from OAuth & Permissions',
    );
  });

  it('SLACK_API_URL when Slack cannot be reached', async () => {
    const error = await startupError(configFor({ SLACK_API_URL: 'http://127.0.0.1:9/api/' }));
    expect(error.variable).toBe('SLACK_API_URL');
  });

  it('OPTPAPER_LIST when the list is missing, or has no papers', async () => {
    expect((await startupError(configFor({ OPTPAPER_LIST: '/nonexistent/papers.md' }))).message).toBe(
      'OPTPAPER_LIST: cannot read the paper list /nonexistent/papers.md: no such file',
    );
    const folder = scratch();
    expect((await startupError(configFor({ OPTPAPER_LIST: folder }))).message).toBe(
      `OPTPAPER_LIST: cannot read the paper list ${folder}: it is a folder, not a file`,
    );
    const empty = join(scratch(), 'empty.md');
    writeFileSync(empty, '# Nothing\n\nJust prose.\n');
    const error = await startupError(configFor({ OPTPAPER_LIST: empty }));
    expect(error.variable).toBe('OPTPAPER_LIST');
    expect(error.message).toContain('no papers found');
  });

  it('OPTPAPER_DB when the database cannot be created, saying why in words', async () => {
    stub = await new SlackApiStub().start();
    const directory = scratch();
    const file = join(directory, 'state');
    writeFileSync(file, 'a file where the database folder should be');
    const dbError = (dbPath: string) =>
      startupError(configFor({ SLACK_API_URL: stub?.apiUrl ?? '', OPTPAPER_DB: dbPath }));
    expect((await dbError(join(file, 'optpaper.db'))).message).toBe(
      `OPTPAPER_DB: cannot open the database ${join(file, 'optpaper.db')}: ${file} is a file, where a folder is needed`,
    );
    expect((await dbError(directory)).message).toBe(
      `OPTPAPER_DB: cannot open the database ${directory}: it is a folder, not a file`,
    );
  });

  it('SLACK_APP_TOKEN when Socket Mode cannot connect', async () => {
    stub = await new SlackApiStub().start();
    stub.script('apps.connections.open', { body: { ok: false, error: 'invalid_auth' } });
    const error = await startupError(
      configFor({ SLACK_API_URL: stub.apiUrl, SLACK_APP_TOKEN: 'xapp-1-A-1-bad' }),
    );
    expect(error.variable).toBe('SLACK_APP_TOKEN');
  });
});

describe('npm start (src/main.ts)', () => {
  it('with no credentials and no terminal, exits 1 naming the variables to set', async () => {
    const { code, stderr, stdout } = await runScript('src/main.ts', [], { cwd: scratch() });
    expect(code).toBe(1);
    expect(stderr).toBe(
      'optpaper: No Slack credentials: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (HTTP mode), or SLACK_BOT_TOKEN and ' +
        'SLACK_APP_TOKEN (Socket Mode), in the environment or in .env; run `npm run shell` to try the bot locally\n',
    );
    expect(stdout).toBe('');
  });

  it('with a malformed variable, prints one line naming it, never its value', async () => {
    const { code, stderr } = await runScript('src/main.ts', [], {
      cwd: scratch(),
      env: { SLACK_BOT_TOKEN: 'xoxp-my-user-token', SLACK_SIGNING_SECRET: testSigningSecret },
    });
    expect(code).toBe(1);
    expect(stderr).toBe('optpaper: SLACK_BOT_TOKEN must be the Bot User OAuth Token, starting with xoxb-\n');
    expect(stderr).not.toContain('xoxp-my-user-token');
  });

  it('with OPTPAPER_DB under a file, prints one line saying so, without EEXIST', async () => {
    stub = await new SlackApiStub().start();
    const directory = scratch();
    writeFileSync(join(directory, 'state'), '');
    const { code, stderr } = await runScript('src/main.ts', [], {
      cwd: directory,
      env: {
        SLACK_BOT_TOKEN: 'xoxb-1-db',
        SLACK_SIGNING_SECRET: testSigningSecret,
        SLACK_API_URL: stub.apiUrl,
        PORT: '0',
        OPTPAPER_DB: join(directory, 'state', 'optpaper.db'),
      },
    });
    expect(code).toBe(1);
    expect(stderr).toBe(
      `optpaper: OPTPAPER_DB: cannot open the database ${join(directory, 'state', 'optpaper.db')}: ${join(directory, 'state')} is a file, where a folder is needed\n`,
    );
  });

  it('with .env copied from .env.example and not filled in, says so, naming each variable and where to get it', async () => {
    const directory = scratch();
    copyFileSync(join(repoRoot, '.env.example'), join(directory, '.env'));
    const { code, stderr, stdout } = await runScript('src/main.ts', [], { cwd: directory });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      'optpaper: SLACK_BOT_TOKEN in .env still holds the placeholder of .env.example: set it to the Bot User OAuth Token (xoxb-…), from https://api.slack.com/apps → your app → OAuth & Permissions\n' +
        'optpaper: SLACK_APP_TOKEN in .env still holds the placeholder of .env.example: set it to an app-level token (xapp-…), from https://api.slack.com/apps → your app → Basic Information → App-Level Tokens, scope connections:write (or, for HTTP mode, remove it and set SLACK_SIGNING_SECRET)\n',
    );
    // Set in the environment, it wins over .env: the line says where it really came from.
    const fromEnvironment = await runScript('src/main.ts', [], {
      cwd: directory,
      env: { SLACK_BOT_TOKEN: 'changeme', SLACK_APP_TOKEN: 'xapp-1-A0-1-abc' },
    });
    expect(fromEnvironment.stderr).toBe(
      'optpaper: SLACK_BOT_TOKEN in the environment holds a placeholder, not a real value: set it to the Bot User OAuth Token (xoxb-…), from https://api.slack.com/apps → your app → OAuth & Permissions\n',
    );
  });

  it('with a slash command Slack could not deliver in OPTPAPER_COMMAND, prints one line naming it', async () => {
    const { code, stderr } = await runScript('src/main.ts', [], {
      cwd: scratch(),
      env: {
        SLACK_BOT_TOKEN: 'xoxb-1-2-abc',
        SLACK_SIGNING_SECRET: testSigningSecret,
        OPTPAPER_COMMAND: 'optpaper-dev',
      },
    });
    expect(code).toBe(1);
    expect(stderr).toBe(
      'optpaper: OPTPAPER_COMMAND must be the slash command as the app manifest names it, such as /optpaper-dev (a slash, then up to 31 lowercase characters, no spaces)\n',
    );
  });

  it('when Slack cannot be reached, prints one line naming SLACK_API_URL (nothing from the client before it)', async () => {
    const run = (apiUrl: string) =>
      runScript('src/main.ts', [], {
        cwd: scratch(),
        env: {
          SLACK_BOT_TOKEN: 'xoxb-1-unreachable',
          SLACK_SIGNING_SECRET: testSigningSecret,
          SLACK_API_URL: apiUrl,
          PORT: '0',
          OPTPAPER_DB: ':memory:',
        },
      });
    const port = await closedPort();
    const unreachable = await run(`http://127.0.0.1:${port}/api/`);
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toBe(
      `optpaper: SLACK_API_URL: cannot reach http://127.0.0.1:${port}/api/: 127.0.0.1:${port} refused the connection. ` +
        "Check SLACK_API_URL and that this server is running (unset, it is Slack's own https://slack.com/api/)\n",
    );
    const withCredentials = await run('http://proxyuser:proxysecret@127.0.0.1:9/api/');
    expect(withCredentials.code).toBe(1);
    expect(withCredentials.stderr).toBe(
      'optpaper: SLACK_API_URL must be an http(s) URL without credentials in it, such as https://slack.com/api/\n',
    );
  });

  it('with a token Slack rejects, prints one line naming SLACK_BOT_TOKEN, never the token', async () => {
    stub = await new SlackApiStub().start();
    stub.script('auth.test', { body: { ok: false, error: 'invalid_auth' } });
    const { code, stderr } = await runScript('src/main.ts', [], {
      cwd: scratch(),
      env: {
        SLACK_BOT_TOKEN: 'xoxb-revoked-123',
        SLACK_SIGNING_SECRET: testSigningSecret,
        SLACK_API_URL: stub.apiUrl,
        PORT: '0',
        OPTPAPER_DB: ':memory:',
      },
    });
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toEqual([
      'optpaper: SLACK_BOT_TOKEN was rejected by Slack (invalid_auth): copy the Bot User OAuth Token (xoxb-…) again from OAuth & Permissions',
    ]);
    expect(stderr).not.toContain('xoxb-revoked-123');
  });

  it('reads .env, serves /healthz, and stops cleanly on SIGTERM', async () => {
    stub = await new SlackApiStub().start();
    const directory = scratch();
    writeFileSync(
      join(directory, '.env'),
      `SLACK_BOT_TOKEN=xoxb-from-dotenv\nSLACK_SIGNING_SECRET=${testSigningSecret}\nSLACK_API_URL=${stub.apiUrl}\nPORT=0\nOPTPAPER_DB=${join(directory, 'state.db')}\n`,
    );
    const bot = await startMain({ cwd: directory });
    expect(stub.callsTo('auth.test')[0]?.authorization).toBe('Bearer xoxb-from-dotenv');
    const health = await fetch(`http://127.0.0.1:${bot.port}/healthz`);
    expect(await health.json()).toMatchObject({
      ok: true,
      papers: 114,
      list: { ok: true, papers: 114, sections: 14 },
      database: { ok: true, engine: 'sqlite', detail: join(directory, 'state.db') },
      slack: { ok: true, mode: 'http' },
    });
    expect(await bot.stop()).toBe(0);
    const stderr = bot.stderr();
    expect(stderr).toContain('SIGTERM received: finishing requests in flight');
    expect(stderr).toContain('optpaper stopped');
    expect(stderr).not.toContain('xoxb-from-dotenv');
    expect(stderr).not.toContain(testSigningSecret);
  });

  it('npm start passes SIGTERM on to the bot (a service manager or docker stop signals npm)', async () => {
    stub = await new SlackApiStub().start();
    const child = spawn('npm', ['start'], {
      cwd: repoRoot,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        SLACK_BOT_TOKEN: 'xoxb-npm-start',
        SLACK_SIGNING_SECRET: testSigningSecret,
        SLACK_API_URL: stub.apiUrl,
        PORT: '0',
        OPTPAPER_DB: ':memory:',
      },
    });
    let stderr = '';
    await new Promise<void>((resolve, reject) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        if (stderr.includes('optpaper is running')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`exited with ${code}: ${stderr}`)));
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stderr).toContain('SIGTERM received: finishing requests in flight');
    expect(stderr).toContain('optpaper stopped');
  });
});

describe('the weekly schedule at start-up', () => {
  async function startupLog(env: Record<string, string>): Promise<string> {
    stub = await new SlackApiStub().start();
    let log = '';
    const bot = await startBot(configFor({ SLACK_API_URL: stub.apiUrl, ...env }), {
      logger: createLogger({ sink: { write: (line: string) => (log += line) } }),
    });
    await bot.stop();
    return log;
  }

  it('says when the paper of the week goes out, in words', async () => {
    const log = await startupLog({ WEEKLY_CRON: '0 9 * * 1', WEEKLY_TZ: 'Europe/Paris' });
    expect(log).toContain(
      'INFO [optpaper] paper of the week: every Monday at 09:00 (Europe/Paris) (WEEKLY_CRON, also the default of /optpaper subscribe)',
    );
    expect(log).not.toContain('WARN');
  });

  it('warns when WEEKLY_CRON fires more than once a week (five papers "of the week" a week)', async () => {
    const log = await startupLog({
      WEEKLY_CRON: '0 9 * * mon-fri',
      WEEKLY_TZ: 'Europe/Paris',
      WEEKLY_CHANNEL: 'C0READING',
    });
    expect(log).toContain(
      'INFO [optpaper] paper of the week: every weekday (Monday to Friday) at 09:00 (Europe/Paris) in C0READING',
    );
    expect(log).toContain(
      'WARN [optpaper] WEEKLY_CRON fires more than once a week (every weekday (Monday to Friday) at 09:00 (Europe/Paris)), ' +
        'and each fire posts a paper of the week: for one a week, give it one day, such as 0 9 * * 1 (Mondays at 09:00)',
    );
  });
});

describe('a damaged list at start-up and at reload (src/main.ts)', () => {
  it('says how many errors check reports and the command that shows them, at start-up and after SIGHUP', async () => {
    stub = await new SlackApiStub().start();
    const directory = scratch();
    const list = join(directory, 'damaged.md');
    // Two papers read, three items unreadable: `check` reports 4 errors (3 items, and "mostly unread").
    writeFileSync(
      list,
      '# Papers\n\n## Optimizers\n\n- Adam [Link](https://arxiv.org/abs/1412.6980)\n- A paper without any link\n- [Link]\n\n' +
        '## Generalization\n\n- Sharp Minima Can Generalize [Link](https://arxiv.org/abs/1703.04933)\n- Another paper with no link\n',
    );
    const bot = await startMain({
      cwd: directory,
      env: {
        SLACK_BOT_TOKEN: 'xoxb-1-damaged',
        SLACK_SIGNING_SECRET: testSigningSecret,
        SLACK_API_URL: stub.apiUrl,
        PORT: '0',
        OPTPAPER_DB: ':memory:',
        OPTPAPER_LIST: list,
      },
    });
    const warning = `WARN [optpaper] ${list} has 4 errors (entries that could not be read are left out); see them with: npm run -s optpaper -- check ${list}`;
    await until(() => bot.stderr().includes(warning), 5_000);
    expect(bot.stderr()).toMatch(/running in HTTP mode on port \d+: 2 papers in 2 sections/);
    bot.child.kill('SIGHUP');
    await until(() => bot.stderr().split(warning).length === 3, 10_000);
    expect(await bot.stop()).toBe(0);
  }, 30_000);

  it('a SIGHUP while it starts (systemctl reload too early) does not end it: the list is read again once it runs', async () => {
    stub = await new SlackApiStub().start();
    // Slack answers auth.test slowly: the bot is still starting when the signal comes.
    stub.script('auth.test', {
      body: {
        ok: true,
        url: 'https://readinggroup.slack.com/',
        team_id: 'T0TEAM',
        user_id: 'U0OPTBOT',
        bot_id: 'B0OPTBOT',
      },
      delayMs: 1_500,
    });
    // Spawned by hand: startMain returns only once the bot runs.
    const child = spawn(process.execPath, nodeArgs('src/main.ts'), {
      cwd: scratch(),
      env: {
        PATH: process.env.PATH ?? '',
        SLACK_BOT_TOKEN: 'xoxb-1-early-hup',
        SLACK_SIGNING_SECRET: testSigningSecret,
        SLACK_API_URL: stub.apiUrl,
        PORT: '0',
        OPTPAPER_DB: ':memory:',
      },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    await until(() => stub?.calls.some((call) => call.method === 'auth.test') ?? false, 10_000);
    expect(stderr).not.toContain('running in HTTP mode');
    child.kill('SIGHUP');
    await until(() => /reloaded .*: 114 → 114 papers/.test(stderr), 10_000);
    expect(stderr).toContain(
      'SIGHUP received: reading the list again once start-up is done, accepting it whatever it holds',
    );
    expect(stderr).toMatch(/running in HTTP mode on port \d+: 114 papers in 14 sections/);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 30_000);
});

describe('LOG_FORMAT=json at start-up (src/main.ts)', () => {
  const botToken = 'xoxb-4242-json-logs-secret';

  /** Every line of a JSON log, parsed; a line that is not one JSON object fails the test. */
  const jsonLines = (stderr: string) =>
    stderr
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { level: string; time: string; msg: string; name: string });

  it('logs one JSON object per line, at debug too, and never the token or the signing secret', async () => {
    stub = await new SlackApiStub().start();
    stub.script('chat.postMessage', { body: { ok: false, error: 'not_in_channel' } });
    const directory = scratch();
    const bot = await startMain({
      cwd: directory,
      env: {
        SLACK_BOT_TOKEN: botToken,
        SLACK_SIGNING_SECRET: testSigningSecret,
        SLACK_API_URL: stub.apiUrl,
        PORT: '0',
        OPTPAPER_DB: join(directory, 'state.db'),
        LOG_FORMAT: 'json',
        LOG_LEVEL: 'debug',
      },
    });
    const events = `http://127.0.0.1:${bot.port}/slack/events`;
    const form = 'application/x-www-form-urlencoded';
    // A search, a forged request, and a Share that Slack refuses: Bolt and the app log all of them.
    const search = await postSigned(events, commandBody({ text: 'adam <!channel>' }), form);
    expect(search.status).toBe(200);
    const forged = await postSigned(events, commandBody({ text: 'adam' }), form, { secret: 'f'.repeat(32) });
    expect(forged.status).toBe(401);
    const share = await postSigned(
      events,
      actionBody({ action_id: 'share_paper:0', value: 'adam' }, { response_url: stub.responseUrl() }),
      form,
    );
    expect(share.status).toBe(200);
    await stub.waitFor((calls) => calls.some((call) => call.method === 'response:respond'));
    expect(await bot.stop()).toBe(0);

    const stderr = bot.stderr();
    const lines = jsonLines(stderr);
    for (const line of lines) {
      expect(Object.keys(line).slice(0, 2)).toEqual(['level', 'time']);
      expect(Date.parse(line.time)).not.toBeNaN();
    }
    const messages = lines.map((line) => line.msg);
    expect(messages).toContainEqual(
      expect.stringMatching(/^optpaper is running in HTTP mode on port \d+: 114 papers/),
    );
    expect(messages).toContain('share of adam in C0READING failed: refused not_in_channel');
    expect(messages).toContain('SIGTERM received: finishing requests in flight');
    expect(lines.some((line) => line.level === 'debug')).toBe(true);
    // Bolt's client did send the token (the stand-in saw it); the log never shows it.
    expect(stub.callsTo('auth.test')[0]?.authorization).toBe(`Bearer ${botToken}`);
    expect(stderr).not.toContain(botToken);
    expect(stderr).not.toContain(testSigningSecret);
  });

  it('a start-up failure is one JSON line naming the variable, without the token', async () => {
    stub = await new SlackApiStub().start();
    stub.script('auth.test', { body: { ok: false, error: 'invalid_auth' } });
    const { code, stderr } = await runScript('src/main.ts', [], {
      cwd: scratch(),
      env: {
        SLACK_BOT_TOKEN: botToken,
        SLACK_SIGNING_SECRET: testSigningSecret,
        SLACK_API_URL: stub.apiUrl,
        PORT: '0',
        OPTPAPER_DB: ':memory:',
        LOG_FORMAT: 'json',
      },
    });
    expect(code).toBe(1);
    expect(jsonLines(stderr)).toEqual([
      expect.objectContaining({
        level: 'error',
        name: 'optpaper',
        msg: 'SLACK_BOT_TOKEN was rejected by Slack (invalid_auth): copy the Bot User OAuth Token (xoxb-…) again from OAuth & Permissions',
      }),
    ]);
    expect(stderr).not.toContain(botToken);
  });
});

describe('stopping while a weekly post waits for Slack', () => {
  it('a second SIGTERM (npm forwards one, a terminal sends another) does not cut the stop short: the post is awaited and recorded', async () => {
    stub = await new SlackApiStub().start();
    // Slack answers the weekly post slowly: the signals arrive while it is in flight.
    stub.script('chat.postMessage', {
      delayMs: 1500,
      body: { ok: true, channel: 'C0WEEKLY', ts: '1700000077.000100' },
    });
    const directory = scratch();
    const dbPath = join(directory, 'state.db');
    const bot = await startMain({
      cwd: directory,
      env: weeklyEnv(stub.apiUrl, dbPath),
    });
    const exited = new Promise<number | null>((resolve) => bot.child.once('exit', resolve));
    await stub.waitFor((calls) => calls.some((call) => call.method === 'chat.postMessage'), 15_000);
    bot.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 100));
    bot.child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(bot.stderr()).toContain('SIGTERM received again: still stopping (waiting for work in flight)');
    expect(bot.stderr()).toContain('optpaper stopped');
    const store = openStore(dbPath);
    try {
      const [fire] = await store.team('T0TEAM').posts('C0WEEKLY');
      expect(fire).toMatchObject({
        status: 'posted',
        messageTs: '1700000077.000100',
        paperIds: ['sgd', 'momentum', 'rmsprop', 'optimization'],
      });
    } finally {
      await store.close();
    }
  }, 30_000);

  it('a SIGTERM while the weekly post waits out a rate limit stops at once, and leaves the slot to the next start', async () => {
    stub = await new SlackApiStub().start();
    // Slack asks for 30 s before the post is tried again: the signal arrives during the wait.
    stub.script('chat.postMessage', {
      status: 429,
      headers: { 'retry-after': '30' },
      body: { ok: false, error: 'ratelimited' },
    });
    const directory = scratch();
    const dbPath = join(directory, 'state.db');
    const env = weeklyEnv(stub.apiUrl, dbPath);
    const bot = await startMain({
      cwd: directory,
      env,
    });
    const exited = new Promise<number | null>((resolve) => bot.child.once('exit', resolve));
    await stub.waitFor((calls) => calls.some((call) => call.method === 'chat.postMessage'), 15_000);
    const signalled = Date.now();
    bot.child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(10_000);
    expect(bot.stderr()).toMatch(
      /weekly: stopping before “SGD · Momentum · RMSProp · Optimization” reached C0WEEKLY for the .* fire \(.*\); the next start-up posts it/,
    );
    expect(bot.stderr()).toContain('optpaper stopped');
    expect(stub.callsTo('chat.postMessage')).toHaveLength(1);
    const store = openStore(dbPath);
    try {
      // Released, not failed: nothing stands in the way of the next start posting the same reading.
      const fires = await store.team('T0TEAM').posts('C0WEEKLY');
      expect(fires.filter((fire) => fire.status === 'posted' || fire.status === 'failed')).toEqual([]);
    } finally {
      await store.close();
    }
    // The next start, Slack answering again: the reading the stop held back goes out, once.
    const again = await startMain({
      cwd: directory,
      env,
    });
    await stub.waitFor(
      (calls) => calls.filter((call) => call.method === 'chat.postMessage').length >= 2,
      15_000,
    );
    expect(await again.stop()).toBe(0);
    const reopened = openStore(dbPath);
    try {
      const posted = (await reopened.team('T0TEAM').posts('C0WEEKLY'))
        .filter((fire) => fire.status === 'posted')
        .sort((a, b) => a.scheduledAt.getTime() - b.scheduledAt.getTime());
      expect(posted[0]?.paperIds).toEqual(['sgd', 'momentum', 'rmsprop', 'optimization']);
    } finally {
      await reopened.close();
    }
  }, 40_000);
});

/** A bot over HTTP whose paper of the week for C0WEEKLY falls due every two seconds. */
function weeklyEnv(apiUrl: string, dbPath: string): Record<string, string> {
  return {
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_SIGNING_SECRET: testSigningSecret,
    SLACK_API_URL: apiUrl,
    PORT: '0',
    OPTPAPER_DB: dbPath,
    WEEKLY_CHANNEL: 'C0WEEKLY',
    WEEKLY_CRON: '*/2 * * * * *',
  };
}
