import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { fixedLibrary } from '../../src/library.ts';
import { createSearch } from '../../src/search/search.ts';
import { openStore } from '../../src/store/sqlite.ts';
import type { Store, TeamStore } from '../../src/store/types.ts';
import { type PendingPost, PendingPosts } from '../../src/weekly/pending.ts';
import { groupReadings } from '../../src/weekly/readings.ts';
import { createWeeklyService, readingsOf } from '../../src/weekly/service.ts';
import { abc, listOf } from '../support/small-list.ts';

// Alpha has A1 A2 A3, Beta B1 B2, Gamma C1: the round gives a1 b1 c1 a2 b2 a3.
const catalog = listOf(abc);
const library = fixedLibrary(createSearch(catalog));
const hour = 3_600_000;
const day = 24 * hour;
// Monday 30 November 2026, 09:00 UTC: a slot of the default schedule.
const monday = new Date('2026-11-30T09:00:00Z');
const plus = (base: Date, ms: number) => new Date(base.getTime() + ms);
const ids = (picks: readonly { pick: { reading: { paperIds: readonly string[] } } }[]) =>
  picks.map(({ pick }) => pick.reading.paperIds.join('+'));

const stores: Store[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
});

/** A weekly service of workspace T0TEAM over a fresh store (or `store`), counting what its hooks were told. */
function service(options: { store?: Store; pending?: PendingPosts } = {}) {
  const store = options.store ?? openStore(':memory:');
  stores.push(store);
  const team = store.team('T0TEAM');
  const events = { subscriptions: 0, channels: [] as string[] };
  const weekly = createWeeklyService({
    store: team,
    library,
    defaults: { cron: '0 9 * * 1', timeZone: 'UTC' },
    ...(options.pending ? { pending: options.pending } : {}),
    onSubscriptionsChanged: () => {
      events.subscriptions += 1;
    },
    onChannelChanged: (channel) => events.channels.push(channel),
  });
  return { store, team, weekly, events };
}

/** A post as the runner records it: claimed, then completed. */
async function post(
  team: TeamStore,
  channel: string,
  scheduledAt: Date,
  paperIds: string[],
  links: string[] = [],
): Promise<number> {
  const id = await team.claimFire({
    channel,
    scheduledAt,
    paperIds,
    links,
    section: 'Alpha',
    cycle: 1,
    queued: false,
    at: scheduledAt,
  });
  if (id === undefined) throw new Error('slot already claimed');
  await team.completeFire(id, {
    messageTs: `${scheduledAt.getTime() / 1000}.000100`,
    at: plus(scheduledAt, 2000),
  });
  return id;
}

describe('the readings of a catalog', () => {
  it('are grouped once per catalog, and the same array is handed out again', () => {
    const readings = readingsOf(catalog);
    expect(readings).toEqual(groupReadings(catalog));
    expect(readingsOf(catalog)).toBe(readings);
    expect(readingsOf(listOf(abc))).not.toBe(readings);
  });
});

