import { localDate } from '../weekly/cadence.ts';
import { formatDay } from '../weekly/dates.ts';
import { commandText } from './command-name.ts';
import type { CommandContext } from './context.ts';
import { type Reply, type ReplyBlock, type RichText, textReply } from './reply.ts';
import { nextPostText, notSubscribedReply, withWeekly } from './weekly.ts';

/** Longest break, in days: a pause is for holidays, not for stopping (that is `unsubscribe`). */
const maxPauseDays = 366;

/** How to say when, in the command's name as typed. */
const usage = (context: CommandContext): RichText => [
  'Say when, as dates: ',
  { text: commandText(context, 'pause 2026-12-21 2027-01-04'), code: true },
  ' (both days included), ',
  { text: commandText(context, 'pause until 2027-01-04'), code: true },
  ' or one day: ',
  { text: commandText(context, 'pause 2026-12-24'), code: true },
  '.',
];

/**
 * Read the dates of `/optpaper pause`.
 *
 * @param args What follows `pause`.
 * @param today The channel's date today (`YYYY-MM-DD`).
 * @returns The first and last paused day, or why the words are not dates.
 */
export function readPauseDates(
  args: string,
  today: string,
): { startsOn: string; endsOn: string } | { error: string } {
  const words = args.toLowerCase().split(/\s+/).filter(Boolean);
  const dates = (words[0] === 'until' ? [today, ...words.slice(1)] : words).filter((word) => word !== 'to');
  if (dates.length < 1 || dates.length > 2) return { error: 'usage' };
  for (const date of dates) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) {
      return { error: `"${date}" is not a date: write it as YYYY-MM-DD` };
    }
    // Date.parse accepts 2026-02-30 as 2 March: a date that does not round-trip is not a day.
    if (new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date)
      return { error: `"${date}" is not a day` };
  }
  const startsOn = dates[0] as string;
  const endsOn = dates[1] ?? startsOn;
  if (endsOn < startsOn) return { error: `the break ends (${endsOn}) before it starts (${startsOn})` };
  if (endsOn < today) return { error: `${endsOn} has passed already` };
  const days = (Date.parse(`${endsOn}T00:00:00Z`) - Date.parse(`${startsOn}T00:00:00Z`)) / 86_400_000;
  if (days >= maxPauseDays)
    return { error: `a break is at most a year; to stop the paper of the week, unsubscribe` };
  return { startsOn, endsOn };
}

/**
 * `/optpaper pause <from> [to]`: no paper of the week on those days (both included); the posts that fall
 * in them are skipped, not missed, and the rotation simply waits.
 *
 * @param args The dates.
 * @param context The request.
 * @returns The reply.
 */
export function pauseReply(args: string, context: CommandContext): Promise<Reply> {
  return withWeekly(context, async (weekly) => {
    const subscription = await weekly.subscription(context.channel.id);
    if (!subscription) return notSubscribedReply(context);
    const { timeZone } = subscription;
    const dates = readPauseDates(args, localDate(context.now, timeZone));
    if ('error' in dates)
      return textReply(dates.error === 'usage' ? usage(context) : [`${dates.error}. `, ...usage(context)]);
    await weekly.pause(context.channel.id, dates, context.user.id, context.now);
    const [next] = await weekly.upcoming(context.channel.id, 1, context.now);
    const day = (date: string) => formatDay(new Date(`${date}T12:00:00Z`), 'UTC');
    const span =
      dates.startsOn === dates.endsOn
        ? `on ${day(dates.startsOn)}`
        : `from ${day(dates.startsOn)} to ${day(dates.endsOn)}`;
    const text: RichText = [
      `No paper of the week here ${span}: those posts are skipped, and the rotation waits.`,
    ];
    const blocks: ReplyBlock[] = [{ type: 'text', text }];
    if (next) blocks.push({ type: 'text', text: nextPostText('Next post', next, timeZone) });
    blocks.push({
      type: 'context',
      text: ['End the break early with ', { text: commandText(context, 'resume'), code: true }, '.'],
    });
    return { text: `Paused ${span}.`, blocks, visibility: 'in_channel' };
  });
}

/**
 * `/optpaper resume`: end the current and coming breaks.
 *
 * @param context The request.
 * @returns The reply.
 */
export function resumeReply(context: CommandContext): Promise<Reply> {
  return withWeekly(context, async (weekly) => {
    const subscription = await weekly.subscription(context.channel.id);
    if (!subscription) return notSubscribedReply(context);
    const ended = await weekly.resume(context.channel.id, context.now);
    if (ended === 0)
      return textReply(['There is no break to end: the paper of the week goes on as scheduled.']);
    const [next] = await weekly.upcoming(context.channel.id, 1, context.now);
    const blocks: ReplyBlock[] = [
      { type: 'text', text: ['The break is over: the paper of the week goes on.'] },
    ];
    if (next) blocks.push({ type: 'text', text: nextPostText('Next post', next, subscription.timeZone) });
    return { text: 'The break is over.', blocks, visibility: 'in_channel' };
  });
}
