import cron from 'node-cron';
import { zoneOfCity } from './zones.ts';

/**
 * The part of node-cron's internal `TimeMatcher` that this module uses.
 *
 * node-cron 4.6 computes fire times with it, but its public `getNextRuns(n)` always starts from
 * `new Date()`, and catch-up, `upcoming` and tests need fire times after a given instant. The
 * matcher is reached in one place (`withMatcher`), the version is pinned in package.json, and
 * tests/weekly/cron.test.ts pins the behaviour (DST, seconds, strictly-after): an upgrade that
 * changes it fails there, loudly, rather than here, quietly.
 */
interface TimeMatcher {
  /** The first matching instant strictly after `date` (compared to the second). */
  getNextMatch(date: Date): Date;
}

/** Fields of a cron expression, for messages. */
const fieldRanges: Readonly<Record<string, string>> = Object.freeze({
  second: 'second (0-59)',
  minute: 'minute (0-59)',
  hour: 'hour (0-23)',
  dayOfMonth: 'day of month (1-31)',
  month: 'month (1-12 or jan-dec)',
  dayOfWeek: 'day of week (0-7 or sun-sat)',
});

/** Day names as cron numbers (0 is Sunday), for descriptions and for `subscribe` arguments. */
const dayNames = Object.freeze([
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
] as const);

/** Spellings of days a person types, beyond the full name, its first three letters and plurals. */
const dayAliases: Readonly<Record<string, number>> = Object.freeze({
  tues: 2,
  weds: 3,
  thur: 4,
  thurs: 4,
});

/** Words of `subscribe monday at 9am in Europe/Paris` that carry no meaning of their own. */
const fillerWords: ReadonlySet<string> = new Set(['every', 'on', 'at', 'in']);

/** The schedule `subscribe` falls back to when the default cron is not a simple weekly one. */
const fallbackSchedule = Object.freeze({ minute: 0, hour: 9, days: [1] as readonly number[] });

/** How `subscribe` arguments are written, for error messages. */
const scheduleForm = '[day] [time] [time zone], such as `monday 9:30 Europe/Paris` or `fri 5pm`';

/** Upper bound on fire times `firesBetween` returns unless told otherwise. */
const defaultMaxFires = 1000;

/**
 * Check a cron expression as node-cron reads it: five fields (minute hour day-of-month month
 * day-of-week) or six (seconds first); names (`mon`, `jan`) and node-cron's nicknames allowed.
 *
 * @param expression The expression.
 * @returns What is wrong with it, or `undefined` when it is valid.
 */