describe('what the weekly service tells the bot when a channel changes', () => {
  it('says subscriptions changed on subscribe and unsubscribe, and which channel to show again', async () => {
    const { weekly, events } = service();
    expect(await weekly.isSubscribed('C0A')).toBe(false);
    await weekly.subscribe('C0A', { cron: '0 9 * * 1', timeZone: 'UTC' }, 'U0ALICE', monday);
    expect(await weekly.isSubscribed('C0A')).toBe(true);
    expect(await weekly.subscription('C0A')).toMatchObject({
      channel: 'C0A',
      createdBy: 'U0ALICE',
      every: 1,
    });
    expect(events).toEqual({ subscriptions: 1, channels: ['C0A'] });
    expect(await weekly.unsubscribe('C0A', plus(monday, hour))).toBe(true);
    expect(events).toEqual({ subscriptions: 2, channels: ['C0A', 'C0A'] });
  });

  it('says nothing when unsubscribing a channel that was not subscribed', async () => {
    const { weekly, events } = service();
    expect(await weekly.unsubscribe('C0A', monday)).toBe(false);
    expect(events).toEqual({ subscriptions: 0, channels: [] });
  });

  it('shows a channel again after a break is added or ended, not after a resume that ended nothing', async () => {
    const { weekly, events } = service();
    expect(await weekly.resume('C0A', monday)).toBe(0);
    expect(events.channels).toEqual([]);
    const pause = await weekly.pause(
      'C0A',
      { startsOn: '2026-12-07', endsOn: '2026-12-13' },
      'U0ALICE',
      monday,
    );
    expect(pause).toMatchObject({ startsOn: '2026-12-07', endsOn: '2026-12-13', createdBy: 'U0ALICE' });
    expect(events.channels).toEqual(['C0A']);
    expect(await weekly.resume('C0B', monday)).toBe(0);
    expect(await weekly.resume('C0A', monday)).toBe(1);
    expect(events).toEqual({ subscriptions: 0, channels: ['C0A', 'C0A'] });
  });

  it('shows a channel again after a skip, and after a paper is queued, but not when it was queued already', async () => {
    const { weekly, events } = service();
    await weekly.skip('C0A', monday);
    expect(events.channels).toEqual(['C0A']);
    await weekly.queue('C0A', 'a2', 'U0ALICE', monday);
    expect(events.channels).toEqual(['C0A', 'C0A']);
    await weekly.queue('C0A', 'a2', 'U0BOB', monday);
    expect(events.channels).toEqual(['C0A', 'C0A']);
  });
});

describe('where a changed schedule starts', () => {
  const lastPost = monday;
  const changedAt = plus(monday, hour);

  it('moved later the same day as the post: after that day’s new slot, so no second paper that week', async () => {
    const { team, weekly } = service();
    await post(team, 'C0A', lastPost, ['a1']);
    const subscription = await weekly.subscribe(
      'C0A',
      { cron: '0 16 * * 1', timeZone: 'UTC' },
      'U0A',
      changedAt,
    );
    expect(subscription.createdAt).toEqual(new Date('2026-11-30T16:00:00Z'));
    // Slots start after the schedule's start, even when asked from before it.
    expect(await weekly.nextFire('C0A', changedAt)).toEqual(new Date('2026-12-07T16:00:00Z'));
    expect((await weekly.upcoming('C0A', 1, changedAt))[0]?.at).toEqual(new Date('2026-12-07T16:00:00Z'));
  });

  it('moved to a slot exactly half a week after the post: starts now', async () => {
    const { team, weekly } = service();
    await post(team, 'C0A', lastPost, ['a1']);
    // Thursday 21:00 is 3.5 days after Monday 09:00.
    const subscription = await weekly.subscribe(
      'C0A',
      { cron: '0 21 * * 4', timeZone: 'UTC' },
      'U0A',
      changedAt,
    );
    expect(subscription.createdAt).toEqual(changedAt);
    expect(await weekly.nextFire('C0A', changedAt)).toEqual(new Date('2026-12-03T21:00:00Z'));
  });

  it('moved to a slot less than half a week after the post: after that slot', async () => {
    const { team, weekly } = service();
    await post(team, 'C0A', lastPost, ['a1']);
    const subscription = await weekly.subscribe(
      'C0A',
      { cron: '0 20 * * 4', timeZone: 'UTC' },
      'U0A',
      changedAt,
    );
    expect(subscription.createdAt).toEqual(new Date('2026-12-03T20:00:00Z'));
  });

  it('with nothing posted yet: starts now', async () => {
    const { weekly } = service();
    const subscription = await weekly.subscribe(
      'C0A',
      { cron: '0 16 * * 1', timeZone: 'UTC' },
      'U0A',
      changedAt,
    );
    expect(subscription.createdAt).toEqual(changedAt);
    expect(await weekly.nextFire('C0A', changedAt)).toEqual(new Date('2026-11-30T16:00:00Z'));
  });
});

