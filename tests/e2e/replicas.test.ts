import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { openPgStore } from '../../src/store/postgres.ts';
import type { Store } from '../../src/store/types.ts';
import { titleOf, weeklyPostsOf } from '../support/bot.ts';
import { mentionBody, postSigned, testSigningSecret } from '../support/signing.ts';
import { SlackApiStub } from '../support/slack-api-stub.ts';
import { nodeArgs, repoRoot } from '../support/spawn.ts';
import { adminQuery, testDatabaseUrl } from '../support/stores.ts';
import { until } from '../support/wait.ts';

/** A bot process, as a service manager runs it. */
interface Replica {
  child: ChildProcess;
  port: number;
  stderr: () => string;
}

let replicas: Replica[] = [];
let stub: SlackApiStub | undefined;
let database: string | undefined;

afterEach(async () => {
  for (const replica of replicas) if (replica.child.exitCode === null) replica.child.kill('SIGKILL');
  replicas = [];
  await stub?.close();
  if (database) await adminQuery(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  database = undefined;
});

/** A database of its own for the replicas, as a deployment would have. */
async function replicaDatabase(): Promise<string> {
  database = `optpaper_replicas_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  await adminQuery(`CREATE DATABASE ${database}`);
  const url = new URL(testDatabaseUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

function startReplica(env: Record<string, string>): Promise<Replica> {
  const child = spawn(process.execPath, nodeArgs('src/main.ts'), {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '', ...env },
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((resolve, reject) => {
    const ready = setInterval(() => {
      const match = /HTTP mode on port (\d+)/.exec(stderr);
      if (match) {
        clearInterval(ready);
        const replica = { child, port: Number(match[1]), stderr: () => stderr };
        replicas.push(replica);
        resolve(replica);
      }
    }, 20);
    child.once('exit', (code) => {
      clearInterval(ready);
      reject(new Error(`exited with ${code}: ${stderr}`));
    });
  });
}

describe('three replicas on one PostgreSQL', () => {
  it('post every slot once per channel, answer a mention delivered to two of them once, and lose nothing promised when one is killed mid-post', async () => {
    stub = await new SlackApiStub().start();
    // Slack takes a moment over each post: a kill lands while one is in flight.
    stub.delayAll = 150;
    const url = await replicaDatabase();
    const channels = ['C0R1', 'C0R2', 'C0R3', 'C0R4'];
    const setup: Store = await openPgStore(url);
    for (const channel of channels) {
      await setup.team('T0TEAM').subscribe({
        channel,
        cron: '*/2 * * * * *',
        timeZone: 'UTC',
        createdBy: 'U0ALICE',
        at: new Date(),
      });
    }
    await setup.close();
    const env = {
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_SIGNING_SECRET: testSigningSecret,
      SLACK_API_URL: stub.apiUrl,
      PORT: '0',
      DATABASE_URL: url,
    };
    const [first, second, third] = await Promise.all([
      startReplica(env),
      startReplica(env),
      startReplica(env),
    ]);
    if (!first || !second || !third) throw new Error('replicas did not start');

    // A mention that Slack's retry delivers to another replica behind the load balancer.
    const mention = mentionBody({
      text: '<@U0OPTBOT> adam',
      ts: '1700000900.000100',
      event_id: 'Ev0REPLICA',
    });
    await Promise.all([
      postSigned(`http://127.0.0.1:${first.port}/slack/events`, mention, 'application/json'),
      postSigned(`http://127.0.0.1:${second.port}/slack/events`, mention, 'application/json', {
        extra: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
      }),
    ]);

    // Let them post for a while, then kill one while a post is in flight.
    await until(
      () => channels.every((channel) => weeklyPostsOf(stub as SlackApiStub, channel).length >= 2),
      20_000,
    );
    const inFlight = stub.calls.length;
    await until(
      () => stub?.calls.length !== inFlight && (stub?.pending ?? 0) > 0,
      10_000,
      'a post in flight',
    );
    second.child.kill('SIGKILL');
    await until(
      () => channels.every((channel) => weeklyPostsOf(stub as SlackApiStub, channel).length >= 5),
      30_000,
    );
    for (const replica of [first, third]) replica.child.kill('SIGTERM');
    await Promise.all(
      [first, third].map((replica) => new Promise((resolve) => replica.child.once('exit', resolve))),
    );

    const replies = stub.callsTo('chat.postMessage').filter((call) => call.body.channel === 'C0READING');
    expect(replies).toHaveLength(1);

    const store = await openPgStore(url);
    try {
      for (const channel of channels) {
        const posts = weeklyPostsOf(stub, channel);
        const fires = await store.team('T0TEAM').posts(channel);
        // Every recorded post is one of Slack's, and none twice.
        const recorded = fires.map((fire) => fire.messageTs);
        expect(new Set(recorded).size).toBe(recorded.length);
        const accepted = posts.map((post) => (post.answer?.body as { ts?: string } | undefined)?.ts);
        for (const ts of recorded) expect(accepted).toContain(ts);
        // Posts Slack got that the database does not have as posted: at most the one the kill interrupted.
        expect(posts.length - fires.length).toBeLessThanOrEqual(1);
        // No paper twice in a channel, but the interrupted one may come again (at most once per fire).
        const titles = posts.map(titleOf);
        expect(titles.length - new Set(titles).size).toBeLessThanOrEqual(1);
      }
    } finally {
      await store.close();
    }
  }, 90_000);
});
