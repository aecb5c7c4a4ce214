import { canonicalUrl } from '../catalog/links.ts';
import type { Reply, RichText } from '../commands/reply.ts';
import type { Library } from '../library.ts';
import type { BallotOutcome, ProposalRecord, Subscription, TeamStore, VoteRecord } from '../store/types.ts';
import { pauseAt } from '../weekly/cadence.ts';
import { pickView } from '../weekly/messages.ts';
import { outsideId, postsOutside, proposalIdOf } from '../weekly/outside.ts';
import type { Pick } from '../weekly/rotation.ts';
import type { FireContext } from '../weekly/run-due.ts';
import { readingsOf, type WeeklyService } from '../weekly/service.ts';
import { type Ask, askedPick, candidatePick, type VoteCandidate, voteCandidates } from './candidates.ts';
import { type AbandonReason, type VoteClosing, voteMessage, voteNote } from './messages.ts';
import type { ProposalTarget } from './proposals.ts';
import { decideVote, type Tally, tallyVote } from './tally.ts';

/** Posts and edits the vote's message in a channel (Slack, or the shell's screen). */
export interface VoteMessenger {
  /** Post into a channel. @returns The message's ts, or `undefined` when it could not be posted (said in the log). */
  post(channel: string, reply: Reply): Promise<string | undefined>;
  /** Replace a message the messenger posted. @returns Whether it was replaced. */
  update(channel: string, ts: string, reply: Reply): Promise<boolean>;
}

/** Timings of votes, one place. */
export const voteTimings = Object.freeze({
  /** Lead when `/optpaper vote on` names none: the vote opens a day before the post. */
  defaultLeadMinutes: 24 * 60,
  /** Shortest and longest lead: an hour to vote at least, and at most a week ahead. */
  minLeadMinutes: 60,
  maxLeadMinutes: 7 * 24 * 60,
  /** A vote still open this long after its slot was never decided (the slot did not run): closed. */
  staleAfterMs: 24 * 3_600_000,
});

/** A channel's open vote, as one person sees it. */
export interface OpenVote {
  vote: VoteRecord;
  tally: Tally;
  /** The person's choice (a candidate key), if they voted. */
  mine?: string;
  timeZone: string;
}

/** What a ballot did, with what a reply needs to say it. */
export type CastOutcome =
  | { status: BallotOutcome; vote: VoteRecord; candidate: VoteCandidate; tally: Tally; timeZone: string }
  | { status: 'unknown' };

/** When a channel's next vote (not open yet) opens, and on which post. */
export interface NextVote {
  slot: Date;
  opensAt: Date;
  timeZone: string;
}

/** What proposing a paper did. */
export type ProposalOutcome =
  /** Voting is on: it is a candidate in the next vote. */
  | { status: 'candidate'; proposal: ProposalRecord; next?: NextVote }
  /** Voting is off: it joined the channel's queue; `at` is the post it comes in. */
  | { status: 'queued'; title: string; position: number; at?: Date; timeZone: string }
  | { status: 'already-proposed'; proposal: ProposalRecord; timeZone: string }
  | { status: 'already-queued'; title: string; at?: Date; timeZone: string }
  /** Posted in this round already (a list paper), or ever (a paper outside the list). */
  | { status: 'already-posted'; title: string; at?: Date; timeZone: string }
  | { status: 'not-subscribed' };

