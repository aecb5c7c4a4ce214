import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { webApi } from '@slack/bolt';
import { afterEach, describe, expect, it } from 'vitest';
import { unreachableSlackMessage } from '../src/network-errors.ts';
import { closedPort } from './support/ports.ts';

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** A local server answering as `handle` says, and its port. */
async function serve(handle: Parameters<typeof createServer>[1]): Promise<number> {
  const server = createServer(handle);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/** What the Web API client really throws for auth.test at a base URL (no retries). */
async function failure(apiUrl: string, timeout = 0): Promise<unknown> {
  const client = new webApi.WebClient('xoxb-1-test', {
    slackApiUrl: apiUrl,
    retryConfig: { retries: 0 },
    timeout,
  });
  try {
    await client.auth.test();
  } catch (error) {
    return error;
  }
  throw new Error('auth.test succeeded');
}

const advice = '(network, DNS, firewall); the bot connects directly, it does not use HTTPS_PROXY';

describe('unreachableSlackMessage: Slack cannot be reached at start-up', () => {
  it('blames the network, not SLACK_API_URL, when the address is Slack’s own (SLACK_API_URL unset)', async () => {
    const port = await closedPort();
    const apiUrl = `http://127.0.0.1:${port}/api/`;
    expect(unreachableSlackMessage(apiUrl, false, await failure(apiUrl))).toBe(
      `cannot reach Slack at ${apiUrl}: 127.0.0.1:${port} refused the connection. ` +
        `Check this machine's connection to 127.0.0.1 ${advice}`,
    );
  });

  it('names SLACK_API_URL when the user set it', async () => {
    const port = await closedPort();
    const apiUrl = `http://127.0.0.1:${port}/api/`;
    expect(unreachableSlackMessage(apiUrl, true, await failure(apiUrl))).toBe(
      `SLACK_API_URL: cannot reach ${apiUrl}: 127.0.0.1:${port} refused the connection. ` +
        "Check SLACK_API_URL and that this server is running (unset, it is Slack's own https://slack.com/api/)",
    );
  });

  it('says a name that does not resolve is a DNS failure', async () => {
    // `.invalid` never resolves (RFC 2606), with or without a network.
    const apiUrl = 'https://slack.invalid/api/';
    expect(unreachableSlackMessage(apiUrl, false, await failure(apiUrl))).toBe(
      `cannot reach Slack at ${apiUrl}: the name slack.invalid could not be looked up (DNS). ` +
        `Check this machine's connection to slack.invalid ${advice}`,
    );
  });

  it('says a server that never answers did not answer in time', async () => {
    const port = await serve(() => undefined);
    const apiUrl = `http://127.0.0.1:${port}/api/`;
    expect(unreachableSlackMessage(apiUrl, false, await failure(apiUrl, 200))).toBe(
      `cannot reach Slack at ${apiUrl}: 127.0.0.1:${port} did not answer in time. ` +
        `Check this machine's connection to 127.0.0.1 ${advice}`,
    );
  });

  it('says what answered when it is not the Web API (a wrong path, a proxy’s error page)', async () => {
    const port = await serve((_request, response) => response.writeHead(404).end('Not Found'));
    const apiUrl = `http://127.0.0.1:${port}/wrong/`;
    expect(unreachableSlackMessage(apiUrl, true, await failure(apiUrl))).toMatch(
      new RegExp(
        `^SLACK_API_URL: cannot reach ${apiUrl}: it answered HTTP 404, not as Slack's Web API does\\. `,
      ),
    );
  });
});
