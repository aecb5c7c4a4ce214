/**
 * Time zones as people name and read them: "Paris", "New York", "Tokyo" for their IANA zones, and
 * "16:30 EST" rather than "GMT-5".
 */

/** Names people use for a zone that is not the city in its IANA name. */
const aliases: Readonly<Record<string, string>> = Object.freeze({
  'san francisco': 'America/Los_Angeles',
  seattle: 'America/Los_Angeles',
  'silicon valley': 'America/Los_Angeles',
  boston: 'America/New_York',
  nyc: 'America/New_York',
  washington: 'America/New_York',
  montreal: 'America/Toronto',
  austin: 'America/Chicago',
  beijing: 'Asia/Shanghai',
  shenzhen: 'Asia/Shanghai',
  mumbai: 'Asia/Kolkata',
  delhi: 'Asia/Kolkata',
  'new delhi': 'Asia/Kolkata',
  bangalore: 'Asia/Kolkata',
  bengaluru: 'Asia/Kolkata',
  munich: 'Europe/Berlin',
  geneva: 'Europe/Zurich',
  barcelona: 'Europe/Madrid',
  edinburgh: 'Europe/London',
  cambridge: 'Europe/London',
  oxford: 'Europe/London',
  'tel aviv': 'Asia/Jerusalem',
  kyiv: 'Europe/Kyiv',
  'sao paulo': 'America/Sao_Paulo',
  'são paulo': 'America/Sao_Paulo',
  'mexico city': 'America/Mexico_City',
});

/** Abbreviations people read for zones that no English locale of Intl gives one for. */
const abbreviations: Readonly<Record<string, readonly [standard: string, summer?: string]>> = Object.freeze({
  'Asia/Tokyo': ['JST'],
  'Asia/Seoul': ['KST'],
  'Asia/Shanghai': ['CST'],
  'Asia/Hong_Kong': ['HKT'],
  'Asia/Taipei': ['CST'],
  'Europe/Moscow': ['MSK'],
  'America/Sao_Paulo': ['BRT'],
  'Asia/Jerusalem': ['IST', 'IDT'],
  'Asia/Dubai': ['GST'],
});

/** English locales whose short zone names differ: each knows its own region's abbreviations. */
const locales = Object.freeze(['en-US', 'en-GB', 'en-AU', 'en-IN', 'en-NZ', 'en-SG', 'en-ZA', 'en-CA']);

let cities: ReadonlyMap<string, string> | undefined;

/** City → zone, from the zones this Node knows ("America/New_York" → "new york"), built once. */
function cityMap(): ReadonlyMap<string, string> {
  // Stryker disable next-line ConditionalExpression: only a cache; built again, the map is the same.
  if (!cities) {
    const map = new Map<string, string>();
    for (const zone of Intl.supportedValuesOf('timeZone')) {
      // Stryker disable next-line OptionalChaining: split always gives at least one part.
      const city = zone.split('/').at(-1)?.replace(/_/g, ' ').toLowerCase();
      // Stryker disable next-line ConditionalExpression,LogicalOperator: a zone's last part is never empty, and no two zones of Intl share one (the first is kept should a later Node add such a pair).
      if (city && !map.has(city)) map.set(city, zone);
    }
    for (const [name, zone] of Object.entries(aliases)) map.set(name, zone);
    cities = map;
  }
  return cities;
}

/**
 * The zone a city name means: "Paris" → Europe/Paris, "new york" → America/New_York, "Bangalore" →
 * Asia/Kolkata.
 *
 * @param name One or more words.
 * @returns The IANA zone, or undefined.
 */
export function zoneOfCity(name: string): string | undefined {
  return cityMap().get(name.trim().replace(/\s+/g, ' ').toLowerCase());
}

/**
 * The abbreviation of a zone at a time, as people read it: EST, CET, CEST, IST, JST, AEDT, UTC; the
 * GMT offset only when no name is known.
 *
 * @param date The time (summer or winter).
 * @param timeZone An IANA zone.
 * @returns The short name.
 */
export function zoneAbbreviation(date: Date, timeZone: string): string {
  let offsetName = '';
  for (const locale of locales) {
    const name =
      // Stryker disable next-line OptionalChaining: formatToParts always has a timeZoneName part when timeZoneName is asked for.
      new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' })
        .formatToParts(date)
        .find((part) => part.type === 'timeZoneName')?.value ?? '';
    // Stryker disable next-line StringLiteral: a short name is never empty.
    if (name !== '' && !/^(GMT|UTC)[+-]/.test(name)) return name;
    offsetName ||= name;
  }
  const known = abbreviations[timeZone];
  if (known) {
    const [standard, summer] = known;
    // Stryker disable next-line LogicalOperator: the zones with one name only have no summer time.
    return summer && isSummer(date, timeZone) ? summer : standard;
  }
  return offsetName;
}

/**
 * Whether a zone is on its summer offset at a time: its offset is larger than the smaller of January's
 * and July's (so in either hemisphere).
 *
 * @param date The time.
 * @param timeZone An IANA zone.
 * @returns `true` on summer time.
 */
export function isSummer(date: Date, timeZone: string): boolean {
  const offset = (at: Date) => {
    const name =
      // Stryker disable next-line OptionalChaining: formatToParts always has a timeZoneName part when timeZoneName is asked for.
      new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
        .formatToParts(at)
        .find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
    const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
    return match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
  };
  const year = date.getUTCFullYear();
  const winter = Math.min(offset(new Date(Date.UTC(year, 0, 15))), offset(new Date(Date.UTC(year, 6, 15))));
  return offset(date) > winter;
}
