import { App, LogLevel } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../src/config.ts';
import { type AppLogger, createLogger, type LoggerOptions, parseLogFormat } from '../src/logger.ts';

const epoch = () => new Date('2026-11-30T09:00:00.000Z');

/** A logger writing into an array, on a fixed clock. */
function capture(options: LoggerOptions = {}): { logger: AppLogger; lines: string[] } {
  const lines: string[] = [];
  const logger = createLogger({
    clock: epoch,
    sink: { write: (line: string) => lines.push(line) },
    ...options,
  });
  return { logger, lines };
}

const parsed = (lines: readonly string[]) => lines.map((line) => JSON.parse(line) as Record<string, unknown>);

describe('the text format (the default)', () => {
  it('writes `time LEVEL [name] message`, one line per call', () => {
    const { logger, lines } = capture();
    logger.info('optpaper is running in Socket Mode:', 114, { papers: 114 });
    logger.debug('not written at the default level');
    expect(lines).toEqual([
      '2026-11-30T09:00:00.000Z INFO [optpaper] optpaper is running in Socket Mode: 114 {"papers":114}\n',
    ]);
  });

  it('adds the context bound with child() after the message, and keeps it through grandchildren', () => {
    const { logger, lines } = capture();
    const request = logger
      .child({ team: 'T0001', channel: 'C0002' })
      .child({ requestId: 'Ev0003', channel: undefined });
    request.warn('share failed');
    expect(lines).toEqual([
      '2026-11-30T09:00:00.000Z WARN [optpaper] share failed team=T0001 channel=C0002 requestId=Ev0003\n',
    ]);
  });

  it("shares Bolt's setLevel with children; setName renames one logger (a child handed to a Bolt client keeps its name to itself)", () => {
    const { logger, lines } = capture();
    const child = logger.child({ team: 'T1' });
    logger.setLevel(LogLevel.ERROR);
    child.setName('web-api:WebClient:0');
    child.warn('dropped');
    child.error('kept');
    logger.error('the app');
    logger.child({}).error('a new child starts with the name of its parent');
    expect(child.getLevel()).toBe(LogLevel.ERROR);
    expect(lines).toEqual([
      '2026-11-30T09:00:00.000Z ERROR [web-api:WebClient:0] kept team=T1\n',
      '2026-11-30T09:00:00.000Z ERROR [optpaper] the app\n',
      '2026-11-30T09:00:00.000Z ERROR [optpaper] a new child starts with the name of its parent\n',
    ]);
  });
});

describe('LOG_FORMAT=json', () => {
  it('writes one JSON object per line with time, level, name, msg and the bound team, channel and request id', () => {
    const { logger, lines } = capture({ format: 'json' });
    logger.info('optpaper is running');
    logger
      .child({ team: 'T0001', channel: 'C0002', requestId: 'Ev0003' })
      .warn('post failed:', 'not_in_channel');
    expect(lines.every((line) => line.endsWith('}\n') && line.indexOf('\n') === line.length - 1)).toBe(true);
    expect(parsed(lines)).toEqual([
      { level: 'info', time: '2026-11-30T09:00:00.000Z', name: 'optpaper', msg: 'optpaper is running' },
      {
        level: 'warn',
        time: '2026-11-30T09:00:00.000Z',
        team: 'T0001',
        channel: 'C0002',
        requestId: 'Ev0003',
        name: 'optpaper',
        msg: 'post failed: not_in_channel',
      },
    ]);
  });

  it('puts an error under err (type, message, stack) and its message in msg', () => {
    const { logger, lines } = capture({ format: 'json' });
    logger.error('unhandled error in a listener:', new RangeError('page 9 of 3'));
    const line = parsed(lines)[0] ?? {};
    expect(line).toMatchObject({
      level: 'error',
      msg: 'unhandled error in a listener: page 9 of 3',
      err: { type: 'RangeError', message: 'page 9 of 3' },
    });
    expect((line.err as { stack: string }).stack).toMatch(/^RangeError: page 9 of 3\n {4}at /);
  });

  it('keeps a message with newlines, quotes, unicode and Slack markup on one line, unchanged when read back', () => {
    const { logger, lines } = capture({ format: 'json' });
    const text = 'query "<!channel> ünïcødé\n第二行" \u2028 end';
    logger.info(text);
    expect(lines).toHaveLength(1);
    expect(lines[0]?.split('\n')).toHaveLength(2);
    expect(parsed(lines)[0]?.msg).toBe(text);
  });

  it('honours the level, as text does', () => {
    const { logger, lines } = capture({ format: 'json', level: LogLevel.WARN });
    logger.info('dropped');
    logger.child({ team: 'T1' }).debug('dropped too');
    logger.error('kept');
    expect(parsed(lines).map((line) => line.msg)).toEqual(['kept']);
  });
});

