import type { Logger } from '@slack/bolt';
import type { Reply } from '../commands/reply.ts';
import type { Library } from '../library.ts';
import type { PostResult, RetryPolicy } from '../slack/post.ts';
import type { Store } from '../store/types.ts';
import { firesBetween } from './cron.ts';
import { discussionMessage, pickView, relatedPapers, weeklyPostMessage } from './messages.ts';
import { nextPick, pickToPosted } from './rotation.ts';
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

/** The latest slot in (since, now], looking back from `now` over windows four times longer each time. */
function latestSlot(cron: string, timeZone: string, since: Date, now: Date): Date | undefined {
  for (let window = 60_000; ; window *= 4) {
    const from = new Date(Math.max(since.getTime(), now.getTime() - window));
    const found = firesBetween(cron, timeZone, from, now, Number.MAX_SAFE_INTEGER).at(-1);
    if (found || from.getTime() === since.getTime()) return found;
  }
}

/** Posts a message (a thread reply when `thread_ts` is set) with a retry policy. */
export type Poster = (
  message: { channel: string; thread_ts?: string; reply: Reply },
  policy: RetryPolicy,
  /** Aborted when the bot stops: a retry not yet made is given up (failure `stopped`). */
  signal?: AbortSignal,
) => Promise<PostResult>;

/** What became of one channel's slot. */
export interface FireOutcome {
  channel: string;
  slot: Date;
  status: 'posted' | 'failed' | 'missed' | 'already-claimed' | 'empty-list' | 'stopped';
  paperIds?: readonly string[];
  messageTs?: string;
  error?: string;
}

/** Runs the weekly post. */
export interface WeeklyRunner {
  /**
   * Post every fire that is due at `now` and not yet handled: per subscription, the latest slot
   * since its last handled one (older missed slots are recorded as missed). A slot older than the
   * grace period is recorded as missed, not posted late. Calls are serialised.
   */
  runDue(now: Date): Promise<FireOutcome[]>;
  /** At start-up: fires a crash left `posting` are marked interrupted, never re-posted. */
  recoverInterrupted(now: Date): void;
  /**
   * The bot is stopping: retries not yet made are given up and their slots released, so that the
   * next start-up catches them up; a request already sent is waited for. Later runs post nothing.
   */
  stop(): void;
}

/**
 * The weekly runner: cron only triggers it; `runDue(now)` is plain and tests call it directly.
 *
 * @param options Store, list, poster, logger, grace period and retry policy.
 * @returns The runner.
 */
