import { firesBetween, nextFires } from './cron.ts';

/** When a channel's weekly post is due: its cron, every n-th week of it, and its breaks. */
export interface Cadence {
  cron: string;
  timeZone: string;
  /** A paper every n-th week (1: every week). Weeks count from the week of the first slot after `anchor`. */
  every: number;
  /** Since when the schedule runs (the subscription's `createdAt`). */
  anchor: Date;
  /** Breaks: slots on these local dates (`YYYY-MM-DD`, both included) are not due, and not missed. */
  pauses: readonly { startsOn: string; endsOn: string }[];
}

/** Slots looked at for each due one at most, before giving up (a schedule paused for years). */
const searchFactor = 60;

/**
 * The date of an instant in a zone, as `YYYY-MM-DD`.
 *
 * @param date The instant.
 * @param timeZone An IANA zone.
 * @returns The local date.
 */
export function localDate(date: Date, timeZone: string): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(date);
}

/** Monday-based week number of a local date: 1970-01-01 was a Thursday. */
function weekNumber(date: Date, timeZone: string): number {
  const days = Date.parse(`${localDate(date, timeZone)}T00:00:00Z`) / 86_400_000;
  return Math.floor((days + 3) / 7);
}

/**
 * The break a slot falls in, if any.
 *
 * @param slot A slot.
 * @param cadence The channel's cadence.
 * @returns The pause, or undefined.
 */
export function pauseAt(slot: Date, cadence: Pick<Cadence, 'timeZone' | 'pauses'>) {
  const day = localDate(slot, cadence.timeZone);
  return cadence.pauses.find((pause) => pause.startsOn <= day && day <= pause.endsOn);
}

/**
 * Whether a slot of the cron is one the channel gets a paper at: in an on-week, and in no break.
 *
 * @param slot A slot of the cadence's cron.
 * @param cadence The channel's cadence.
 * @returns Whether it is due.
 */
export function isDue(slot: Date, cadence: Cadence): boolean {
  if (pauseAt(slot, cadence)) return false;
  if (cadence.every <= 1) return true;
  // nextFires gives exactly the count asked for (or throws).
  const first = nextFires(cadence.cron, cadence.timeZone, cadence.anchor, 1)[0] as Date;
  const weeks = weekNumber(slot, cadence.timeZone) - weekNumber(first, cadence.timeZone);
  // Weeks before the first slot are negative: their remainder is negative or -0, which equals 0.
  return weeks % cadence.every === 0;
}

/**
 * The due slots within a period (what a bot that was down for it missed).
 *
 * @param cadence The channel's cadence.
 * @param from Start, excluded.
 * @param to End, included.
 * @param max At most this many cron slots are looked at.
 * @returns The due slots, oldest first, and whether the cron had more than `max` in the period.
 */
export function dueBetween(
  cadence: Cadence,
  from: Date,
  to: Date,
  max: number,
): { slots: Date[]; truncated: boolean } {
  const all = firesBetween(cadence.cron, cadence.timeZone, from, to, max);
  return { slots: all.filter((slot) => isDue(slot, cadence)), truncated: all.length >= max };
}

/**
 * The next due slots after a time.
 *
 * @param cadence The channel's cadence.
 * @param after Strictly after this.
 * @param count How many.
 * @returns Up to `count` slots, oldest first (fewer only when breaks cover a very long time).
 */
export function nextDue(cadence: Cadence, after: Date, count: number): Date[] {
  const due: Date[] = [];
  let from = after;
  const limit = Math.max(count, 1) * searchFactor * Math.max(cadence.every, 1);
  for (let looked = 0; due.length < count && looked < limit; looked++) {
    const slot = nextFires(cadence.cron, cadence.timeZone, from, 1)[0] as Date;
    if (isDue(slot, cadence)) due.push(slot);
    from = slot;
  }
  return due;
}