export function validateCron(expression: string): string | undefined {
  if (expression.trim() === '') return 'the expression is empty';
  let result: ReturnType<typeof cron.validateDetailed>;
  // Stryker disable BlockStatement: node-cron 4.6 reports what is wrong, it never throws here, so the catch
  // block cannot be reached. (A next-line comment cannot reach a catch block: it would be nobody's leading comment.)
  try {
    result = cron.validateDetailed(expression);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  // Stryker restore BlockStatement
  if (result.valid) return undefined;
  return result.errors
    .map((error) => {
      if (error.field === 'expression') {
        return error.message.startsWith('expected 5 or 6 fields')
          ? `${error.message}: minute hour day-of-month month day-of-week, optionally seconds first (such as 0 9 * * 1)`
          : error.message;
      }
      if (error.message.includes('impossible')) return error.message;
      return `"${error.value}" is not a valid ${fieldRanges[error.field] ?? error.field}`;
    })
    .join('; ');
}

/**
 * Check an IANA time zone name (`Europe/Paris`, `America/New_York`, `UTC`) as this Node knows them.
 *
 * @param timeZone The name.
 * @returns What is wrong with it, or `undefined` when it is valid.
 */
export function validateTimeZone(timeZone: string): string | undefined {
  return resolveTimeZone(timeZone) === undefined
    ? `unknown time zone "${timeZone}": use an IANA name such as Europe/Paris, America/New_York or UTC`
    : undefined;
}

/**
 * The next fire times of a schedule.
 *
 * @param expression A valid cron expression.
 * @param timeZone The zone its hours are in.
 * @param after Fire times strictly after this instant.
 * @param count How many.
 * @returns `count` instants, oldest first.
 * @throws When the expression or the zone is invalid (the message says why).
 */
export function nextFires(expression: string, timeZone: string, after: Date, count: number): Date[] {
  return withMatcher(expression, timeZone, (matcher) => {
    const fires: Date[] = [];
    let from = after;
    while (fires.length < count) {
      from = matcher.getNextMatch(from);
      fires.push(from);
    }
    return fires;
  });
}

/**
 * The fire times of a schedule within a period: what a bot that was down for that period missed.
 *
 * @param expression A valid cron expression.
 * @param timeZone The zone its hours are in.
 * @param from Start of the period, excluded.
 * @param to End of the period, included.
 * @param max At most this many, the oldest (default: 1000).
 * @returns Instants `t` with `from < t <= to`, oldest first.
 * @throws When the expression or the zone is invalid (the message says why).
 */
export function firesBetween(
  expression: string,
  timeZone: string,
  from: Date,
  to: Date,
  max: number = defaultMaxFires,
): Date[] {
  return withMatcher(expression, timeZone, (matcher) => {
    const fires: Date[] = [];
    let next = matcher.getNextMatch(from);
    while (fires.length < max && next.getTime() <= to.getTime()) {
      fires.push(next);
      next = matcher.getNextMatch(next);
    }
    return fires;
  });
}

/**
 * A schedule for a person: `every Monday at 09:00 (UTC)` for daily and weekly expressions,
 * `on cron \`…\` (Europe/Paris)` for anything else.
 *
 * @param expression A cron expression.
 * @param timeZone The zone its hours are in.
 * @returns One phrase.
 */
export function describeSchedule(expression: string, timeZone: string, every = 1): string {
  const simple = validateCron(expression) === undefined ? readSimple(expression) : undefined;
  const cadence = every === 2 ? ', every other week' : every > 2 ? `, every ${every} weeks` : '';
  if (!simple) return `on cron \`${expression.trim()}\` (${timeZone})${cadence}`;
  return `${describeDays(simple.days)} at ${clockTime(simple.hour, simple.minute)} (${timeZone})${cadence}`;
}

/**
 * Whether a schedule fires more than once a week: two fires less than six days apart among the next
 * few (six, not seven: a daylight saving change moves a weekly fire by an hour).
 *
 * @param expression A valid cron expression.
 * @param timeZone The zone its hours are in.
 * @param after From this instant.
 * @returns True for `0 9 * * mon-fri`, `0 9 * * 1,4`, `0 * * * *`; false for `0 9 * * 1`, `0 9 1 * *`.
 */
export function firesMoreThanWeekly(expression: string, timeZone: string, after: Date): boolean {
  const fires = nextFires(expression, timeZone, after, 8);
  return fires.some(
    (fire, index) => index > 0 && fire.getTime() - (fires[index - 1] as Date).getTime() < 6 * 86_400_000,
  );
}

/** Longest cadence a subscription takes: every eighth week. */
export const maxEvery = 8;

/**
 * Take a cadence out of schedule words: `every 2 weeks`, `every other week`, `biweekly`, `fortnightly`,
 * `every week`.
 *
 * @param words The words.
 * @returns The other words, and every how many weeks (undefined when not said), or an error.
 */
export function readCadence(
  words: readonly string[],
): { words: string[]; every?: number } | { error: string } {
  const lower = words.map((word) => word.toLowerCase().replace(/[,;.]+$/, ''));
  const without = (index: number, count: number) => [...words.slice(0, index), ...words.slice(index + count)];
  const weeks = (word: string | undefined) => word === 'week' || word === 'weeks';
  for (const [index, word] of lower.entries()) {
    if (word === 'biweekly' || word === 'fortnightly') return { words: without(index, 1), every: 2 };
    if (word !== 'every') continue;
    const next = lower[index + 1];
    if (weeks(next)) return { words: without(index, 2), every: 1 };
    if (!weeks(lower[index + 2])) continue;
    if (next === 'other') return { words: without(index, 3), every: 2 };
    if (next !== undefined && /^\d+$/.test(next)) {
      const every = Number(next);
      if (every < 1 || every > maxEvery) {
        return { error: `"every ${next} weeks": a paper every week up to every ${maxEvery} weeks` };
      }
      return { words: without(index, 3), every };
    }
  }
  return { words: [...words] };
}

/**
 * Turn city names among schedule words into their zones: `paris` → Europe/Paris, `new york` →
 * America/New_York (up to three words).
 *
 * @param words The words.
 * @returns The words, with each city replaced by its IANA zone.
 */
export function citiesToZones(words: readonly string[]): string[] {
  const out: string[] = [];
  for (let index = 0; index < words.length; index++) {
    let matched = false;
    for (let length = 3; length >= 1 && !matched; length--) {
      const name = words
        .slice(index, index + length)
        .join(' ')
        .replace(/[,;.]+$/, '');
      // A day or a time is never a city, even where a place is named like one.
      if (length === 1 && (readDay(name.toLowerCase()) !== undefined || /^\d/.test(name))) continue;
      const zone = index + length <= words.length ? zoneOfCity(name) : undefined;
      if (zone) {
        out.push(zone);
        index += length - 1;
        matched = true;
      }
    }
    if (!matched) out.push(words[index] as string);
  }
  return out;
}

/**
 * Read the arguments of `/optpaper subscribe [day] [time] [timezone]`: each optional, in any order.
 * Days: `monday`, `mon`, `Mondays` (several days give several weekly posts); times: `9`, `9:30`,
 * `09:30`, `9am`, `5pm`, `5:15pm`, `5 pm`, `17:00`; zones: IANA names (`Europe/Paris`, `UTC`).
 * What is not given comes from the default cron when it is a simple weekly one (`0 9 * * 1`),
 * else Monday 09:00, and from the default zone.
 *
 * @param words The arguments, split on spaces.
 * @param defaults The schedule of `WEEKLY_CRON` and `WEEKLY_TZ`.
 * @returns A five-field cron `M H * * D` and a zone, or an error naming the word it could not read.
 */
export function parseScheduleWords(
  words: readonly string[],
  defaults: { cron: string; timeZone: string },
): { cron: string; timeZone: string } | { error: string } {
  const tokens = joinMeridiems(citiesToZones(words.map((word) => word.trim()).filter((word) => word !== '')));
  const days = new Set<number>();
  let time: { hour: number; minute: number; word: string } | undefined;
  let zone: { name: string; word: string } | undefined;
  for (const token of tokens) {
    const word = token.replace(/[,;.]+$/, '');
    const lower = word.toLowerCase();
    if (fillerWords.has(lower)) continue;
    const day = readDay(lower);
    if (day !== undefined) {
      days.add(day);
      continue;
    }
    if (/^\d/.test(word)) {
      const read = readTime(lower);
      if (!read) return { error: `"${word}" is not a time: write 9, 9:30, 17:00 or 5pm` };
      if (time) return { error: `"${word}": give one time only (already ${time.word})` };
      time = { ...read, word };
      continue;
    }
    const named = readZone(word);
    if (named) {
      if (zone) return { error: `"${word}": give one time zone only (already ${zone.word})` };
      zone = { name: named, word };
      continue;
    }
    if (/\//.test(word) || /^[A-Z]{2,5}$/.test(word)) {
      return {
        error: `"${word}" is not a time zone: use an IANA name such as Europe/Paris, America/New_York or UTC`,
      };
    }
    return { error: `"${word}" is not a day, a time or a time zone: expected ${scheduleForm}` };
  }
  const fallback = readSimple(defaults.cron);
  const base = fallback && fallback.days.length < 7 ? fallback : fallbackSchedule;
  const hour = time?.hour ?? base.hour;
  const minute = time?.minute ?? base.minute;
  const dayField = (days.size > 0 ? [...days].sort((a, b) => a - b) : base.days).join(',');
  return { cron: `${minute} ${hour} * * ${dayField}`, timeZone: zone?.name ?? defaults.timeZone };
}

/**
 * Run `use` with node-cron's matcher for one schedule. The task is built stopped (createTask never
 * starts it) and destroyed before returning, so no timer keeps the event loop alive and node-cron's
 * task registry does not grow.
 */
function withMatcher<T>(expression: string, timeZone: string, use: (matcher: TimeMatcher) => T): T {
  const cronError = validateCron(expression);
  if (cronError) throw new Error(`invalid cron expression "${expression}": ${cronError}`);
  const zoneError = validateTimeZone(timeZone);
  if (zoneError) throw new Error(zoneError);
  const task = cron.createTask(expression, () => undefined, { timezone: timeZone });
  try {
    // The one structural cast onto node-cron internals (see TimeMatcher above).
    const matcher = (task as unknown as { timeMatcher?: Partial<TimeMatcher> }).timeMatcher;
    // Stryker disable next-line OptionalChaining,BlockStatement: guards a node-cron upgrade; 4.6 has the matcher.
    if (typeof matcher?.getNextMatch !== 'function') {
      // Stryker disable next-line StringLiteral: see above.
      throw new Error('node-cron no longer exposes task.timeMatcher.getNextMatch: check src/weekly/cron.ts');
    }
    return use(matcher as TimeMatcher);
  } finally {
    void task.destroy();
  }
}

/** Intl refuses unknown names, and empty ones. */
function resolveTimeZone(timeZone: string): string | undefined {
  // Stryker disable BlockStatement: an empty catch returns undefined too (a range, since a next-line comment
  // cannot reach a catch block).
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}
// Stryker restore BlockStatement

/** A zone a person means: an Area/Location name or UTC/GMT, not a legacy abbreviation such as EST. */
function readZone(word: string): string | undefined {
  if (!word.includes('/') && !/^(utc|gmt)$/i.test(word)) return undefined;
  return resolveTimeZone(word);
}

/** `mon`, `monday`, `mondays`, `tues`… → 1, 2…; anything else → undefined. */
function readDay(word: string): number | undefined {
  // Stryker disable next-line ConditionalExpression,EqualityOperator: no two-letter word is a day, so stripping three-letter words changes nothing.
  const singular = word.length > 3 ? word.replace(/s$/, '') : word;
  const alias = dayAliases[singular];
  if (alias !== undefined) return alias;
  const found = dayNames.findIndex((name) => {
    const lower = name.toLowerCase();
    return singular === lower || singular === lower.slice(0, 3);
  });
  return found >= 0 ? found : undefined;
}

/** `9`, `9:30`, `09:30`, `9am`, `5:15pm`, `17:00` → hour and minute; impossible times → undefined. */
function readTime(word: string): { hour: number; minute: number } | undefined {
  const match = /^(\d{1,2})(?::(\d{2}))?(am|pm)?$/.exec(word);
  if (!match) return undefined;
  // Stryker disable next-line StringLiteral: the hours always match, and Number('') is 0 like Number('0').
  const [, hours = '', minutes = '0', meridiem] = match;
  let hour = Number(hours);
  const minute = Number(minutes);
  if (minute > 59) return undefined;
  if (meridiem) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (meridiem === 'pm' ? 12 : 0);
  } else if (hour > 23) {
    return undefined;
  }
  return { hour, minute };
}

