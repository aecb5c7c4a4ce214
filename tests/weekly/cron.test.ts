import cron from 'node-cron';
import { describe, expect, it } from 'vitest';
import {
  describeSchedule,
  firesBetween,
  firesMoreThanWeekly,
  nextFires,
  parseScheduleWords,
  validateCron,
  validateTimeZone,
} from '../../src/weekly/cron.ts';

const iso = (dates: readonly Date[]) => dates.map((date) => date.toISOString());

describe('nextFires', () => {
  it('fires "0 9 * * 1" in Europe/Paris at 08:00Z in winter and 07:00Z after the last Sunday of March', () => {
    expect(iso(nextFires('0 9 * * 1', 'Europe/Paris', new Date('2025-03-20T00:00:00Z'), 3))).toEqual([
      '2025-03-24T08:00:00.000Z',
      '2025-03-31T07:00:00.000Z',
      '2025-04-07T07:00:00.000Z',
    ]);
  });

  it('fires "0 9 * * 1" in America/New_York at 13:00Z in October and 14:00Z once DST ends in November', () => {
    expect(iso(nextFires('0 9 * * 1', 'America/New_York', new Date('2025-10-21T00:00:00Z'), 2))).toEqual([
      '2025-10-27T13:00:00.000Z',
      '2025-11-03T14:00:00.000Z',
    ]);
  });

  it('skips a local time that does not exist (spring forward) and fires once at one that happens twice', () => {
    expect(iso(nextFires('30 2 * * *', 'Europe/Paris', new Date('2025-03-28T12:00:00Z'), 2))).toEqual([
      '2025-03-29T01:30:00.000Z',
      '2025-03-31T00:30:00.000Z',
    ]);
    expect(iso(nextFires('30 2 * * *', 'Europe/Paris', new Date('2025-10-25T12:00:00Z'), 2))).toEqual([
      '2025-10-26T01:30:00.000Z',
      '2025-10-27T01:30:00.000Z',
    ]);
  });

  it('returns fire times strictly after the given instant', () => {
    expect(iso(nextFires('0 9 * * 1', 'UTC', new Date('2025-03-24T09:00:00.000Z'), 1))).toEqual([
      '2025-03-31T09:00:00.000Z',
    ]);
    expect(iso(nextFires('0 9 * * 1', 'UTC', new Date('2025-03-24T08:59:59.999Z'), 1))).toEqual([
      '2025-03-24T09:00:00.000Z',
    ]);
  });

  it('reads six-field expressions with seconds first', () => {
    expect(iso(nextFires('*/20 * * * * *', 'UTC', new Date('2025-01-01T12:00:00Z'), 3))).toEqual([
      '2025-01-01T12:00:20.000Z',
      '2025-01-01T12:00:40.000Z',
      '2025-01-01T12:01:00.000Z',
    ]);
    expect(iso(nextFires('30 0 9 * * mon', 'Europe/Paris', new Date('2025-01-01T00:00:00Z'), 1))).toEqual([
      '2025-01-06T08:00:30.000Z',
    ]);
  });

  it('returns nothing for a count of zero', () => {
    expect(nextFires('0 9 * * 1', 'UTC', new Date('2025-01-01T00:00:00Z'), 0)).toEqual([]);
  });

  it('throws on an invalid expression or zone, saying why', () => {
    const after = new Date('2025-01-01T00:00:00Z');
    expect(() => nextFires('0 25 * * *', 'UTC', after, 1)).toThrow(
      'invalid cron expression "0 25 * * *": "25" is not a valid hour (0-23)',
    );
    expect(() => nextFires('0 9 * * 1', 'Mars/Olympus', after, 1)).toThrow(
      'unknown time zone "Mars/Olympus"',
    );
  });

  it('leaves no node-cron task behind (nothing keeps the process alive)', () => {
    const before = cron.getTasks().size;
    nextFires('0 9 * * 1', 'UTC', new Date('2025-01-01T00:00:00Z'), 5);
    firesBetween('0 9 * * 1', 'UTC', new Date('2025-01-01T00:00:00Z'), new Date('2025-02-01T00:00:00Z'));
    expect(cron.getTasks().size).toBe(before);
  });
});

