import type { Logger, webApi } from '@slack/bolt';
import type { FireExtension } from '../../weekly/run-due.ts';
import type { SlackDeps } from '../deps.ts';
import { memberships, publishHome } from './publish.ts';

/** Publishes Home tabs again when what they show changes. */
export interface HomeRefresher {
  /**
   * Something a channel's Home tabs show changed (a post, a schedule, a break, the coming papers,
   * the leaders): the tab of everyone who opened it and is in that channel is published again, once.
   * Returns at once; changes that come while a workspace's tabs are being published are gathered
   * into one more pass.
   */
  changed(team: string, channel: string): void;
  /** The runner's part: a weekly post went out. */
  readonly extension: FireExtension;
  /** Resolves when no publishing is under way (tests; a stopping bot waits for it). */
  idle(): Promise<void>;
}

/**
 * The Home tab refresher. `views.publish` calls stay bounded: only people who opened the tab
 * (`home_views`), only those in the changed channel, at most once per viewer per pass.
 *
 * @param options Listener dependencies, each workspace's Web API client, and the logger.
 * @returns The refresher.
 */
export function createHomeRefresher(options: {
  deps: SlackDeps;
  clientOf: (team: string) => Promise<webApi.WebClient | undefined>;
  logger: Logger;
}): HomeRefresher {
  const { deps, clientOf, logger } = options;
  const waiting = new Map<string, Set<string>>();
  const running = new Map<string, Promise<void>>();

  const pass = async (team: string, channels: ReadonlySet<string>): Promise<void> => {
    const client = await clientOf(team);
    const store = deps.store?.team(team);
    if (!client || !store) return;
    for (const user of await store.homeViewers()) {
      try {
        const member = await memberships(client, user);
        // A tab that cannot be told apart is left as it is: the next opening explains the problem.
        if (!('channels' in member) || ![...channels].some((channel) => member.channels.has(channel)))
          continue;
        await publishHome(client, deps, { team, user, memberships: member });
      } catch (error) {
        logger.warn(`home: publishing ${user}'s Home tab in ${team} failed:`, error);
      }
    }
  };

  const drain = async (team: string): Promise<void> => {
    for (;;) {
      const channels = waiting.get(team);
      if (!channels || channels.size === 0) break;
      waiting.delete(team);
      await pass(team, channels).catch((error: unknown) =>
        logger.warn(`home: refreshing ${team} failed:`, error),
      );
    }
    running.delete(team);
  };

  const changed = (team: string, channel: string): void => {
    const channels = waiting.get(team) ?? new Set<string>();
    channels.add(channel);
    waiting.set(team, channels);
    if (!running.has(team)) running.set(team, drain(team));
  };

  return {
    changed,
    extension: {
      name: 'home',
      async posted(fire) {
        changed(fire.team, fire.channel);
      },
    },
    async idle() {
      while (running.size > 0) await Promise.all([...running.values()]);
    },
  };
}
