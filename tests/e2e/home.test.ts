import { afterEach, describe, expect, it } from 'vitest';
import type { RunningBot } from '../../src/bot.ts';
import { openStore } from '../../src/store/sqlite.ts';
import { createWeeklyService } from '../../src/weekly/service.ts';
import { scratchDatabase, startTestBot, type TestBot } from '../support/bot.ts';
import { eventBody, postSigned } from '../support/signing.ts';
import { type RecordedCall, SlackApiStub } from '../support/slack-api-stub.ts';
import { startTestApp } from '../support/test-app.ts';
import { TestClock, weeklyFixture } from '../support/weekly.ts';

let stub: SlackApiStub;
let bots: RunningBot[] = [];
afterEach(async () => {
  await Promise.all(bots.map((bot) => bot.stop()));
  bots = [];
  await stub?.close();
});

const sunday = new Date('2026-11-29T12:00:00Z');
const slot = new Date('2026-11-30T09:00:00Z');

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

/** Someone opens a tab of the app. */
const openTab = (url: string, user: string, tab: 'home' | 'messages' = 'home') =>
  postSigned(
    url,
    eventBody({
      type: 'app_home_opened',
      user,
      channel: `D${user.slice(1)}`,
      tab,
      event_ts: '1764000000.000100',
    }),
    'application/json',
  );

const publishedFor = (user: string): RecordedCall[] =>
  stub.callsTo('views.publish').filter((call) => call.body.user_id === user);
const viewOf = (call: RecordedCall | undefined) =>
  call?.body.view as {
    type: string;
    blocks: { type: string; text?: { text: string }; elements?: { text: string }[] }[];
  };
/** A published view's text, block by block. */
const linesOf = (call: RecordedCall | undefined) =>
  viewOf(call).blocks.map(
    (block) => block.text?.text ?? block.elements?.map((element) => element.text).join(' ') ?? block.type,
  );

