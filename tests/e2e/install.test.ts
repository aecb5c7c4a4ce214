import { createServer } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { scratchDatabase, startTestBot, type TestBot } from '../support/bot.ts';
import { launchBrowser } from '../support/browser.ts';
import { commandBody, mentionBody, postSigned } from '../support/signing.ts';
import { SlackApiStub } from '../support/slack-api-stub.ts';
import { until } from '../support/wait.ts';

let browser: Browser;
let stub: SlackApiStub;
let started: TestBot;
let base: string;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

afterEach(async () => {
  await started?.bot.stop();
  await stub?.close();
});

/** A port that is free now: the redirect URL must name the port before the bot binds it. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address ? address.port : 0;
}

/** The bot with OAuth installs, against a stand-in for Slack's Web API and its authorize page. */
async function startInstallable(): Promise<void> {
  stub = await new SlackApiStub().start();
  const port = await freePort();
  base = `http://localhost:${port}`;
  started = await startTestBot(
    stub,
    {
      PORT: String(port),
      OPTPAPER_DB: scratchDatabase(),
      SLACK_CLIENT_ID: '1234567890.9876543210',
      SLACK_CLIENT_SECRET: 'c0ffee00c0ffee00c0ffee00c0ffee00',
      SLACK_STATE_SECRET: 'a state secret of this deployment',
      SLACK_REDIRECT_URI: `${base}/slack/oauth_redirect`,
    },
    { maintenanceMs: 100 },
  );
}

describe('installing into a workspace from the “Add to Slack” page (headless Chromium)', () => {
  it('shows what the bot does, goes through Slack’s page, stores the installation, and the workspace then works', async () => {
    await startInstallable();
    const page = await browser.newPage();
    await page.goto(`${base}/slack/install`);
    expect(await page.title()).toBe('Add optpaper to Slack');
    expect(await page.locator('h1').textContent()).toBe('optpaper: a reading group’s paper list, in Slack');
    expect(await page.locator('body').textContent()).toContain('It reads no channel history.');
    await page.click('#add-to-slack');
    await page.waitForSelector('#outcome');
    expect(await page.locator('#outcome').textContent()).toBe('optpaper is installed in New Reading Group ✓');
    // Slack's page was asked for the manifest's scopes, with the redirect URL and a state.
    const [authorize] = stub.callsTo('oauth.authorize');
    expect(authorize?.body).toMatchObject({
      client_id: '1234567890.9876543210',
      scope: 'commands,chat:write,app_mentions:read,links:read,links:write,channels:read,groups:read',
      redirect_uri: `${base}/slack/oauth_redirect`,
    });
    expect(String(authorize?.body.state)).not.toBe('');
    const installation = await started.bot.store.installation('T0NEW');
    expect(JSON.parse(installation?.installation ?? '{}')).toMatchObject({
      team: { id: 'T0NEW', name: 'New Reading Group' },
      bot: { token: 'xoxb-installed-T0NEW', userId: 'U0OPTBOT' },
    });
    // The new workspace is served with its own token.
    await postSigned(
      started.url,
      mentionBody({ text: '<@U0OPTBOT> sharp minima', team_id: 'T0NEW', event_id: 'Ev0NEWTEAM' }),
      'application/json',
    );
    await stub.waitFor((calls) => calls.some((call) => call.method === 'chat.postMessage'));
    expect(stub.callsTo('chat.postMessage')[0]?.authorization).toBe('Bearer xoxb-installed-T0NEW');
    await page.close();
  });

  it('a replayed authorization code gets a clear page, and nothing is installed twice', async () => {
    await startInstallable();
    const page = await browser.newPage();
    await page.goto(`${base}/slack/install`);
    await page.click('#add-to-slack');
    await page.waitForSelector('#outcome');
    // A second install in the same browser, whose redirect carries the first, already used, code.
    await page.goto(`${base}/slack/install`);
    const href = (await page.locator('#add-to-slack').getAttribute('href')) ?? '';
    const state = new URL(href).searchParams.get('state') ?? '';
    await page.goto(`${base}/slack/oauth_redirect?${new URLSearchParams({ code: 'code-1', state })}`);
    expect(await page.locator('#outcome').textContent()).toBe('Slack refused this authorization');
    expect(await page.locator('body').textContent()).toContain('it was already used');
    expect(await page.locator('a.button').getAttribute('href')).toBe('/slack/install');
    expect(stub.callsTo('oauth.v2.access').map((call) => call.answer?.body)).toEqual([
      expect.objectContaining({ ok: true }),
      { ok: false, error: 'invalid_code' },
    ]);
    await page.close();
  });

  it('a redirect with a state this browser did not start gets a clear page (400), and nothing is installed', async () => {
    await startInstallable();
    const context = await browser.newContext();
    const page = await context.newPage();
    const response = await page.goto(`${base}/slack/oauth_redirect?code=code-9&state=forged-state`);
    expect(response?.status()).toBe(400);
    expect(await page.locator('#outcome').textContent()).toBe('This install link is not valid here');
    expect(stub.callsTo('oauth.v2.access')).toEqual([]);
    expect(await started.bot.store.installation('T0NEW')).toBeUndefined();
    await context.close();
  });

  it('an install cancelled on Slack’s page says so, and nothing is installed', async () => {
    await startInstallable();
    stub.denyInstall = true;
    const page = await browser.newPage();
    await page.goto(`${base}/slack/install`);
    await page.click('#add-to-slack');
    await page.waitForSelector('#outcome');
    expect(await page.locator('#outcome').textContent()).toBe('Install cancelled');
    expect(await started.bot.store.installation('T0NEW')).toBeUndefined();
    await page.close();
  });
});

