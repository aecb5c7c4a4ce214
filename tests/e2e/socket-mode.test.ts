import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { type WebSocket, WebSocketServer } from 'ws';
import { openStore } from '../../src/store/sqlite.ts';
import { actionBody } from '../support/signing.ts';
import { SlackApiStub } from '../support/slack-api-stub.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { until } from '../support/wait.ts';

let app: TestApp | undefined;
let server: WebSocketServer | undefined;
afterEach(async () => {
  await app?.stop();
  const closing = server;
  server = undefined;
  app = undefined;
  if (closing) await new Promise((resolve) => closing.close(resolve));
});

/** A stand-in for Slack's Socket Mode endpoint: says hello to each connection, and lets the test send envelopes. */
async function socketEndpoint(): Promise<{
  url: string;
  connected: Promise<WebSocket>;
  /** Every connection so far, in order (a reconnection adds one). */
  sockets: WebSocket[];
}> {
  server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await new Promise((resolve) => server?.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  const sockets: WebSocket[] = [];
  server.on('connection', (socket) => {
    sockets.push(socket);
    socket.send(
      JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0OPTPAPER' } }),
    );
  });
  const connected = new Promise<WebSocket>((resolve) => {
    server?.once('connection', (socket) => resolve(socket));
  });
  return { url: `ws://127.0.0.1:${port}/link`, connected, sockets };
}

/** The acks the bot sent on a socket, by envelope id. */
function acksOf(socket: WebSocket): Map<string, { envelope_id: string; payload?: Record<string, unknown> }> {
  const acks = new Map<string, { envelope_id: string; payload?: Record<string, unknown> }>();
  socket.on('message', (data) => {
    const ack = JSON.parse(String(data)) as { envelope_id: string; payload?: Record<string, unknown> };
    acks.set(ack.envelope_id, ack);
  });
  return acks;
}

/** An events_api envelope carrying an app_mention (Socket Mode's redelivery reuses the event_id). */
function mentionEnvelope(envelopeId: string, eventId: string, retryAttempt = 0): string {
  return JSON.stringify({
    envelope_id: envelopeId,
    type: 'events_api',
    accepts_response_payload: false,
    retry_attempt: retryAttempt,
    retry_reason: retryAttempt > 0 ? 'timeout' : '',
    payload: {
      token: 'x',
      team_id: 'T0TEAM',
      api_app_id: 'A0OPTPAPER',
      type: 'event_callback',
      event_id: eventId,
      event_time: 1_700_000_000,
      authorizations: [{ team_id: 'T0TEAM', user_id: 'U0OPTBOT', is_bot: true }],
      event: {
        type: 'app_mention',
        user: 'U0ALICE',
        text: '<@U0OPTBOT> batch normalization',
        ts: '1700000600.000100',
        channel: 'C0READING',
        event_ts: '1700000600.000100',
      },
    },
  });
}

describe('Socket Mode', () => {
  it('connects through apps.connections.open and acks a slash command over the socket with the search', async () => {
    const stub = await new SlackApiStub().start();
    const endpoint = await socketEndpoint();
    stub.socketUrl = endpoint.url;
    app = await startTestApp({ stub, appToken: 'xapp-1-A0OPTPAPER-123-abc' });
    const [open] = stub.callsTo('apps.connections.open');
    expect(open?.authorization).toBe('Bearer xapp-1-A0OPTPAPER-123-abc');

    const socket = await endpoint.connected;
    const ack = new Promise<{ envelope_id: string; payload: { response_type: string; blocks: unknown[] } }>(
      (resolve) => {
        socket.on('message', (data) => resolve(JSON.parse(String(data))));
      },
    );
    socket.send(
      JSON.stringify({
        envelope_id: 'env-1',
        type: 'slash_commands',
        accepts_response_payload: true,
        payload: {
          token: 'x',
          team_id: 'T0TEAM',
          channel_id: 'C0READING',
          user_id: 'U0ALICE',
          command: '/optpaper',
          text: 'curiculum learning',
          api_app_id: 'A0OPTPAPER',
          response_url: stub.responseUrl('socket'),
          trigger_id: '1.2.3',
        },
      }),
    );
    const { envelope_id, payload } = await ack;
    expect(envelope_id).toBe('env-1');
    expect(payload.response_type).toBe('ephemeral');
    expect(JSON.stringify(payload.blocks)).toContain(
      '<https://ronan.collobert.com/pub/matos/2009_curriculum_icml.pdf|Curriculum Learning>',
    );
    // The answer travelled in the ack: nothing went through the Web API or the response_url.
    expect(stub.callsTo('chat.postMessage')).toEqual([]);
    expect(stub.callsTo('response:socket')).toEqual([]);
  });

  it('acks a command renamed in the manifest (a staging app’s /optpaper-dev) over the socket, naming it', async () => {
    const stub = await new SlackApiStub().start();
    const endpoint = await socketEndpoint();
    stub.socketUrl = endpoint.url;
    app = await startTestApp({ stub, appToken: 'xapp-1-A0OPTPAPER-123-abc' });
    const socket = await endpoint.connected;
    const acks = acksOf(socket);
    socket.send(
      JSON.stringify({
        envelope_id: 'env-dev',
        type: 'slash_commands',
        accepts_response_payload: true,
        payload: {
          token: 'x',
          team_id: 'T0TEAM',
          channel_id: 'C0READING',
          user_id: 'U0ALICE',
          command: '/optpaper-dev',
          text: 'halp',
          api_app_id: 'A0OPTPAPER',
          response_url: stub.responseUrl('socket'),
          trigger_id: '1.2.3',
        },
      }),
    );
    await until(() => acks.has('env-dev'), 5000, 'the command acknowledged');
    const reply = JSON.stringify(acks.get('env-dev')?.payload);
    expect(reply).toContain('Did you mean `/optpaper-dev help`?');
    expect(reply).toContain('Browse with `/optpaper-dev sections`, or see `/optpaper-dev help`.');
  });

  it('answers a mention delivered twice (Socket Mode redelivery: same event_id, new envelope) once, in its thread', async () => {
    const stub = await new SlackApiStub().start();
    const endpoint = await socketEndpoint();
    stub.socketUrl = endpoint.url;
    const store = openStore(':memory:');
    app = await startTestApp({ stub, store, appToken: 'xapp-1-A0OPTPAPER-123-abc' });
    const socket = await endpoint.connected;
    const acks = acksOf(socket);
    socket.send(mentionEnvelope('env-a', 'Ev0SOCKET'));
    socket.send(mentionEnvelope('env-b', 'Ev0SOCKET', 1));
    await until(() => acks.has('env-a') && acks.has('env-b'), 5000, 'both envelopes acknowledged');
    await stub.waitFor((calls) => calls.some((call) => call.method === 'chat.postMessage'));
    await new Promise((resolve) => setTimeout(resolve, 150));
    const replies = stub.callsTo('chat.postMessage');
    expect(replies).toHaveLength(1);
    expect(replies[0]?.body).toMatchObject({ channel: 'C0READING', thread_ts: '1700000600.000100' });
    expect(JSON.stringify(replies[0]?.body.blocks)).toContain('BatchNorm');
    await store.close();
  });

  it('handles a button press over the socket: Share posts once and replaces the results', async () => {
    const stub = await new SlackApiStub().start();
    const endpoint = await socketEndpoint();
    stub.socketUrl = endpoint.url;
    app = await startTestApp({ stub, appToken: 'xapp-1-A0OPTPAPER-123-abc' });
    const socket = await endpoint.connected;
    const acks = acksOf(socket);
    const payload = JSON.parse(
      new URLSearchParams(
        actionBody(
          { action_id: 'share_paper:0', value: 'sharp-minima-can-generalize-for-deep-nets' },
          { response_url: stub.responseUrl('socket-share') },
        ),
      ).get('payload') ?? '{}',
    ) as unknown;
    socket.send(
      JSON.stringify({
        envelope_id: 'env-press',
        type: 'interactive',
        accepts_response_payload: false,
        payload,
      }),
    );
    await until(() => acks.has('env-press'), 5000, 'the press acknowledged');
    await stub.waitFor((calls) => calls.some((call) => call.method === 'response:socket-share'));
    expect(stub.callsTo('chat.postMessage')).toHaveLength(1);
    expect(stub.callsTo('response:socket-share')[0]?.body).toMatchObject({ replace_original: true });
  });

  it('reconnects when Slack drops the socket, and answers on the new one; /healthz follows the connection', async () => {
    const stub = await new SlackApiStub().start();
    const endpoint = await socketEndpoint();
    stub.socketUrl = endpoint.url;
    app = await startTestApp({ stub, appToken: 'xapp-1-A0OPTPAPER-123-abc' });
    const first = await endpoint.connected;
    const health = async () => {
      const address = app?.running.server?.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      return { status: response.status, body: (await response.json()) as { slack: { ok: boolean } } };
    };
    expect(await health()).toMatchObject({
      status: 200,
      body: { slack: { ok: true, mode: 'socket', detail: 'connected' } },
    });
    first.close();
    await until(() => endpoint.sockets.length === 2, 10_000, 'a second connection');
    const second = endpoint.sockets[1] as WebSocket;
    const acks = acksOf(second);
    await until(async () => (await health()).status === 200, 5000, 'healthy again');
    second.send(mentionEnvelope('env-after', 'Ev0AFTER'));
    await until(() => acks.has('env-after'), 5000, 'the envelope acknowledged on the new socket');
    await stub.waitFor((calls) => calls.some((call) => call.method === 'chat.postMessage'));
    expect(stub.callsTo('apps.connections.open').length).toBeGreaterThanOrEqual(2);
  });
});

describe('Socket Mode on a bad day', () => {
  it('stops at once with one line when the app-level token lacks connections:write (missing_scope)', async () => {
    const stub = await new SlackApiStub().start();
    stub.script('apps.connections.open', {
      body: { ok: false, error: 'missing_scope', needed: 'connections:write' },
    });
    try {
      await expect(startTestApp({ stub, appToken: 'xapp-1-A0OPTPAPER-123-abc' })).rejects.toThrow(
        'SLACK_APP_TOKEN lacks the connections:write scope: in the app settings, Basic Information → App-Level Tokens, generate a token with connections:write',
      );
      // Once: no retry loop behind it.
      expect(stub.callsTo('apps.connections.open')).toHaveLength(1);
    } finally {
      await stub.close();
    }
  });

  it('gives up after a bounded number of attempts when the WebSocket cannot be reached, saying what to check', async () => {
    const stub = await new SlackApiStub().start();
    // A port nothing listens on.
    const closed = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    await new Promise((resolve) => closed.once('listening', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    stub.socketUrl = `ws://127.0.0.1:${port}/link`;
    try {
      const started = startTestApp({ stub, appToken: 'xapp-1-A0OPTPAPER-123-abc' });
      await expect(started).rejects.toThrow(
        /^Socket Mode could not connect to Slack after 3 attempts \(.*\): check that this machine can reach slack\.com and wss:\/\/wss-primary\.slack\.com \(network, DNS, firewall; the bot connects directly, it does not use HTTPS_PROXY\) and that SLACK_APP_TOKEN is right$/,
      );
    } finally {
      await stub.close();
    }
  });
});
