import type { Logger } from '@slack/bolt';
import type { Reply, RichText } from '../commands/reply.ts';
import type { Library } from '../library.ts';
import { withContext } from '../logger.ts';
import type { PostResult, RetryPolicy } from '../slack/post.ts';
import type { Store, Subscription, TeamStore } from '../store/types.ts';
import { type Cadence, dueBetween, isDue } from './cadence.ts';
import { firesBetween, nextFires } from './cron.ts';
import { discussionMessage, pickView, relatedPapers, weeklyPostMessage } from './messages.ts';
import { type PendingPost, PendingPosts, withPending } from './pending.ts';
import { type ChannelHistory, nextPick, type Pick, pickToPosted } from './rotation.ts';
import { readingsOf } from './service.ts';

/**
 * The weekly post is worth waiting for: rate limits, 5xx and network errors are retried, five attempts
 * in all. A 5xx or a lost answer may hide a post Slack did accept; that rare duplicate is the price of
 * not losing the week's paper.
 */
export const weeklyPolicy: Readonly<RetryPolicy> = Object.freeze({
  attempts: 5,
  retryOn: Object.freeze(['ratelimited', 'server', 'network'] as const),
  baseDelayMs: 2000,
  // Backoff waits 2, 4, 8 and 16 s; a Retry-After is waited out in full up to this.
  maxDelayMs: 5 * 60_000,
});

/**
 * A fire handled this soon after its slot is on time, whatever the grace period: the grace is for
 * catching up after downtime, and `WEEKLY_GRACE_HOURS=0` must not turn every (slightly late) cron tick
 * into a missed fire.
 */
const onTimeMs = 5 * 60_000;

/** Most slots enumerated since the last handled one before falling back to the grace window. */
const scanLimit = 10_000;

/** Timings of the runner's bookkeeping, one place. */
export const runnerDefaults = Object.freeze({
  /** A posting process shows it is alive this often (the fire's heartbeat). */
  heartbeatMs: 30_000,
  /** A `posting` fire whose heartbeat is older than this was interrupted (its process died). */
  staleMs: 120_000,
  /**
   * Workspaces posted to at the same time. Within one, channels go one after the other: Slack limits
   * posting per channel and per workspace, not across workspaces.
   */
  parallelTeams: 8,
});

/** The latest slot in (since, now], looking back from `now` over windows four times longer each time. */
function latestSlot(cron: string, timeZone: string, since: Date, now: Date): Date | undefined {
  for (let window = 60_000; ; window *= 4) {
    const from = new Date(Math.max(since.getTime(), now.getTime() - window));
    const found = firesBetween(cron, timeZone, from, now, Number.MAX_SAFE_INTEGER).at(-1);
    if (found || from.getTime() === since.getTime()) return found;
  }
}

/** Posts a message (a thread reply when `thread_ts` is set) into a workspace, with a retry policy. */
export type Poster = (
  message: { team: string; channel: string; thread_ts?: string; reply: Reply },
  policy: RetryPolicy,
  /** Aborted when the bot stops: a retry not yet made is given up (failure `stopped`). */
  signal?: AbortSignal,
) => Promise<PostResult>;

/** What became of one channel's slot. */
export interface FireOutcome {
  team: string;
  channel: string;
  slot: Date;
  status: 'posted' | 'failed' | 'missed' | 'too-soon' | 'already-claimed' | 'empty-list' | 'stopped';
  paperIds?: readonly string[];
  messageTs?: string;
  error?: string;
  /** For `posted`: false when Slack accepted the post but the database has not recorded it yet. */
  recorded?: boolean;
}

/** A channel's fire, as an extension sees it. */
export interface FireContext {
  team: string;
  channel: string;
  slot: Date;
  now: Date;
  /** The rotation's pick for the slot. */
  pick: Pick;
  /** The channel's history (pending posts included) the pick came from. */
  history: ChannelHistory;
}

/**
 * What a reading group's feature adds to the weekly post (votes, presenters), without the runner
 * knowing it: cron and claims stay the runner's.
 */
