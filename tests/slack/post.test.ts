import { webApi } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webClientOptions } from '../../src/slack/app.ts';
import { interactivePolicy, type PostResult, postMessage, type RetryPolicy } from '../../src/slack/post.ts';
import { weeklyPolicy } from '../../src/weekly/run-due.ts';
import { SlackApiStub } from '../support/slack-api-stub.ts';

const stub = new SlackApiStub();
beforeAll(() => stub.start());
afterAll(() => stub.close());

const message = { channel: 'C0READING', text: 'Paper of the week: ADAM', blocks: [] };

/** Post through the bot's real Web API client options, recording the waits instead of sleeping. */
async function post(
  policy: RetryPolicy,
  signal?: AbortSignal,
): Promise<{ result: PostResult; waits: number[]; texts: unknown[] }> {
  const client = new webApi.WebClient('xoxb-test', webClientOptions(stub.apiUrl));
  const waits: number[] = [];
  const before = stub.calls.length;
  const result = await postMessage(
    client,
    message,
    policy,
    async (ms) => {
      waits.push(ms);
    },
    signal,
  );
  const texts = stub.calls.slice(before).map((call) => call.body.text);
  return { result, waits, texts };
}

const error = (code: string) => ({ body: { ok: false, error: code } });

describe('postMessage with the weekly retry policy', () => {
  it('retries a 5xx with backoff and succeeds, the paper posted once', async () => {
    stub.script('chat.postMessage', { status: 500, body: {} }, { status: 503, body: {} });
    const { result, waits, texts } = await post(weeklyPolicy);
    expect(result).toMatchObject({ ok: true, attempts: 3 });
    expect(waits).toEqual([2000, 4000]);
    expect(texts).toEqual(Array(3).fill('Paper of the week: ADAM'));
  });

  it.each(['internal_error', 'fatal_error', 'request_timeout', 'service_unavailable'])(
    'retries an ok:false %s answer: Slack failed, the request was fine',
    async (code) => {
      stub.script('chat.postMessage', error(code));
      const { result, waits } = await post(weeklyPolicy);
      expect(result).toMatchObject({ ok: true, attempts: 2 });
      expect(waits).toEqual([2000]);
    },
  );

  it('waits out Retry-After in full, not the backoff', async () => {
    stub.script('chat.postMessage', {
      status: 429,
      headers: { 'retry-after': '120' },
      body: error('ratelimited').body,
    });
    const { result, waits } = await post(weeklyPolicy);
    expect(result).toMatchObject({ ok: true, attempts: 2 });
    expect(waits).toEqual([120_000]);
  });

  it('gives up at once on a refusal retrying cannot fix (not_in_channel), naming it', async () => {
    stub.script('chat.postMessage', error('not_in_channel'));
    const { result, waits, texts } = await post(weeklyPolicy);
    expect(result).toEqual({ ok: false, failure: 'refused', error: 'not_in_channel', attempts: 1 });
    expect(waits).toEqual([]);
    expect(texts).toHaveLength(1);
  });

  it('gives up after five attempts, saying what the last failure was', async () => {
    stub.script('chat.postMessage', ...Array(5).fill({ status: 502, body: {} }));
    const { result, waits } = await post(weeklyPolicy);
    expect(result).toEqual({ ok: false, failure: 'server', error: 'HTTP 502', attempts: 5 });
    expect(waits).toEqual([2000, 4000, 8000, 16_000]);
  });

  it('makes no further attempt once the bot is stopping', async () => {
    const stopping = new AbortController();
    stopping.abort();
    stub.script('chat.postMessage', { status: 500, body: {} });
    const { result, texts } = await post(weeklyPolicy, stopping.signal);
    expect(result).toMatchObject({ ok: false, failure: 'stopped', attempts: 1 });
    expect(texts).toHaveLength(1);
  });
});

describe('postMessage with the interactive policy (someone is waiting)', () => {
  it('does not retry a 5xx: the post may have landed, a second one would double it', async () => {
    stub.script('chat.postMessage', { status: 500, body: {} });
    const { result, texts } = await post(interactivePolicy);
    expect(result).toMatchObject({ ok: false, failure: 'server', attempts: 1 });
    expect(texts).toHaveLength(1);
  });

  it('does not retry before a Retry-After longer than it can wait', async () => {
    stub.script('chat.postMessage', {
      status: 429,
      headers: { 'retry-after': '30' },
      body: error('ratelimited').body,
    });
    const { result, waits } = await post(interactivePolicy);
    expect(result).toMatchObject({ ok: false, failure: 'ratelimited', attempts: 1 });
    expect(waits).toEqual([]);
  });
});

describe('postMessage when Slack cannot be reached', () => {
  it('reports a network failure', async () => {
    const client = new webApi.WebClient('xoxb-test', webClientOptions('http://127.0.0.1:9/api/'));
    const result = await postMessage(client, message, { ...weeklyPolicy, attempts: 2 }, async () => {});
    expect(result).toMatchObject({ ok: false, failure: 'network', attempts: 2 });
  });
});
