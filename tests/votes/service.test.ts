import { describe, expect, it } from 'vitest';
import type { Reply } from '../../src/commands/reply.ts';
import { fixedLibrary } from '../../src/library.ts';
import { createSearch } from '../../src/search/search.ts';
import { toSlackMessage } from '../../src/slack/blocks.ts';
import { voteExtension } from '../../src/votes/extension.ts';
import { createVoteService, type VoteMessenger } from '../../src/votes/service.ts';
import { createWeeklyRunner } from '../../src/weekly/run-due.ts';
import { createWeeklyService } from '../../src/weekly/service.ts';
import { listOf } from '../support/small-list.ts';
import { postedTitle, RecordingPoster, weeklyFixture } from '../support/weekly.ts';

const hour = 3_600_000;
const week = 7 * 24 * hour;
/** Monday 30 November 2026, 09:00 UTC: a slot of the channel's schedule. */
const monday = new Date('2026-11-30T09:00:00Z');
const at = (base: Date, offsetMs: number) => new Date(base.getTime() + offsetMs);
const channel = 'C0GROUP';

/** Vote messages as a channel would see them: posted, then edited. */
class RecordingMessenger implements VoteMessenger {
  readonly posted: string[] = [];
  readonly updated: string[] = [];
  async post(_channel: string, reply: Reply) {
    this.posted.push(JSON.stringify(toSlackMessage(reply).blocks));
    return `${this.posted.length}.000100`;
  }
  async update(_channel: string, _ts: string, reply: Reply) {
    this.updated.push(JSON.stringify(toSlackMessage(reply).blocks));
    return true;
  }
}

/** One process of the bot: its vote service and runner over a shared store. */
function process(fixture: ReturnType<typeof weeklyFixture>) {
  const messenger = new RecordingMessenger();
  const poster = new RecordingPoster();
  const weekly = createWeeklyService({
    store: fixture.team,
    library: fixture.library,
    defaults: { cron: '0 9 * * 1', timeZone: 'UTC' },
  });
  const votes = createVoteService({ store: fixture.team, weekly, library: fixture.library, messenger });
  const runner = createWeeklyRunner({
    ...fixture,
    post: poster.post,
    graceMs: 24 * hour,
    extensions: [voteExtension({ store: fixture.store, votesFor: () => votes, logger: fixture.logger })],
  });
  return { messenger, poster, weekly, votes, runner };
}

async function setup() {
  const fixture = weeklyFixture();
  await fixture.team.subscribe({
    channel,
    cron: '0 9 * * 1',
    timeZone: 'UTC',
    createdBy: 'U0ALICE',
    at: at(monday, -3 * 24 * hour),
  });
  await fixture.team.setVoting(channel, 24 * 60);
  return fixture;
}

describe('votes with several processes on one database', () => {
  it('opens each slot’s vote once: one message, whichever process gets there first', async () => {
    const fixture = await setup();
    const [one, two] = [process(fixture), process(fixture)];
    const due = at(monday, -24 * hour);
    await Promise.all([
      one.runner.maintain(due),
      two.runner.maintain(due),
      one.runner.maintain(at(due, 60_000)),
    ]);
    expect(one.messenger.posted.length + two.messenger.posted.length).toBe(1);
    const vote = await fixture.team.voteAt(channel, monday);
    expect(vote?.messageTs).toBe('1.000100');
    // At the slot both prepare; one posts (the slot is claimed once), and both chose the same way.
    await fixture.team.castBallot(vote?.id ?? 0, { user: 'U1', choice: 'batchnorm', at: due });
    const outcomes = await Promise.all([one.runner.runDue(monday), two.runner.runDue(monday)]);
    expect(
      outcomes
        .flat()
        .map((outcome) => outcome.status)
        .sort(),
    ).toEqual(['already-claimed', 'posted']);
    const posts = [...one.poster.weeklyPosts, ...two.poster.weeklyPosts];
    expect(posts.map(postedTitle)).toEqual(['*<https://arxiv.org/abs/1502.03167|BatchNorm>*']);
    expect(await fixture.team.vote(vote?.id ?? 0)).toMatchObject({ winner: 'batchnorm', closedAt: monday });
  });
});