export interface FireExtension {
  /** A name for logs. */
  name: string;
  /**
   * Before the slot is claimed: may replace the pick (a vote's winner) and add lines to the post (how it
   * was chosen, who leads). Must not post anything: the slot may turn out to be claimed by another.
   */
  prepare?(fire: FireContext): Promise<{ pick?: Pick; notes?: RichText[] } | undefined>;
  /** Once Slack accepted the post (a thread to open, a vote to close, a turn to record). */
  posted?(fire: FireContext & { messageTs: string }): Promise<void>;
  /** With the runner's bookkeeping, every minute: things due before a slot (open a vote, tell a presenter). */
  maintain?(now: Date): Promise<void>;
}

/** Runs the weekly post. */
export interface WeeklyRunner {
  /**
   * Post every fire that is due and not yet handled: per subscription, the latest slot since its last
   * handled one (older missed slots are recorded as missed). A slot older than the grace period is
   * recorded as missed, not posted late. Calls are serialised; each reads the clock when its turn comes
   * (never earlier than `now`), so runs that queued up behind a slow one find nothing left to do.
   */
  runDue(now: Date): Promise<FireOutcome[]>;
  /**
   * Bookkeeping, run at start-up and every few minutes: fires whose process died mid-post are marked
   * interrupted (never re-posted), and posts Slack accepted but the database refused are written again.
   */
  maintain(now: Date): Promise<void>;
  /** Posts accepted by Slack, waiting for the database to record them. */
  readonly pending: PendingPosts;
  /**
   * The bot is stopping: retries not yet made are given up and their slots released, so that the
   * next start-up catches them up; a request already sent is waited for. Later runs post nothing.
   * Resolves when accepted posts have been written (or written off, loudly, after one last try).
   */
  stop(): Promise<void>;
}

/**
 * The weekly runner: cron only triggers it; `runDue(now)` is plain and tests call it directly.
 *
 * Guarantees, per channel and slot: at most one post (the slot is claimed in the database first, and
 * only one claim can win); a post Slack accepted is never made again (kept in memory until recorded);
 * at most one post per schedule period, whatever the clock does (a slot less than half a period after
 * the previous post is recorded as missed, and fires a clock running ahead left in the future are
 * brought back to now).
 *
 * @param options Store, list, poster, logger, grace period, retry policy, clock and pending posts.
 * @returns The runner.
 */