describe('when the next posts are due', () => {
  it('on the default schedule, every week, for a channel not subscribed', async () => {
    const { weekly } = service();
    const wednesday = new Date('2026-12-02T12:00:00Z');
    expect(await weekly.nextFire('C0A', wednesday)).toEqual(new Date('2026-12-07T09:00:00Z'));
    const upcoming = await weekly.upcoming('C0A', 3, wednesday);
    expect(ids(upcoming)).toEqual(['a1', 'b1', 'c1']);
    expect(upcoming.map(({ at }) => at.toISOString())).toEqual([
      '2026-12-07T09:00:00.000Z',
      '2026-12-14T09:00:00.000Z',
      '2026-12-21T09:00:00.000Z',
    ]);
  });

  it('on the channel’s own schedule and zone, every other week counted from its first slot, around its breaks', async () => {
    const { weekly } = service();
    await weekly.subscribe('C0A', { cron: '0 9 * * 3', timeZone: 'Europe/Paris', every: 2 }, 'U0A', monday);
    await weekly.pause('C0A', { startsOn: '2026-12-16', endsOn: '2026-12-16' }, 'U0A', monday);
    const upcoming = await weekly.upcoming('C0A', 3, monday);
    // Wednesdays 09:00 in Paris (08:00 UTC): 2 December, not the 16th (a break), 30 December, 13 January.
    expect(upcoming.map(({ at }) => at.toISOString())).toEqual([
      '2026-12-02T08:00:00.000Z',
      '2026-12-30T08:00:00.000Z',
      '2027-01-13T08:00:00.000Z',
    ]);
    expect(await weekly.nextFire('C0A', new Date('2026-12-03T00:00:00Z'))).toEqual(
      new Date('2026-12-30T08:00:00Z'),
    );
  });

  it('goes on into the next round after the last reading of this one', async () => {
    const { weekly } = service();
    const upcoming = await weekly.upcoming('C0A', 7, monday);
    expect(ids(upcoming)).toEqual(['a1', 'b1', 'c1', 'a2', 'b2', 'a3', 'b1']);
    expect(upcoming.map(({ pick }) => pick.cycle)).toEqual([1, 1, 1, 1, 1, 1, 2]);
  });

  it('gives no pick without a date: none at all during a break of decades', async () => {
    const { weekly } = service();
    await weekly.subscribe('C0A', { cron: '0 9 * * 1', timeZone: 'UTC' }, 'U0A', monday);
    await weekly.pause('C0A', { startsOn: '2026-12-01', endsOn: '2099-12-31' }, 'U0A', monday);
    expect(await weekly.upcoming('C0A', 2, monday)).toEqual([]);
    expect(await weekly.nextFire('C0A', monday)).toBeUndefined();
  });
});

describe('the next fire, asked again and again', () => {
  const schedule = { cron: '0 9 * * 1', timeZone: 'UTC' };
  const tuesday = new Date('2026-12-01T12:00:00Z');

  it('is found again from an earlier time than the one asked before', async () => {
    const { weekly } = service();
    await weekly.subscribe('C0A', schedule, 'U0A', new Date('2026-11-20T00:00:00Z'));
    expect(await weekly.nextFire('C0A', plus(tuesday, 7 * day))).toEqual(new Date('2026-12-14T09:00:00Z'));
    expect(await weekly.nextFire('C0A', tuesday)).toEqual(new Date('2026-12-07T09:00:00Z'));
  });

  it('moves on once the slot is reached or passed', async () => {
    const { weekly } = service();
    await weekly.subscribe('C0A', schedule, 'U0A', new Date('2026-11-20T00:00:00Z'));
    expect(await weekly.nextFire('C0A', tuesday)).toEqual(new Date('2026-12-07T09:00:00Z'));
    expect(await weekly.nextFire('C0A', new Date('2026-12-03T00:00:00Z'))).toEqual(
      new Date('2026-12-07T09:00:00Z'),
    );
    expect(await weekly.nextFire('C0A', new Date('2026-12-07T09:00:00Z'))).toEqual(
      new Date('2026-12-14T09:00:00Z'),
    );
  });

  it('follows a new break and a new schedule at once', async () => {
    const { weekly } = service();
    await weekly.subscribe('C0A', schedule, 'U0A', new Date('2026-11-20T00:00:00Z'));
    expect(await weekly.nextFire('C0A', tuesday)).toEqual(new Date('2026-12-07T09:00:00Z'));
    await weekly.pause('C0A', { startsOn: '2026-12-07', endsOn: '2026-12-07' }, 'U0A', tuesday);
    expect(await weekly.nextFire('C0A', tuesday)).toEqual(new Date('2026-12-14T09:00:00Z'));
    await weekly.subscribe('C0A', { cron: '0 9 * * 3', timeZone: 'UTC' }, 'U0A', tuesday);
    expect(await weekly.nextFire('C0A', plus(tuesday, hour))).toEqual(new Date('2026-12-02T09:00:00Z'));
  });
});

