import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { openPgStore } from '../../src/store/postgres.ts';
import { adminQuery, testDatabaseUrl } from '../support/stores.ts';
import { count, duration, markdownTable, textTable } from './format.ts';
import { RateLimitedSlack, type SlackLimits } from './rate-limited-slack.ts';
import type { Suite } from './suite.ts';

/** The fan-out: one fire to many channels in many workspaces, and Slack's limits. */
export const fanoutDefaults = Object.freeze({
  workspaces: 100,
  channelsPerWorkspace: 10,
  limits: Object.freeze<SlackLimits>({
    // A round trip to Slack from a server near it.
    latencyMs: 40,
    // Slack: "several hundred messages per minute" for a workspace, about one per second per channel
    // with short bursts (a post and its thread reply).
    workspacePerSecond: 5,
    workspaceBurst: 10,
    channelPerSecond: 1,
    channelBurst: 2,
  }),
});

const worker = fileURLToPath(new URL('./fanout-worker.ts', import.meta.url));
const monday = new Date('2026-11-30T09:00:00Z');

/** What one run of the fan-out measured. */
export interface FanoutFigures {
  processes: number;
  channels: number;
  wallMs: number;
  posts: number;
  threadReplies: number;
  duplicates: number;
  ratelimited: number;
}

/** A new database with the workspaces installed and their channels subscribed. */
async function seed(name: string, workspaces: number, channels: number): Promise<string> {
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(testDatabaseUrl);
  url.pathname = `/${name}`;
  const store = await openPgStore(url.toString());
  try {
    for (let w = 0; w < workspaces; w++) {
      const team = `T${String(w).padStart(4, '0')}`;
      await store.saveInstallation({
        team,
        teamId: team,
        isEnterpriseInstall: false,
        installation: JSON.stringify({
          team: { id: team },
          bot: { token: `xoxb-bench-${team}`, userId: 'U0BOT' },
        }),
        installedAt: monday,
      });
      for (let c = 0; c < channels; c++) {
        await store.team(team).subscribe({
          channel: `C${String(c).padStart(4, '0')}`,
          cron: '0 9 * * 1',
          timeZone: 'UTC',
          createdBy: 'U0ALICE',
          at: new Date(monday.getTime() - 3_600_000),
        });
      }
    }
  } finally {
    await store.close();
  }
  return url.toString();
}

function runWorker(databaseUrl: string, apiUrl: string, now: Date): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', worker, databaseUrl, apiUrl, now.toISOString()],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.once('exit', (code) =>
      code === 0 ? resolve(out.trim()) : reject(new Error(`worker exited with ${code}`)),
    );
  });
}

/**
 * Post one fire to every subscribed channel with `processes` bot processes sharing the database, against
 * a Slack stand-in that enforces its rate limits.
 *
 * @param processes How many bot processes.
 * @returns What it took.
 */
export async function runFanout(processes: number): Promise<FanoutFigures> {
  const { workspaces, channelsPerWorkspace, limits } = fanoutDefaults;
  const name = `optpaper_fanout_${randomUUID().replace(/-/g, '').slice(0, 10)}`;
  const databaseUrl = await seed(name, workspaces, channelsPerWorkspace);
  const slack = new RateLimitedSlack(limits);
  const apiUrl = await slack.start();
  try {
    const start = performance.now();
    await Promise.all(
      Array.from({ length: processes }, () =>
        runWorker(databaseUrl, apiUrl, new Date(monday.getTime() + 1000)),
      ),
    );
    const wallMs = performance.now() - start;
    const posts = slack.accepted.filter((post) => !post.thread);
    const keys = posts.map((post) => `${post.token}/${post.channel}`);
    return {
      processes,
      channels: workspaces * channelsPerWorkspace,
      wallMs,
      posts: posts.length,
      threadReplies: slack.accepted.length - posts.length,
      duplicates: keys.length - new Set(keys).size,
      ratelimited: slack.refused,
    };
  } finally {
    await slack.close();
    await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

/** The fan-out bench: one process, then three. */
export const runFanoutBench: Suite = async ({ print }) => {
  const { workspaces, channelsPerWorkspace, limits } = fanoutDefaults;
  print(
    `one fire to ${count(workspaces * channelsPerWorkspace)} channels in ${workspaces} workspaces; Slack stand-in: ` +
      `${limits.latencyMs} ms per call, ${limits.workspacePerSecond} messages/s per workspace (burst ${limits.workspaceBurst}), ` +
      `${limits.channelPerSecond}/s per channel (burst ${limits.channelBurst}); PostgreSQL`,
  );
  const rows: string[][] = [];
  for (const processes of [1, 3]) {
    const figures = await runFanout(processes);
    rows.push([
      String(figures.processes),
      duration(figures.wallMs),
      `${count(figures.posts)} / ${count(figures.channels)}`,
      count(figures.threadReplies),
      count(figures.duplicates),
      count(figures.ratelimited),
    ]);
    print(
      textTable(
        ['processes', 'time', 'posts', 'thread replies', 'duplicates', '429s answered'],
        rows.slice(-1),
      ),
    );
  }
  const header = [
    'Processes',
    'Time to post the fire',
    'Posts',
    'Thread replies',
    'Duplicates',
    '429s waited out',
  ];
  return { markdown: markdownTable(header, rows, ['right', 'right', 'right', 'right', 'right', 'right']) };
};
