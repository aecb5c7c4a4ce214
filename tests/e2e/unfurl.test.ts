import { afterEach, describe, expect, it } from 'vitest';
import { createWeeklyService } from '../../src/weekly/service.ts';
import { actionBody, eventBody, postSigned } from '../support/signing.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { until } from '../support/wait.ts';
import { weeklyFixture } from '../support/weekly.ts';

let app: TestApp | undefined;
afterEach(async () => {
  await app?.stop();
  app = undefined;
});

const now = new Date('2026-12-10T12:00:00Z');
const adamPost = new Date('2026-12-07T09:00:00Z');

/** A channel that gets a paper of the week and had ADAM (and ADAMAX, one reading) on Mon 7 Dec. */
async function start() {
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
    createdBy: 'U0ALICE',
    at: new Date('2026-11-01T00:00:00Z'),
  });
  const id = await fixture.team.claimFire({
    channel: 'C0READING',
    scheduledAt: adamPost,
    paperIds: ['adam', 'adamax'],
    links: ['https://arxiv.org/abs/1412.6980'],
    section: 'Popular Optimization algorithms',
    cycle: 1,
    queued: false,
    at: adamPost,
  });
  await fixture.team.completeFire(id ?? 0, { messageTs: '1765098000.000100', at: adamPost });
  app = await startTestApp({
    library: fixture.library,
    store: fixture.store,
    weeklyFor: () => weekly,
    clock: () => now,
    workspaceUrl: () => 'https://readinggroup.slack.com/',
  });
  return { app, fixture };
}

/** A `link_shared` delivery of a message in a channel (or of links still in the composer). */
const linkShared = (
  urls: string[],
  options: { event_id?: string; channel?: string; source?: 'composer' | 'conversations_history' } = {},
) =>
  eventBody(
    {
      type: 'link_shared',
      channel: options.channel ?? 'C0READING',
      is_bot_user_member: true,
      user: 'U0BOB',
      message_ts: '1765360000.000200',
      unfurl_id: 'C0READING.1765360000.000200.abc',
      source: options.source ?? 'conversations_history',
      links: urls.map((url) => ({ domain: new URL(url).hostname, url })),
      event_ts: '1765360000.000300',
    },
    options.event_id ? { event_id: options.event_id } : {},
  );

const adamPdf = 'https://arxiv.org/pdf/1412.6980v9.pdf';
const nadamForum = 'https://openreview.net/forum?id=OM0jvwB8jIp57ZJjtNEZ';
const weightNormPdf =
  'https://papers.nips.cc/paper/6113-weight-normalization-a-simple-reparameterization-to-accelerate-training-of-deep-neural-networks.pdf';
const notInList = 'https://arxiv.org/abs/2101.00001';