describe('breaks in the channel’s own zone', () => {
  it('lists the breaks not ended by its local today, and resume ends only those', async () => {
    const { weekly, team } = service();
    // Auckland is UTC+13 in December: 12:00 UTC on 1 December is already the 2nd there.
    await weekly.subscribe('C0A', { cron: '0 9 * * 1', timeZone: 'Pacific/Auckland' }, 'U0A', monday);
    const at = new Date('2026-12-01T12:00:00Z');
    await weekly.pause('C0A', { startsOn: '2026-11-25', endsOn: '2026-12-01' }, 'U0A', monday);
    await weekly.pause('C0A', { startsOn: '2026-11-28', endsOn: '2026-12-02' }, 'U0A', monday);
    await weekly.pause('C0A', { startsOn: '2026-12-20', endsOn: '2026-12-31' }, 'U0A', monday);
    expect((await weekly.pauses('C0A', at)).map((pause) => pause.endsOn)).toEqual([
      '2026-12-02',
      '2026-12-31',
    ]);
    expect(await weekly.resume('C0A', at)).toBe(2);
    expect((await team.pauses('C0A')).map((pause) => pause.endsOn)).toEqual(['2026-12-01']);
  });
});

describe('posts not recorded yet (a full disk)', () => {
  const pendingPost = (fireId: number, team: string, paperIds: string[]): PendingPost => ({
    fireId,
    team,
    channel: 'C0A',
    scheduledAt: plus(monday, fireId * 7 * day),
    messageTs: `1.${fireId}`,
    attempts: 1,
    postedAt: plus(monday, fireId * 7 * day),
    error: 'SQLITE_FULL',
    paperIds,
    links: [],
    section: 'Alpha',
    cycle: 1,
  });

  it('are the channel’s own, count as posted, and take their papers out of the queue', async () => {
    const pending = new PendingPosts();
    pending.add(pendingPost(1, 'T0TEAM', ['a1']));
    pending.add(pendingPost(2, 'T0OTHER', ['b1']));
    const { weekly, team } = service({ pending });
    await team.enqueue('C0A', 'a1', { by: 'U0A', at: monday });
    await team.enqueue('C0A', 'c1', { by: 'U0A', at: monday });
    expect(weekly.unrecorded('C0A').map((item) => item.fireId)).toEqual([1]);
    expect(weekly.unrecorded('C0B')).toEqual([]);
    const history = await weekly.history('C0A');
    expect(history.posted.map((item) => item.paperIds)).toEqual([['a1']]);
    expect(history.queued).toEqual(['c1']);
    expect(ids(await weekly.upcoming('C0A', 3, monday))).toEqual(['c1', 'b1', 'a2']);
  });

  it('are none without a list of them', async () => {
    const { weekly } = service();
    expect(weekly.unrecorded('C0A')).toEqual([]);
    expect(await weekly.history('C0A')).toEqual({ posted: [], queued: [], skipped: [] });
  });
});