describe('the vote service', () => {
  it('posts an outside paper that won, once, names its proposer, and never offers it again', async () => {
    const fixture = await setup();
    const { votes, runner, poster, messenger, weekly } = process(fixture);
    const outcome = await votes.propose(
      channel,
      { kind: 'outside', url: 'https://example.org/ours.pdf', title: 'Our Own Paper' },
      'U0BOB',
      at(monday, -3 * 24 * hour),
    );
    expect(outcome).toMatchObject({
      status: 'candidate',
      next: { slot: monday, opensAt: at(monday, -24 * hour), timeZone: 'UTC' },
    });
    await runner.maintain(at(monday, -24 * hour));
    const vote = await fixture.team.voteAt(channel, monday);
    expect(vote?.candidates.map((candidate) => candidate.key)).toEqual([
      'sgd',
      expect.stringMatching(/^outside:\d+$/),
      'batchnorm',
    ]);
    const outside = vote?.candidates[1]?.key ?? '';
    expect(messenger.posted[0]).toContain('Proposed by <@U0BOB> · not in the list · *0 votes*');
    await votes.cast(vote?.id ?? 0, outside, 'U0ALICE', at(monday, -hour));
    await runner.runDue(monday);
    const [post] = poster.weeklyPosts;
    expect(postedTitle(post ?? { text: '', blocks: [] })).toBe(
      '*<https://example.org/ours.pdf|Our Own Paper>*',
    );
    expect(JSON.stringify(post?.blocks)).toContain(
      'Proposed by <@U0BOB> · not in the list, so it counts in no section',
    );
    expect(JSON.stringify(post?.blocks)).toContain('Chosen by the channel’s vote: *1 of 1 vote*.');
    expect((await weekly.posts(channel, 1))[0]?.outside).toMatchObject({
      title: 'Our Own Paper',
      by: 'U0BOB',
    });
    expect(await fixture.team.proposals(channel)).toEqual([]);

    // Next week: not a candidate any more, and proposing it again says it was posted.
    await runner.maintain(at(monday, week - 24 * hour));
    const next = await fixture.team.voteAt(channel, at(monday, week));
    expect(next?.candidates.map((candidate) => candidate.key)).toEqual([
      'sgd',
      'batchnorm',
      'convex-neural-networks',
    ]);
    expect(
      await votes.propose(
        channel,
        { kind: 'outside', url: 'http://www.example.org/ours.pdf', title: 'Again' },
        'U0CAROL',
        at(monday, week),
      ),
    ).toMatchObject({ status: 'already-posted', at: monday });
  });

  it('passes over a winner posted meanwhile for the next best', async () => {
    const fixture = await setup();
    const { votes, runner, poster } = process(fixture);
    await runner.maintain(at(monday, -24 * hour));
    const vote = await fixture.team.voteAt(channel, monday);
    if (!vote) throw new Error('no vote');
    await votes.cast(vote.id, 'convex-neural-networks', 'U1', at(monday, -hour));
    await votes.cast(vote.id, 'convex-neural-networks', 'U2', at(monday, -hour));
    await votes.cast(vote.id, 'batchnorm', 'U3', at(monday, -hour));
    // Posted meanwhile: an older post, recorded only now (a database that was full for a while).
    const id = await fixture.team.claimFire({
      channel,
      scheduledAt: at(monday, -2 * week),
      paperIds: ['convex-neural-networks'],
      links: ['https://papers.nips.cc/paper/2800-convex-neural-networks'],
      section: 'On Convexity and Generalization of Neural Networks',
      cycle: 1,
      queued: true,
      at: at(monday, -2 * week),
    });
    await fixture.team.completeFire(id ?? 0, { messageTs: '9.0', at: at(monday, -2 * week) });
    await runner.runDue(monday);
    const [post] = poster.weeklyPosts;
    expect(postedTitle(post ?? { text: '', blocks: [] })).toBe(
      '*<https://arxiv.org/abs/1502.03167|BatchNorm>*',
    );
    expect(JSON.stringify(post?.blocks)).toContain('Chosen by the channel’s vote: *1 of 3 votes*');
  });

  it('closes votes that will never be decided: unsubscribed, schedule changed, or a post missed while down', async () => {
    const fixture = await setup();
    const { runner, messenger } = process(fixture);
    await runner.maintain(at(monday, -24 * hour));
    await fixture.team.subscribe({
      channel,
      cron: '0 17 * * 1',
      timeZone: 'UTC',
      createdBy: 'U1',
      at: at(monday, -23 * hour),
    });
    await runner.maintain(at(monday, -23 * hour));
    expect(messenger.updated.at(-1)).toContain(
      'the schedule changed, so there is no post on Mon 30 Nov 2026',
    );
    expect(await fixture.team.currentVotes(channel)).toEqual([]);

    // The vote on the new 17:00 slot opens; the bot is then down past it, and past the grace period.
    const evening = at(monday, 8 * hour);
    await runner.maintain(at(evening, -24 * hour + 60_000));
    expect(await fixture.team.voteAt(channel, evening)).toMatchObject({ candidates: expect.any(Array) });
    await runner.runDue(at(evening, 2 * 24 * hour));
    await runner.maintain(at(evening, 2 * 24 * hour));
    expect(messenger.updated.at(-1)).toContain(
      'the post of Mon 30 Nov 2026 did not go out (the bot was down)',
    );

    await runner.maintain(at(evening, week - 24 * hour));
    expect(await fixture.team.currentVotes(channel)).toHaveLength(1);
    await fixture.team.unsubscribe(channel, at(evening, week - 23 * hour));
    await runner.maintain(at(evening, week - 23 * hour));
    expect(messenger.updated.at(-1)).toContain('the channel stopped its paper of the week');
    expect(await fixture.team.currentVotes(channel)).toEqual([]);
    expect(fixture.logs.join('')).toContain('closed without a winner (unsubscribed)');
  });

  it('opens a vote when due, not before, and none in a channel that does not vote', async () => {
    const fixture = await setup();
    const { votes } = process(fixture);
    await fixture.team.setVoting(channel, undefined);
    expect(await votes.openDue(channel, at(monday, -hour))).toBeUndefined();
    expect(await votes.nextVote(channel, at(monday, -hour))).toBeUndefined();
    await fixture.team.setVoting(channel, 60);
    expect(await votes.nextVote(channel, at(monday, -2 * hour))).toEqual({
      slot: monday,
      opensAt: at(monday, -hour),
      timeZone: 'UTC',
    });
    expect(await votes.openDue(channel, at(monday, -hour - 1))).toBeUndefined();
    expect(await votes.openDue(channel, at(monday, -hour))).toMatchObject({ slot: monday });
    // The next vote not open yet is the following week's.
    expect((await votes.nextVote(channel, at(monday, -hour)))?.slot).toEqual(at(monday, week));
  });

  it('opens no vote with one reading left to choose: the rotation’s pick goes out as usual', async () => {
    const library = fixedLibrary(
      createSearch(listOf({ Only: ['The One Paper | https://arxiv.org/abs/2001.00001'] })),
    );
    const fixture = weeklyFixture({ library });
    await fixture.team.subscribe({
      channel,
      cron: '0 9 * * 1',
      timeZone: 'UTC',
      createdBy: 'U1',
      at: at(monday, -week),
    });
    await fixture.team.setVoting(channel, 24 * 60);
    const { runner, messenger, poster } = process(fixture);
    await runner.maintain(at(monday, -hour));
    expect(messenger.posted).toEqual([]);
    await runner.runDue(monday);
    expect(poster.weeklyPosts.map(postedTitle)).toEqual([
      '*<https://arxiv.org/abs/2001.00001|The One Paper>*',
    ]);
    expect(JSON.stringify(poster.weeklyPosts[0]?.blocks)).not.toContain('vote');
  });
});
