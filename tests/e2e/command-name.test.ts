import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunningBot } from '../../src/bot.ts';
import { scratchDatabase, startTestBot } from '../support/bot.ts';
import { commandBody, eventBody, mentionBody, postSigned } from '../support/signing.ts';
import { SlackApiStub } from '../support/slack-api-stub.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { TestClock } from '../support/weekly.ts';

const form = 'application/x-www-form-urlencoded';
/** `/optpaper` not followed by `-dev`: the production name, which a staging app does not answer to. */
const production = /\/optpaper(?!-dev)/;

interface AckBody {
  response_type: string;
  text: string;
  blocks: Array<{ type: string; text?: { text: string }; elements?: Array<{ text?: string }> }>;
}

/** Each block's text, in order. */
const lines = (body: AckBody): string[] =>
  body.blocks.flatMap((block) =>
    block.text ? [block.text.text] : (block.elements ?? []).map((element) => element.text ?? ''),
  );

describe('a slash command renamed in the manifest (a staging app’s /optpaper-dev), over HTTP', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.stop();
  });

  async function command(name: string, text: string): Promise<{ status: number; body: AckBody }> {
    const response = await postSigned(app.eventsUrl, commandBody({ text, command: name }), form);
    return { status: response.status, body: (await response.json()) as AckBody };
  }

  it('answers /optpaper-dev help in the ack, every usage and example under /optpaper-dev', async () => {
    const { status, body } = await command('/optpaper-dev', 'help');
    expect(status).toBe(200);
    expect(body.response_type).toBe('ephemeral');
    const [heading, usages, , examples] = lines(body);
    expect(heading).toBe('optpaper: papers on optimization for deep learning');
    const usageLines = (usages ?? '').split('\n').filter((line) => line !== '');
    expect(usageLines[0]).toBe(
      '`/optpaper-dev &lt;words&gt;` — search the list (typos, acronyms and arXiv ids welcome); `search &lt;words&gt;` if the words start like a command',
    );
    expect(usageLines.at(-1)).toBe('`/optpaper-dev help` — this help');
    for (const line of usageLines) expect(line).toMatch(/^`\/optpaper-dev /);
    expect(examples).toBe(
      'Try `/optpaper-dev sharp minima`, `/optpaper-dev curiculum learning`, `/optpaper-dev rnn`, `/optpaper-dev 1412.6980`.',
    );
    expect(JSON.stringify(body)).not.toMatch(production);
  });

  it('a typo of a subcommand gets a did-you-mean under /optpaper-dev', async () => {
    const { status, body } = await command('/optpaper-dev', 'halp');
    expect(status).toBe(200);
    expect(lines(body)).toEqual([
      'No papers match “halp”.',
      'Did you mean `/optpaper-dev help`?',
      'Browse with `/optpaper-dev sections`, or see `/optpaper-dev help`.',
    ]);
  });

  it('answers /optpaper beside it as before, and a search is the same under either name', async () => {
    const { body } = await command('/optpaper', 'halp');
    expect(lines(body)[1]).toBe('Did you mean `/optpaper help`?');
    const search = await command('/optpaper-dev', 'sharp minima');
    expect(search.body).toEqual((await command('/optpaper', 'sharp minima')).body);
    expect(lines(search.body)[1]).toContain('Sharp Minima Can Generalize For Deep Nets');
  });
});

describe('the whole bot with OPTPAPER_COMMAND=/optpaper-dev', () => {
  let stub: SlackApiStub;
  let bots: RunningBot[] = [];
  afterEach(async () => {
    await Promise.all(bots.map((bot) => bot.stop()));
    bots = [];
    await stub?.close();
  });

  it('names /optpaper-dev in command replies, the mention help, the vote’s message and the Home tab', async () => {
    stub = await new SlackApiStub().start();
    stub.memberships = { U0ANA: ['C0READING'] };
    const time = new TestClock();
    time.set(new Date('2026-11-29T12:00:00Z'));
    const { bot, url, command } = await startTestBot(
      stub,
      { OPTPAPER_DB: scratchDatabase(), OPTPAPER_COMMAND: '/optpaper-dev', WEEKLY_CRON: '0 9 * * 1' },
      { clock: time.now, maintenanceMs: 3_600_000 },
    );
    bots.push(bot);
    await bot.caughtUp;

    // Commands arrive as /optpaper-dev (the staging app's only command).
    expect(await command('schedule', 'C0READING')).toContain(
      'Start it with `/optpaper-dev subscribe [day] [time] [time zone]`',
    );
    expect(await command('subscribe monday 9:00 UTC', 'C0READING')).toContain('`/optpaper-dev upcoming`');
    // Within a day of the post: the vote opens at once, and its message is posted in the channel.
    await command('vote on', 'C0READING');
    const [vote] = stub.callsTo('chat.postMessage').filter((call) => call.body.channel === 'C0READING');
    expect(JSON.stringify(vote?.body.blocks)).toContain(
      'See the vote and your ballot with `/optpaper-dev vote`.',
    );

    // A bare mention answers in the thread with the configured command.
    expect((await postSigned(url, mentionBody({ text: '<@U0OPTBOT>' }), 'application/json')).status).toBe(
      200,
    );
    await stub.waitFor(() =>
      stub.callsTo('chat.postMessage').some((call) => call.body.thread_ts !== undefined),
    );
    const reply = stub.callsTo('chat.postMessage').find((call) => call.body.thread_ts !== undefined);
    expect(JSON.stringify(reply?.body.blocks)).toContain('`/optpaper-dev help` lists everything else.');

    // The Home tab: built for a person, not a command.
    const opened = eventBody({
      type: 'app_home_opened',
      user: 'U0ANA',
      channel: 'D0ANA',
      tab: 'home',
      event_ts: '1764000000.000100',
    });
    expect((await postSigned(url, opened, 'application/json')).status).toBe(200);
    await stub.waitFor(() => stub.callsTo('views.publish').length > 0);
    const home = JSON.stringify(stub.callsTo('views.publish')[0]?.body.view);
    expect(home).toContain('Search the list anywhere with `/optpaper-dev &lt;words&gt;`.');

    for (const call of stub.calls) expect(JSON.stringify(call.body)).not.toMatch(production);
  });
});
