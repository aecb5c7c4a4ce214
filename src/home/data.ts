import type { Catalog } from '../catalog/types.ts';
import type { PaperView } from '../commands/reply.ts';
import type { PresenterService } from '../presenters/service.ts';
import type { PaperSearch } from '../search/search.ts';
import type { TeamStore } from '../store/types.ts';
import type { VoteCandidate } from '../votes/candidates.ts';
import { messageLink } from '../weekly/dates.ts';
import { pickView, readingView } from '../weekly/messages.ts';
import { type ListProgress, listProgress } from '../weekly/progress.ts';
import { readingsOf, type WeeklyService } from '../weekly/service.ts';

/** What the Home tab shows, one place. */
export const homeDefaults = Object.freeze({
  /** Coming papers shown per channel. */
  next: 3,
  /** How far ahead "you lead the discussion" looks, in posts. */
  presentingWithin: 4,
});

/** An open vote of a channel, as the person sees it. */
export interface HomeVote {
  slot: Date;
  /** The candidates' titles, in order. */
  candidates: string[];
  /** The title of the person's choice, if they voted. */
  mine?: string;
  /** The vote's message. */
  link?: string;
}

/** One subscribed channel on someone's Home tab. */
export interface HomeChannel {
  channel: string;
  timeZone: string;
  /** This week's paper and its thread. */
  current?: { view: PaperView; postedAt: Date; thread: string };
  /** The next papers, with their dates and leaders. */
  next: { at: Date; view: PaperView; leader?: string }[];
  progress: ListProgress;
  votes: HomeVote[];
  /** When the person leads the discussion next, within the coming few posts. */
  presenting?: { at: Date; view: PaperView };
  /** Whether the person is in the channel's list of discussion leaders. */
  presenter: boolean;
}

/** Someone's Home tab. */
export interface HomeData {
  user: string;
  channels: HomeChannel[];
  /** Why the channels could not be listed (the app lacks a scope, Slack failed). */
  problem?: string;
}

/**
 * Gather what one subscribed channel shows on someone's Home tab.
 *
 * @param channel The channel.
 * @param place The person, the workspace's services and store, the search, the time, the workspace URL.
 * @returns The channel's part of the Home tab.
 */
export async function homeChannel(
  channel: string,
  place: {
    user: string;
    weekly: WeeklyService;
    presenters?: PresenterService;
    store: TeamStore;
    search: PaperSearch;
    now: Date;
    workspaceUrl?: string;
  },
): Promise<HomeChannel> {
  const { user, weekly, presenters, store, search, now } = place;
  const { catalog } = search;
  const timeZone = (await weekly.subscription(channel))?.timeZone ?? weekly.defaults.timeZone;
  const [post] = await weekly.posts(channel, 1);
  // One look ahead serves both the next papers and the leaders' turns.
  const coming = await weekly.upcoming(
    channel,
    Math.max(homeDefaults.next, homeDefaults.presentingWithin),
    now,
  );
  const upcoming = presenters ? await presenters.plan(channel, coming) : [];
  const leaderAt = new Map(upcoming.map((plan) => [plan.at.getTime(), plan.user]));
  const picks = coming.slice(0, homeDefaults.next);
  const order = presenters ? await presenters.list(channel) : [];
  const mine = upcoming.find((plan) => plan.user === user);
  const home: HomeChannel = {
    channel,
    timeZone,
    next: picks.map((next) => {
      const leader = leaderAt.get(next.at.getTime());
      return { at: next.at, view: pickView(next.pick), ...(leader ? { leader } : {}) };
    }),
    progress: listProgress(catalog, readingsOf(catalog), await store.history(channel)),
    votes: await openVotes(channel, user, store, catalog, place.workspaceUrl),
    presenter: order.includes(user),
  };
  if (post) {
    home.current = {
      view: postedView(post.paperIds, post.section, catalog),
      postedAt: post.postedAt,
      thread: messageLink(channel, post.messageTs, place.workspaceUrl),
    };
  }
  if (mine) home.presenting = { at: mine.at, view: pickView(mine.pick) };
  return home;
}

/** A posted reading as it shows now: its papers as the list has them. */
function postedView(paperIds: readonly string[], section: string, catalog: Catalog): PaperView {
  const papers = paperIds.flatMap((id) => catalog.papers.find((paper) => paper.id === id) ?? []);
  const sections = [...new Set(papers.flatMap((paper) => paper.sections))];
  return readingView(papers, sections.length > 0 ? sections : [section], paperIds.join(', '));
}

/** The channel's open votes with the person's own choice. */
async function openVotes(
  channel: string,
  user: string,
  store: TeamStore,
  catalog: Catalog,
  workspaceUrl: string | undefined,
): Promise<HomeVote[]> {
  const votes: HomeVote[] = [];
  for (const vote of await store.currentVotes(channel)) {
    const choice = (await store.ballots(vote.id)).find((ballot) => ballot.user === user)?.choice;
    const entry: HomeVote = {
      slot: vote.slot,
      candidates: vote.candidates.map((candidate) => candidateTitle(candidate, catalog)),
    };
    if (choice !== undefined) {
      const chosen = vote.candidates.find((candidate) => candidate.key === choice);
      entry.mine = chosen ? candidateTitle(chosen, catalog) : choice;
    }
    if (vote.messageTs) entry.link = messageLink(channel, vote.messageTs, workspaceUrl);
    votes.push(entry);
  }
  return votes;
}

/** A candidate's title: its own, else the list's paper of that key, else the key. */
function candidateTitle(candidate: VoteCandidate, catalog: Catalog): string {
  if (candidate.title.trim() !== '') return candidate.title;
  return catalog.papers.find((paper) => paper.id === candidate.key)?.title ?? candidate.key;
}