describe('firesBetween', () => {
  it('lists the fires of a three-week range across the March DST change, end included, start excluded', () => {
    expect(
      iso(
        firesBetween(
          '0 9 * * 1',
          'Europe/Paris',
          new Date('2025-03-17T08:00:00Z'),
          new Date('2025-04-07T07:00:00Z'),
        ),
      ),
    ).toEqual(['2025-03-24T08:00:00.000Z', '2025-03-31T07:00:00.000Z', '2025-04-07T07:00:00.000Z']);
  });

  it('returns nothing when no fire falls in the range', () => {
    expect(
      firesBetween('0 9 * * 1', 'UTC', new Date('2025-03-24T09:00:00Z'), new Date('2025-03-31T08:59:59Z')),
    ).toEqual([]);
  });

  it('stops at 1,000 fires unless told otherwise', () => {
    const fires = firesBetween(
      '0 * * * *',
      'UTC',
      new Date('2025-01-01T00:00:00Z'),
      new Date('2026-01-01T00:00:00Z'),
    );
    expect(fires).toHaveLength(1000);
    expect(fires.at(-1)?.toISOString()).toBe('2025-02-11T16:00:00.000Z');
  });

  it('stops at `max`, keeping the oldest', () => {
    expect(
      iso(
        firesBetween(
          '0 * * * *',
          'UTC',
          new Date('2025-01-01T00:00:00Z'),
          new Date('2025-02-01T00:00:00Z'),
          3,
        ),
      ),
    ).toEqual(['2025-01-01T01:00:00.000Z', '2025-01-01T02:00:00.000Z', '2025-01-01T03:00:00.000Z']);
  });
});

describe('validateCron', () => {
  it.each(['0 9 * * 1', '30 17 * * fri', '0 0 9 * * 1', '*/5 * * * *', '0 9 * * 1-5', '@weekly'])(
    'accepts "%s"',
    (expression) => {
      expect(validateCron(expression)).toBeUndefined();
    },
  );

  it.each([
    ['0 25 * * *', '"25" is not a valid hour (0-23)'],
    ['61 9 * * 1', '"61" is not a valid minute (0-59)'],
    ['0 9 * * 8', '"8" is not a valid day of week (0-7 or sun-sat)'],
    ['0 9 32 * *', '"32" is not a valid day of month (1-31)'],
    ['0 9 * 13 *', '"13" is not a valid month (1-12 or jan-dec)'],
    ['61 0 9 * * 1', '"61" is not a valid second (0-59)'],
    ['0 9 * * L', '"L" is not a valid day of week (0-7 or sun-sat)'],
    [
      '* * *',
      'expected 5 or 6 fields but got 3: minute hour day-of-month month day-of-week, optionally seconds first (such as 0 9 * * 1)',
    ],
    [
      '0 0 9 * * 1 *',
      'expected 5 or 6 fields but got 7: minute hour day-of-month month day-of-week, optionally seconds first (such as 0 9 * * 1)',
    ],
    ['0 9 31 2 *', '31 2 is an impossible day of month for the given month'],
    ['', 'the expression is empty'],
    ['   ', 'the expression is empty'],
    ['61 25 * * *', '"61" is not a valid minute (0-59); "25" is not a valid hour (0-23)'],
    ['0 9 * * 1; rm', 'pattern includes illegal characters'],
  ])('rejects "%s": %s', (expression, message) => {
    expect(validateCron(expression)).toBe(message);
  });
});

describe('validateTimeZone', () => {
  it.each(['UTC', 'Europe/Paris', 'America/New_York', 'Asia/Kolkata'])('accepts %s', (zone) => {
    expect(validateTimeZone(zone)).toBeUndefined();
  });

  it.each(['Mars/Olympus', '', 'Paris'])('rejects "%s", naming it', (zone) => {
    expect(validateTimeZone(zone)).toBe(
      `unknown time zone "${zone}": use an IANA name such as Europe/Paris, America/New_York or UTC`,
    );
  });
});

