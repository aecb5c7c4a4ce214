import type { Logger } from '@slack/bolt';
import type { Store } from '../store/types.ts';
import type { FireExtension } from '../weekly/run-due.ts';
import type { VoteService } from './service.ts';

/**
 * Votes in the weekly runner: every minute, the votes that are due open (a configurable time before
 * each post of a channel that votes) and votes that will never be decided close, saying why; at the
 * slot, the vote closes and its winner is the pick, with a note on how it was chosen.
 *
 * @param options The store (every subscription and open vote), each workspace's vote service, which
 *   workspaces still have the app, and a logger.
 * @returns The extension.
 */
export function voteExtension(options: {
  store: Store;
  votesFor: (team: string) => VoteService;
  isActive?: (team: string) => Promise<boolean>;
  logger: Logger;
}): FireExtension {
  const { store, votesFor, logger } = options;
  const active = async (team: string) => !options.isActive || (await options.isActive(team));
  return {
    name: 'votes',
    prepare: (fire) => votesFor(fire.team).decide(fire),
    async maintain(now) {
      for (const { team, channel, voteLeadMinutes } of await store.allSubscriptions()) {
        if (voteLeadMinutes === undefined || !(await active(team))) continue;
        // One channel's failure must not keep the others' votes closed.
        await votesFor(team)
          .openDue(channel, now)
          .catch((error: unknown) => logger.error(`votes: could not open the vote in ${channel}:`, error));
      }
      for (const vote of await store.allOpenVotes()) {
        const reason = await votesFor(vote.team)
          .settle(vote, now)
          .catch((error: unknown) => {
            logger.error(`votes: could not settle the vote in ${vote.channel}:`, error);
            return undefined;
          });
        if (reason)
          logger.info(
            `votes: the ${vote.slot.toISOString()} vote in ${vote.channel} closed without a winner (${reason})`,
          );
      }
    },
  };
}
