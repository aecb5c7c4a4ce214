import { afterEach, describe, expect, it } from 'vitest';
import type { RunningBot } from '../../src/bot.ts';
import { scratchDatabase, startTestBot, type TestBot, weeklyPostsOf } from '../support/bot.ts';
import { type RecordedCall, SlackApiStub } from '../support/slack-api-stub.ts';
import { TestClock } from '../support/weekly.ts';

let stub: SlackApiStub;
let bots: RunningBot[] = [];
afterEach(async () => {
  await Promise.all(bots.map((bot) => bot.stop()));
  bots = [];
  await stub?.close();
});

const sunday = new Date('2026-11-22T12:00:00Z');
const slot = new Date('2026-11-30T09:00:00Z');
const minutes = (n: number) => n * 60_000;
const earlier = (time: Date, ms: number) => new Date(time.getTime() - ms);
const later = (time: Date, ms: number) => new Date(time.getTime() + ms);

/** The bot on a clock the test moves, its background bookkeeping out of the way (the test runs it). */
async function start(time: TestClock, database = scratchDatabase()): Promise<TestBot> {
  const started = await startTestBot(
    stub,
    { OPTPAPER_DB: database, WEEKLY_CRON: '0 9 * * 1', WEEKLY_TZ: 'UTC' },
    { clock: time.now, maintenanceMs: 3_600_000 },
  );
  bots.push(started.bot);
  await started.bot.caughtUp;
  return started;
}

const directMessages = (user: string): RecordedCall[] =>
  stub.callsTo('chat.postMessage').filter((call) => call.body.channel === user);
const blocksOf = (call: RecordedCall | undefined) => JSON.stringify(call?.body.blocks ?? []);

describe('who presents, end to end', () => {
  it('tells the leader by direct message at slot − lead, once, with the paper and its links; the post names them; the turn moves on', async () => {
    stub = await new SlackApiStub().start();
    const time = new TestClock();
    time.set(sunday);
    const { bot, command } = await start(time);
    await command('subscribe monday 9:00 UTC', 'C0READING');
    const set = await command('presenters <@U0ANA|ana> <@U0BEN|ben>', 'C0READING');
    expect(set).toContain('"response_type":"in_channel"');
    expect(set).toContain('<@U0ALICE> set who leads the discussion, in turn: <@U0ANA>, <@U0BEN>.');

    // A minute before slot − 2 days: nobody is told yet.
    time.set(earlier(slot, minutes(2 * 1440 + 1)));
    await bot.runner.maintain(time.now());
    expect(directMessages('U0ANA')).toEqual([]);

    // At slot − 2 days, and at every minute after it: one message, to Ana.
    time.set(earlier(slot, minutes(2 * 1440)));
    await bot.runner.maintain(time.now());
    time.set(earlier(slot, minutes(2 * 1440 - 1)));
    await bot.runner.maintain(time.now());
    const [notice, ...more] = directMessages('U0ANA');
    expect(more).toEqual([]);
    expect(directMessages('U0BEN')).toEqual([]);
    expect(notice?.body.text).toBe(
      'You lead the discussion of the paper of the week on Mon 30 Nov 2026, 09:00 UTC: SGD · Momentum · RMSProp · Optimization',
    );
    const dm = blocksOf(notice);
    expect(dm).toContain(
      'You lead the discussion of the paper of the week in <#C0READING> on *Mon 30 Nov 2026, 09:00 UTC*:',
    );
    expect(dm).toContain(
      '<https://www.deeplearningbook.org/contents/optimization.html|SGD · Momentum · RMSProp · Optimization>',
    );
    expect(dm).toContain('/optpaper presenters skip me');
    expect(dm).not.toContain('voted on');

    // The post names Ana; once Slack accepted it, her turn counts and Ben is next.
    time.set(later(slot, 1000));
    const [outcome] = await bot.runner.runDue(time.now());
    expect(outcome?.status).toBe('posted');
    const [post] = weeklyPostsOf(stub, 'C0READING');
    expect(blocksOf(post)).toContain('Discussion led by <@U0ANA>.');
    expect(await command('presenters', 'C0READING')).toContain('1. <@U0ANA> · led this round');

    time.set(earlier(later(slot, minutes(7 * 1440)), minutes(2 * 1440)));
    await bot.runner.maintain(time.now());
    const [benNotice] = directMessages('U0BEN');
    expect(benNotice?.body.text).toBe(
      'You lead the discussion of the paper of the week on Mon 7 Dec 2026, 09:00 UTC: BatchNorm',
    );
    expect(blocksOf(benNotice)).toContain('<https://arxiv.org/abs/1502.03167|BatchNorm>');
    expect(directMessages('U0ANA')).toHaveLength(1);
  });

  it('two processes on one database send one message; a failed message is tried again a minute later; a channel that votes hears so', async () => {
    stub = await new SlackApiStub().start();
    const time = new TestClock();
    time.set(sunday);
    const database = scratchDatabase();
    const first = await start(time, database);
    const second = await start(time, database);
    await first.command('subscribe monday 9:00 UTC', 'C0READING');
    await first.command('presenters <@U0ANA|ana> <@U0BEN|ben>', 'C0READING');
    await first.command('presenters lead 3 days', 'C0READING');
    await first.bot.store.team('T0TEAM').setVoting('C0READING', 60);

    // Slack fails the message: nothing is sent, and the notice is not spent.
    stub.script('chat.postMessage', { status: 500, body: {} });
    time.set(earlier(slot, minutes(3 * 1440)));
    await first.bot.runner.maintain(time.now());
    expect(directMessages('U0ANA').map((call) => call.answer?.status)).toEqual([500]);

    time.set(earlier(slot, minutes(3 * 1440 - 1)));
    await Promise.all([first.bot.runner.maintain(time.now()), second.bot.runner.maintain(time.now())]);
    await second.bot.runner.maintain(time.now());
    const delivered = directMessages('U0ANA').filter((call) => call.answer?.status !== 500);
    expect(delivered).toHaveLength(1);
    expect(blocksOf(delivered[0])).toContain('The paper is being voted on; the rotation’s pick:');
    expect(blocksOf(delivered[0])).toContain('the vote may choose another');
  });
});
