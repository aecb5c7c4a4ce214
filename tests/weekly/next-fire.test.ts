import { describe, expect, it } from 'vitest';
import { createWeeklyService } from '../../src/weekly/service.ts';
import { weeklyFixture } from '../support/weekly.ts';

const monday = new Date('2026-11-30T09:00:00Z');
const day = 24 * 3_600_000;
const at = (base: Date, ms: number) => new Date(base.getTime() + ms);

describe('WeeklyService.nextFire, asked every minute', () => {
  it('follows every change of the cadence: a break, a new schedule, every other week, an unsubscription', async () => {
    const { team, library } = weeklyFixture();
    const weekly = createWeeklyService({
      store: team,
      library,
      defaults: { cron: '0 9 * * 1', timeZone: 'UTC' },
    });
    await weekly.subscribe('C1', { cron: '0 9 * * 1', timeZone: 'UTC' }, 'U1', at(monday, -3 * day));
    expect(await weekly.nextFire('C1', at(monday, -2 * day))).toEqual(monday);
    expect(await weekly.nextFire('C1', at(monday, -day))).toEqual(monday);
    expect(await weekly.nextFire('C1', monday)).toEqual(at(monday, 7 * day));
    await weekly.pause('C1', { startsOn: '2026-12-07', endsOn: '2026-12-07' }, 'U1', at(monday, day));
    expect(await weekly.nextFire('C1', at(monday, day))).toEqual(at(monday, 14 * day));
    await weekly.resume('C1', at(monday, day));
    expect(await weekly.nextFire('C1', at(monday, day))).toEqual(at(monday, 7 * day));
    await weekly.subscribe('C1', { cron: '0 17 * * 2', timeZone: 'UTC' }, 'U1', at(monday, day));
    expect(await weekly.nextFire('C1', at(monday, day))).toEqual(at(monday, day + 8 * 3_600_000));
    await weekly.subscribe('C1', { cron: '0 9 * * 1', timeZone: 'UTC', every: 2 }, 'U1', at(monday, day));
    expect(await weekly.nextFire('C1', at(monday, day))).toEqual(at(monday, 7 * day));
    expect(await weekly.nextFire('C1', at(monday, 7 * day))).toEqual(at(monday, 21 * day));
    await weekly.unsubscribe('C1', at(monday, day));
    // Not subscribed: the default schedule.
    expect(await weekly.nextFire('C1', at(monday, day))).toEqual(at(monday, 7 * day));
  });
});