describe('the channel’s posts', () => {
  it('are its posted fires newest first, with the outside paper’s proposal', async () => {
    const { weekly, team } = service();
    const proposal = await team.propose({
      channel: 'C0A',
      title: 'Lion',
      url: 'https://arxiv.org/abs/2302.06675',
      by: 'U0BOB',
      at: plus(monday, -day),
    });
    await post(team, 'C0A', monday, ['a1'], ['https://arxiv.org/abs/2001.00001']);
    await post(
      team,
      'C0A',
      plus(monday, 7 * day),
      [`outside:${proposal.id}`],
      ['https://arxiv.org/abs/2302.06675'],
    );
    await team.recordMissed({
      channel: 'C0A',
      scheduledAt: plus(monday, 14 * day),
      at: plus(monday, 15 * day),
    });
    expect((await weekly.lastFire('C0A'))?.status).toBe('missed');
    const posts = await weekly.posts('C0A', 10);
    expect(posts).toEqual([
      {
        scheduledAt: plus(monday, 7 * day),
        postedAt: plus(monday, 7 * day + 2000),
        paperIds: [`outside:${proposal.id}`],
        links: ['https://arxiv.org/abs/2302.06675'],
        section: 'Alpha',
        cycle: 1,
        messageTs: `${plus(monday, 7 * day).getTime() / 1000}.000100`,
        outside: {
          id: `outside:${proposal.id}`,
          title: 'Lion',
          url: 'https://arxiv.org/abs/2302.06675',
          by: 'U0BOB',
          at: plus(monday, -day),
        },
      },
      {
        scheduledAt: monday,
        postedAt: plus(monday, 2000),
        paperIds: ['a1'],
        links: ['https://arxiv.org/abs/2001.00001'],
        section: 'Alpha',
        cycle: 1,
        messageTs: `${monday.getTime() / 1000}.000100`,
      },
    ]);
    expect(await weekly.posts('C0A', 1)).toHaveLength(1);
  });

  it('name an outside paper whose proposal is gone by its link, or by its id when it has none', async () => {
    const { weekly, team } = service();
    await post(team, 'C0A', monday, ['outside:41'], ['https://example.org/lion']);
    await post(team, 'C0A', plus(monday, 7 * day), ['outside:42']);
    const [second, first] = await weekly.posts('C0A', 10);
    expect(first?.outside).toEqual({
      id: 'outside:41',
      title: 'https://example.org/lion',
      url: 'https://example.org/lion',
      by: '',
      at: monday,
    });
    expect(second?.outside).toEqual({
      id: 'outside:42',
      title: 'outside:42',
      url: '',
      by: '',
      at: plus(monday, 7 * day),
    });
  });

  it('read records of an older version with no section, cycle, finish time or message as far as they go', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'optpaper-posts-'));
    try {
      const path = join(dir, 'optpaper.db');
      const first = openStore(path);
      await post(first.team('T0TEAM'), 'C0A', monday, ['a1']);
      await post(first.team('T0TEAM'), 'C0A', plus(monday, 7 * day), ['b1']);
      await first.close();
      const db = new BetterSqlite3(path);
      db.prepare('UPDATE fires SET section = NULL, cycle = NULL, finished_at = NULL WHERE paper_ids = ?').run(
        '["a1"]',
      );
      db.prepare('UPDATE fires SET message_ts = NULL WHERE paper_ids = ?').run('["b1"]');
      db.close();
      const { weekly } = service({ store: openStore(path) });
      expect(await weekly.posts('C0A', 10)).toEqual([
        {
          scheduledAt: monday,
          postedAt: monday,
          paperIds: ['a1'],
          links: [],
          section: '',
          cycle: 1,
          messageTs: `${monday.getTime() / 1000}.000100`,
        },
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('skipping the next pick', () => {
  it('holds a list paper back to the end of the round, takes it out of the queue, and says what comes next', async () => {
    const { weekly, team } = service();
    await team.enqueue('C0A', 'b2', { by: 'U0A', at: monday });
    const result = await weekly.skip('C0A', monday);
    expect(result?.skipped.reading.paperIds).toEqual(['b2']);
    expect(result?.next?.reading.paperIds).toEqual(['a1']);
    expect(await team.queue('C0A')).toEqual([]);
    const history = await team.history('C0A');
    expect(history.skipped).toEqual([
      { paperIds: ['b2'], links: ['https://arxiv.org/abs/2002.00002'], cycle: 1 },
    ]);
    expect(ids(await weekly.upcoming('C0A', 6, monday))).toEqual(['a1', 'b1', 'c1', 'a2', 'a3', 'b2']);
  });

  it('withdraws an outside paper’s proposal instead: it has no place in the round', async () => {
    const { weekly, team } = service();
    const proposal = await team.propose({
      channel: 'C0A',
      title: 'Lion',
      url: 'https://arxiv.org/abs/2302.06675',
      by: 'U0BOB',
      at: monday,
    });
    await team.enqueue('C0A', `outside:${proposal.id}`, { by: 'U0BOB', at: monday });
    const result = await weekly.skip('C0A', plus(monday, hour));
    expect(result?.skipped.reading.paperIds).toEqual([`outside:${proposal.id}`]);
    expect(await team.proposal(proposal.id)).toMatchObject({
      status: 'withdrawn',
      finishedAt: plus(monday, hour),
    });
    expect((await team.history('C0A')).skipped).toEqual([]);
    expect(await team.queue('C0A')).toEqual([]);
    expect(result?.next?.reading.paperIds).toEqual(['a1']);
  });

  it('says no next pick after the last reading of the list, and nothing at all with none left', async () => {
    const single = fixedLibrary(createSearch(listOf({ Alpha: ['A1 | https://arxiv.org/abs/2001.00001'] })));
    const store = openStore(':memory:');
    stores.push(store);
    const weekly = createWeeklyService({
      store: store.team('T0TEAM'),
      library: single,
      defaults: { cron: '0 9 * * 1', timeZone: 'UTC' },
    });
    const result = await weekly.skip('C0A', monday);
    expect(result?.skipped.reading.paperIds).toEqual(['a1']);
    // The skipped reading is all that is left: it comes back, so there is a next pick.
    expect(result?.next?.reading.paperIds).toEqual(['a1']);
  });
});

describe('skipping in a list with no papers', () => {
  const empty = fixedLibrary(createSearch(listOf({})));
  const emptyService = () => {
    const store = openStore(':memory:');
    stores.push(store);
    const team = store.team('T0TEAM');
    const weekly = createWeeklyService({
      store: team,
      library: empty,
      defaults: { cron: '0 9 * * 1', timeZone: 'UTC' },
    });
    return { team, weekly };
  };

  it('skips nothing when nothing is left', async () => {
    const { weekly } = emptyService();
    expect(await weekly.skip('C0A', monday)).toBeUndefined();
  });

  it('says no next pick after skipping the only reading, a paper from outside the list', async () => {
    const { weekly, team } = emptyService();
    const proposal = await team.propose({
      channel: 'C0A',
      title: 'Lion',
      url: 'https://arxiv.org/abs/2302.06675',
      by: 'U0BOB',
      at: monday,
    });
    await team.enqueue('C0A', `outside:${proposal.id}`, { by: 'U0BOB', at: monday });
    const result = await weekly.skip('C0A', monday);
    expect(result?.skipped.reading.paperIds).toEqual([`outside:${proposal.id}`]);
    expect(result && Object.keys(result)).toEqual(['skipped']);
  });
});

describe('asking for a paper', () => {
  it('queues it as the next pick, then in the order asked, and says when it was queued already', async () => {
    const { weekly, team } = service();
    const first = await weekly.queue('C0A', 'a3', 'U0A', monday);
    expect(first).toMatchObject({ status: 'queued', position: 1 });
    expect(first.status !== 'unknown' && first.paper.title).toBe('A3');
    expect(await weekly.queue('C0A', 'b2', 'U0B', monday)).toMatchObject({ status: 'queued', position: 2 });
    expect(await weekly.queue('C0A', 'a3', 'U0B', monday)).toMatchObject({
      status: 'already-queued',
      position: 1,
    });
    expect((await team.queue('C0A')).map((entry) => [entry.paperId, entry.by])).toEqual([
      ['a3', 'U0A'],
      ['b2', 'U0B'],
    ]);
  });

  it('does not queue a paper posted in this round, nor one the list does not have', async () => {
    const { weekly, team } = service();
    await post(team, 'C0A', monday, ['a1'], ['https://arxiv.org/abs/2001.00001']);
    const posted = await weekly.queue('C0A', 'a1', 'U0A', plus(monday, hour));
    expect(posted).toMatchObject({ status: 'already-posted' });
    expect(posted.status === 'already-posted' && posted.paper.id).toBe('a1');
    expect(await weekly.queue('C0A', 'z9', 'U0A', plus(monday, hour))).toEqual({ status: 'unknown' });
    expect(await team.queue('C0A')).toEqual([]);
  });
});
