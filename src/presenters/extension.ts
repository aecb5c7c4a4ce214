import type { Logger } from '@slack/bolt';
import { withContext } from '../logger.ts';
import type { RetryPolicy } from '../slack/post.ts';
import type { Store } from '../store/types.ts';
import type { FireExtension, Poster } from '../weekly/run-due.ts';
import type { WeeklyService } from '../weekly/service.ts';
import { leaderNote, presenterNotice } from './messages.ts';
import type { PresenterService } from './service.ts';

/**
 * A leader's direct message waits for no one: a rate limit is retried once, briefly; any other
 * failure gives the notice back, and the next minute's bookkeeping tries again (the runner's
 * bookkeeping and the weekly post take turns, so a long wait here would hold a post).
 */
export const noticePolicy: Readonly<RetryPolicy> = Object.freeze({
  attempts: 2,
  retryOn: Object.freeze(['ratelimited'] as const),
  baseDelayMs: 1000,
  maxDelayMs: 10_000,
});

/**
 * Discussion leaders in the weekly runner: the post names this week's leader, the turn is recorded
 * once Slack accepted the post, and each leader gets a direct message `presenterLeadMinutes` before
 * their post, once (the notice is claimed in the database first, so several processes send one).
 *
 * @param options The store, each workspace's presenter and weekly services, the poster (a direct
 *   message is a post to the user's id), the logger, the notice's retry policy, and the slash
 *   command's name the notice points to (default: `/optpaper`).
 * @returns The runner extension.
 */
export function presenterExtension(options: {
  store: Store;
  presentersFor: (team: string) => PresenterService;
  weeklyFor: (team: string) => WeeklyService;
  post: Poster;
  logger: Logger;
  policy?: RetryPolicy;
  command?: string;
}): FireExtension {
  const { store, presentersFor, weeklyFor, post, logger } = options;
  const policy = options.policy ?? noticePolicy;
  // The leader named in a post, until it is recorded: a swap between the two must not change it.
  const named = new Map<string, string>();
  const keyOf = (team: string, channel: string, slot: Date) => `${team} ${channel} ${slot.getTime()}`;

  /** Tell the leader of the channel's next post, if it is time and nobody has yet. */
  const notify = async (team: string, channel: string, leadMinutes: number, voting: boolean, now: Date) => {
    const presenters = presentersFor(team);
    // Cheap checks first: this runs every minute for every subscription.
    if ((await presenters.list(channel)).length === 0) return;
    const slot = await weeklyFor(team).nextFire(channel, now);
    if (!slot || now.getTime() < slot.getTime() - leadMinutes * 60_000) return;
    const [next] = await presenters.upcoming(channel, 1, now);
    if (!next) return;
    const scoped = store.team(team);
    const notice = { slot: next.at, user: next.user, at: now };
    if (!(await scoped.claimPresenterNotice(channel, notice))) return;
    const timeZone = (await scoped.subscription(channel))?.timeZone ?? 'UTC';
    const reply = presenterNotice({
      channel,
      slot: next.at,
      timeZone,
      pick: next.pick,
      voting,
      ...(options.command ? { command: options.command } : {}),
    });
    const log = withContext(logger, { team, channel });
    const result = await post({ team, channel: next.user, reply }, policy);
    if (result.ok) {
      log.info(
        `presenters: told ${next.user} they lead the ${next.at.toISOString()} discussion in ${channel}`,
      );
      return;
    }
    // Refused (the person cannot get messages): trying every minute would not help.
    if (result.failure !== 'refused') await scoped.releasePresenterNotice(channel, notice);
    log.warn(
      `presenters: the message telling ${next.user} they lead the ${next.at.toISOString()} discussion in ${channel} failed ` +
        `(${result.failure}: ${result.error})${result.failure === 'refused' ? '' : '; trying again in a minute'}`,
    );
  };

  return {
    name: 'presenters',
    async prepare(fire) {
      const leader = await presentersFor(fire.team).leaderOf(fire.channel, fire.slot);
      if (!leader) return undefined;
      // One post of a channel in flight at a time: what an earlier, failed one left is dropped.
      const prefix = keyOf(fire.team, fire.channel, new Date(0)).replace(/0$/, '');
      for (const key of named.keys()) if (key.startsWith(prefix)) named.delete(key);
      named.set(keyOf(fire.team, fire.channel, fire.slot), leader);
      return { notes: [leaderNote(leader)] };
    },
    async posted(fire) {
      const key = keyOf(fire.team, fire.channel, fire.slot);
      const leader = named.get(key);
      named.delete(key);
      if (leader) await presentersFor(fire.team).recordTurn(fire.channel, fire.slot, leader);
    },
    async maintain(now) {
      for (const { team, channel, presenterLeadMinutes, voteLeadMinutes } of await store.allSubscriptions()) {
        try {
          await notify(team, channel, presenterLeadMinutes, voteLeadMinutes !== undefined, now);
        } catch (error) {
          withContext(logger, { team, channel }).error('presenters: telling the next leader failed:', error);
        }
      }
    },
  };
}
