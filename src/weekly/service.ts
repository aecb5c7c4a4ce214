import type { Catalog, Paper } from '../catalog/types.ts';
import type { Library } from '../library.ts';
import type { FireRecord, Store, Subscription } from '../store/types.ts';
import { nextFires } from './cron.ts';
import { groupReadings, type Reading } from './readings.ts';
import { nextPick, type Pick, pickToPosted, upcomingPicks } from './rotation.ts';

export type { Subscription } from '../store/types.ts';

/** One weekly post that Slack accepted. */
export interface PostRecord {
  scheduledAt: Date;
  postedAt: Date;
  paperIds: readonly string[];
  section: string;
  cycle: number;
  /** The message ts, which is also its thread's ts. */
  messageTs: string;
}

/** A pick with the time it is due. */
export interface UpcomingPick {
  pick: Pick;
  at: Date;
}

/** What asking for a paper ("Read next", `/optpaper queue`) did. */
export type QueueOutcome =
  | { status: 'queued'; paper: Paper; position: number }
  | { status: 'already-queued'; paper: Paper; position: number }
  | { status: 'already-posted'; paper: Paper }
  | { status: 'unknown' };

/** Paper-of-the-week operations that commands use (subscriptions, rotation, history). */
export interface WeeklyService {
  /** The schedule a subscription gets when none is given (WEEKLY_CRON, WEEKLY_TZ). */
  readonly defaults: { cron: string; timeZone: string };
  isSubscribed(channel: string): boolean;
  subscription(channel: string): Subscription | undefined;
  /** Subscribe a channel, or change its schedule; its history is kept. */
  subscribe(
    channel: string,
    schedule: { cron: string; timeZone: string },
    by: string,
    at: Date,
  ): Subscription;
  /** Stop the weekly post in a channel; its history is kept for a later subscription. */
  unsubscribe(channel: string, at: Date): boolean;
  /** The channel's next fire after a time (on the default schedule when it is not subscribed). */
  nextFire(channel: string, after: Date): Date | undefined;
  /** The next picks with their dates, on the channel's schedule (or the default one). */
  upcoming(channel: string, count: number, after: Date): UpcomingPick[];
  /** The channel's latest slot and what became of it (posted, failed, missed, interrupted). */
  lastFire(channel: string): FireRecord | undefined;
  /** Posts Slack accepted in the channel, newest first. */
  posts(channel: string, limit: number): PostRecord[];
  /** Move the channel's next pick to the end of the cycle; what was skipped and what comes next. */
  skip(channel: string, at: Date): { skipped: Pick; next?: Pick } | undefined;
  /** Make a paper the channel's next pick. */
  queue(channel: string, paperId: string, by: string, at: Date): QueueOutcome;
}

/** The readings of each catalog, computed once per catalog (a reload makes a new catalog). */
const readingsCache = new WeakMap<Catalog, Reading[]>();

/**
 * The readings of a catalog, cached.
 *
 * @param catalog A catalog.
 * @returns `groupReadings(catalog)`.
 */
export function readingsOf(catalog: Catalog): Reading[] {
  let readings = readingsCache.get(catalog);
  if (!readings) {
    readings = groupReadings(catalog);
    readingsCache.set(catalog, readings);
  }
  return readings;
}

/**
 * The weekly service over a store and the current list.
 *
 * @param options The store, the library, the default schedule, and a hook called when subscriptions change.
 * @returns The service.
 */