export function createWeeklyRunner(options: {
  store: Store;
  library: Library;
  post: Poster;
  logger: Logger;
  graceMs: number;
  policy?: RetryPolicy;
  clock?: () => Date;
  pending?: PendingPosts;
  heartbeatMs?: number;
  staleMs?: number;
  /** Whether a workspace still has the app (default: all do): an uninstalled one gets no posts. */
  isActive?: (team: string) => Promise<boolean>;
  /** Workspaces posted to at the same time (default: 8). */
  parallelTeams?: number;
  /** Where in the workspaces a run starts (default: Math.random; tests pass a fixed one). */
  random?: () => number;
  /** The reading group's features that take part in each fire (votes, presenters). */
  extensions?: readonly FireExtension[];
}): WeeklyRunner {
  const { store, library, post, logger, graceMs } = options;
  const policy = options.policy ?? weeklyPolicy;
  const clock = options.clock ?? (() => new Date());
  const pending = options.pending ?? new PendingPosts();
  const heartbeatMs = options.heartbeatMs ?? runnerDefaults.heartbeatMs;
  const staleMs = options.staleMs ?? runnerDefaults.staleMs;
  const parallelTeams = Math.max(1, options.parallelTeams ?? runnerDefaults.parallelTeams);
  const random = options.random ?? Math.random;
  // Stryker disable next-line ArrayDeclaration: equivalent: a string in place of an extension has none of
  // the hooks, and every hook is called with ?.
  const extensions = options.extensions ?? [];
  let queue: Promise<unknown> = Promise.resolve();
  const stopping = new AbortController();

  /** The history as the rotation must see it: the database's, plus posts it has not recorded yet. */
  const historyOf = async (scoped: TeamStore, channel: string): Promise<ChannelHistory> =>
    withPending(await scoped.history(channel), pending.of(scoped.team, channel));

  /** Fires in the future were written by a clock that ran ahead: bring them back to now, and say so. */
  const bringBackFuture = async (scoped: TeamStore, channel: string, now: Date): Promise<void> => {
    const future = await scoped.firesAfter(channel, now);
    if (future.length === 0) return;
    logger.warn(
      `weekly: the clock went back: ${future.length} fire(s) of ${channel} lie after now (${now.toISOString()}), ` +
        // Stryker disable next-line OptionalChaining: equivalent: `future` is not empty here.
        `the latest at ${future.at(-1)?.scheduledAt.toISOString()}; moving them to now, so that the channel's next slot is posted`,
    );
    // Distinct slots just before now, in their order: (team, channel, slot) is unique.
    for (const [index, fire] of future.entries())
      await scoped.moveFire(fire.id, new Date(now.getTime() - (future.length - index)));
  };

  /** Slack accepted the post: record it, or keep it in memory until the database takes it. */
  const record = async (scoped: TeamStore, entry: Omit<PendingPost, 'error'>): Promise<boolean> => {
    try {
      await scoped.completeFire(entry.fireId, {
        messageTs: entry.messageTs,
        attempts: entry.attempts,
        at: entry.postedAt,
      });
      return true;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      pending.add({ ...entry, error: reason });
      logger.error(
        `weekly: Slack accepted the ${entry.scheduledAt.toISOString()} post to ${entry.channel} (ts ${entry.messageTs}) ` +
          `but the database could not record it (${reason}); kept in memory and written again every few minutes: ` +
          'it will not be posted again while the bot runs',
      );
      return false;
    }
  };

  const runChannel = async (
    scoped: TeamStore,
    channel: string,
    cadence: Cadence,
    since: Date,
    now: Date,
  ): Promise<FireOutcome | undefined> => {
    /** Now, later: the run's time moves on with the clock (a post may wait minutes for Slack). */
    const later = () => new Date(Math.max(now.getTime(), clock().getTime()));
    const team = scoped.team;
    // Every line about this fire says which workspace and channel it is about (fields, in JSON logs).
    const log = withContext(logger, { team, channel });
    const { cron, timeZone } = cadence;
    // Off-weeks and breaks are not due, so they are neither posted nor missed.
    const { slots, truncated } = dueBetween(cadence, since, now, scanLimit);
    // A cron firing every few seconds over a long downtime: only the latest slot matters, and
    // enumerating every one of them would block the bot for seconds. Look back from now instead.
    const latest = truncated ? latestSlot(cron, timeZone, since, now) : slots.at(-1);
    const slot = latest && isDue(latest, cadence) ? latest : undefined;
    if (!slot) return undefined;
    if (slots.length > 1 || truncated) {
      const count = truncated ? `more than ${scanLimit - 1}` : `${slots.length - 1}`;
      log.warn(
        `weekly: ${channel} missed ${count} earlier fire(s) while the bot was down; only the latest counts`,
      );
    }
    if (now.getTime() - slot.getTime() > Math.max(graceMs, onTimeMs)) {
      // Recorded, so that the next run starts after it and nobody is told twice.
      await scoped.recordMissed({ channel, scheduledAt: slot, at: now, reason: 'the bot was down' });
      log.warn(
        `weekly: ${channel} missed the ${slot.toISOString()} fire by more than the grace period; skipped, the paper stays next`,
      );
      return { team, channel, slot, status: 'missed' };
    }
    const tooSoon = await tooSoonAfterLastPost(scoped, channel, cron, timeZone, slot);
    if (tooSoon) {
      await scoped.recordMissed({ channel, scheduledAt: slot, at: now, reason: tooSoon });
      log.warn(
        `weekly: not posting the ${slot.toISOString()} fire to ${channel}: ${tooSoon}; the paper stays next`,
      );
      return { team, channel, slot, status: 'too-soon' };
    }
    const search = library.current();
    const history = await historyOf(scoped, channel);
    const rotationPick = nextPick(search.catalog, readingsOf(search.catalog), history);
    if (!rotationPick) {
      log.error(`weekly: the list has no papers; nothing to post to ${channel}`);
      return { team, channel, slot, status: 'empty-list' };
    }
    const fire: FireContext = { team, channel, slot, now, pick: rotationPick, history };
    let pick = rotationPick;
    const notes: RichText[] = [];
    for (const extension of extensions) {
      const added = await extension.prepare?.({ ...fire, pick });
      if (added?.pick) pick = added.pick;
      notes.push(...(added?.notes ?? []));
    }
    const posted = pickToPosted(pick);
    const id = await scoped.claimFire({
      channel,
      scheduledAt: slot,
      ...posted,
      queued: pick.queued,
      at: now,
    });
    if (id === undefined) return { team, channel, slot, status: 'already-claimed' };
    const title = pickView(pick).title;
    // Other processes sharing the database tell a post in flight from a dead one by this.
    const heartbeat = setInterval(() => {
      scoped.touchFire(id, later()).catch(() => undefined);
    }, heartbeatMs);
    heartbeat.unref();
    let result: PostResult;
    try {
      result = await post({ team, channel, reply: weeklyPostMessage(pick, notes) }, policy, stopping.signal);
    } finally {
      clearInterval(heartbeat);
    }
    if (!result.ok && result.failure === 'stopped') {
      await scoped.releaseFire(id);
      log.warn(
        `weekly: stopping before “${title}” reached ${channel} for the ${slot.toISOString()} fire ` +
          `(${result.error}); the next start-up posts it if it is within the grace period`,
      );
      return { team, channel, slot, status: 'stopped', paperIds: posted.paperIds, error: result.error };
    }
    if (!result.ok) {
      await scoped.failFire(id, {
        error: `${result.failure}: ${result.error}`,
        attempts: result.attempts,
        at: later(),
      });
      log.error(
        `weekly: posting “${title}” to ${channel} for the ${slot.toISOString()} fire failed after ${result.attempts} attempts ` +
          `(${result.failure}: ${result.error}); it stays next`,
      );
      return { team, channel, slot, status: 'failed', paperIds: posted.paperIds, error: result.error };
    }
    const recorded = await record(scoped, {
      ...posted,
      fireId: id,
      team,
      channel,
      scheduledAt: slot,
      messageTs: result.ts,
      attempts: result.attempts,
      postedAt: later(),
    });
    log.info(
      `weekly: posted “${title}” to ${channel} for the ${slot.toISOString()} fire ` +
        `(section ${pick.sectionIndex} of ${pick.sectionCount}, ${pick.position} of ${pick.total})`,
    );
    for (const extension of extensions) {
      await extension.posted?.({ ...fire, pick, messageTs: result.ts }).catch((error: unknown) => {
        log.error(`weekly: ${extension.name} after the post failed:`, error);
      });
    }
    const thread = await post(
      {
        team,
        channel,
        thread_ts: result.ts,
        reply: discussionMessage(pick, relatedPapers(pick, search)),
      },
      policy,
      stopping.signal,
    );
    if (!thread.ok)
      log.warn(`weekly: the discussion reply in ${channel} failed (${thread.failure}: ${thread.error})`);
    return {
      team,
      channel,
      slot,
      status: 'posted',
      paperIds: posted.paperIds,
      messageTs: result.ts,
      recorded,
    };
  };

  /**
   * Why a slot must not be posted although it is due: the channel's last post went out less than half
   * a period before it (a clock that jumped, runs that piled up behind a stall). Undefined when it may.
   */
  const tooSoonAfterLastPost = async (
    scoped: TeamStore,
    channel: string,
    cron: string,
    timeZone: string,
    slot: Date,
  ): Promise<string | undefined> => {
    const [last] = await scoped.posts(channel, 1);
    const waiting = pending.of(scoped.team, channel).at(-1);
    const lastPostedAt = Math.max(last?.finishedAt?.getTime() ?? 0, waiting?.postedAt.getTime() ?? 0);
    if (lastPostedAt === 0) return undefined;
    const [next] = nextFires(cron, timeZone, slot, 1);
    if (!next) return undefined;
    const halfPeriod = (next.getTime() - slot.getTime()) / 2;
    if (slot.getTime() - lastPostedAt >= halfPeriod) return undefined;
    return `the previous post went out at ${new Date(lastPostedAt).toISOString()}, less than half a period before`;
  };

  /** One workspace's channels, one after the other: Slack's limits are per workspace and per channel. */
  const runTeam = async (
    team: string,
    subscriptions: readonly Subscription[],
    now: Date,
  ): Promise<FireOutcome[]> => {
    const outcomes: FireOutcome[] = [];
    const scoped = store.team(team);
    try {
      // An uninstalled workspace keeps its subscriptions (and gets its posts back if it reinstalls).
      if (options.isActive && !(await options.isActive(team))) return outcomes;
    } catch (error) {
      logger.error(`weekly: cannot tell whether ${team} still has the app:`, error);
      return outcomes;
    }
    for (const { channel, cron, timeZone, createdAt, every } of subscriptions) {
      if (stopping.signal.aborted) break;
      try {
        await bringBackFuture(scoped, channel, now);
        // Slots before the subscription, or up to its last handled slot, are not due.
        const last = (await scoped.lastFire(channel))?.scheduledAt;
        const since = new Date(Math.max(createdAt.getTime(), last?.getTime() ?? 0));
        const cadence = { cron, timeZone, every, anchor: createdAt, pauses: await scoped.pauses(channel) };
        const outcome = await runChannel(scoped, channel, cadence, since, now);
        if (outcome) outcomes.push(outcome);
      } catch (error) {
        logger.error(`weekly: the fire for ${channel} failed:`, error);
      }
    }
    return outcomes;
  };

  /**
   * Every workspace's due fires: workspaces in parallel (a few at a time), each one's channels in
   * order. Outcomes come in subscription order.
   */
  const runAll = async (now: Date): Promise<FireOutcome[]> => {
    const byTeam = new Map<string, Subscription[]>();
    for (const subscription of await store.allSubscriptions()) {
      const list = byTeam.get(subscription.team) ?? [];
      list.push(subscription);
      byTeam.set(subscription.team, list);
    }
    const all = [...byTeam.entries()];
    // Replicas sharing the database start at different workspaces, so that they spread over them
    // instead of meeting at the same one's rate limit (a claim taken by another is skipped at once).
    const offset = Math.floor(random() * all.length);
    const order = [...all.keys()].map((index) => (index + offset) % all.length);
    const teams = order.map((index) => all[index] as [string, Subscription[]]);
    const results: FireOutcome[][] = [];
    let next = 0;
    const worker = async () => {
      while (next < teams.length && !stopping.signal.aborted) {
        const index = next++;
        const [team, subscriptions] = teams[index] as [string, Subscription[]];
        results[index] = await runTeam(team, subscriptions, now);
      }
    };
    await Promise.all(Array.from({ length: Math.min(parallelTeams, teams.length) }, worker));
    // Outcomes in subscription order, whatever order the workspaces were served in.
    const inOrder: FireOutcome[][] = [];
    order.forEach((original, position) => {
      inOrder[original] = results[position] ?? [];
    });
    return inOrder.flat();
  };

  /** Write accepted posts the database refused before. */
  const writePending = async (): Promise<void> => {
    for (const entry of pending.all()) {
      try {
        await store.team(entry.team).completeFire(entry.fireId, {
          messageTs: entry.messageTs,
          attempts: entry.attempts,
          at: entry.postedAt,
        });
        pending.remove(entry.fireId);
        logger.info(
          `weekly: recorded the ${entry.scheduledAt.toISOString()} post to ${entry.channel} at last`,
        );
      } catch (error) {
        entry.error = error instanceof Error ? error.message : String(error);
      }
    }
  };

  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task);
    queue = run.catch(() => undefined);
    return run;
  };

  return {
    pending,
    runDue(now) {
      return serial(() => runAll(new Date(Math.max(now.getTime(), clock().getTime()))));
    },
    maintain(now) {
      return serial(async () => {
        await writePending();
        for (const extension of extensions) {
          await extension.maintain?.(now).catch((error: unknown) => {
            logger.error(`weekly: ${extension.name} bookkeeping failed:`, error);
          });
        }
        for (const fire of await store.staleFires(new Date(now.getTime() - staleMs))) {
          if (!(await store.markInterrupted(fire.id, now))) continue;
          logger.warn(
            `weekly: the ${fire.scheduledAt.toISOString()} post to ${fire.channel} was interrupted (its process stopped mid-post); ` +
              'not posting it again (at most once). Its paper was not recorded as posted, so it stays next: ' +
              'if the post did reach Slack, the channel will see it again next time.',
          );
        }
      });
    },
    async stop() {
      stopping.abort();
      await queue;
      if (pending.size === 0) return;
      await writePending();
      for (const entry of pending.all()) {
        logger.error(
          `weekly: stopping with a post Slack accepted but the database never recorded: ${entry.channel} ` +
            `(team ${entry.team}), slot ${entry.scheduledAt.toISOString()}, ts ${entry.messageTs}, papers ${entry.paperIds.join(', ')} ` +
            `(${entry.error}); after the restart its paper may come again unless the database is fixed first`,
        );
      }
    },
  };
}