describe('describeSchedule', () => {
  it.each([
    ['0 9 * * 1', 'UTC', 'every Monday at 09:00 (UTC)'],
    ['30 17 * * fri', 'Europe/Paris', 'every Friday at 17:30 (Europe/Paris)'],
    ['0 0 9 * * 1', 'UTC', 'every Monday at 09:00 (UTC)'],
    ['0 9 * * 7', 'UTC', 'every Sunday at 09:00 (UTC)'],
    ['5 8 * * *', 'America/New_York', 'every day at 08:05 (America/New_York)'],
    ['0 9 * * 1-5', 'UTC', 'every weekday (Monday to Friday) at 09:00 (UTC)'],
    ['0 9 * * 1,4', 'UTC', 'every Monday and Thursday at 09:00 (UTC)'],
    ['0 9 * * 0,6', 'UTC', 'every Saturday and Sunday at 09:00 (UTC)'],
    ['0 9 * * 1,3,5', 'UTC', 'every Monday, Wednesday and Friday at 09:00 (UTC)'],
    ['*/5 * * * *', 'Europe/Paris', 'on cron `*/5 * * * *` (Europe/Paris)'],
    [' */5 * * * * ', 'UTC', 'on cron `*/5 * * * *` (UTC)'],
    ['0 9 1 * *', 'UTC', 'on cron `0 9 1 * *` (UTC)'],
    ['15 0 9 * * 1', 'UTC', 'on cron `15 0 9 * * 1` (UTC)'],
    ['@weekly', 'UTC', 'on cron `@weekly` (UTC)'],
    // A month or a day of month makes it more than weekly: said as cron.
    ['0 9 * 1 1', 'UTC', 'on cron `0 9 * 1 1` (UTC)'],
    ['0 9 * jan *', 'UTC', 'on cron `0 9 * jan *` (UTC)'],
    ['0 9 * * 0', 'UTC', 'every Sunday at 09:00 (UTC)'],
    ['0 9 * * sun', 'UTC', 'every Sunday at 09:00 (UTC)'],
    ['0 9 * * 5-7', 'UTC', 'every Friday, Saturday and Sunday at 09:00 (UTC)'],
    ['0 9 * * 0-6', 'UTC', 'every day at 09:00 (UTC)'],
    ['0 9 * * mon-fri', 'UTC', 'every weekday (Monday to Friday) at 09:00 (UTC)'],
    ['0 9 * * 1,mon-wed', 'UTC', 'every Monday, Tuesday and Wednesday at 09:00 (UTC)'],
    ['0 9 * * 1,1', 'UTC', 'every Monday at 09:00 (UTC)'],
    [' 0  9 * * 1 ', 'UTC', 'every Monday at 09:00 (UTC)'],
    ['00 09 * * 1', 'UTC', 'every Monday at 09:00 (UTC)'],
    ['59 23 * * 1', 'UTC', 'every Monday at 23:59 (UTC)'],
    // Ranges backwards, ranges of ranges, steps and nth weekdays are left to cron.
    ['0 9 * * 5-1', 'UTC', 'on cron `0 9 * * 5-1` (UTC)'],
    ['0 9 * * 1-3-5', 'UTC', 'on cron `0 9 * * 1-3-5` (UTC)'],
    ['0 9 * * */2', 'UTC', 'on cron `0 9 * * */2` (UTC)'],
    ['0 9 * * mon#2', 'UTC', 'on cron `0 9 * * mon#2` (UTC)'],
    ['0 */2 * * 1', 'UTC', 'on cron `0 */2 * * 1` (UTC)'],
    ['*/15 9 * * 1', 'UTC', 'on cron `*/15 9 * * 1` (UTC)'],
    ['0 9 * *', 'UTC', 'on cron `0 9 * *` (UTC)'],
  ])('describes "%s" in %s as "%s"', (expression, zone, text) => {
    expect(describeSchedule(expression, zone)).toBe(text);
  });
});

