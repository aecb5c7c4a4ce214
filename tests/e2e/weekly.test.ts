import { afterEach, describe, expect, it } from 'vitest';
import type { RunningBot } from '../../src/bot.ts';
import { scratchDatabase, startTestBot, titleOf, weeklyPostsOf } from '../support/bot.ts';
import { commandBody, postSigned } from '../support/signing.ts';
import { SlackApiStub } from '../support/slack-api-stub.ts';
import { until } from '../support/wait.ts';

let stub: SlackApiStub;
let bots: RunningBot[] = [];
afterEach(async () => {
  await Promise.all(bots.map((bot) => bot.stop()));
  bots = [];
  await stub?.close();
});

async function start(env: Record<string, string>): Promise<{ bot: RunningBot; url: string; logs: string[] }> {
  const started = await startTestBot(stub, env);
  bots.push(started.bot);
  return started;
}

const weeklyPosts = (channel: string) => weeklyPostsOf(stub, channel);
const database = scratchDatabase;

describe('the paper of the week, end to end', () => {
  it('posts on WEEKLY_CRON to WEEKLY_CHANNEL with a discussion thread, and a restart continues without repeats', async () => {
    stub = await new SlackApiStub().start();
    const env = { WEEKLY_CHANNEL: 'C0WEEKLY', WEEKLY_CRON: '*/2 * * * * *', OPTPAPER_DB: database() };
    const first = await start(env);
    await stub.waitFor(() => weeklyPosts('C0WEEKLY').length >= 2, 10_000);
    await first.bot.stop();
    const before = weeklyPosts('C0WEEKLY').map(titleOf);
    expect(before.slice(0, 2)).toEqual(['SGD · Momentum · RMSProp · Optimization', 'BatchNorm']);
    // Every post opened a thread under itself: a reply whose thread_ts is the ts Slack gave that post.
    for (const post of weeklyPosts('C0WEEKLY')) {
      const ts = (post.answer?.body as { ts?: string } | undefined)?.ts;
      expect(ts).toMatch(/^\d+\.\d+$/);
      const replies = stub.callsTo('chat.postMessage').filter((call) => call.body.thread_ts === ts);
      expect(replies.map((reply) => reply.body.channel)).toEqual(['C0WEEKLY']);
      expect(JSON.stringify(replies[0]?.body.blocks)).toContain('Related in the list');
      expect(JSON.stringify(post.body.blocks)).toContain('readings so far');
    }

    await start(env);
    await stub.waitFor(() => weeklyPosts('C0WEEKLY').length >= before.length + 2, 10_000);
    const titles = weeklyPosts('C0WEEKLY').map(titleOf);
    expect(new Set(titles).size).toBe(titles.length);
    expect(titles.slice(0, 4)).toEqual([
      'SGD · Momentum · RMSProp · Optimization',
      'BatchNorm',
      'Convex Neural Networks',
      'Curriculum Learning',
    ]);
  });

  it('/optpaper week links to the post’s thread in the workspace (the URL auth.test gave)', async () => {
    stub = await new SlackApiStub().start();
    const { url } = await start({
      WEEKLY_CHANNEL: 'C0WEEKLY',
      WEEKLY_CRON: '*/2 * * * * *',
      OPTPAPER_DB: database(),
    });
    await stub.waitFor(() => weeklyPosts('C0WEEKLY').length >= 1, 10_000);
    const ts = String((weeklyPosts('C0WEEKLY')[0]?.answer?.body as { ts?: string } | undefined)?.ts);
    await stub.waitFor(() => stub.callsTo('chat.postMessage').some((call) => call.body.thread_ts === ts));
    const response = await postSigned(
      url,
      commandBody({ text: 'week', channel_id: 'C0WEEKLY' }),
      'application/x-www-form-urlencoded',
    );
    expect(JSON.stringify(await response.json())).toContain(
      `<https://readinggroup.slack.com/archives/C0WEEKLY/p${ts.replace('.', '')}|Open the discussion thread>`,
    );
  });

  it('retries a first attempt answered 429 and does not skip the paper', async () => {
    stub = await new SlackApiStub().start();
    stub.script('chat.postMessage', {
      status: 429,
      headers: { 'retry-after': '1' },
      body: { ok: false, error: 'ratelimited' },
    });
    const { bot } = await start({
      WEEKLY_CHANNEL: 'C0WEEKLY',
      WEEKLY_CRON: '*/2 * * * * *',
      OPTPAPER_DB: database(),
    });
    await stub.waitFor(() => weeklyPosts('C0WEEKLY').length >= 2, 10_000);
    const [refused, accepted] = weeklyPosts('C0WEEKLY');
    expect(titleOf(refused)).toBe('SGD · Momentum · RMSProp · Optimization');
    expect(titleOf(accepted)).toBe('SGD · Momentum · RMSProp · Optimization');
    const posted = bot.store.team(bot.team);
    await until(async () => (await posted.posts('C0WEEKLY')).length >= 1);
    expect((await posted.posts('C0WEEKLY')).map((fire) => [fire.paperIds[0], fire.attempts]).at(-1)).toEqual([
      'sgd',
      2,
    ]);
  });

  it('does not subscribe WEEKLY_CHANNEL again after it unsubscribed from Slack, until it subscribes again', async () => {
    stub = await new SlackApiStub().start();
    const env = { WEEKLY_CHANNEL: 'C0WEEKLY', OPTPAPER_DB: database() };
    const first = await start(env);
    expect(await first.bot.store.team(first.bot.team).subscription('C0WEEKLY')).toMatchObject({
      createdBy: 'WEEKLY_CHANNEL',
    });
    const unsubscribe = await postSigned(
      first.url,
      commandBody({ text: 'unsubscribe', channel_id: 'C0WEEKLY' }),
      'application/x-www-form-urlencoded',
    );
    expect(JSON.stringify(await unsubscribe.json())).toContain(
      'This channel will no longer get a paper of the week.',
    );
    await first.bot.stop();

    const restarted = await start(env);
    expect(await restarted.bot.store.team(restarted.bot.team).subscription('C0WEEKLY')).toBeUndefined();
    expect(restarted.logs.join('')).toContain('WEEKLY_CHANNEL C0WEEKLY unsubscribed from Slack on');
  });

  it('subscribes and unsubscribes a channel through signed slash commands', async () => {
    stub = await new SlackApiStub().start();
    const { bot, url } = await start({ OPTPAPER_DB: database() });
    const command = async (text: string) => {
      const response = await postSigned(
        url,
        commandBody({ text, channel_id: 'C0NEW' }),
        'application/x-www-form-urlencoded',
      );
      return JSON.stringify(await response.json());
    };
    const subscribed = await command('subscribe monday 9am Europe/Paris');
    expect(subscribed).toContain(
      'This channel now gets a paper of the week every Monday at 09:00 (Europe/Paris).',
    );
    expect(subscribed).toContain('"response_type":"in_channel"');
    expect(await bot.store.team(bot.team).subscription('C0NEW')).toMatchObject({
      cron: '0 9 * * 1',
      timeZone: 'Europe/Paris',
      createdBy: 'U0ALICE',
    });
    expect(await command('schedule')).toContain('every Monday at 09:00 (Europe/Paris)');
    expect(await command('upcoming 2')).toContain('SGD · Momentum · RMSProp · Optimization');
    expect(await command('unsubscribe')).toContain('This channel will no longer get a paper of the week.');
    expect(await bot.store.team(bot.team).subscription('C0NEW')).toBeUndefined();
    expect(await command('schedule')).toContain('This channel does not get a paper of the week.');
  });
});