export function createWeeklyService(options: {
  store: Store;
  library: Library;
  defaults: { cron: string; timeZone: string };
  onSubscriptionsChanged?: () => void;
}): WeeklyService {
  const { store, library, defaults } = options;
  const changed = () => options.onSubscriptionsChanged?.();
  const scheduleOf = (channel: string) => store.subscription(channel) ?? defaults;
  /** A schedule's slots start after its `createdAt`, which may lie ahead (see below). */
  const notBefore = (channel: string, after: Date) =>
    new Date(Math.max(after.getTime(), store.subscription(channel)?.createdAt.getTime() ?? 0));
  /**
   * Where a new schedule starts: now, unless its first slot would come less than half a period after
   * the channel's last post (Monday 09:00 moved to Monday 16:00 after that morning's post): then after
   * that slot, so that a schedule change never brings a second paper the same week.
   */
  const firstSlotAfterLastPost = (
    channel: string,
    schedule: { cron: string; timeZone: string },
    at: Date,
  ) => {
    const [last] = store.posts(channel, 1);
    const [first, second] = nextFires(schedule.cron, schedule.timeZone, at, 2);
    if (!last || !first || !second) return at;
    const halfPeriod = (second.getTime() - first.getTime()) / 2;
    return first.getTime() - last.scheduledAt.getTime() < halfPeriod ? first : at;
  };
  const current = () => {
    const { catalog } = library.current();
    return { catalog, readings: readingsOf(catalog) };
  };

  return {
    defaults,
    isSubscribed: (channel) => store.subscription(channel) !== undefined,
    subscription: (channel) => store.subscription(channel),
    subscribe(channel, schedule, by, at) {
      const start = firstSlotAfterLastPost(channel, schedule, at);
      const subscription = store.subscribe({ channel, ...schedule, createdBy: by, at: start });
      changed();
      return subscription;
    },
    unsubscribe(channel, at) {
      const removed = store.unsubscribe(channel, at);
      if (removed) changed();
      return removed;
    },
    nextFire(channel, after) {
      const { cron, timeZone } = scheduleOf(channel);
      return nextFires(cron, timeZone, notBefore(channel, after), 1)[0];
    },
    upcoming(channel, count, after) {
      const { catalog, readings } = current();
      const picks = upcomingPicks(catalog, readings, store.history(channel), count);
      const { cron, timeZone } = scheduleOf(channel);
      const dates = nextFires(cron, timeZone, notBefore(channel, after), picks.length);
      return picks.map((pick, index) => ({ pick, at: dates[index] as Date }));
    },
    lastFire: (channel) => store.lastFire(channel),
    posts(channel, limit) {
      return store.posts(channel, limit).flatMap((fire) =>
        fire.messageTs
          ? [
              {
                scheduledAt: fire.scheduledAt,
                postedAt: fire.finishedAt ?? fire.scheduledAt,
                paperIds: fire.paperIds,
                section: fire.section ?? '',
                cycle: fire.cycle ?? 1,
                messageTs: fire.messageTs,
              },
            ]
          : [],
      );
    },
    skip(channel, at) {
      const { catalog, readings } = current();
      const skipped = nextPick(catalog, readings, store.history(channel));
      if (!skipped) return undefined;
      // A queued paper that is skipped leaves the queue: skipping it is the newer wish.
      for (const id of skipped.reading.paperIds) store.dequeue(channel, id);
      const { paperIds, links, cycle } = pickToPosted(skipped);
      store.skip(channel, { paperIds, links, cycle, at });
      const next = nextPick(catalog, readings, store.history(channel));
      return next ? { skipped, next } : { skipped };
    },
    queue(channel, paperId, by, at) {
      const { catalog, readings } = current();
      const paper = catalog.papers.find((candidate) => candidate.id === paperId);
      if (!paper) return { status: 'unknown' };
      const history = store.history(channel);
      // Asked for first, would it come next? If not, its reading is done in this cycle.
      const asked = nextPick(catalog, readings, { ...history, queued: [paperId] });
      if (!asked?.reading.paperIds.includes(paperId)) return { status: 'already-posted', paper };
      const added = store.enqueue(channel, paperId, { by, at });
      const queue = store.queue(channel).map((entry) => entry.paperId);
      const position = upcomingPicks(catalog, readings, store.history(channel), queue.length + 1).findIndex(
        (pick) => pick.reading.paperIds.includes(paperId),
      );
      return { status: added ? 'queued' : 'already-queued', paper, position: position + 1 };
    },
  };
}
