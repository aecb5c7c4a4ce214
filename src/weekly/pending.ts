import type { ChannelHistory, PostedItem } from './rotation.ts';

/** A weekly post Slack accepted whose record the database refused (a full disk): it must never go out again. */
export interface PendingPost extends PostedItem {
  fireId: number;
  team: string;
  channel: string;
  scheduledAt: Date;
  messageTs: string;
  attempts: number;
  postedAt: Date;
  /** Why the last write failed. */
  error: string;
}

/**
 * Posts Slack accepted and the database has not recorded yet. Kept in memory, in one place, so that the
 * rotation counts them as posted (no repeat next week), `/optpaper schedule` can say so, and the runner
 * writes them again until the database takes them.
 */
export class PendingPosts {
  readonly #posts = new Map<number, PendingPost>();

  /** Keep a post until its record is written. */
  add(post: PendingPost): void {
    this.#posts.set(post.fireId, post);
  }

  /** Its record was written. */
  remove(fireId: number): void {
    this.#posts.delete(fireId);
  }

  /** Every post waiting for its record, oldest first. */
  all(): PendingPost[] {
    return [...this.#posts.values()].sort((a, b) => a.scheduledAt.getTime() - b.scheduledAt.getTime());
  }

  /** A channel's posts waiting for their record, oldest first. */
  of(team: string, channel: string): PendingPost[] {
    return this.all().filter((post) => post.team === team && post.channel === channel);
  }

  get size(): number {
    return this.#posts.size;
  }
}

/**
 * A channel's history as the rotation must see it: what the database holds, plus the posts Slack
 * accepted that it has not recorded yet (their papers are posted, and out of the queue).
 *
 * @param history From the store.
 * @param waiting The channel's pending posts.
 * @returns The history to pick from.
 */
export function withPending(history: ChannelHistory, waiting: readonly PendingPost[]): ChannelHistory {
  if (waiting.length === 0) return history;
  const ids = new Set(waiting.flatMap((item) => item.paperIds));
  return {
    ...history,
    posted: [...history.posted, ...waiting],
    queued: history.queued.filter((id) => !ids.has(id)),
  };
}
