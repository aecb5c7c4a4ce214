import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LogLevel } from '@slack/bolt';
import { fixedLibrary } from '../../src/library.ts';
import { createLogger } from '../../src/logger.ts';
import { createSearch } from '../../src/search/search.ts';
import { openStore } from '../../src/store/sqlite.ts';
import type { Store } from '../../src/store/types.ts';
import { voteExtension } from '../../src/votes/extension.ts';
import { createVoteService, type VoteService } from '../../src/votes/service.ts';
import { createWeeklyRunner, type FireExtension } from '../../src/weekly/run-due.ts';
import { createWeeklyService } from '../../src/weekly/service.ts';
import { shippedCatalog } from '../support/shipped.ts';
import { count, duration, markdownTable, textTable } from './format.ts';
import type { Suite } from './suite.ts';

/** The defaults, one place. */
const votesBenchDefaults = Object.freeze({
  /** Channels that vote, in one workspace, on one SQLite file. */
  channels: Object.freeze([10, 100, 1000]),
  /** Timed runs of the idle bookkeeping (the median is reported). */
  runs: 5,
});

const monday = new Date('2026-11-30T09:00:00Z');
const hour = 3_600_000;
const team = 'T0BENCH';

function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

/** A store in a file with `channels` subscribed channels, all voting a day ahead. */
async function seeded(channels: number): Promise<{ store: Store; dispose(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'optpaper-votes-bench-'));
  const store = openStore(join(dir, 'state.db'));
  const scoped = store.team(team);
  for (let index = 0; index < channels; index++) {
    const channel = `C${String(index).padStart(6, '0')}`;
    await scoped.subscribe({
      channel,
      cron: '0 9 * * 1',
      timeZone: 'UTC',
      createdBy: 'U0',
      at: new Date(monday.getTime() - 7 * 24 * hour),
    });
    await scoped.setVoting(channel, 24 * 60);
  }
  return {
    store,
    dispose: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * What votes cost the weekly runner: its every-minute bookkeeping without the votes extension (before)
 * and with it, when no vote is due (most minutes), the minute every channel's vote opens, and the
 * slot, when every vote is decided and its winner posted.
 */
export const runVotesBench: Suite = async ({ print }) => {
  const library = fixedLibrary(createSearch(shippedCatalog()));
  const logger = createLogger({ level: LogLevel.ERROR, sink: { write: () => true } });
  const headers = [
    'Voting channels',
    'maintain, no votes extension',
    'maintain, nothing due',
    'maintain, every vote opens',
    'runDue at the slot, every vote decided',
  ];
  const rows: string[][] = [];
  for (const channels of votesBenchDefaults.channels) {
    const { store, dispose } = await seeded(channels);
    try {
      const weekly = createWeeklyService({
        store: store.team(team),
        library,
        defaults: { cron: '0 9 * * 1', timeZone: 'UTC' },
      });
      let posted = 0;
      const votes: VoteService = createVoteService({
        store: store.team(team),
        weekly,
        library,
        messenger: { post: async () => `${++posted}.0`, update: async () => true },
      });
      const runner = (extensions: FireExtension[]) =>
        createWeeklyRunner({
          store,
          library,
          logger,
          graceMs: hour,
          extensions,
          post: async ({ channel }) => ({ ok: true, ts: `${++posted}.0`, channel, attempts: 1 }),
        });
      const before = runner([]);
      const after = runner([voteExtension({ store, votesFor: () => votes, logger })]);
      const idle = new Date(monday.getTime() - 3 * 24 * hour);
      const without: number[] = [];
      const withVotes: number[] = [];
      for (let run = 0; run < votesBenchDefaults.runs; run++) {
        without.push(await timed(() => before.maintain(idle)));
        withVotes.push(await timed(() => after.maintain(idle)));
      }
      const opening = await timed(() => after.maintain(new Date(monday.getTime() - 24 * hour)));
      const opened = (await store.allOpenVotes()).length;
      const deciding = await timed(() => after.runDue(monday));
      if (opened !== channels) throw new Error(`${opened} votes opened for ${channels} channels`);
      const row = [
        count(channels),
        duration(median(without)),
        duration(median(withVotes)),
        duration(opening),
        duration(deciding),
      ];
      rows.push(row);
      print(textTable(headers, [row]));
    } finally {
      await dispose();
    }
  }
  const note = `SQLite in a file, one workspace, the shipped list; a stand-in that answers every post at once. Median of ${votesBenchDefaults.runs} runs for the idle bookkeeping, one run for the opening and the slot.`;
  print(`\n${note}`);
  return { markdown: `${markdownTable(headers, rows)}\n\n${note}` };
};
