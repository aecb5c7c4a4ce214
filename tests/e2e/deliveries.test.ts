import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/sqlite.ts';
import type { Store } from '../../src/store/types.ts';
import { actionBody, commandBody, mentionBody, postSigned } from '../support/signing.ts';
import { SlackApiStub } from '../support/slack-api-stub.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { HeldSleeps, until } from '../support/wait.ts';

const sharpMinima = 'sharp-minima-can-generalize-for-deep-nets';
let apps: TestApp[] = [];
let stores: Store[] = [];
afterEach(async () => {
  await Promise.all(apps.map((app) => app.stop()));
  await Promise.all(stores.map((store) => store.close()));
  apps = [];
  stores = [];
});

/** The real app with a real store (so it remembers deliveries), on a free port. */
async function start(
  options: { store?: Store; stub?: SlackApiStub; sleeps?: HeldSleeps; stopping?: AbortSignal } = {},
): Promise<TestApp> {
  const store = options.store ?? openStore(':memory:');
  if (!options.store) stores.push(store);
  const app = await startTestApp({
    store,
    ...(options.stub ? { stub: options.stub } : {}),
    ...(options.sleeps ? { sleep: options.sleeps.sleep } : {}),
    ...(options.stopping ? { stopping: options.stopping } : {}),
  });
  apps.push(app);
  return app;
}

const replies = (app: TestApp) => app.stub.callsTo('chat.postMessage');