/** One workspace's votes and proposals. */
export interface VoteService {
  /**
   * Turn voting on (minutes before each post the vote opens) or off; off closes the open votes without
   * a winner. @returns Whether subscribed.
   */
  setVoting(channel: string, leadMinutes: number | undefined, at: Date): Promise<boolean>;
  /**
   * The channel's open vote with its counts and the person's ballot. Opens the vote first when it is
   * due (a minute before the runner would), or at once where votes open on request (the shell).
   */
  current(channel: string, user: string, now: Date): Promise<OpenVote | undefined>;
  /** When the next vote not open yet opens (voting on). */
  nextVote(channel: string, now: Date): Promise<NextVote | undefined>;
  /**
   * Open the vote on the channel's next post when it is due (`now >= slot - lead`; any time with
   * `early`): once per slot, whoever asks first, and only the opener posts its message.
   *
   * @returns The slot's vote, or `undefined` (voting off, not due, or fewer than two candidates).
   */
  openDue(channel: string, now: Date, options?: { early?: boolean }): Promise<VoteRecord | undefined>;
  /** A person's ballot for a candidate (by key); the vote's message shows the new counts. */
  cast(voteId: number, key: string, user: string, at: Date): Promise<CastOutcome>;
  /**
   * At the slot (the runner's `prepare`): close the slot's vote and turn it into the pick (its winner,
   * out of turn unless it is the rotation's own pick) and a note saying how it was chosen.
   */
  decide(fire: FireContext): Promise<{ pick?: Pick; notes: RichText[] } | undefined>;
  /** Close an open vote that will never be decided, and say why on its message. @returns The reason, if closed. */
  settle(vote: VoteRecord, now: Date): Promise<AbandonReason | undefined>;
  /** Propose a paper: a candidate in the next vote where the channel votes, queued where it does not. */
  propose(channel: string, target: ProposalTarget, user: string, at: Date): Promise<ProposalOutcome>;
}

/**
 * The votes and proposals of one workspace.
 *
 * @param options Its store, its weekly service, the list, how vote messages are posted, whether a
 *   vote opens on request (the shell has no scheduler: `/optpaper vote` opens the next one at once),
 *   and the slash command's name vote messages point to (default: `/optpaper`).
 * @returns The service.
 */
