import { describe, expect, it } from 'vitest';
import { isSummer, zoneAbbreviation, zoneOfCity } from '../../src/weekly/zones.ts';

describe('the zone a city name means', () => {
  it.each([
    ['San Francisco', 'America/Los_Angeles'],
    ['Seattle', 'America/Los_Angeles'],
    ['Silicon Valley', 'America/Los_Angeles'],
    ['Boston', 'America/New_York'],
    ['NYC', 'America/New_York'],
    ['Washington', 'America/New_York'],
    ['Montreal', 'America/Toronto'],
    ['Austin', 'America/Chicago'],
    ['Beijing', 'Asia/Shanghai'],
    ['Shenzhen', 'Asia/Shanghai'],
    ['Mumbai', 'Asia/Kolkata'],
    ['Delhi', 'Asia/Kolkata'],
    ['New Delhi', 'Asia/Kolkata'],
    ['Bangalore', 'Asia/Kolkata'],
    ['Bengaluru', 'Asia/Kolkata'],
    ['Munich', 'Europe/Berlin'],
    ['Geneva', 'Europe/Zurich'],
    ['Barcelona', 'Europe/Madrid'],
    ['Edinburgh', 'Europe/London'],
    ['Cambridge', 'Europe/London'],
    ['Oxford', 'Europe/London'],
    ['Tel Aviv', 'Asia/Jerusalem'],
    ['Kyiv', 'Europe/Kyiv'],
    ['Sao Paulo', 'America/Sao_Paulo'],
    ['São Paulo', 'America/Sao_Paulo'],
    ['Mexico City', 'America/Mexico_City'],
  ])('reads %s, which its IANA zone does not name, as %s', (city, zone) => {
    expect(zoneOfCity(city)).toBe(zone);
  });

  it('reads the city of an IANA zone in any case, with underscores as spaces and spaces squeezed', () => {
    expect(zoneOfCity('  los   ANGELES ')).toBe('America/Los_Angeles');
    expect(zoneOfCity('Buenos Aires')).toBe('America/Buenos_Aires');
    expect(zoneOfCity('paris')).toBe('Europe/Paris');
    // The city is the last part of a zone's name, however many parts it has.
    expect(zoneOfCity('Ushuaia')).toBe('America/Argentina/Ushuaia');
    expect(zoneOfCity('Argentina')).toBeUndefined();
  });

  it('reads no zone from a region, a zone’s full name, or nothing', () => {
    expect(zoneOfCity('America')).toBeUndefined();
    expect(zoneOfCity('Europe/Paris')).toBeUndefined();
    expect(zoneOfCity('')).toBeUndefined();
  });
});

const january = new Date('2026-01-15T12:00:00Z');
const july = new Date('2026-07-15T12:00:00Z');

describe('the abbreviation of a zone', () => {
  it.each([
    ['Asia/Tokyo', 'JST', 'JST'],
    ['Asia/Seoul', 'KST', 'KST'],
    ['Asia/Shanghai', 'CST', 'CST'],
    ['Asia/Hong_Kong', 'HKT', 'HKT'],
    ['Asia/Taipei', 'CST', 'CST'],
    ['Europe/Moscow', 'MSK', 'MSK'],
    ['America/Sao_Paulo', 'BRT', 'BRT'],
    ['Asia/Jerusalem', 'IST', 'IDT'],
    ['Asia/Dubai', 'GST', 'GST'],
  ])(
    'is the name people read for %s, which no English locale abbreviates: %s in January, %s in July',
    (zone, winter, summer) => {
      expect(zoneAbbreviation(january, zone)).toBe(winter);
      expect(zoneAbbreviation(july, zone)).toBe(summer);
    },
  );

  it.each([
    ['Europe/London', 'GMT', 'BST'],
    ['Europe/Paris', 'CET', 'CEST'],
    ['America/Toronto', 'EST', 'EDT'],
    ['Australia/Sydney', 'AEDT', 'AEST'],
    ['Pacific/Auckland', 'NZDT', 'NZST'],
    ['Asia/Kolkata', 'IST', 'IST'],
    ['Asia/Singapore', 'SGT', 'SGT'],
    ['Africa/Johannesburg', 'SAST', 'SAST'],
    ['UTC', 'UTC', 'UTC'],
  ])('is the name an English locale gives %s: %s in January, %s in July', (zone, winter, summer) => {
    expect(zoneAbbreviation(january, zone)).toBe(winter);
    expect(zoneAbbreviation(july, zone)).toBe(summer);
  });

  it('is the GMT offset for a zone no one abbreviates', () => {
    expect(zoneAbbreviation(january, 'Asia/Karachi')).toBe('GMT+5');
    expect(zoneAbbreviation(july, 'America/Caracas')).toBe('GMT-4');
  });
});

describe('summer time', () => {
  it.each([
    ['America/New_York', false, true],
    ['Europe/Paris', false, true],
    // Southern summer, and a shift of half an hour (+11:00 in January, +10:30 in July).
    ['Australia/Lord_Howe', true, false],
    ['Asia/Kathmandu', false, false],
    ['UTC', false, false],
  ])('%s: in January %s, in July %s', (zone, winter, summer) => {
    expect(isSummer(january, zone)).toBe(winter);
    expect(isSummer(july, zone)).toBe(summer);
  });
});
