import { openConfiguredStore, type StoreLocation } from '../store/open.ts';
import { openStore, openStoreSnapshot } from '../store/sqlite.ts';
import type { Store } from '../store/types.ts';
import { describeSchedule } from '../weekly/cron.ts';
import { formatWhen } from '../weekly/dates.ts';
import { pickView } from '../weekly/messages.ts';
import type { WeeklyService } from '../weekly/service.ts';
import { type CliIo, exitCodes, writeJson } from './io.ts';
import { paperJson } from './list.ts';

/**
 * `optpaper upcoming N [--json] [--channel ID]`: the next N weekly picks of a channel with their
 * dates, from the bot's database (the channel's history, queue and skips).
 *
 * @param weekly The weekly service over the database.
 * @param options `count`, `channel` (none: a channel with no history), `json`, `now`.
 * @param io Output.
 * @returns The exit code.
 */
export async function upcomingCommand(
  weekly: WeeklyService,
  options: { count: number; channel: string | undefined; team: string; json: boolean; now: Date },
  io: CliIo,
): Promise<number> {
  const channel = options.channel ?? '';
  const subscription = options.channel ? await weekly.subscription(options.channel) : undefined;
  const { cron, timeZone } = subscription ?? weekly.defaults;
  const upcoming = await weekly.upcoming(channel, options.count, options.now);
  if (options.json) {
    writeJson(io, {
      team: options.team,
      channel: options.channel ?? null,
      subscribed: subscription !== undefined,
      schedule: { cron, timeZone, description: describeSchedule(cron, timeZone) },
      upcoming: upcoming.map(({ pick, at }) => ({
        date: at.toISOString(),
        section: pick.section,
        sectionIndex: pick.sectionIndex,
        sectionCount: pick.sectionCount,
        position: pick.position,
        total: pick.total,
        cycle: pick.cycle,
        queued: pick.queued,
        papers: pick.papers.map(paperJson),
      })),
    });
    return exitCodes.ok;
  }
  const who = options.channel
    ? `${options.channel}${subscription ? '' : ' (not subscribed)'}`
    : 'a new channel';
  io.stdout.write(
    `Next ${upcoming.length === 1 ? 'paper' : `${upcoming.length} papers`} of the week for ${who}, ${describeSchedule(cron, timeZone)}:\n`,
  );
  for (const { pick, at } of upcoming) {
    const view = pickView(pick);
    io.stdout.write(
      `${formatWhen(at, timeZone)}  ${view.title}\n    ${view.url ?? ''}  (section ${pick.sectionIndex} of ${pick.sectionCount}: ${pick.section})\n`,
    );
  }
  return exitCodes.ok;
}

/**
 * The bot's store as a command that only reads opens it: a SQLite file is read, never created or
 * written (run as root, a created file would later lock out the bot's own user); with no file yet, an
 * empty store (nothing subscribed: the default schedule). PostgreSQL is opened as the bot opens it.
 *
 * @param location `databaseUrl` or `dbPath`.
 * @returns The store; closing it writes nothing.
 */
export async function openStoreToRead(location: StoreLocation): Promise<Store> {
  if (location.databaseUrl) return openConfiguredStore(location);
  return openStoreSnapshot(location.dbPath) ?? openStore(':memory:');
}
