import { describe, expect, it } from 'vitest';
import { type Cadence, dueBetween, isDue, nextDue, pauseAt } from '../../src/weekly/cadence.ts';

const hour = 3_600_000;
const week = 7 * 24 * hour;
// Monday 7 December 2026, 09:00 UTC: a slot of `0 9 * * 1`.
const monday = new Date('2026-12-07T09:00:00Z');
const weeksAfter = (base: Date, weeks: number) => new Date(base.getTime() + weeks * week);
const iso = (dates: readonly Date[]) => dates.map((date) => date.toISOString());
const cadence = (overrides: Partial<Cadence> = {}): Cadence => ({
  cron: '0 9 * * 1',
  timeZone: 'UTC',
  every: 1,
  anchor: new Date('2026-12-01T00:00:00Z'),
  pauses: [],
  ...overrides,
});

describe('the break a slot falls in', () => {
  const pauses = [
    { startsOn: '2026-12-14', endsOn: '2026-12-21' },
    { startsOn: '2027-01-04', endsOn: '2027-01-04' },
  ];

  it('takes in its first and its last day, in the channel’s zone', () => {
    expect(pauseAt(weeksAfter(monday, 1), { timeZone: 'UTC', pauses })).toEqual(pauses[0]);
    expect(pauseAt(weeksAfter(monday, 2), { timeZone: 'UTC', pauses })).toEqual(pauses[0]);
    expect(pauseAt(weeksAfter(monday, 4), { timeZone: 'UTC', pauses })).toEqual(pauses[1]);
    expect(pauseAt(monday, { timeZone: 'UTC', pauses })).toBeUndefined();
    expect(pauseAt(weeksAfter(monday, 3), { timeZone: 'UTC', pauses })).toBeUndefined();
    // Noon UTC on Monday 21 December is already the 22nd in Auckland.
    const noon = new Date('2026-12-21T12:00:00Z');
    expect(pauseAt(noon, { timeZone: 'UTC', pauses })).toEqual(pauses[0]);
    expect(pauseAt(noon, { timeZone: 'Pacific/Auckland', pauses })).toBeUndefined();
  });
});

describe('every n-th week', () => {
  it('counts weeks from Monday to Sunday: a Sunday slot is in the week of the Monday before it', () => {
    // Sundays and Mondays at 09:00, every other week from the week of Monday 7 December.
    const twice = cadence({ cron: '0 9 * * 0,1', every: 2, anchor: new Date('2026-12-06T12:00:00Z') });
    expect(iso(nextDue(twice, new Date('2026-12-06T12:00:00Z'), 4))).toEqual([
      '2026-12-07T09:00:00.000Z',
      '2026-12-13T09:00:00.000Z',
      '2026-12-21T09:00:00.000Z',
      '2026-12-27T09:00:00.000Z',
    ]);
  });

  it('takes whole weeks on and off, whatever the days of the cron', () => {
    const daily = cadence({ cron: '0 9 * * *', every: 2, anchor: new Date('2026-12-06T12:00:00Z') });
    expect(iso(nextDue(daily, new Date('2026-12-06T12:00:00Z'), 9)).map((date) => date.slice(0, 10))).toEqual(
      [
        '2026-12-07',
        '2026-12-08',
        '2026-12-09',
        '2026-12-10',
        '2026-12-11',
        '2026-12-12',
        '2026-12-13',
        '2026-12-21',
        '2026-12-22',
      ],
    );
  });

  it('is due in the on-weeks before the subscription’s first slot too, and not in the others', () => {
    const biweekly = cadence({ every: 2, anchor: weeksAfter(monday, 4) });
    expect([-2, -1, 0, 1, 2, 3, 4].map((weeks) => isDue(weeksAfter(monday, weeks), biweekly))).toEqual([
      false,
      true,
      false,
      true,
      false,
      true,
      false,
    ]);
    // Subscribed at the very time of a slot: the first slot is the next one, `monday`.
    const third = cadence({ every: 3, anchor: weeksAfter(monday, -1) });
    expect([-4, -3, -2, -1, 0, 1, 2, 3].map((weeks) => isDue(weeksAfter(monday, weeks), third))).toEqual([
      false,
      true,
      false,
      false,
      true,
      false,
      false,
      true,
    ]);
  });

  it('is every week for an `every` of 1 or less, breaks aside', () => {
    const slots = [0, 1, 2].map((weeks) => weeksAfter(monday, weeks));
    expect(slots.map((slot) => isDue(slot, cadence({ every: 1 })))).toEqual([true, true, true]);
    expect(slots.map((slot) => isDue(slot, cadence({ every: 0 })))).toEqual([true, true, true]);
    expect(
      slots.map((slot) =>
        isDue(slot, cadence({ pauses: [{ startsOn: '2026-12-14', endsOn: '2026-12-14' }] })),
      ),
    ).toEqual([true, false, true]);
  });
});

describe('the due slots within a period', () => {
  it('says the look was cut short when the cron had as many slots as it could look at', () => {
    const from = weeksAfter(monday, -1);
    const to = weeksAfter(monday, 1);
    expect(dueBetween(cadence(), from, to, 2)).toEqual({
      slots: [monday, weeksAfter(monday, 1)],
      truncated: true,
    });
    expect(dueBetween(cadence(), from, to, 3)).toEqual({
      slots: [monday, weeksAfter(monday, 1)],
      truncated: false,
    });
    expect(dueBetween(cadence({ every: 2 }), from, to, 3)).toEqual({ slots: [monday], truncated: false });
  });
});

describe('the next due slots', () => {
  const after = new Date('2026-12-01T00:00:00Z');
  const pausedFor = (weeks: number) => [
    {
      startsOn: '2026-12-01',
      endsOn: weeksAfter(monday, weeks - 1)
        .toISOString()
        .slice(0, 10),
    },
  ];

  it('are exactly as many as asked', () => {
    expect(iso(nextDue(cadence(), after, 2))).toEqual([
      '2026-12-07T09:00:00.000Z',
      '2026-12-14T09:00:00.000Z',
    ]);
    expect(nextDue(cadence(), after, 0)).toEqual([]);
  });

  it('are found after a break of a year (sixty slots looked at for each one asked)', () => {
    expect(iso(nextDue(cadence({ pauses: pausedFor(59) }), after, 1))).toEqual([
      weeksAfter(monday, 59).toISOString(),
    ]);
    // Two asked: 120 slots looked at.
    expect(iso(nextDue(cadence({ pauses: pausedFor(100) }), after, 2))).toEqual([
      weeksAfter(monday, 100).toISOString(),
      weeksAfter(monday, 101).toISOString(),
    ]);
    // Every other week: twice as many slots looked at.
    expect(iso(nextDue(cadence({ every: 2, anchor: after, pauses: pausedFor(100) }), after, 1))).toEqual([
      weeksAfter(monday, 100).toISOString(),
    ]);
  });

  it('are not looked for beyond that: none after a break longer than sixty slots', () => {
    expect(nextDue(cadence({ pauses: pausedFor(60) }), after, 1)).toEqual([]);
    expect(nextDue(cadence({ pauses: pausedFor(120) }), after, 2)).toEqual([]);
    expect(nextDue(cadence({ every: 2, anchor: after, pauses: pausedFor(120) }), after, 1)).toEqual([]);
  });
});