describe('an app_mention delivered again', () => {
  const mention = mentionBody({
    text: '<@U0OPTBOT> sharp minima',
    ts: '1700000200.000300',
    event_id: 'Ev0SAME',
  });

  it('is answered once when Slack retries it (X-Slack-Retry-Num 1 and 2) and sends the original again', async () => {
    const app = await start();
    const deliveries: Record<string, string>[] = [
      {},
      { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
      { 'x-slack-retry-num': '2', 'x-slack-retry-reason': 'http_timeout' },
      {},
    ];
    for (const headers of deliveries) {
      const response = await signedWith(app.eventsUrl, mention, headers);
      // Every delivery is acknowledged, so that Slack stops retrying.
      expect(response.status).toBe(200);
    }
    await app.stub.waitFor((calls) => calls.some((call) => call.method === 'chat.postMessage'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(replies(app)).toHaveLength(1);
    expect(replies(app)[0]?.body).toMatchObject({ channel: 'C0READING', thread_ts: '1700000200.000300' });
    expect(JSON.stringify(replies(app)[0]?.body.blocks)).toContain(
      'Sharp Minima Can Generalize For Deep Nets',
    );
  });

  it('is answered once across a restart on the same database', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'optpaper-')), 'state.db');
    const stub = await new SlackApiStub().start();
    const first = openStore(path);
    const before = await start({ store: first, stub });
    await postSigned(before.eventsUrl, mention, 'application/json');
    await stub.waitFor((calls) => calls.some((call) => call.method === 'chat.postMessage'));
    await before.running.stop();
    await first.close();

    const second = openStore(path);
    stores.push(second);
    const after = await startTestApp({ store: second, stub });
    apps.push(after);
    const response = await signedWith(after.eventsUrl, mention, { 'x-slack-retry-num': '1' });
    expect(response.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(stub.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('is answered by the retry when the first reply was rate-limited to the end (certainly not posted)', async () => {
    const app = await start();
    const limited = {
      status: 429,
      headers: { 'retry-after': '1' },
      body: { ok: false, error: 'ratelimited' },
    };
    app.stub.script('chat.postMessage', limited, limited, limited);
    await postSigned(app.eventsUrl, mention, 'application/json');
    await app.stub.waitFor(
      (calls) => calls.filter((call) => call.method === 'chat.postMessage').length === 3,
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    await signedWith(app.eventsUrl, mention, { 'x-slack-retry-num': '1' });
    await app.stub.waitFor(
      (calls) => calls.filter((call) => call.method === 'chat.postMessage').length === 4,
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(replies(app).map((call) => call.answer?.status ?? 200)).toEqual([429, 429, 429, 200]);
  });

  it('is answered by the retry after a restart when the bot stopped while waiting out a rate limit', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'optpaper-')), 'state.db');
    const stub = await new SlackApiStub().start();
    const sleeps = new HeldSleeps();
    sleeps.holding = true;
    const stopping = new AbortController();
    const first = openStore(path);
    const before = await start({ store: first, stub, sleeps, stopping: stopping.signal });
    stub.script('chat.postMessage', { status: 429, headers: { 'retry-after': '1' }, body: {} });
    await postSigned(before.eventsUrl, mention, 'application/json');
    await until(() => sleeps.asked.length > 0, 5000, 'the wait Slack asked for');
    stopping.abort();
    await until(() => before.logs.join('').includes('was not posted (stopped)'), 5000, 'the give-up');
    sleeps.release();
    await before.running.stop();
    await first.close();
    expect(stub.callsTo('chat.postMessage')).toHaveLength(1);

    const second = openStore(path);
    stores.push(second);
    const after = await start({ store: second, stub });
    await signedWith(after.eventsUrl, mention, { 'x-slack-retry-num': '1' });
    await stub.waitFor((calls) => calls.filter((call) => call.method === 'chat.postMessage').length === 2);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(stub.callsTo('chat.postMessage').map((call) => call.answer?.status ?? 200)).toEqual([429, 200]);
    expect(JSON.stringify(stub.callsTo('chat.postMessage')[1]?.body.blocks)).toContain(
      'Sharp Minima Can Generalize For Deep Nets',
    );
  });

  it('is not answered again when the first reply may have gone through (a 500): never two replies', async () => {
    const app = await start();
    app.stub.script('chat.postMessage', { status: 500, body: { ok: false, error: 'internal_error' } });
    await postSigned(app.eventsUrl, mention, 'application/json');
    await app.stub.waitFor((calls) => calls.some((call) => call.method === 'chat.postMessage'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    await signedWith(app.eventsUrl, mention, { 'x-slack-retry-num': '1' });
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(replies(app)).toHaveLength(1);
  });
});

describe('a button press delivered again', () => {
  async function share(app: TestApp, name: string, actionTs = '1700000001.000200') {
    return postSigned(
      app.eventsUrl,
      actionBody(
        { action_id: 'share_paper:0', value: sharpMinima },
        { response_url: app.stub.responseUrl(name), action_ts: actionTs },
      ),
      'application/x-www-form-urlencoded',
    );
  }

  it('posts once when the same signed Share arrives three times, and replaces the results with “Shared ✓”', async () => {
    const app = await start();
    for (const name of ['one', 'two', 'three']) expect((await share(app, name)).status).toBe(200);
    await app.stub.waitFor((calls) => calls.some((call) => call.method === 'response:one'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(replies(app)).toHaveLength(1);
    expect(app.stub.callsTo('response:one')[0]?.body).toMatchObject({
      response_type: 'ephemeral',
      replace_original: true,
      text: 'Shared ✓ “Sharp Minima Can Generalize For Deep Nets” is in the channel now.',
    });
    // The repeats were acknowledged and did nothing: no second answer either.
    expect(app.stub.callsTo('response:two')).toEqual([]);
    expect(app.stub.callsTo('response:three')).toEqual([]);
  });

  it('posts once when a person double-clicks Share (two presses, two action_ts)', async () => {
    const app = await start();
    await Promise.all([share(app, 'first', '1700000001.000200'), share(app, 'second', '1700000001.000900')]);
    await app.stub.waitFor((calls) => calls.some((call) => call.method.startsWith('response:')));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(replies(app)).toHaveLength(1);
  });

  it('keeps the results (and Share) when the post failed, so that it can be pressed again', async () => {
    const app = await start();
    app.stub.script('chat.postMessage', { body: { ok: false, error: 'not_in_channel' } });
    await share(app, 'refused', '1700000002.000100');
    await app.stub.waitFor((calls) => calls.some((call) => call.method === 'response:refused'));
    expect(app.stub.callsTo('response:refused')[0]?.body.replace_original).toBe(false);
    await share(app, 'again', '1700000003.000100');
    await app.stub.waitFor((calls) => calls.some((call) => call.method === 'response:again'));
    expect(replies(app)).toHaveLength(2);
    expect(app.stub.callsTo('response:again')[0]?.body.replace_original).toBe(true);
  });
});

describe('Slack’s URL verification', () => {
  it('answers the signed url_verification challenge over HTTP with the challenge', async () => {
    const app = await start();
    const response = await postSigned(
      app.eventsUrl,
      JSON.stringify({ token: 'x', challenge: 'c0ffee-3x4mpl3', type: 'url_verification' }),
      'application/json',
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ challenge: 'c0ffee-3x4mpl3' });
  });
});

describe('bodies Bolt cannot take', () => {
  it('answers a signed `null` (JSON or form payload) with 400 and keeps serving', async () => {
    const app = await start();
    const json = await postSigned(app.eventsUrl, 'null', 'application/json');
    expect(json.status).toBe(400);
    expect(await json.text()).toBe('the body is not a JSON object\n');
    const form = await postSigned(app.eventsUrl, 'payload=null', 'application/x-www-form-urlencoded');
    expect(form.status).toBe(400);
    const list = await postSigned(app.eventsUrl, '[1,2]', 'application/json');
    expect(list.status).toBe(400);
    const broken = await postSigned(
      app.eventsUrl,
      'payload=%7Bnot-json',
      'application/x-www-form-urlencoded',
    );
    expect(broken.status).toBe(400);
    // Unsigned, the same body is a 401: nothing unsigned is even looked at.
    const unsigned = await fetch(app.eventsUrl, {
      method: 'POST',
      body: 'null',
      headers: { 'content-type': 'application/json' },
    });
    expect(unsigned.status).toBe(401);
    // Still alive and answering.
    const command = await postSigned(
      app.eventsUrl,
      commandBody({ text: 'adam' }),
      'application/x-www-form-urlencoded',
    );
    expect(command.status).toBe(200);
    expect(JSON.stringify(await command.json())).toContain('ADAM');
  });

  it('refuses a body over the size limit with 413 before reading it, and other requests go on', async () => {
    const app = await start();
    const huge = commandBody({ text: 'sharp minima '.repeat(100_000) });
    expect(huge.length).toBeGreaterThan(1_300_000);
    const [refused, answered] = await Promise.all([
      postSigned(app.eventsUrl, huge, 'application/x-www-form-urlencoded'),
      postSigned(app.eventsUrl, commandBody({ text: 'batchnorm' }), 'application/x-www-form-urlencoded'),
    ]);
    expect(refused.status).toBe(413);
    expect(JSON.stringify(await answered.json())).toContain('BatchNorm');
  });

  it('searches the first 500 characters of a long query, and says so', async () => {
    const app = await start();
    const long = `sharp minima ${'and some more words '.repeat(200)}`;
    const response = await postSigned(
      app.eventsUrl,
      commandBody({ text: long }),
      'application/x-www-form-urlencoded',
    );
    const reply = (await response.json()) as { text: string; blocks: unknown[] };
    expect(reply.text).toMatch(/^Your query was long: I searched its first 500 characters\. /);
    expect(JSON.stringify(reply.blocks[0])).toContain(
      'Your query was long: I searched its first 500 characters.',
    );
  });
});

/** A signed JSON post with extra headers (Slack's retry headers). */
function signedWith(url: string, body: string, headers: Record<string, string>): Promise<Response> {
  return postSigned(url, body, 'application/json', { extra: headers });
}

describe('log lines of a request (LOG_FORMAT=json)', () => {
  it('carry the request’s team, channel and request id as fields', async () => {
    const app = await startTestApp({ logFormat: 'json' });
    apps.push(app);
    app.stub.script('chat.postMessage', { body: { ok: false, error: 'not_in_channel' } });
    await postSigned(
      app.eventsUrl,
      actionBody(
        { action_id: 'share_paper:0', value: sharpMinima },
        { response_url: app.stub.responseUrl('log') },
      ),
      'application/x-www-form-urlencoded',
    );
    await app.stub.waitFor((calls) => calls.some((call) => call.method === 'response:log'));
    const line = app.logs
      .map((text) => JSON.parse(text) as Record<string, unknown>)
      .find((entry) => String(entry.msg).startsWith('share of sharp-minima'));
    expect(line).toMatchObject({
      level: 'warn',
      team: 'T0TEAM',
      channel: 'C0READING',
      requestId: '1.2.3',
      msg: 'share of sharp-minima-can-generalize-for-deep-nets in C0READING failed: refused not_in_channel',
    });
  });
});