describe('parseScheduleWords', () => {
  const defaults = { cron: '0 9 * * 1', timeZone: 'UTC' };

  it.each([
    [[], '0 9 * * 1', 'UTC'],
    [['friday'], '0 9 * * 5', 'UTC'],
    [['Fri'], '0 9 * * 5', 'UTC'],
    [['mondays'], '0 9 * * 1', 'UTC'],
    [['tues'], '0 9 * * 2', 'UTC'],
    [['Thursdays'], '0 9 * * 4', 'UTC'],
    [['sun'], '0 9 * * 0', 'UTC'],
    [['9'], '0 9 * * 1', 'UTC'],
    [['9:30'], '30 9 * * 1', 'UTC'],
    [['09:30'], '30 9 * * 1', 'UTC'],
    [['9am'], '0 9 * * 1', 'UTC'],
    [['5pm'], '0 17 * * 1', 'UTC'],
    [['5:15pm'], '15 17 * * 1', 'UTC'],
    [['5', 'PM'], '0 17 * * 1', 'UTC'],
    [['12am'], '0 0 * * 1', 'UTC'],
    [['12pm'], '0 12 * * 1', 'UTC'],
    [['17:00'], '0 17 * * 1', 'UTC'],
    [['Europe/Paris'], '0 9 * * 1', 'Europe/Paris'],
    [['america/new_york'], '0 9 * * 1', 'America/New_York'],
    [['utc'], '0 9 * * 1', 'UTC'],
    [['Europe/Paris', '5pm', 'wed'], '0 17 * * 3', 'Europe/Paris'],
    [['thu', '16:45', 'America/New_York'], '45 16 * * 4', 'America/New_York'],
    [['every', 'friday', 'at', '4pm', 'in', 'Asia/Tokyo'], '0 16 * * 5', 'Asia/Tokyo'],
    [['monday,', 'thursday'], '0 9 * * 1,4', 'UTC'],
    // Boundaries of a time of day.
    [['9:59'], '59 9 * * 1', 'UTC'],
    [['0:00'], '0 0 * * 1', 'UTC'],
    [['23:00'], '0 23 * * 1', 'UTC'],
    [['1am'], '0 1 * * 1', 'UTC'],
    [['1pm'], '0 13 * * 1', 'UTC'],
    [['5:30', 'pm'], '30 17 * * 1', 'UTC'],
    [['9', 'am'], '0 9 * * 1', 'UTC'],
    // Days as people write them.
    [['thur'], '0 9 * * 4', 'UTC'],
    [['thurs'], '0 9 * * 4', 'UTC'],
    [['weds'], '0 9 * * 3', 'UTC'],
    [['sundays'], '0 9 * * 0', 'UTC'],
    [['friday.'], '0 9 * * 5', 'UTC'],
    [['Sat;'], '0 9 * * 6', 'UTC'],
    [['on', 'monday'], '0 9 * * 1', 'UTC'],
    [['fri', 'mon'], '0 9 * * 1,5', 'UTC'],
    [['mon', 'monday'], '0 9 * * 1', 'UTC'],
    [['', ' ', 'tue'], '0 9 * * 2', 'UTC'],
    [['GMT'], '0 9 * * 1', 'UTC'],
    [['Etc/GMT+5'], '0 9 * * 1', 'Etc/GMT+5'],
    [['mon,;'], '0 9 * * 1', 'UTC'],
    [['10', 'pm'], '0 22 * * 1', 'UTC'],
  ])('reads %j as "%s" in %s', (words, expected, zone) => {
    expect(parseScheduleWords(words, defaults)).toEqual({ cron: expected, timeZone: zone });
  });

  it('takes the day, hour and minute it is not given from a simple weekly default', () => {
    const weekly = { cron: '30 17 * * 5', timeZone: 'Europe/Paris' };
    expect(parseScheduleWords([], weekly)).toEqual({ cron: '30 17 * * 5', timeZone: 'Europe/Paris' });
    expect(parseScheduleWords(['tue'], weekly)).toEqual({ cron: '30 17 * * 2', timeZone: 'Europe/Paris' });
    expect(parseScheduleWords(['8am'], weekly)).toEqual({ cron: '0 8 * * 5', timeZone: 'Europe/Paris' });
    expect(parseScheduleWords(['UTC'], { cron: '0 0 9 * * mon', timeZone: 'Asia/Tokyo' })).toEqual({
      cron: '0 9 * * 1',
      timeZone: 'UTC',
    });
  });

  it('takes the default days in week order, whatever order the default lists them in', () => {
    expect(parseScheduleWords([], { cron: '0 9 * * 5,1', timeZone: 'UTC' })).toEqual({
      cron: '0 9 * * 1,5',
      timeZone: 'UTC',
    });
    expect(parseScheduleWords([], { cron: '59 23 * * 5', timeZone: 'UTC' })).toEqual({
      cron: '59 23 * * 5',
      timeZone: 'UTC',
    });
  });

  it.each([
    '60 9 * * 5',
    '0 24 * * 5',
    '*/5 9 * * 5',
    '0 */2 * * 5',
    '30 17 1 * 5',
    '30 17 * 1 5',
    '30 17 * * 5 1 2',
    '0 9 * * 5-1',
    '0 9 * * x',
    '0 9 * * x-3',
    '0 9 * * 1-x',
    '0 9 * * 17',
  ])('does not copy a default it cannot read as a weekly time ("%s"): Monday 09:00', (cron) => {
    expect(parseScheduleWords([], { cron, timeZone: 'UTC' })).toEqual({ cron: '0 9 * * 1', timeZone: 'UTC' });
  });

  it('falls back to Monday 09:00 when the default cron is not a simple weekly one', () => {
    expect(parseScheduleWords([], { cron: '*/5 * * * *', timeZone: 'UTC' })).toEqual({
      cron: '0 9 * * 1',
      timeZone: 'UTC',
    });
    expect(parseScheduleWords(['10:15'], { cron: '0 8 * * *', timeZone: 'UTC' })).toEqual({
      cron: '15 10 * * 1',
      timeZone: 'UTC',
    });
  });

  it.each([
    [
      ['banana'],
      '"banana" is not a day, a time or a time zone: expected [day] [time] [time zone], such as `monday 9:30 Europe/Paris` or `fri 5pm`',
    ],
    [['25:00'], '"25:00" is not a time: write 9, 9:30, 17:00 or 5pm'],
    [['13pm'], '"13pm" is not a time: write 9, 9:30, 17:00 or 5pm'],
    [['9:75'], '"9:75" is not a time: write 9, 9:30, 17:00 or 5pm'],
    [['9:60'], '"9:60" is not a time: write 9, 9:30, 17:00 or 5pm'],
    [['24:00'], '"24:00" is not a time: write 9, 9:30, 17:00 or 5pm'],
    [['0am'], '"0am" is not a time: write 9, 9:30, 17:00 or 5pm'],
    // Read whole: not 12 followed by something, not 9:30 followed by something.
    [['123'], '"123" is not a time: write 9, 9:30, 17:00 or 5pm'],
    [['9:30x'], '"9:30x" is not a time: write 9, 9:30, 17:00 or 5pm'],
    [['123', 'pm'], '"123" is not a time: write 9, 9:30, 17:00 or 5pm'],
    [['5:30x', 'pm'], '"5:30x" is not a time: write 9, 9:30, 17:00 or 5pm'],
    [['9.30'], '"9.30" is not a time: write 9, 9:30, 17:00 or 5pm'],
    [['5', 'PM', '6'], '"6": give one time only (already 5pm)'],
    [
      ['GMT0'],
      '"GMT0" is not a day, a time or a time zone: expected [day] [time] [time zone], such as `monday 9:30 Europe/Paris` or `fri 5pm`',
    ],
    [
      ['pm'],
      '"pm" is not a day, a time or a time zone: expected [day] [time] [time zone], such as `monday 9:30 Europe/Paris` or `fri 5pm`',
    ],
    [['AB'], '"AB" is not a time zone: use an IANA name such as Europe/Paris, America/New_York or UTC'],
    [
      ['ABCDEF'],
      '"ABCDEF" is not a day, a time or a time zone: expected [day] [time] [time zone], such as `monday 9:30 Europe/Paris` or `fri 5pm`',
    ],
    [
      ['est'],
      '"est" is not a day, a time or a time zone: expected [day] [time] [time zone], such as `monday 9:30 Europe/Paris` or `fri 5pm`',
    ],
    [
      ['Mars/Olympus'],
      '"Mars/Olympus" is not a time zone: use an IANA name such as Europe/Paris, America/New_York or UTC',
    ],
    [['EST'], '"EST" is not a time zone: use an IANA name such as Europe/Paris, America/New_York or UTC'],
    [['9', '10am'], '"10am": give one time only (already 9)'],
    [['UTC', 'Europe/Paris'], '"Europe/Paris": give one time zone only (already UTC)'],
  ])('rejects %j: %s', (words, error) => {
    expect(parseScheduleWords(words, defaults)).toEqual({ error });
  });

  it('gives a schedule that validates and reads back in words', () => {
    const parsed = parseScheduleWords(['wed', '5:15pm', 'Europe/Paris'], defaults);
    if ('error' in parsed) throw new Error(parsed.error);
    expect(validateCron(parsed.cron)).toBeUndefined();
    expect(describeSchedule(parsed.cron, parsed.timeZone)).toBe('every Wednesday at 17:15 (Europe/Paris)');
  });
});

describe('firesMoreThanWeekly: a "paper of the week" schedule that posts more often', () => {
  const monday = new Date('2026-03-23T12:00:00Z');
  it.each([
    ['0 9 * * mon-fri', true],
    ['0 9 * * 1,4', true],
    ['0 * * * *', true],
    ['0 9 * * 1', false],
    ['30 0 9 * * 5', false],
    ['0 9 1 * *', false],
  ])('%s → %s (across the March daylight saving change in Europe/Paris)', (cron, expected) => {
    expect(firesMoreThanWeekly(cron, 'Europe/Paris', monday)).toBe(expected);
  });
});
