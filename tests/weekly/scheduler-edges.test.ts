import { LogLevel } from '@slack/bolt';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../src/logger.ts';
import { createWeeklyRunner, type WeeklyRunner } from '../../src/weekly/run-due.ts';
import { createScheduler } from '../../src/weekly/scheduler.ts';
import { RecordingPoster, weeklyFixture } from '../support/weekly.ts';

afterEach(() => {
  vi.useRealTimers();
});

const hour = 3_600_000;
const day = 24 * hour;
// Monday 30 November 2026, 08:00 UTC: an hour before the slots of `0 9 * * 1`. (node-cron ticks every
// second: the fewer faked hours, the faster the test.)
const start = new Date('2026-11-30T08:00:00Z');

/**
 * A scheduler over the real runner, the times it called the runner with, and its debug log. `clock` is
 * the time the runner is told, behind the real (faked) one by `clockLagMs`.
 */
async function setup(options: { clockLagMs?: number; runner?: (real: WeeklyRunner) => WeeklyRunner } = {}) {
  vi.useFakeTimers({ now: start });
  const logs: string[] = [];
  const fixture = weeklyFixture();
  const logger = createLogger({ level: LogLevel.DEBUG, sink: { write: (line: string) => logs.push(line) } });
  const poster = new RecordingPoster();
  const real = createWeeklyRunner({ ...fixture, clock: () => new Date(), post: poster.post, graceMs: day });
  const calls: string[] = [];
  const counted: WeeklyRunner = {
    ...real,
    runDue: (now) => {
      calls.push(now.toISOString());
      return real.runDue(now);
    },
  };
  const clock = () => new Date(Date.now() - (options.clockLagMs ?? 0));
  const runner = options.runner ? options.runner(counted) : counted;
  const scheduler = createScheduler({ store: fixture.store, runner, clock, logger });
  const subscribe = (channel: string, cron: string, timeZone = 'UTC') =>
    fixture.team.subscribe({ channel, cron, timeZone, createdBy: 'U0ALICE', at: new Date() });
  const lines = () =>
    logs
      .join('')
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => line.replace(/^\S+ /, ''));
  return { ...fixture, poster, scheduler, calls, subscribe, lines };
}