describe('a workspace that uninstalls the app', () => {
  it('loses its tokens and its weekly posts (app_uninstalled, delivered twice), and keeps its history', async () => {
    await startInstallable();
    const page = await browser.newPage();
    await page.goto(`${base}/slack/install`);
    await page.click('#add-to-slack');
    await page.waitForSelector('#outcome');
    await page.close();
    const team = started.bot.store.team('T0NEW');
    await team.subscribe({
      channel: 'C0NEW',
      cron: '* * * * * *',
      timeZone: 'UTC',
      createdBy: 'U0ALICE',
      at: new Date(),
    });
    const subscribed = await postSigned(
      started.url,
      new URLSearchParams({
        ...Object.fromEntries(new URLSearchParams(commandBody({ text: 'schedule', channel_id: 'C0NEW' }))),
        team_id: 'T0NEW',
      }).toString(),
      'application/x-www-form-urlencoded',
    );
    expect(JSON.stringify(await subscribed.json())).toContain('This channel gets a paper of the week');
    // The scheduler arms the new schedule at its next refresh: a subscription from Slack would do it at once.
    await started.bot.runner.runDue(new Date(Date.now() + 1000));
    await until(
      async () => (await team.posts('C0NEW')).length >= 1,
      5000,
      'a weekly post in the new workspace',
    );
    const uninstalled = JSON.stringify({
      token: 'x',
      team_id: 'T0NEW',
      api_app_id: 'A0OPTPAPER',
      type: 'event_callback',
      event_id: 'Ev0GONE',
      event_time: Math.floor(Date.now() / 1000),
      event: { type: 'app_uninstalled' },
    });
    for (let delivery = 0; delivery < 2; delivery++) {
      expect((await postSigned(started.url, uninstalled, 'application/json')).status).toBe(200);
    }
    await until(
      async () => (await started.bot.store.installation('T0NEW')) === undefined,
      5000,
      'the tokens deleted',
    );
    expect(await started.bot.store.uninstalledAt('T0NEW')).toBeInstanceOf(Date);
    expect(started.logs.join('')).toContain(
      'uninstalled from T0NEW: its tokens are deleted and its weekly posts stop',
    );
    const postsBefore = stub.callsTo('chat.postMessage').length;
    expect(await started.bot.runner.runDue(new Date(Date.now() + 5000))).toEqual([]);
    expect(stub.callsTo('chat.postMessage')).toHaveLength(postsBefore);
    // Its history stays, until purged.
    expect((await team.posts('C0NEW')).length).toBeGreaterThanOrEqual(1);
    expect(await team.subscription('C0NEW')).toMatchObject({
      team: 'T0NEW',
      channel: 'C0NEW',
      cron: '* * * * * *',
    });
  });
});