describe('links that remember, end to end', () => {
  it('unfurls links to papers of the list: discussed here → the date and the thread; not yet → a Queue button; others → nothing', async () => {
    const { app } = await start();
    const response = await postSigned(
      app.eventsUrl,
      linkShared([adamPdf, nadamForum, notInList, weightNormPdf]),
      'application/json',
    );
    expect(response.status).toBe(200);
    await app.stub.waitFor((calls) => calls.some((call) => call.method === 'chat.unfurl'));
    const [call, ...more] = app.stub.callsTo('chat.unfurl');
    expect(more).toEqual([]);
    expect(call?.body.channel).toBe('C0READING');
    expect(call?.body.ts).toBe('1765360000.000200');
    const unfurls = call?.body.unfurls as Record<string, { blocks: unknown[] }>;
    expect(Object.keys(unfurls)).toEqual([adamPdf, nadamForum, weightNormPdf]);

    const adam = JSON.stringify(unfurls[adamPdf]?.blocks);
    expect(adam).toContain('*<https://arxiv.org/abs/1412.6980|ADAM · ADAMAX>*');
    expect(adam).toContain('_Popular Optimization algorithms_');
    expect(adam).toContain(
      'Discussed here on *Mon 7 Dec 2026*: <https://readinggroup.slack.com/archives/C0READING/p1765098000000100|open the thread>',
    );
    expect(adam).not.toContain('read_next');

    const nadam = unfurls[nadamForum]?.blocks as {
      accessory?: { action_id: string; value: string; text: { text: string } };
    }[];
    expect(JSON.stringify(nadam)).toContain('|NADAM>*');
    expect(nadam[0]?.accessory).toMatchObject({
      action_id: 'read_next:0',
      value: 'nadam',
      text: { text: 'Queue' },
    });
    expect(JSON.stringify(nadam)).toContain('Not discussed here yet');

    expect(JSON.stringify(unfurls[weightNormPdf]?.blocks)).toContain('|Weight Norm>*');
  });

  it('acknowledges the event before it unfurls: a slow chat.unfurl never holds the ack', async () => {
    const { app } = await start();
    app.stub.script('chat.unfurl', { body: { ok: true }, delayMs: 1500 });
    const response = await postSigned(app.eventsUrl, linkShared([adamPdf]), 'application/json');
    expect(response.status).toBe(200);
    // Answered while chat.unfurl has not been answered yet: not sent, or waiting in the stand-in.
    const unfurled = app.stub.callsTo('chat.unfurl').length;
    expect(unfurled === 0 || app.stub.pending === 1).toBe(true);
    await app.stub.waitFor((calls) => calls.some((call) => call.method === 'chat.unfurl'));
    await until(() => app.stub.pending === 0, 5000, 'the slow unfurl');
  });

  it('unfurls links still in the composer by their unfurl_id', async () => {
    const { app } = await start();
    await postSigned(app.eventsUrl, linkShared([adamPdf], { source: 'composer' }), 'application/json');
    await app.stub.waitFor((calls) => calls.some((call) => call.method === 'chat.unfurl'));
    const body = app.stub.callsTo('chat.unfurl')[0]?.body ?? {};
    expect(body).toMatchObject({ source: 'composer', unfurl_id: 'C0READING.1765360000.000200.abc' });
    expect(body.channel).toBeUndefined();
    expect(Object.keys(body.unfurls as object)).toEqual([adamPdf]);
  });

  it('unfurls once when Slack delivers the event twice, and not at all for links outside the list', async () => {
    const { app } = await start();
    const body = linkShared([adamPdf], { event_id: 'Ev0UNFURL1' });
    await postSigned(app.eventsUrl, body, 'application/json');
    await postSigned(app.eventsUrl, body, 'application/json', { extra: { 'x-slack-retry-num': '1' } });
    await postSigned(
      app.eventsUrl,
      linkShared([notInList, 'https://openreview.net/forum?id=nope']),
      'application/json',
    );
    await app.stub.waitFor((calls) => calls.some((call) => call.method === 'chat.unfurl'));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(app.stub.callsTo('chat.unfurl')).toHaveLength(1);
  });

  it('shows no Queue button in a channel without a paper of the week, and the Queue button queues the paper', async () => {
    const { app } = await start();
    await postSigned(app.eventsUrl, linkShared([nadamForum], { channel: 'C0ELSEWHERE' }), 'application/json');
    await app.stub.waitFor((calls) => calls.some((call) => call.method === 'chat.unfurl'));
    const elsewhere = JSON.stringify(app.stub.callsTo('chat.unfurl')[0]?.body.unfurls);
    expect(elsewhere).toContain('|NADAM>*');
    expect(elsewhere).not.toContain('read_next');

    await postSigned(
      app.eventsUrl,
      actionBody(
        { action_id: 'read_next:0', value: 'nadam' },
        { response_url: app.stub.responseUrl('queue') },
      ),
      'application/x-www-form-urlencoded',
    );
    await app.stub.waitFor((calls) => calls.some((call) => call.method === 'response:queue'));
    const answer = app.stub.callsTo('response:queue')[0]?.body;
    expect(answer?.response_type).toBe('in_channel');
    expect(answer?.text).toBe('NADAM is next: it will be the paper of the week on Mon 14 Dec 2026.');
  });

  it('queues from a press on the unfurl whose payload names the channel only in its container', async () => {
    const { app, fixture } = await start();
    const form = new URLSearchParams(
      actionBody(
        { action_id: 'read_next:0', value: 'nadam' },
        { response_url: app.stub.responseUrl('unfurl') },
      ),
    );
    const payload = JSON.parse(form.get('payload') ?? '{}') as Record<string, unknown>;
    delete payload.channel;
    payload.container = { type: 'message_attachment', channel_id: 'C0READING', is_app_unfurl: true };
    await postSigned(
      app.eventsUrl,
      new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
      'application/x-www-form-urlencoded',
    );
    await app.stub.waitFor((calls) => calls.some((call) => call.method === 'response:unfurl'));
    expect(app.stub.callsTo('response:unfurl')[0]?.body.text).toBe(
      'NADAM is next: it will be the paper of the week on Mon 14 Dec 2026.',
    );
    expect((await fixture.team.queue('C0READING')).map((entry) => entry.paperId)).toEqual(['nadam']);
  });
});
