import { describe, expect, it } from 'vitest';
import { type Cadence, dueBetween, isDue, localDate, nextDue, pauseAt } from '../../src/weekly/cadence.ts';
import { citiesToZones, describeSchedule, parseScheduleWords, readCadence } from '../../src/weekly/cron.ts';
import { formatWhen } from '../../src/weekly/dates.ts';
import { zoneAbbreviation, zoneOfCity } from '../../src/weekly/zones.ts';

// Friday 4 December 2026, 16:00 in Paris (15:00 UTC).
const friday = (week: number) => new Date(Date.UTC(2026, 11, 4 + 7 * week, 15));
const cadence = (overrides: Partial<Cadence> = {}): Cadence => ({
  cron: '0 16 * * 5',
  timeZone: 'Europe/Paris',
  every: 1,
  anchor: new Date('2026-12-01T10:00:00Z'),
  pauses: [],
  ...overrides,
});

describe('a cadence: every n-th week, and breaks', () => {
  it('every other week counts weeks from the first slot after the subscription', () => {
    const biweekly = cadence({ every: 2 });
    expect([0, 1, 2, 3, 4].map((week) => isDue(friday(week), biweekly))).toEqual([
      true,
      false,
      true,
      false,
      true,
    ]);
    expect(nextDue(biweekly, new Date('2026-12-01T00:00:00Z'), 3)).toEqual([friday(0), friday(2), friday(4)]);
    // Every third week, from a subscription made in the week of 11 December.
    expect(nextDue(cadence({ every: 3, anchor: new Date('2026-12-08T00:00:00Z') }), friday(0), 3)).toEqual([
      friday(1),
      friday(4),
      friday(7),
    ]);
  });

  it('skips the slots of a break (both days included) without counting them as missed', () => {
    const holidays = cadence({ pauses: [{ startsOn: '2026-12-18', endsOn: '2027-01-01' }] });
    expect(pauseAt(friday(2), holidays)).toEqual({ startsOn: '2026-12-18', endsOn: '2027-01-01' });
    expect(nextDue(holidays, friday(1), 2)).toEqual([friday(5), friday(6)]);
    // A bot down over the break and after it: only the slot after the break was due.
    expect(dueBetween(holidays, friday(1), new Date(friday(5).getTime() + 1000), 100)).toEqual({
      slots: [friday(5)],
      truncated: false,
    });
  });

  it('reads dates in the channel’s zone: 23:30 UTC on 17 December is the 18th in Paris', () => {
    expect(localDate(new Date('2026-12-17T23:30:00Z'), 'Europe/Paris')).toBe('2026-12-18');
    expect(localDate(new Date('2026-12-17T23:30:00Z'), 'America/New_York')).toBe('2026-12-17');
  });
});

describe('schedules as people say them', () => {
  it.each([
    [['every', '2', 'weeks', 'friday'], { words: ['friday'], every: 2 }],
    [['friday', 'every', 'other', 'week'], { words: ['friday'], every: 2 }],
    [['biweekly', '4pm'], { words: ['4pm'], every: 2 }],
    [['Fortnightly'], { words: [], every: 2 }],
    [['every', 'week', 'monday'], { words: ['monday'], every: 1 }],
    [['every', 'monday'], { words: ['every', 'monday'] }],
  ])('%j → %j', (words, expected) => {
    expect(readCadence(words)).toEqual(expected);
  });

  it('refuses a cadence longer than every 8 weeks', () => {
    expect(readCadence(['every', '9', 'weeks'])).toEqual({
      error: '"every 9 weeks": a paper every week up to every 8 weeks',
    });
  });

  it('takes city names (one to three words) for their zones, never a day or a time', () => {
    expect(citiesToZones(['friday', '4pm', 'New', 'York'])).toEqual(['friday', '4pm', 'America/New_York']);
    expect(citiesToZones(['mon', '9:30', 'Paris'])).toEqual(['mon', '9:30', 'Europe/Paris']);
    expect(zoneOfCity('tokyo')).toBe('Asia/Tokyo');
    expect(zoneOfCity('Bangalore')).toBe('Asia/Kolkata');
    expect(zoneOfCity('Atlantis')).toBeUndefined();
    expect(
      parseScheduleWords(['friday', '4:30pm', 'New', 'York'], { cron: '0 9 * * 1', timeZone: 'UTC' }),
    ).toEqual({
      cron: '30 16 * * 5',
      timeZone: 'America/New_York',
    });
  });

  it('says the cadence with the schedule', () => {
    expect(describeSchedule('0 16 * * 5', 'Europe/Paris', 2)).toBe(
      'every Friday at 16:00 (Europe/Paris), every other week',
    );
    expect(describeSchedule('0 16 * * 5', 'Europe/Paris', 3)).toBe(
      'every Friday at 16:00 (Europe/Paris), every 3 weeks',
    );
    expect(describeSchedule('0 16 * * 5', 'Europe/Paris')).toBe('every Friday at 16:00 (Europe/Paris)');
  });

  it.each([
    ['America/New_York', '2026-12-04T21:30:00Z', 'Fri 4 Dec 2026, 16:30 EST'],
    ['America/New_York', '2026-07-03T20:30:00Z', 'Fri 3 Jul 2026, 16:30 EDT'],
    ['Europe/Paris', '2026-12-04T15:30:00Z', 'Fri 4 Dec 2026, 16:30 CET'],
    ['Asia/Tokyo', '2026-12-04T07:30:00Z', 'Fri 4 Dec 2026, 16:30 JST'],
    ['Asia/Kolkata', '2026-12-04T11:00:00Z', 'Fri 4 Dec 2026, 16:30 IST'],
    ['Australia/Sydney', '2026-12-04T05:30:00Z', 'Fri 4 Dec 2026, 16:30 AEDT'],
    ['UTC', '2026-12-04T16:30:00Z', 'Fri 4 Dec 2026, 16:30 UTC'],
  ])('shows %s times with the zone’s abbreviation', (zone, instant, shown) => {
    expect(formatWhen(new Date(instant), zone)).toBe(shown);
  });

  it('falls back to the offset for a zone no one abbreviates', () => {
    expect(zoneAbbreviation(new Date('2026-12-04T12:00:00Z'), 'Asia/Kathmandu')).toBe('GMT+5:45');
  });
});
