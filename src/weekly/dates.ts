import { zoneAbbreviation } from './zones.ts';

/**
 * A fire time as people read it, in the schedule's time zone, with the zone's abbreviation (EST, CET,
 * JST, not GMT-5): "Mon 7 Dec 2026, 09:00 CET".
 *
 * @param date The time.
 * @param timeZone An IANA zone.
 * @returns The text.
 */
export function formatWhen(date: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    // Stryker disable next-line OptionalChaining,StringLiteral: these options always give these parts.
    parts.find((candidate) => candidate.type === type)?.value ?? '';
  return `${part('weekday')} ${part('day')} ${part('month')} ${part('year')}, ${part('hour')}:${part('minute')} ${zoneAbbreviation(date, timeZone)}`;
}

/**
 * A date without the time, for lists: "Mon 7 Dec 2026".
 *
 * @param date The time.
 * @param timeZone An IANA zone.
 * @returns The text.
 */
export function formatDay(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  })
    .format(date)
    .replace(',', '');
}

/**
 * The link to a message (and its thread) in Slack, in the form chat.getPermalink gives:
 * `https://<workspace>.slack.com/archives/<channel>/p<ts without its dot>`.
 *
 * @param channel Channel id.
 * @param ts Message ts.
 * @param workspaceUrl The workspace's URL from auth.test, ending in `/` (default: `https://slack.com/`,
 *   which Slack sends on to the workspace of whoever opens it).
 * @returns The permalink.
 */
export function messageLink(channel: string, ts: string, workspaceUrl = 'https://slack.com/'): string {
  const base = workspaceUrl.endsWith('/') ? workspaceUrl : `${workspaceUrl}/`;
  return `${base}archives/${channel}/p${ts.replace('.', '')}`;
}
