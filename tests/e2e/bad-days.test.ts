import { closeSync, copyFileSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkSqliteFile } from '../../src/store/sqlite.ts';
import { scratchDatabase, startTestBot, type TestBot, titleOf, weeklyPostsOf } from '../support/bot.ts';
import { SlackApiStub } from '../support/slack-api-stub.ts';
import { canMount, type SmallDisk, smallDisk } from '../support/small-disk.ts';
import { until } from '../support/wait.ts';

let stub: SlackApiStub | undefined;
let running: TestBot[] = [];
let disk: SmallDisk | undefined;
afterEach(async () => {
  await Promise.all(running.map((started) => started.bot.stop()));
  running = [];
  await stub?.close();
  stub = undefined;
  disk?.dispose();
  disk = undefined;
});

async function start(env: Record<string, string>, maintenanceMs = 100): Promise<TestBot> {
  stub ??= await new SlackApiStub().start();
  const started = await startTestBot(stub, env, { maintenanceMs });
  running.push(started);
  return started;
}

const every2s = { WEEKLY_CHANNEL: 'C0WEEKLY', WEEKLY_CRON: '*/2 * * * * *' };

describe('a full disk after Slack accepted the weekly post', () => {
  it.skipIf(!canMount)(
    'keeps the post in memory, opens its thread, never posts that paper again, says so in /optpaper schedule, and records it once there is room',
    async () => {
      disk = smallDisk(2 * 1024 * 1024);
      stub = await new SlackApiStub().start();
      // Slack takes its time with the first post: long enough to fill the disk meanwhile.
      stub.script('chat.postMessage', {
        delayMs: 800,
        body: { ok: true, channel: 'C0WEEKLY', ts: '1700000010.000100' },
      });
      const { bot, command, logs } = await start({ ...every2s, OPTPAPER_DB: join(disk.path, 'state.db') });
      await stub.waitFor((calls) => calls.some((call) => call.method === 'chat.postMessage'), 10_000);
      disk.fill();
      await until(
        () => logs.join('').includes('but the database could not record it'),
        5000,
        'the failed record',
      );
      expect(logs.join('')).toMatch(/database or disk is full/);
      // The discussion opened under the post all the same.
      await stub.waitFor((calls) => calls.some((call) => call.body.thread_ts === '1700000010.000100'));
      expect(await command('schedule')).toContain(
        'post went out, but my database could not record it (database or disk is full). I keep it in memory and will not post that paper again',
      );
      // While the disk is full, later slots cannot even be claimed: nothing is posted (and nothing twice).
      await new Promise((resolve) => setTimeout(resolve, 2500));
      expect(weeklyPostsOf(stub, 'C0WEEKLY').map(titleOf)).toEqual([
        'SGD · Momentum · RMSProp · Optimization',
      ]);
      // Room again: the record is written, and the rotation moves on to the next paper.
      disk.free();
      const posted = bot.store.team(bot.team);
      await until(async () => (await posted.posts('C0WEEKLY')).length >= 1, 5000, 'the record written');
      await stub.waitFor(() => weeklyPostsOf(stub as SlackApiStub, 'C0WEEKLY').length >= 2, 10_000);
      expect(weeklyPostsOf(stub, 'C0WEEKLY').map(titleOf).slice(0, 2)).toEqual([
        'SGD · Momentum · RMSProp · Optimization',
        'BatchNorm',
      ]);
      expect(logs.join('')).toContain('recorded the');
    },
  );
});

describe('the database file under a running bot', () => {
  it('written back when it is deleted: nothing lost, and a restart continues the rotation', async () => {
    const path = scratchDatabase();
    const first = await start({ ...every2s, OPTPAPER_DB: path });
    await stub?.waitFor(() => weeklyPostsOf(stub as SlackApiStub, 'C0WEEKLY').length >= 1, 10_000);
    const posted = first.bot.store.team(first.bot.team);
    await until(async () => (await posted.posts('C0WEEKLY')).length >= 1, 5000, 'the first post recorded');
    rmSync(path);
    rmSync(`${path}-wal`, { force: true });
    rmSync(`${path}-shm`, { force: true });
    await checkSqliteFile(first.bot.store);
    expect(first.logs.join('')).toContain(
      `the database file ${path} was deleted while the bot ran; written back from the open connection, nothing lost`,
    );
    expect((await (await fetch(`${first.baseUrl}/healthz`)).json()) as object).toMatchObject({
      ok: true,
      database: { ok: true },
    });
    await first.bot.stop();
    running = [];
    const before = weeklyPostsOf(stub as SlackApiStub, 'C0WEEKLY').length;
    await start({ ...every2s, OPTPAPER_DB: path });
    await stub?.waitFor(() => weeklyPostsOf(stub as SlackApiStub, 'C0WEEKLY').length > before, 10_000);
    const titles = weeklyPostsOf(stub as SlackApiStub, 'C0WEEKLY').map(titleOf);
    // The history survived the deletion: no paper came back.
    expect(new Set(titles).size).toBe(titles.length);
  });

  it('replaced by another file: /healthz answers 503 with the reason, weekly commands say so, search goes on', async () => {
    const path = scratchDatabase();
    const { bot, baseUrl, command } = await start({ OPTPAPER_DB: path });
    expect(await command('subscribe')).toContain('This channel now gets a paper of the week');
    // An operator copies a backup over the live file.
    copyFileSync(path, `${path}.copy`);
    renameSync(`${path}.copy`, path);
    await checkSqliteFile(bot.store);
    const health = await fetch(`${baseUrl}/healthz`);
    expect(health.status).toBe(503);
    const report = (await health.json()) as {
      ok: boolean;
      database: { ok: boolean; reason: string };
      reason: string;
    };
    expect(report.database.reason).toBe(
      `the database file ${path} was replaced by another file while the bot ran; restart the bot to use it (its own writes since then would go to the old, removed file)`,
    );
    expect(report.reason).toMatch(/^database: the database file .* was replaced/);
    expect(await command('schedule')).toContain(
      'The paper of the week is unavailable right now: my database cannot be used, and the operator has been alerted.',
    );
    expect(await command('sharp minima')).toContain('Sharp Minima Can Generalize For Deep Nets');
  });

  it('corrupted: reported by /healthz, the weekly commands say it is unavailable, search answers', async () => {
    const path = scratchDatabase();
    const { bot, baseUrl, command } = await start({ OPTPAPER_DB: path });
    // Garbage over the whole file, pages and header alike (the WAL is checkpointed first by a fresh start).
    const garbage = Buffer.alloc(64 * 1024, 0x5a);
    const fd = openSync(path, 'r+');
    writeSync(fd, garbage, 0, garbage.length, 0);
    closeSync(fd);
    rmSync(`${path}-wal`, { force: true });
    await checkSqliteFile(bot.store);
    const answer = await command('schedule');
    expect(answer).toContain('The paper of the week is unavailable right now');
    expect(await command('sharp minima')).toContain('Sharp Minima Can Generalize For Deep Nets');
    const health = await fetch(`${baseUrl}/healthz`);
    expect(health.status).toBe(503);
    expect(((await health.json()) as { database: { reason: string } }).database.reason).toMatch(
      /^the database file .* is unusable \((corrupted: its header is no longer SQLite's|SQLITE_(CORRUPT|NOTADB))/,
    );
  });
});