describe('the Home tab, end to end', () => {
  it('shows each subscribed channel the person is in: this week’s paper, the next three, progress by section, presenting soon; republished after a post', async () => {
    stub = await new SlackApiStub().start();
    stub.memberships = { U0ANA: ['C0READING', 'C0CHAT'], U0BEN: ['C0CHAT'] };
    const time = new TestClock();
    time.set(sunday);
    const { bot, url, command } = await start(time);
    await command('subscribe monday 9:00 UTC', 'C0READING');
    await command('subscribe friday 16:00 UTC', 'C0ELSEWHERE');
    await command('presenters <@U0ANA|ana> <@U0BEN|ben>', 'C0READING');

    expect((await openTab(url, 'U0ANA')).status).toBe(200);
    await stub.waitFor(() => publishedFor('U0ANA').length === 1);
    const [first] = publishedFor('U0ANA');
    expect(viewOf(first).type).toBe('home');
    expect(stub.callsTo('users.conversations')[0]?.body).toMatchObject({
      user: 'U0ANA',
      types: 'public_channel,private_channel',
    });
    const lines = linesOf(first);
    expect(lines[0]).toBe('Your reading groups');
    expect(lines).toContain('<#C0READING> · nothing posted yet');
    expect(lines.join('\n')).not.toContain('C0ELSEWHERE');
    expect(lines).toContain(
      '🎤 You lead the discussion on *Mon 30 Nov 2026*: <https://www.deeplearningbook.org/contents/optimization.html|SGD · Momentum · RMSProp · Optimization>.',
    );
    expect(lines).toContain(
      'Next: Mon 30 Nov 2026 <https://www.deeplearningbook.org/contents/optimization.html|SGD · Momentum · RMSProp · Optimization> (led by <@U0ANA>)' +
        ' · Mon 7 Dec 2026 <https://arxiv.org/abs/1502.03167|BatchNorm> (led by <@U0BEN>)' +
        ' · Mon 14 Dec 2026 <http://papers.nips.cc/paper/2800-convex-neural-networks.pdf|Convex Neural Networks> (led by <@U0ANA>)',
    );
    const progress = lines.find((line) => line.startsWith('Round 1:')) ?? '';
    expect(progress).toMatch(
      /^Round 1: 0 of 110 readings\. Popular Optimization algorithms 0\/5 · Normalization Methods 0\/6 · /,
    );

    // The Messages tab is not the Home tab; someone in no subscribed channel is told how to start.
    await openTab(url, 'U0ANA', 'messages');
    await openTab(url, 'U0BEN');
    await stub.waitFor(() => publishedFor('U0BEN').length === 1);
    expect(linesOf(publishedFor('U0BEN')[0])).toContain(
      'None of the channels you are in gets a paper of the week yet. In a channel, `/optpaper subscribe` starts one.',
    );
    expect(publishedFor('U0ANA')).toHaveLength(1);

    // The post goes out: Ana's tab (she is in the channel) is published again, once; Ben's is not.
    time.set(new Date(slot.getTime() + 1000));
    const [outcome] = await bot.runner.runDue(time.now());
    expect(outcome?.status).toBe('posted');
    await stub.waitFor(() => publishedFor('U0ANA').length === 2);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(publishedFor('U0ANA')).toHaveLength(2);
    expect(publishedFor('U0BEN')).toHaveLength(1);
    const after = linesOf(publishedFor('U0ANA')[1]);
    const ts = String((outcome?.messageTs ?? '').replace('.', ''));
    expect(after).toContain(
      `<#C0READING> · this week: *<https://www.deeplearningbook.org/contents/optimization.html|SGD · Momentum · RMSProp · Optimization>* (since Mon 30 Nov 2026) · <https://readinggroup.slack.com/archives/C0READING/p${ts}|discussion thread>`,
    );
    expect(after.find((line) => line.startsWith('Round 1:'))).toMatch(
      /^Round 1: 1 of 110 readings\. Popular Optimization algorithms 1\/5 · Normalization Methods 0\/6 · /,
    );
    expect(after).toContain(
      '🎤 You lead the discussion on *Mon 14 Dec 2026*: <http://papers.nips.cc/paper/2800-convex-neural-networks.pdf|Convex Neural Networks>.',
    );

    // A change in the channel (a skip of the next paper) publishes her tab again.
    await command('skip', 'C0READING');
    await stub.waitFor(() => publishedFor('U0ANA').length === 3);
    expect(linesOf(publishedFor('U0ANA')[2]).find((line) => line.startsWith('Next:'))).not.toContain(
      'BatchNorm',
    );
    // So does a change of leaders: Ben skips his turn, so Ana leads the next post and Ben the one after.
    await command('presenters skip <@U0BEN|ben>', 'C0READING');
    await stub.waitFor(() => publishedFor('U0ANA').length === 4);
    expect(linesOf(publishedFor('U0ANA')[3]).find((line) => line.startsWith('Next:'))).toMatch(
      /^Next: Mon 7 Dec 2026 .*\(led by <@U0ANA>\) · Mon 14 Dec 2026 .*\(led by <@U0BEN>\)/,
    );
    expect(publishedFor('U0BEN')).toHaveLength(1);
  });

  it('shows a channel’s open votes and the person’s own ballot, and says so when the channels cannot be read', async () => {
    stub = await new SlackApiStub().start();
    stub.memberships = { U0ANA: ['C0READING'] };
    const time = new TestClock();
    time.set(sunday);
    const database = scratchDatabase();
    const { url, command } = await start(time, database);
    await command('subscribe monday 9:00 UTC', 'C0READING');
    // A vote as the votes feature opens it, through the store (a second connection to the bot's file).
    const writer = openStore(database);
    const scoped = writer.team('T0TEAM');
    const vote = await scoped.startVote({
      channel: 'C0READING',
      slot,
      candidates: [
        { key: 'sgd', title: 'SGD', section: 'Popular Optimization algorithms', origin: 'rotation' },
        { key: 'batchnorm', title: 'BatchNorm', section: 'Normalization Methods', origin: 'rotation' },
      ],
      at: sunday,
    });
    if (!vote) throw new Error('no vote');
    await scoped.setVoteMessage(vote.id, '1764000000.000500');
    await scoped.castBallot(vote.id, { user: 'U0ANA', choice: 'batchnorm', at: sunday });
    await writer.close();

    await openTab(url, 'U0ANA');
    await stub.waitFor(() => publishedFor('U0ANA').length === 1);
    expect(linesOf(publishedFor('U0ANA')[0])).toContain(
      '🗳 <https://readinggroup.slack.com/archives/C0READING/p1764000000000500|Vote open for Mon 30 Nov 2026>: SGD · BatchNorm. You voted for BatchNorm.',
    );

    stub.script('users.conversations', { body: { ok: false, error: 'missing_scope' } });
    await openTab(url, 'U0ANA');
    await stub.waitFor(() => publishedFor('U0ANA').length === 2);
    expect(linesOf(publishedFor('U0ANA')[1])).toContain(
      'I cannot see which channels you are in: this install of optpaper lacks the channels:read and groups:read scopes. Ask whoever installed it to reinstall it.',
    );
  });
});

describe('the Home tab on a bad day', () => {
  it('says the paper of the week is unavailable when the database cannot be used, instead of staying stale', async () => {
    const fixture = weeklyFixture();
    const weekly = createWeeklyService({
      store: fixture.team,
      library: fixture.library,
      defaults: { cron: '0 9 * * 1', timeZone: 'UTC' },
    });
    await fixture.team.subscribe({
      channel: 'C0READING',
      cron: '0 9 * * 1',
      timeZone: 'UTC',
      createdBy: 'U0',
      at: sunday,
    });
    const app = await startTestApp({ store: fixture.store, weeklyFor: () => weekly, clock: () => sunday });
    try {
      app.stub.memberships = { U0ANA: ['C0READING'] };
      await fixture.store.close();
      await openTab(app.eventsUrl, 'U0ANA');
      await app.stub.waitFor((calls) => calls.some((call) => call.method === 'views.publish'));
      expect(JSON.stringify(app.stub.callsTo('views.publish')[0]?.body.view)).toContain(
        'The paper of the week is unavailable right now: my database cannot be used, and the operator has been alerted.',
      );
    } finally {
      await app.stop();
    }
  });
});