/** `5 pm` typed as two words is `5pm`. */
function joinMeridiems(words: readonly string[]): string[] {
  const out: string[] = [];
  for (const word of words) {
    const previous = out.at(-1);
    if (/^(am|pm)$/i.test(word) && previous !== undefined && /^\d{1,2}(:\d{2})?$/.test(previous)) {
      out[out.length - 1] = `${previous}${word.toLowerCase()}`;
    } else {
      out.push(word);
    }
  }
  return out;
}

/**
 * A daily or weekly expression at one time of day (`30 9 * * 1,4`, `0 0 9 * * *`, `0 9 * * mon-fri`):
 * its hour, minute and days (0-6, sorted; all seven for daily). Anything else → undefined.
 */
function readSimple(expression: string): { minute: number; hour: number; days: number[] } | undefined {
  const fields = expression.trim().split(/\s+/);
  // Six fields start with seconds: only a whole minute (`0`) reads as a time of day.
  if (fields.length === 6 && fields.shift() !== '0') return undefined;
  if (fields.length !== 5) return undefined;
  const [minute, hour, dayOfMonth, month, dayOfWeek] = fields;
  if (!minute || !hour || !dayOfWeek || !/^\d{1,2}$/.test(minute) || !/^\d{1,2}$/.test(hour))
    return undefined;
  if (dayOfMonth !== '*' || month !== '*') return undefined;
  const days = readDayField(dayOfWeek);
  if (!days || Number(minute) > 59 || Number(hour) > 23) return undefined;
  return { minute: Number(minute), hour: Number(hour), days };
}