export function createVoteService(options: {
  store: TeamStore;
  weekly: WeeklyService;
  library: Library;
  messenger: VoteMessenger;
  openOnRequest?: boolean;
  command?: string;
}): VoteService {
  const { store, weekly, library, messenger } = options;
  const named = options.command ? { command: options.command } : {};
  const timeZoneOf = (subscription: Subscription | undefined) =>
    subscription?.timeZone ?? weekly.defaults.timeZone;
  const current = () => {
    const { catalog } = library.current();
    return { catalog, readings: readingsOf(catalog) };
  };

  // Message edits of one vote go one after the other, each with the counts of its own moment, so
  // that an older count never lands after a newer one (within this process).
  const edits = new Map<number, Promise<unknown>>();
  const edit = (voteId: number, closing?: VoteClosing): Promise<void> => {
    const run = async () => {
      const vote = await store.vote(voteId);
      if (!vote?.messageTs || (vote.closedAt && !closing)) return;
      const tally = tallyVote(vote.candidates, await store.ballots(voteId));
      const timeZone = timeZoneOf(await store.subscription(vote.channel));
      await messenger.update(
        vote.channel,
        vote.messageTs,
        voteMessage(vote, tally, { timeZone, ...named, ...(closing ? { closing } : {}) }),
      );
    };
    const next = (edits.get(voteId) ?? Promise.resolve()).then(run, run);
    const settled = next.catch(() => undefined);
    edits.set(voteId, settled);
    void settled.then(() => {
      if (edits.get(voteId) === settled) edits.delete(voteId);
    });
    return next;
  };

  const abandon = async (vote: VoteRecord, reason: AbandonReason, now: Date) => {
    if (await store.closeVote(vote.id, now)) await edit(vote.id, { kind: 'abandoned', reason });
  };

  const asksOf = async (channel: string): Promise<Ask[]> => [
    // An outside paper's queue entry and its proposal are one ask: the proposal says who proposed it.
    ...(await store.queue(channel))
      .filter((entry) => proposalIdOf(entry.paperId) === undefined)
      .map((entry) => ({ paperId: entry.paperId, by: entry.by, at: entry.at, origin: 'queued' as const })),
    ...(await store.proposals(channel)).map((proposal) => ({
      paperId: proposal.paperId ?? outsideId(proposal.id),
      by: proposal.by,
      at: proposal.at,
      origin: 'proposed' as const,
    })),
  ];

  const openDue: VoteService['openDue'] = async (channel, now, { early = false } = {}) => {
    const subscription = await store.subscription(channel);
    if (subscription?.voteLeadMinutes === undefined) return undefined;
    const slot = await weekly.nextFire(channel, now);
    if (!slot) return undefined;
    if (!early && now.getTime() < slot.getTime() - subscription.voteLeadMinutes * 60_000) return undefined;
    const existing = await store.voteAt(channel, slot);
    if (existing) return existing;
    const { catalog, readings } = current();
    const candidates = voteCandidates(
      catalog,
      readings,
      await weekly.history(channel),
      await asksOf(channel),
    );
    // One paper left is no choice: the rotation's pick goes out as usual.
    if (candidates.length < 2) return undefined;
    const vote = await store.startVote({ channel, slot, candidates, at: now });
    // Another process opened it first: it posts the message.
    if (!vote) return store.voteAt(channel, slot);
    const timeZone = timeZoneOf(subscription);
    const ts = await messenger.post(
      channel,
      voteMessage(vote, tallyVote(candidates, []), { timeZone, ...named }),
    );
    if (!ts) return vote;
    await store.setVoteMessage(vote.id, ts);
    return { ...vote, messageTs: ts };
  };

  const nextVote: VoteService['nextVote'] = async (channel, now) => {
    const subscription = await store.subscription(channel);
    if (subscription?.voteLeadMinutes === undefined) return undefined;
    const lead = subscription.voteLeadMinutes * 60_000;
    let after = now;
    // The next post whose vote is not open yet: at most a couple of slots ahead.
    for (let looked = 0; looked < 3; looked++) {
      const slot = await weekly.nextFire(channel, after);
      if (!slot) return undefined;
      if (!(await store.voteAt(channel, slot))) {
        const opensAt = new Date(Math.max(now.getTime(), slot.getTime() - lead));
        return { slot, opensAt, timeZone: subscription.timeZone };
      }
      after = slot;
    }
    return undefined;
  };

  /** When a reading was last posted here (for "already posted on …"). */
  const postedOn = async (
    channel: string,
    matches: (post: { paperIds: readonly string[]; links: readonly string[] }) => boolean,
  ) => (await weekly.posts(channel, Number.MAX_SAFE_INTEGER)).find(matches)?.postedAt;

  return {
    async setVoting(channel, lead, at) {
      const subscribed = await store.setVoting(channel, lead);
      if (subscribed && lead === undefined)
        for (const vote of await store.currentVotes(channel)) await abandon(vote, 'voting-off', at);
      return subscribed;
    },
    nextVote,
    openDue,

    async current(channel, user, now) {
      await openDue(channel, now, { early: options.openOnRequest ?? false });
      const [vote] = await store.currentVotes(channel);
      if (!vote) return undefined;
      const ballots = await store.ballots(vote.id);
      const mine = ballots.find((ballot) => ballot.user === user)?.choice;
      const timeZone = timeZoneOf(await store.subscription(channel));
      return { vote, tally: tallyVote(vote.candidates, ballots), timeZone, ...(mine ? { mine } : {}) };
    },

    async cast(voteId, key, user, at) {
      const vote = await store.vote(voteId);
      const candidate = vote?.candidates.find((found) => found.key === key);
      if (!vote || !candidate) return { status: 'unknown' };
      const status = await store.castBallot(voteId, { user, choice: key, at });
      if (status === 'cast' || status === 'changed') await edit(voteId);
      const latest = (await store.vote(voteId)) ?? vote;
      const tally = tallyVote(latest.candidates, await store.ballots(voteId));
      const timeZone = timeZoneOf(await store.subscription(vote.channel));
      return { status, vote: latest, candidate, tally, timeZone };
    },

    async decide({ channel, slot, now, pick: rotationPick, history }) {
      const vote = await store.voteAt(channel, slot);
      if (!vote) return undefined;
      if ((await store.subscription(channel))?.voteLeadMinutes === undefined) {
        if (!vote.closedAt) await abandon(vote, 'voting-off', now);
        return undefined;
      }
      // Closed by this call, or already (another process at the same slot, a retried fire): the final
      // ballots decide the same way every time.
      await store.closeVote(vote.id, now);
      const tally = tallyVote(vote.candidates, await store.ballots(vote.id));
      const { catalog, readings } = current();
      const result = decideVote(tally, (candidate) =>
        candidatePick(catalog, readings, history, rotationPick, candidate),
      );
      const closing: Exclude<VoteClosing, { kind: 'abandoned' }> = result
        ? {
            kind: 'won',
            candidate: result.winner.candidate,
            votes: result.winner.votes,
            total: result.total,
            tie: result.tie,
          }
        : { kind: 'nobody', title: pickView(rotationPick).title, total: tally.total };
      await store.setVoteWinner(vote.id, result?.winner.candidate.key ?? rotationPick.reading.key);
      await edit(vote.id, closing);
      return { ...(result ? { pick: result.value } : {}), notes: [voteNote(closing)] };
    },

    async settle(vote, now) {
      const subscription = await store.subscription(vote.channel);
      const reason = await (async (): Promise<AbandonReason | undefined> => {
        if (!subscription) return 'unsubscribed';
        if (subscription.voteLeadMinutes === undefined) return 'voting-off';
        const pauses = await store.pauses(vote.channel);
        if (pauseAt(vote.slot, { timeZone: subscription.timeZone, pauses })) return 'paused';
        const due = await weekly.nextFire(vote.channel, new Date(vote.slot.getTime() - 1));
        if (due?.getTime() !== vote.slot.getTime()) return 'rescheduled';
        // The slot was handled without the vote (missed while the bot was down, or too soon).
        const last = await store.lastFire(vote.channel);
        if (last && last.scheduledAt.getTime() >= vote.slot.getTime()) return 'missed';
        if (now.getTime() - vote.slot.getTime() > voteTimings.staleAfterMs) return 'missed';
        return undefined;
      })();
      if (reason) await abandon(vote, reason, now);
      return reason;
    },

    async propose(channel, target, user, at) {
      const subscription = await store.subscription(channel);
      if (!subscription) return { status: 'not-subscribed' };
      const timeZone = subscription.timeZone;
      const voting = subscription.voteLeadMinutes !== undefined;
      const history = await weekly.history(channel);
      if (target.kind === 'list') {
        const { paper } = target;
        const { catalog, readings } = current();
        const pick = askedPick(catalog, readings, history, paper.id);
        if (!pick) {
          const at = await postedOn(channel, (post) => post.paperIds.some((id) => id === paper.id));
          return { status: 'already-posted', title: paper.title, timeZone, ...(at ? { at } : {}) };
        }
        if (!voting) {
          const outcome = await weekly.queue(channel, paper.id, user, at);
          if (outcome.status === 'unknown' || outcome.status === 'already-posted')
            return { status: 'already-posted', title: paper.title, timeZone };
          const date = (await weekly.upcoming(channel, outcome.position, at))[outcome.position - 1]?.at;
          const when = date ? { at: date } : {};
          return outcome.status === 'queued'
            ? { status: 'queued', title: paper.title, position: outcome.position, timeZone, ...when }
            : { status: 'already-queued', title: paper.title, timeZone, ...when };
        }
        const same = (await store.proposals(channel)).find(
          (proposal) => proposal.paperId !== undefined && pick.reading.paperIds.includes(proposal.paperId),
        );
        if (same) return { status: 'already-proposed', proposal: same, timeZone };
        const proposal = await store.propose({
          channel,
          paperId: paper.id,
          title: paper.title,
          by: user,
          at,
        });
        const next = await nextVote(channel, at);
        return { status: 'candidate', proposal, ...(next ? { next } : {}) };
      }
      const link = canonicalUrl(target.url);
      if (history.posted.some((item) => postsOutside({ id: '', url: target.url }, item))) {
        const on = await postedOn(channel, (post) =>
          post.links.some((posted) => canonicalUrl(posted) === link),
        );
        return { status: 'already-posted', title: target.title, timeZone, ...(on ? { at: on } : {}) };
      }
      const same = (await store.proposals(channel)).find(
        (proposal) => proposal.url !== undefined && canonicalUrl(proposal.url) === link,
      );
      if (same) return { status: 'already-proposed', proposal: same, timeZone };
      const proposal = await store.propose({ channel, title: target.title, url: target.url, by: user, at });
      if (voting) {
        const next = await nextVote(channel, at);
        return { status: 'candidate', proposal, ...(next ? { next } : {}) };
      }
      const id = outsideId(proposal.id);
      await store.enqueue(channel, id, { by: user, at });
      const length = (await store.queue(channel)).length;
      const upcoming = await weekly.upcoming(channel, length + 1, at);
      const index = upcoming.findIndex((item) => item.pick.reading.key === id);
      const date = upcoming[index]?.at;
      return {
        status: 'queued',
        title: target.title,
        position: index + 1,
        timeZone,
        ...(date ? { at: date } : {}),
      };
    },
  };
}
