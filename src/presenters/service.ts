import type { PresenterTurn, TeamStore } from '../store/types.ts';
import type { UpcomingPick, WeeklyService } from '../weekly/service.ts';
import {
  nextPresenter,
  type PresenterRound,
  presenterRound,
  type TurnEvent,
  upcomingPresenters,
} from './rotation.ts';

/** A coming post with the paper the rotation will pick and who leads its discussion. */
export interface LeadPlan extends UpcomingPick {
  user: string;
}

/**
 * How long before the post a leader may be told, in minutes (the default, two days, is the
 * subscription column's).
 */
export const presenterLimits = Object.freeze({
  /** Up to two weeks ahead. */
  maxLeadMinutes: 14 * 24 * 60,
});

/** Who leads the discussion in a workspace's channels: the list, its turns, its skips. */
export interface PresenterService {
  /** The channel's leaders, in order. */
  list(channel: string): Promise<string[]>;
  /** Replace the list (an empty one removes it). */
  set(channel: string, users: readonly string[]): Promise<void>;
  /** Exchange two places. @returns Whether both are in the list. */
  swap(channel: string, first: string, second: string): Promise<boolean>;
  /** Someone misses their next turn. @returns Whether they are in the list. */
  skip(channel: string, user: string, at: Date): Promise<boolean>;
  /** How long before the post the leader is told. @returns Whether the channel is subscribed. */
  setLead(channel: string, minutes: number): Promise<boolean>;
  /** Who leads a slot, from the turns before it. */
  leaderOf(channel: string, slot: Date): Promise<string | undefined>;
  /** The next `count` posts with their papers and leaders (none without a list). */
  upcoming(channel: string, count: number, after: Date): Promise<LeadPlan[]>;
  /** Who leads each of these coming posts (from `WeeklyService.upcoming`; none without a list). */
  plan(channel: string, coming: readonly UpcomingPick[]): Promise<LeadPlan[]>;
  /** Where the current round stands. */
  round(channel: string): Promise<PresenterRound>;
  /** A post went out: its leader's turn is recorded. */
  recordTurn(channel: string, slot: Date, user: string): Promise<void>;
}

/**
 * The presenter service of one workspace.
 *
 * @param options The workspace's store, its weekly service (for the dates of the coming posts), and a
 *   hook called when a channel's leaders change (the Home tab is published again).
 * @returns The service.
 */
export function createPresenterService(options: {
  store: TeamStore;
  weekly: WeeklyService;
  onChange?: (channel: string) => void;
}): PresenterService {
  const { store, weekly } = options;
  const changed = (channel: string) => options.onChange?.(channel);
  /** The turns that count: led slots whose post went out, and skips. */
  const events = async (channel: string, before?: Date): Promise<TurnEvent[]> =>
    (await store.presenterTurns(channel))
      .filter((turn: PresenterTurn) => turn.skipped || turn.posted)
      .filter((turn) => turn.skipped || !before || turn.slot < before)
      .map((turn) => ({ at: turn.slot, user: turn.user, skipped: turn.skipped }));
  return {
    list: (channel) => store.presenters(channel),
    async set(channel, users) {
      await store.setPresenters(channel, users);
      changed(channel);
    },
    async swap(channel, first, second) {
      const swapped = await store.swapPresenters(channel, first, second);
      if (swapped) changed(channel);
      return swapped;
    },
    async skip(channel, user, at) {
      if (!(await store.presenters(channel)).includes(user)) return false;
      await store.recordPresenterTurn(channel, { slot: at, user, skipped: true });
      changed(channel);
      return true;
    },
    async setLead(channel, minutes) {
      const set = await store.setPresenterLead(channel, minutes);
      if (set) changed(channel);
      return set;
    },
    async leaderOf(channel, slot) {
      return nextPresenter(await store.presenters(channel), await events(channel, slot));
    },
    async upcoming(channel, count, after) {
      if ((await store.presenters(channel)).length === 0) return [];
      return this.plan(channel, await weekly.upcoming(channel, count, after));
    },
    async plan(channel, coming) {
      const order = await store.presenters(channel);
      if (order.length === 0) return [];
      const plans = upcomingPresenters(
        order,
        await events(channel),
        coming.map((next) => next.at),
      );
      return coming.flatMap((next, index) => {
        const user = plans[index]?.user;
        return user ? [{ ...next, user }] : [];
      });
    },
    async round(channel) {
      return presenterRound(await store.presenters(channel), await events(channel));
    },
    async recordTurn(channel, slot, user) {
      await store.recordPresenterTurn(channel, { slot, user });
    },
  };
}