describe('the weekly scheduler, edge cases', () => {
  it('runs each distinct schedule once at its time, and says how many it armed', async () => {
    const { scheduler, subscribe, calls, poster, lines } = await setup();
    await subscribe('C0A', '0 9 * * 1');
    await subscribe('C0B', '0 9 * * 1');
    await subscribe('C0C', '0 10 * * 1');
    await scheduler.start();
    await scheduler.refresh();
    await vi.advanceTimersByTimeAsync(3 * hour);
    await scheduler.stop();
    expect(calls).toEqual(['2026-11-30T09:00:00.000Z', '2026-11-30T10:00:00.000Z']);
    expect(poster.weeklyPosts.map((post) => post.channel).sort()).toEqual(['C0A', 'C0B', 'C0C']);
    expect(lines().filter((line) => line.includes('armed'))).toEqual([
      'DEBUG [optpaper] weekly: 2 schedule(s) armed',
      'DEBUG [optpaper] weekly: 2 schedule(s) armed',
    ]);
  });

  it('drops the task of a schedule no channel has any more', async () => {
    const { scheduler, subscribe, calls, team, lines } = await setup();
    await subscribe('C0A', '0 9 * * 1');
    await subscribe('C0B', '0 10 * * 1');
    await scheduler.start();
    await team.unsubscribe('C0A', new Date());
    await scheduler.refresh();
    await vi.advanceTimersByTimeAsync(3 * hour);
    await scheduler.stop();
    expect(calls).toEqual(['2026-11-30T10:00:00.000Z']);
    expect(lines().at(-1)).toBe('DEBUG [optpaper] weekly: 1 schedule(s) armed');
  });

  it('arms nothing before it is started, nor after it stopped', async () => {
    const { scheduler, subscribe, calls } = await setup();
    await subscribe('C0A', '0 * * * *');
    await scheduler.refresh();
    await vi.advanceTimersByTimeAsync(3 * hour);
    expect(calls).toEqual([]);
    await scheduler.start();
    await scheduler.stop();
    await scheduler.refresh();
    await vi.advanceTimersByTimeAsync(3 * hour);
    expect(calls).toEqual([]);
  });

  it('tells the runner the slot when its clock is a hair behind the timer that fired', async () => {
    const { scheduler, subscribe, calls, poster } = await setup({ clockLagMs: 1500 });
    await subscribe('C0A', '0 9 * * 1');
    await scheduler.start();
    await vi.advanceTimersByTimeAsync(3 * hour);
    await scheduler.stop();
    expect(calls).toEqual(['2026-11-30T09:00:00.000Z']);
    expect(poster.weeklyPosts.map((post) => post.channel)).toEqual(['C0A']);
  });

  it('tells the runner its own time when it is ahead of the slot', async () => {
    const { scheduler, subscribe, calls } = await setup({ clockLagMs: -2500 });
    await subscribe('C0A', '0 9 * * 1');
    await scheduler.start();
    await vi.advanceTimersByTimeAsync(3 * hour);
    await scheduler.stop();
    expect(calls).toEqual(['2026-11-30T09:00:02.500Z']);
  });

  it('logs a run that failed, and goes on firing', async () => {
    const { scheduler, subscribe, calls, lines } = await setup({
      runner: (real) => ({
        ...real,
        runDue: async (now) => {
          await real.runDue(now);
          throw new Error('the database is gone');
        },
      }),
    });
    await subscribe('C0A', '0 9,10 * * 1');
    await scheduler.start();
    await vi.advanceTimersByTimeAsync(3 * hour);
    await scheduler.stop();
    expect(calls).toEqual(['2026-11-30T09:00:00.000Z', '2026-11-30T10:00:00.000Z']);
    expect(lines().filter((line) => line.startsWith('ERROR'))).toEqual([
      'ERROR [optpaper] weekly: a scheduled run failed: Error: the database is gone',
      'ERROR [optpaper] weekly: a scheduled run failed: Error: the database is gone',
    ]);
  });

  it('logs that it could not read the subscriptions, and arms them at the next refresh', async () => {
    const { scheduler, subscribe, calls, lines, store } = await setup();
    await subscribe('C0A', '0 9 * * 1');
    const allSubscriptions = store.allSubscriptions.bind(store);
    let failures = 1;
    store.allSubscriptions = () =>
      failures-- > 0 ? Promise.reject(new Error('SQLITE_BUSY: database is locked')) : allSubscriptions();
    await scheduler.start();
    expect(lines().filter((line) => line.startsWith('ERROR'))).toEqual([
      'ERROR [optpaper] weekly: could not read the subscriptions to arm their schedules: Error: SQLITE_BUSY: database is locked',
    ]);
    await scheduler.refresh();
    await vi.advanceTimersByTimeAsync(3 * hour);
    await scheduler.stop();
    expect(calls).toEqual(['2026-11-30T09:00:00.000Z']);
  });

  it('stops only once the run in flight is over', async () => {
    let finish: () => void = () => {};
    const { scheduler, subscribe } = await setup({
      runner: (real) => ({
        ...real,
        runDue: (now) =>
          new Promise((resolve) => {
            finish = () => resolve(real.runDue(now));
          }),
      }),
    });
    await subscribe('C0A', '0 9 * * 1');
    await scheduler.start();
    await vi.advanceTimersByTimeAsync(3 * hour);
    let stopped = false;
    const stopping = scheduler.stop().then(() => {
      stopped = true;
    });
    await vi.advanceTimersByTimeAsync(1000);
    expect(stopped).toBe(false);
    finish();
    await stopping;
    expect(stopped).toBe(true);
  });
});
