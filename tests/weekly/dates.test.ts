import { describe, expect, it } from 'vitest';
import { formatDay, formatWhen, messageLink } from '../../src/weekly/dates.ts';

describe('dates as people read them', () => {
  it('writes a fire time in its zone, with the zone', () => {
    expect(formatWhen(new Date('2026-12-07T08:00:00Z'), 'Europe/Paris')).toBe('Mon 7 Dec 2026, 09:00 CET');
    expect(formatWhen(new Date('2026-07-06T08:05:00Z'), 'Europe/Paris')).toBe('Mon 6 Jul 2026, 10:05 CEST');
    expect(formatWhen(new Date('2026-11-30T00:00:00Z'), 'UTC')).toBe('Mon 30 Nov 2026, 00:00 UTC');
  });

  it('writes a day without the time, in the zone (the date can differ from UTC)', () => {
    expect(formatDay(new Date('2026-12-07T08:00:00Z'), 'UTC')).toBe('Mon 7 Dec 2026');
    expect(formatDay(new Date('2026-12-06T23:30:00Z'), 'Asia/Tokyo')).toBe('Mon 7 Dec 2026');
  });
});

describe('messageLink', () => {
  it('links a message the way chat.getPermalink does, in the workspace when its URL is known', () => {
    expect(messageLink('C0READING', '1700000000.000100', 'https://team.slack.com/')).toBe(
      'https://team.slack.com/archives/C0READING/p1700000000000100',
    );
  });

  it('adds the slash a workspace URL without one lacks', () => {
    expect(messageLink('C0READING', '1700000000.000100', 'https://team.slack.com')).toBe(
      'https://team.slack.com/archives/C0READING/p1700000000000100',
    );
  });

  it('goes through slack.com when the workspace is not known', () => {
    expect(messageLink('C0READING', '1700000000.000100')).toBe(
      'https://slack.com/archives/C0READING/p1700000000000100',
    );
  });
});