/** `*`, `1`, `mon`, `1,4`, `1-5`, `mon-fri` → sorted days 0-6 (7 is Sunday too); steps and `#`/`L` → undefined. */
function readDayField(field: string): number[] | undefined {
  if (field === '*') return [0, 1, 2, 3, 4, 5, 6];
  const days = new Set<number>();
  for (const part of field.split(',')) {
    const [start, end, ...rest] = part.split('-');
    if (rest.length > 0 || start === undefined) return undefined;
    const from = dayNumber(start);
    const to = end === undefined ? from : dayNumber(end);
    if (from === undefined || to === undefined || to < from) return undefined;
    for (let day = from; day <= to; day++) days.add(day % 7);
  }
  return [...days].sort((a, b) => a - b);
}

function dayNumber(token: string): number | undefined {
  if (/^[0-7]$/.test(token)) return Number(token);
  const found = dayNames.findIndex((name) => name.slice(0, 3).toLowerCase() === token.toLowerCase());
  return found >= 0 ? found : undefined;
}

function describeDays(days: readonly number[]): string {
  if (days.length === 7) return 'every day';
  if (days.join(',') === '1,2,3,4,5') return 'every weekday (Monday to Friday)';
  // A reading group's week starts on Monday: "Saturday and Sunday", not "Sunday and Saturday".
  const names = [...days]
    .sort((a, b) => ((a + 6) % 7) - ((b + 6) % 7))
    .map((day) => dayNames[day] ?? String(day));
  const last = names.pop();
  return `every ${names.length > 0 ? `${names.join(', ')} and ${last}` : last}`;
}

function clockTime(hour: number, minute: number): string {
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}
