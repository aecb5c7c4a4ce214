import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BotOptions, type RunningBot, startBot } from '../../src/bot.ts';
import { readConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { commandBody, postSigned, testSigningSecret } from './signing.ts';
import type { RecordedCall, SlackApiStub } from './slack-api-stub.ts';

/** A bot started in this process, as `npm start` starts it, against a stand-in Slack. */
export interface TestBot {
  bot: RunningBot;
  /** `http://127.0.0.1:<port>/slack/events` */
  url: string;
  /** `http://127.0.0.1:<port>` */
  baseUrl: string;
  logs: string[];
  /** Run `/optpaper <text>` in a channel (under OPTPAPER_COMMAND's name when set), signed; the ack's JSON as a string. */
  command(text: string, channel?: string): Promise<string>;
}

/**
 * Start the whole bot (config from an environment, HTTP mode on a free port) against a stand-in.
 *
 * @param stub The stand-in Web API.
 * @param env Variables besides the Slack ones.
 * @param options Bot options (sleep, maintenance interval…).
 * @returns The running bot; stop it with `bot.stop()`.
 */
export async function startTestBot(
  stub: SlackApiStub,
  env: Record<string, string>,
  options: Partial<BotOptions> = {},
): Promise<TestBot> {
  const read = readConfig({
    // OAuth installs bring their own tokens: no single-workspace token beside them.
    ...(env.SLACK_CLIENT_ID ? {} : { SLACK_BOT_TOKEN: 'xoxb-test-token' }),
    SLACK_SIGNING_SECRET: testSigningSecret,
    SLACK_API_URL: stub.apiUrl,
    PORT: '0',
    ...env,
  });
  if ('problems' in read) throw new Error(JSON.stringify(read.problems));
  const logs: string[] = [];
  const bot = await startBot(read.config, {
    logger: createLogger({ sink: { write: (line: string) => logs.push(line) } }),
    // Retry-After is honoured in spirit, without making the test wait.
    sleep: async () => {},
    ...options,
  });
  const address = bot.server?.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const baseUrl = `http://127.0.0.1:${port}`;
  const url = `${baseUrl}/slack/events`;
  const command = async (text: string, channel = 'C0WEEKLY') => {
    const response = await postSigned(
      url,
      commandBody({
        text,
        channel_id: channel,
        ...(env.OPTPAPER_COMMAND ? { command: env.OPTPAPER_COMMAND } : {}),
      }),
      'application/x-www-form-urlencoded',
    );
    return JSON.stringify(await response.json());
  };
  return { bot, url, baseUrl, logs, command };
}

/** Top-level posts (not thread replies) a channel got. */
export const weeklyPostsOf = (stub: SlackApiStub, channel: string): RecordedCall[] =>
  stub
    .callsTo('chat.postMessage')
    .filter((call) => call.body.channel === channel && call.body.thread_ts === undefined);

/** The paper title of a weekly post. */
export const titleOf = (call: RecordedCall | undefined): string | undefined =>
  /\|([^>]+)>\*/.exec(JSON.stringify(call?.body.blocks))?.[1];

/** A database path in a new temporary folder. */
export const scratchDatabase = (): string => join(mkdtempSync(join(tmpdir(), 'optpaper-')), 'state.db');

/**
 * The whole bot on a clock the test moves, with a database of its own; its bookkeeping runs only when
 * the test calls `runner.maintain` (the interval is an hour of real time).
 *
 * @param stub The stand-in Web API.
 * @param clock The test's clock (set it before: start-up reads it).
 * @param options Other bot options (how retries wait…).
 * @returns The running bot.
 */
export function startClockedBot(
  stub: SlackApiStub,
  clock: { now: () => Date },
  options: Partial<BotOptions> = {},
): Promise<TestBot> {
  return startTestBot(
    stub,
    { OPTPAPER_DB: scratchDatabase() },
    { clock: clock.now, maintenanceMs: 3_600_000, ...options },
  );
}
