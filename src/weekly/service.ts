import type { Catalog, Paper } from '../catalog/types.ts';
import type { Library } from '../library.ts';
import type { FireRecord, Pause, Subscription, TeamStore } from '../store/types.ts';
import { type Cadence, localDate, nextDue } from './cadence.ts';
import { nextFires } from './cron.ts';
import { type OutsideReading, proposalIdOf } from './outside.ts';
import { type PendingPost, type PendingPosts, withPending } from './pending.ts';
import { groupReadings, type Reading } from './readings.ts';
import { type ChannelHistory, nextPick, type Pick, pickToPosted, upcomingPicks } from './rotation.ts';

export type { Subscription } from '../store/types.ts';

/** One weekly post that Slack accepted. */
export interface PostRecord {
  scheduledAt: Date;
  postedAt: Date;
  paperIds: readonly string[];
  /** Canonical identity links of the reading when it was posted (what recognises a renamed paper). */
  links: readonly string[];
  section: string;
  cycle: number;
  /** The message ts, which is also its thread's ts. */
  messageTs: string;
  /** For a paper proposed from outside the list: its title, link and proposer. */
  outside?: OutsideReading;
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
  isSubscribed(channel: string): Promise<boolean>;
  subscription(channel: string): Promise<Subscription | undefined>;
  /** Subscribe a channel, or change its schedule (every n-th week: `every`); its history is kept. */
  subscribe(
    channel: string,
    schedule: { cron: string; timeZone: string; every?: number },
    by: string,
    at: Date,
  ): Promise<Subscription>;
  /** A break in the weekly post: no paper on these local dates (both included), and nothing missed. */
  pause(channel: string, dates: { startsOn: string; endsOn: string }, by: string, at: Date): Promise<Pause>;
  /** End the current and coming breaks. @returns How many ended. */
  resume(channel: string, at: Date): Promise<number>;
  /** The channel's breaks that have not ended by `at`, earliest first. */
  pauses(channel: string, at: Date): Promise<Pause[]>;
  /** Stop the weekly post in a channel; its history is kept for a later subscription. */
  unsubscribe(channel: string, at: Date): Promise<boolean>;
  /** The channel's next fire after a time (on the default schedule when it is not subscribed). */
  nextFire(channel: string, after: Date): Promise<Date | undefined>;
  /** The next picks with their dates, on the channel's schedule (or the default one). */
  upcoming(channel: string, count: number, after: Date): Promise<UpcomingPick[]>;
  /** Posts Slack accepted in the channel that the database has not recorded yet (a full disk). */
  unrecorded(channel: string): PendingPost[];
  /** The channel's latest slot and what became of it (posted, failed, missed, interrupted). */
  lastFire(channel: string): Promise<FireRecord | undefined>;
  /** Posts Slack accepted in the channel, newest first. */
  posts(channel: string, limit: number): Promise<PostRecord[]>;
  /** What the rotation picks from: the store's history, plus posts not recorded yet. */
  history(channel: string): Promise<ChannelHistory>;
  /** Move the channel's next pick to the end of the cycle; what was skipped and what comes next. */
  skip(channel: string, at: Date): Promise<{ skipped: Pick; next?: Pick } | undefined>;
  /** Make a paper the channel's next pick. */
  queue(channel: string, paperId: string, by: string, at: Date): Promise<QueueOutcome>;
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
 * The weekly service of one workspace, over its store and the current list.
 *
 * @param options The workspace's store, the library, the default schedule, and a hook called when subscriptions change.
 * @returns The service.
 */
export function createWeeklyService(options: {
  store: TeamStore;
  library: Library;
  defaults: { cron: string; timeZone: string };
  onSubscriptionsChanged?: () => void;
  /** Posts the runner could not record yet: they count as posted. */
  pending?: PendingPosts;
  /** What a channel shows changed (schedule, breaks, coming papers): its Home tabs are published again. */
  onChannelChanged?: (channel: string) => void;
}): WeeklyService {
  const { store, library, defaults } = options;
  const history = async (channel: string) =>
    withPending(await store.history(channel), options.pending?.of(store.team, channel) ?? []);
  const changed = () => options.onSubscriptionsChanged?.();
  const shown = (channel: string) => options.onChannelChanged?.(channel);
  /** When the channel's posts are due: its subscription (or the default schedule), every n-th week, its breaks. */
  const cadenceOf = async (channel: string, after: Date): Promise<Cadence> => {
    const subscription = await store.subscription(channel);
    return {
      cron: subscription?.cron ?? defaults.cron,
      timeZone: subscription?.timeZone ?? defaults.timeZone,
      every: subscription?.every ?? 1,
      anchor: subscription?.createdAt ?? after,
      pauses: await store.pauses(channel),
    };
  };
  /** A schedule's slots start after its `createdAt`, which may lie ahead (see below). */
  const notBefore = async (channel: string, after: Date) =>
    new Date(Math.max(after.getTime(), (await store.subscription(channel))?.createdAt.getTime() ?? 0));
  /**
   * Where a new schedule starts: now, unless its first slot would come less than half a period after
   * the channel's last post (Monday 09:00 moved to Monday 16:00 after that morning's post): then after
   * that slot, so that a schedule change never brings a second paper the same week.
   */
  const firstSlotAfterLastPost = async (
    channel: string,
    schedule: { cron: string; timeZone: string },
    at: Date,
  ) => {
    const [last] = await store.posts(channel, 1);
    // nextFires gives exactly the count asked for (or throws).
    const [first, second] = nextFires(schedule.cron, schedule.timeZone, at, 2) as [Date, Date];
    if (!last) return at;
    const halfPeriod = (second.getTime() - first.getTime()) / 2;
    return first.getTime() - last.scheduledAt.getTime() < halfPeriod ? first : at;
  };
  const current = () => {
    const { catalog } = library.current();
    return { catalog, readings: readingsOf(catalog) };
  };
  /** Each channel's next slot, with the cadence and the time it was found from (see `nextFire`). */
  const nextSlots = new Map<string, { key: string; from: number; slot: Date }>();
  const upcoming = async (channel: string, count: number, after: Date) => {
    const { catalog, readings } = current();
    const picks = upcomingPicks(catalog, readings, await history(channel), count);
    const dates = nextDue(await cadenceOf(channel, after), await notBefore(channel, after), picks.length);
    return picks.slice(0, dates.length).map((pick, index) => ({ pick, at: dates[index] as Date }));
  };

  return {
    defaults,
    isSubscribed: async (channel) => (await store.subscription(channel)) !== undefined,
    subscription: (channel) => store.subscription(channel),
    async subscribe(channel, schedule, by, at) {
      const start = await firstSlotAfterLastPost(channel, schedule, at);
      const subscription = await store.subscribe({ channel, ...schedule, createdBy: by, at: start });
      changed();
      shown(channel);
      return subscription;
    },
    async unsubscribe(channel, at) {
      const removed = await store.unsubscribe(channel, at);
      if (removed) {
        changed();
        shown(channel);
      }
      return removed;
    },
    async nextFire(channel, after) {
      const subscription = await store.subscription(channel);
      const cadence = await cadenceOf(channel, after);
      const from = await notBefore(channel, after);
      // Asked every minute for every voting channel (the votes' bookkeeping), and a cron's next match
      // costs a fraction of a millisecond: a slot found from an earlier time is still the next one
      // while that time has not passed it, as long as the cadence is the same.
      // Stryker disable next-line ConditionalExpression: only a cache; an unsubscribed channel's key holds `after` (its anchor), so it is never found again for another time.
      const key = subscription ? JSON.stringify(cadence) : undefined;
      const known = nextSlots.get(channel);
      if (key && known?.key === key && known.from <= from.getTime() && from < known.slot) return known.slot;
      const [slot] = nextDue(cadence, from, 1);
      // Stryker disable next-line ConditionalExpression,LogicalOperator,ObjectLiteral: only a cache; an entry without a key or a slot is never found.
      if (key && slot) nextSlots.set(channel, { key, from: from.getTime(), slot });
      return slot;
    },
    async pause(channel, { startsOn, endsOn }, by, at) {
      const pause = await store.addPause(channel, { startsOn, endsOn, by, at });
      shown(channel);
      return pause;
    },
    async resume(channel, at) {
      const { timeZone } = await cadenceOf(channel, at);
      const ended = await store.endPauses(channel, localDate(at, timeZone));
      if (ended > 0) shown(channel);
      return ended;
    },
    async pauses(channel, at) {
      const { timeZone } = await cadenceOf(channel, at);
      const today = localDate(at, timeZone);
      return (await store.pauses(channel)).filter((pause) => pause.endsOn >= today);
    },
    upcoming,
    unrecorded: (channel) => options.pending?.of(store.team, channel) ?? [],
    lastFire: (channel) => store.lastFire(channel),
    async posts(channel, limit) {
      const posts: PostRecord[] = [];
      for (const fire of await store.posts(channel, limit)) {
        if (!fire.messageTs) continue;
        const post: PostRecord = {
          scheduledAt: fire.scheduledAt,
          postedAt: fire.finishedAt ?? fire.scheduledAt,
          paperIds: fire.paperIds,
          links: fire.links,
          section: fire.section ?? '',
          cycle: fire.cycle ?? 1,
          messageTs: fire.messageTs,
        };
        // Stryker disable next-line StringLiteral: any id that names no proposal reads the same as none.
        const [id = ''] = fire.paperIds;
        const proposalId = proposalIdOf(id);
        // Stryker disable next-line ConditionalExpression: the store finds no proposal without an id either.
        const proposal = proposalId === undefined ? undefined : await store.proposal(proposalId);
        if (proposalId !== undefined)
          post.outside = {
            id,
            title: proposal?.title ?? fire.links[0] ?? id,
            url: proposal?.url ?? fire.links[0] ?? '',
            by: proposal?.by ?? '',
            at: proposal?.at ?? fire.scheduledAt,
          };
        posts.push(post);
      }
      return posts;
    },
    history,
    async skip(channel, at) {
      const { catalog, readings } = current();
      const skipped = nextPick(catalog, readings, await history(channel));
      if (!skipped) return undefined;
      // A queued paper that is skipped leaves the queue: skipping it is the newer wish.
      for (const id of skipped.reading.paperIds) await store.dequeue(channel, id);
      const proposalId = skipped.outside ? proposalIdOf(skipped.outside.id) : undefined;
      // A paper outside the list has no place in the round to go back to: its proposal is withdrawn.
      if (proposalId !== undefined) await store.withdrawProposal(proposalId, at);
      else {
        const { paperIds, links, cycle } = pickToPosted(skipped);
        await store.skip(channel, { paperIds, links, cycle, at });
      }
      shown(channel);
      const next = nextPick(catalog, readings, await history(channel));
      return next ? { skipped, next } : { skipped };
    },
    async queue(channel, paperId, by, at) {
      const { catalog, readings } = current();
      const paper = catalog.papers.find((candidate) => candidate.id === paperId);
      if (!paper) return { status: 'unknown' };
      const before = await history(channel);
      // Asked for first, would it come next? If not, its reading is done in this cycle.
      const asked = nextPick(catalog, readings, { ...before, queued: [paperId] });
      // Stryker disable next-line OptionalChaining: a list with this paper always has a next pick (in the next round if need be).
      if (!asked?.reading.paperIds.includes(paperId)) return { status: 'already-posted', paper };
      const added = await store.enqueue(channel, paperId, { by, at });
      if (added) shown(channel);
      const queued = (await store.queue(channel)).length;
      const position = upcomingPicks(catalog, readings, await history(channel), queued + 1).findIndex(
        (pick) => pick.reading.paperIds.includes(paperId),
      );
      return { status: added ? 'queued' : 'already-queued', paper, position: position + 1 };
    },
  };
}
