import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { type WebSocket, WebSocketServer } from 'ws';
import { SlackApiStub } from '../support/slack-api-stub.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp | undefined;
let server: WebSocketServer | undefined;
afterEach(async () => {
  await app?.stop();
  await new Promise((resolve) => server?.close(resolve));
});

/** A stand-in for Slack's Socket Mode endpoint: says hello, then lets the test send envelopes. */
async function socketEndpoint(): Promise<{ url: string; connected: Promise<WebSocket> }> {
  server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await new Promise((resolve) => server?.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  const connected = new Promise<WebSocket>((resolve) => {
    server?.once('connection', (socket) => {
      socket.send(
        JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0OPTPAPER' } }),
      );
      resolve(socket);
    });
  });
  return { url: `ws://127.0.0.1:${port}/link`, connected };
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
});
