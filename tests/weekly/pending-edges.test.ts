import { describe, expect, it } from 'vitest';
import { type PendingPost, PendingPosts, withPending } from '../../src/weekly/pending.ts';
import type { ChannelHistory } from '../../src/weekly/rotation.ts';

/** A pending post of fire `fireId`, scheduled on `day` (of December 2026) at 09:00 UTC. */
const pending = (
  fireId: number,
  day: number,
  where: { team?: string; channel?: string } = {},
): PendingPost => ({
  fireId,
  team: where.team ?? 'T0TEAM',
  channel: where.channel ?? 'C0READING',
  scheduledAt: new Date(Date.UTC(2026, 11, day, 9)),
  messageTs: `17000000${fireId}.000100`,
  attempts: 1,
  postedAt: new Date(Date.UTC(2026, 11, day, 9, 0, 2)),
  error: 'SQLITE_FULL: database or disk is full',
  paperIds: [`paper-${fireId}`],
  links: [`https://arxiv.org/abs/2001.0000${fireId}`],
  section: 'Alpha',
  cycle: 1,
});

const fireIds = (posts: readonly PendingPost[]) => posts.map((post) => post.fireId);

describe('posts waiting for their record', () => {
  it('lists them oldest slot first, whatever order they came in', () => {
    const posts = new PendingPosts();
    posts.add(pending(2, 14));
    posts.add(pending(3, 21));
    posts.add(pending(1, 7));
    expect(fireIds(posts.all())).toEqual([1, 2, 3]);
    expect(posts.size).toBe(3);
  });

  it('keeps one post per fire (the latest attempt), and forgets it once recorded', () => {
    const posts = new PendingPosts();
    posts.add(pending(1, 7));
    posts.add({ ...pending(1, 7), attempts: 2 });
    expect(posts.size).toBe(1);
    expect(posts.all()[0]?.attempts).toBe(2);
    posts.add(pending(2, 14));
    posts.remove(1);
    expect(fireIds(posts.all())).toEqual([2]);
    expect(posts.size).toBe(1);
  });

  it('gives a channel only its own posts: the same workspace and the same channel', () => {
    const posts = new PendingPosts();
    posts.add(pending(4, 28));
    posts.add(pending(1, 7, { channel: 'C0OTHER' }));
    posts.add(pending(2, 14, { team: 'T0OTHER' }));
    posts.add(pending(3, 21, { team: 'T0OTHER', channel: 'C0OTHER' }));
    posts.add(pending(5, 1));
    expect(fireIds(posts.of('T0TEAM', 'C0READING'))).toEqual([5, 4]);
    expect(fireIds(posts.of('T0OTHER', 'C0OTHER'))).toEqual([3]);
    expect(posts.of('T0NONE', 'C0READING')).toEqual([]);
  });
});

describe('a channel’s history with its posts not recorded yet', () => {
  const history: ChannelHistory = {
    posted: [{ paperIds: ['adam'], links: ['https://arxiv.org/abs/1412.6980'], section: 'Alpha', cycle: 1 }],
    queued: ['paper-2', 'lion', 'paper-3'],
    skipped: [{ paperIds: ['sgd'], links: [], cycle: 1 }],
  };

  it('counts them as posted after what the database holds, and takes their papers out of the queue', () => {
    const waiting = [pending(2, 14), pending(3, 21)];
    expect(withPending(history, waiting)).toEqual({
      posted: [...history.posted, ...waiting],
      queued: ['lion'],
      skipped: history.skipped,
    });
  });

  it('is the database’s history itself when nothing is waiting', () => {
    expect(withPending(history, [])).toBe(history);
  });
});