describe('secrets never reach a line', () => {
  const botToken = 'xoxb-1111-2222-abcdefABCDEF';
  const signingSecret = '8f742231b10e8888abcd99yyyzzz85a5';
  const appToken = 'xapp-1-A0001-3333-deadbeef';

  it.each(['text', 'json'] as const)(
    '%s: the configured values, in messages, objects, errors and stacks',
    (format) => {
      const { logger, lines } = capture({
        format,
        secrets: [botToken, signingSecret, appToken, undefined, 'short'],
      });
      logger.info(`token ${botToken}`, { signingSecret, headers: { authorization: `Bearer ${botToken}` } });
      logger
        .child({ requestId: signingSecret })
        .error(new Error(`apps.connections.open failed for ${appToken}`));
      const output = lines.join('');
      for (const secret of [botToken, signingSecret, appToken]) expect(output).not.toContain(secret);
      expect(output).toContain('token [redacted]');
      expect(output).toContain('apps.connections.open failed for [redacted]');
      // Values too short to be secrets are ordinary words: left alone.
      logger.info('a short word');
      expect(lines.at(-1)).toContain('a short word');
    },
  );

  it.each(['text', 'json'] as const)(
    '%s: Slack tokens and URL passwords by their shape, even when no one listed them',
    (format) => {
      const { logger, lines } = capture({ format });
      logger.warn(
        'installation for T9 uses xoxb-9-9-installedtoken; refresh xoxe-1-refresh; ' +
          'cannot connect to postgres://optpaper:s3cr%40t@db:5432/optpaper',
      );
      const output = lines.join('');
      expect(output).not.toContain('installedtoken');
      expect(output).not.toContain('xoxe-1-refresh');
      expect(output).not.toContain('s3cr%40t');
      expect(output).toContain('postgres://optpaper:[redacted]@db:5432/optpaper');
      // What is not a secret stays readable: hosts, paths, the placeholder people type in help texts.
      logger.info('see https://api.slack.com/apps and copy the token (xoxb-…)');
      expect(lines.at(-1)).toContain('see https://api.slack.com/apps and copy the token (xoxb-…)');
    },
  );

  it.each(['text', 'json'] as const)(
    '%s: a whole configuration logged by mistake shows no secret, with the secrets main.ts hands over',
    (format) => {
      const read = readConfig({
        SLACK_BOT_TOKEN: botToken,
        SLACK_SIGNING_SECRET: signingSecret,
        SLACK_APP_TOKEN: appToken,
      });
      if (!('config' in read)) throw new Error(JSON.stringify(read.problems));
      const { slack } = read.config;
      const { logger, lines } = capture({
        format,
        secrets: [slack.botToken, slack.signingSecret, slack.appToken],
      });
      logger.info('configuration:', read.config);
      const output = lines.join('');
      expect(output).toMatch(/mode\\?":\\?"socket/);
      for (const secret of [botToken, signingSecret, appToken]) expect(output).not.toContain(secret);
    },
  );

  it('Bolt writes through it: what an App logs is masked too', async () => {
    const { logger, lines } = capture({ format: 'json', level: LogLevel.DEBUG, secrets: [signingSecret] });
    const app = new App({
      token: botToken,
      signingSecret,
      botId: 'B1',
      botUserId: 'U1',
      logger,
      logLevel: LogLevel.DEBUG,
    });
    app.logger.debug('signing with', signingSecret, 'and', botToken);
    expect(lines.length).toBeGreaterThan(0);
    const output = lines.join('');
    expect(output).not.toContain(signingSecret);
    expect(output).not.toContain(botToken);
    expect(parsed(lines).at(-1)?.msg).toBe('signing with [redacted] and [redacted]');
  });
});

describe('LOG_FORMAT in the configuration', () => {
  it('is text by default, json when asked (any case), and an error naming it otherwise', () => {
    expect(readConfig({})).toMatchObject({ config: { logFormat: 'text' } });
    expect(readConfig({ LOG_FORMAT: ' JSON ' })).toMatchObject({ config: { logFormat: 'json' } });
    expect(readConfig({ LOG_FORMAT: 'logfmt' })).toEqual({
      problems: [{ variable: 'LOG_FORMAT', message: 'LOG_FORMAT must be text or json' }],
    });
    expect(parseLogFormat('yaml')).toBeUndefined();
  });
});
