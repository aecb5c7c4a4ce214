import type { ChannelHistory } from '../weekly/rotation.ts';

/** A channel that gets a weekly paper, and when. */
export interface Subscription {
  channel: string;
  /** node-cron expression (five or six fields). */
  cron: string;
  /** IANA zone the cron's hours are in. */
  timeZone: string;
  /** Who set the current schedule: a Slack user id, or whatever the caller records (`WEEKLY_CHANNEL`). */
  createdBy: string;
  /**
   * When the current schedule starts (each `subscribe` resets it): slots up to it were never due, so
   * catch-up at start-up looks no further back than this. Usually when it was set; later when the
   * schedule changed just after a post (see WeeklyService.subscribe).
   */
  createdAt: Date;
}

/**
 * Where a fire stands.
 * - `posting`: claimed, the post is under way (or the process died during it: see `interruptedFires`).
 * - `posted`: Slack accepted the post; the only status that counts in the rotation's history.
 * - `failed`: every attempt failed; the slot is spent and is not retried by a later claim.
 * - `missed`: the slot passed while the bot was down, beyond the catch-up grace period.
 * - `interrupted`: found `posting` at start-up; whether Slack got the post is unknown.
 */
export type FireStatus = 'posting' | 'posted' | 'failed' | 'missed' | 'interrupted';

/** One scheduled slot of one channel, as stored. */
export interface FireRecord {
  id: number;
  channel: string;
  scheduledAt: Date;
  status: FireStatus;
  /** The reading claimed for the slot; empty for a `missed` slot. */
  paperIds: string[];
  links: string[];
  /** Section and cycle of the claimed pick; undefined for a `missed` slot. */
  section?: string;
  cycle?: number;
  /** Whether the pick came from the channel's queue. */
  queued: boolean;
  /** Slack's ts of the post (also its thread's ts), once posted. */
  messageTs?: string;
  /** Why the last attempt failed. */
  error?: string;
  /** Attempts made, as the caller reported them (0 until `failFire`, 1 or more once posted). */
  attempts: number;
  /** When the row was written (claimed, or recorded as missed). */
  createdAt: Date;
  /** When it reached `posted`, `failed` or `interrupted`. */
  finishedAt?: Date;
}

/** A reading claimed for a slot: the row is written before the post, so a slot is never posted twice. */
export interface FireClaim {
  channel: string;
  scheduledAt: Date;
  paperIds: readonly string[];
  links: readonly string[];
  section: string;
  cycle: number;
  queued: boolean;
  /** Now, for the record. */
  at: Date;
}

/** A paper a channel asked for, waiting for its turn. */
export interface QueuedPaper {
  paperId: string;
  /** Who asked: a Slack user id. */
  by: string;
  at: Date;
}

/**
 * The bot's state: subscriptions, the weekly fires of each channel (the rotation's history), each
 * channel's queue of asked-for papers and its skips. Every time is passed in (no clock inside) and
 * stored as epoch milliseconds; each method is one transaction, so a crash leaves no half-written step.
 *
 * Single process: the database may sit on disk while `optpaper` CLI commands read it, but only one bot
 * process may write weekly fires to it. `claimFire` stays safe with several (the UNIQUE slot wins), but
 * `interruptedFires` takes every `posting` row for a crash of *this* bot, which a second live bot
 * would contradict. Calls are synchronous (better-sqlite3): keep them out of hot loops.
 */
export interface Store {
  /**
   * Subscribe a channel, or change its schedule (upsert). The channel's fires, queue and skips are
   * kept: a channel that comes back continues its rotation.
   *
   * @returns The subscription as stored.
   */
  subscribe(input: {
    channel: string;
    cron: string;
    timeZone: string;
    createdBy: string;
    at: Date;
  }): Subscription;
  /**
   * Stop a channel's weekly post; its history stays, and the unsubscription is remembered (until the
   * channel subscribes again). @returns Whether it was subscribed.
   */
  unsubscribe(channel: string, at: Date): boolean;
  /** When the channel last unsubscribed, if it has not subscribed since. */
  unsubscribedAt(channel: string): Date | undefined;
  subscription(channel: string): Subscription | undefined;
  /** Every subscription, oldest schedule first. */
  subscriptions(): Subscription[];

  /**
   * Claim a slot before posting: writes a `posting` row unless the slot already has a row of any status.
   *
   * @returns The fire's id, or `undefined` when the slot was already claimed (do not post).
   */
  claimFire(claim: FireClaim): number | undefined;
  /**
   * A claimed fire was posted: status `posted`, and its papers leave the channel's queue, in one
   * transaction. Completes a fire in `posting`, `failed` or `interrupted` (a post found after the fact).
   *
   * @returns Whether a fire moved to `posted` (false for an unknown id, or one already posted or missed).
   */
  completeFire(id: number, result: { messageTs: string; attempts?: number; at: Date }): boolean;
  /**
   * A claimed fire failed for good: status `failed`, with the last error and the attempts made.
   *
   * @returns Whether a `posting` fire moved to `failed`.
   */
  failFire(id: number, failure: { error: string; attempts: number; at: Date }): boolean;
  /**
   * Give a claimed slot back, as if it had never been claimed: the bot stopped between attempts, so
   * the restart's catch-up posts it (within the grace period).
   *
   * @returns Whether a `posting` fire was released.
   */
  releaseFire(id: number): boolean;
  /**
   * A slot passed while the bot was down and is too old to catch up: recorded as `missed` so that
   * it is neither caught up later nor counted as posted.
   *
   * @returns Whether a row was written (false when the slot already had one).
   */
  recordMissed(input: { channel: string; scheduledAt: Date; at: Date }): boolean;
  /** Fires still `posting`: at start-up, posts that a crash interrupted. Oldest slot first. */
  interruptedFires(): FireRecord[];
  /** Mark a `posting` fire `interrupted`. @returns Whether it was `posting`. */
  markInterrupted(id: number, at: Date): boolean;
  /** The fire with that id. */
  fire(id: number): FireRecord | undefined;
  /** The fire of the channel's latest slot, whatever its status. */
  lastFire(channel: string): FireRecord | undefined;
  /** The latest slot of the channel with a row of any status: catch-up starts after it. */
  lastSlot(channel: string): Date | undefined;
  /** Posted fires of a channel, newest slot first (default: all). */
  posts(channel: string, limit?: number): FireRecord[];
  /** What the rotation needs: posted fires oldest first, the queue first-asked first, the skips in order. */
  history(channel: string): ChannelHistory;

  /**
   * Ask for a paper in a channel; asking again keeps its place.
   *
   * @returns Whether it was added (false when already queued).
   */
  enqueue(channel: string, paperId: string, request: { by: string; at: Date }): boolean;
  /** Take a paper out of a channel's queue. @returns Whether it was queued. */
  dequeue(channel: string, paperId: string): boolean;
  /** A channel's queue, first asked first. */
  queue(channel: string): QueuedPaper[];

  /** Hold a reading back until the end of its cycle in a channel. */
  skip(
    channel: string,
    item: { paperIds: readonly string[]; links: readonly string[]; cycle: number; at: Date },
  ): void;

  /** Close the database; later calls throw. Closing twice is harmless. */
  close(): void;
}
