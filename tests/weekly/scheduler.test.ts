import { afterEach, describe, expect, it, vi } from 'vitest';
import { createWeeklyRunner } from '../../src/weekly/run-due.ts';
import { createScheduler } from '../../src/weekly/scheduler.ts';
import { RecordingPoster, weeklyFixture } from '../support/weekly.ts';

afterEach(() => {
  vi.useRealTimers();
});

const day = 24 * 3_600_000;

async function armed(channels: Array<{ channel: string; cron: string; timeZone: string }>, start: Date) {
  vi.useFakeTimers({ now: start });
  const fixture = weeklyFixture();
  const poster = new RecordingPoster();
  const runner = createWeeklyRunner({ ...fixture, clock: () => new Date(), post: poster.post, graceMs: day });
  for (const subscription of channels)
    await fixture.team.subscribe({ ...subscription, createdBy: 'U0ALICE', at: start });
  const scheduler = createScheduler({
    store: fixture.store,
    runner,
    clock: () => new Date(),
    logger: fixture.logger,
  });
  await scheduler.start();
  const postTimes = () => poster.weeklyPosts.map((post) => post.at.toISOString());
  return { ...fixture, poster, runner, scheduler, postTimes };
}

describe('the weekly scheduler (node-cron, fake timers)', () => {
  it('fires at 09:00 local time across the spring DST change in WEEKLY_TZ', async () => {
    // Europe/Paris moves from UTC+1 to UTC+2 on Sunday 29 March 2026.
    const { scheduler, postTimes } = await armed(
      [{ channel: 'C0PARIS', cron: '0 9 * * 1', timeZone: 'Europe/Paris' }],
      new Date('2026-03-20T12:00:00Z'),
    );
    await vi.advanceTimersByTimeAsync(21 * day);
    await scheduler.stop();
    expect(postTimes()).toEqual([
      '2026-03-23T08:00:00.000Z',
      '2026-03-30T07:00:00.000Z',
      '2026-04-06T07:00:00.000Z',
    ]);
  });

  it('fires at 09:00 local time across the autumn DST change in New York', async () => {
    // America/New_York moves from UTC-4 to UTC-5 on Sunday 1 November 2026.
    const { scheduler, postTimes } = await armed(
      [{ channel: 'C0NYC', cron: '0 9 * * 1', timeZone: 'America/New_York' }],
      new Date('2026-10-24T12:00:00Z'),
    );
    await vi.advanceTimersByTimeAsync(14 * day);
    await scheduler.stop();
    expect(postTimes()).toEqual(['2026-10-26T13:00:00.000Z', '2026-11-02T14:00:00.000Z']);
  });

  it('follows subscriptions as they change, and stops', async () => {
    const start = new Date('2026-11-27T12:00:00Z');
    const { poster, scheduler, team } = await armed(
      [{ channel: 'C0A', cron: '0 9 * * 1', timeZone: 'UTC' }],
      start,
    );
    await team.subscribe({
      channel: 'C0B',
      cron: '0 10 * * 1',
      timeZone: 'UTC',
      createdBy: 'U0BOB',
      at: start,
    });
    await scheduler.refresh();
    await team.unsubscribe('C0A', new Date());
    await scheduler.refresh();
    await vi.advanceTimersByTimeAsync(4 * day);
    expect(poster.weeklyPosts.map((post) => post.channel)).toEqual(['C0B']);
    await scheduler.stop();
    await vi.advanceTimersByTimeAsync(8 * day);
    expect(poster.weeklyPosts).toHaveLength(1);
  });
});