export function createWeeklyRunner(options: {
  store: Store;
  library: Library;
  post: Poster;
  logger: Logger;
  graceMs: number;
  policy?: RetryPolicy;
}): WeeklyRunner {
  const { store, library, post, logger, graceMs } = options;
  const policy = options.policy ?? weeklyPolicy;
  let queue: Promise<unknown> = Promise.resolve();
  const stopping = new AbortController();

  const runChannel = async (
    channel: string,
    cron: string,
    timeZone: string,
    since: Date,
    now: Date,
  ): Promise<FireOutcome | undefined> => {
    const slots = firesBetween(cron, timeZone, since, now, scanLimit);
    // A cron firing every few seconds over a long downtime: only the latest slot matters, and
    // enumerating every one of them would block the bot for seconds. Look back from now instead.
    const slot = slots.length < scanLimit ? slots.at(-1) : latestSlot(cron, timeZone, since, now);
    if (!slot) return undefined;
    if (slots.length > 1) {
      const count = slots.length < scanLimit ? `${slots.length - 1}` : `more than ${scanLimit - 1}`;
      logger.warn(
        `weekly: ${channel} missed ${count} earlier fire(s) while the bot was down; only the latest counts`,
      );
    }
    if (now.getTime() - slot.getTime() > Math.max(graceMs, onTimeMs)) {
      // Recorded, so that the next run starts after it and nobody is told twice.
      store.recordMissed({ channel, scheduledAt: slot, at: now });
      logger.warn(
        `weekly: ${channel} missed the ${slot.toISOString()} fire by more than the grace period; skipped, the paper stays next`,
      );
      return { channel, slot, status: 'missed' };
    }
    const search = library.current();
    const pick = nextPick(search.catalog, readingsOf(search.catalog), store.history(channel));
    if (!pick) {
      logger.error(`weekly: the list has no papers; nothing to post to ${channel}`);
      return { channel, slot, status: 'empty-list' };
    }
    const posted = pickToPosted(pick);
    const id = store.claimFire({ channel, scheduledAt: slot, ...posted, queued: pick.queued, at: now });
    if (id === undefined) return { channel, slot, status: 'already-claimed' };
    const title = pickView(pick).title;
    const result = await post({ channel, reply: weeklyPostMessage(pick) }, policy, stopping.signal);
    if (!result.ok && result.failure === 'stopped') {
      store.releaseFire(id);
      logger.warn(
        `weekly: stopping before “${title}” reached ${channel} for the ${slot.toISOString()} fire ` +
          `(${result.error}); the next start-up posts it if it is within the grace period`,
      );
      return { channel, slot, status: 'stopped', paperIds: posted.paperIds, error: result.error };
    }
    if (!result.ok) {
      store.failFire(id, { error: `${result.failure}: ${result.error}`, attempts: result.attempts, at: now });
      logger.error(
        `weekly: posting “${title}” to ${channel} for the ${slot.toISOString()} fire failed after ${result.attempts} attempts ` +
          `(${result.failure}: ${result.error}); it stays next`,
      );
      return { channel, slot, status: 'failed', paperIds: posted.paperIds, error: result.error };
    }
    store.completeFire(id, { messageTs: result.ts, attempts: result.attempts, at: now });
    logger.info(
      `weekly: posted “${title}” to ${channel} for the ${slot.toISOString()} fire ` +
        `(section ${pick.sectionIndex} of ${pick.sectionCount}, ${pick.position} of ${pick.total})`,
    );
    const thread = await post(
      {
        channel,
        thread_ts: result.ts,
        reply: discussionMessage(pick, relatedPapers(pick, search)),
      },
      policy,
      stopping.signal,
    );
    if (!thread.ok)
      logger.warn(`weekly: the discussion reply in ${channel} failed (${thread.failure}: ${thread.error})`);
    return { channel, slot, status: 'posted', paperIds: posted.paperIds, messageTs: result.ts };
  };

  const runAll = async (now: Date): Promise<FireOutcome[]> => {
    const outcomes: FireOutcome[] = [];
    for (const subscription of store.subscriptions()) {
      if (stopping.signal.aborted) break;
      const { channel, cron, timeZone, createdAt } = subscription;
      // Slots before the subscription, or up to its last handled slot, are not due.
      const since = new Date(Math.max(createdAt.getTime(), store.lastSlot(channel)?.getTime() ?? 0));
      try {
        const outcome = await runChannel(channel, cron, timeZone, since, now);
        if (outcome) outcomes.push(outcome);
      } catch (error) {
        logger.error(`weekly: the fire for ${channel} failed:`, error);
      }
    }
    return outcomes;
  };

  return {
    runDue(now) {
      const run = queue.then(() => runAll(now));
      queue = run.catch(() => undefined);
      return run;
    },
    stop() {
      stopping.abort();
    },
    recoverInterrupted(now) {
      for (const fire of store.interruptedFires()) {
        store.markInterrupted(fire.id, now);
        logger.warn(
          `weekly: the ${fire.scheduledAt.toISOString()} post to ${fire.channel} was interrupted by a restart; ` +
            'not posting it again (at most once). Its paper was not recorded as posted, so it stays next: ' +
            'if the post did reach Slack, the channel will see it again next time.',
        );
      }
    },
  };
}
