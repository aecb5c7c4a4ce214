import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.ts';
import { publishHome } from '../../home/publish.ts';
import { logOf } from '../../request-log.ts';
import { teamKey } from '../../team.ts';

/**
 * `app_home_opened` on the Home tab: the person is remembered (their tab is published again when
 * what it shows changes) and their tab is published. The Messages tab is left alone.
 *
 * @param deps Listener dependencies.
 * @returns The Bolt listener.
 */
export function appHomeOpened(deps: SlackDeps) {
  return async ({
    event,
    client,
    logger: appLogger,
    context,
  }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs): Promise<void> => {
    if (event.tab !== 'home') return;
    const logger = logOf({ context, logger: appLogger });
    const team = teamKey(context);
    // Not remembered (a database that cannot be used) only means no refresh later: the tab still shows.
    await deps.store
      ?.team(team)
      .recordHomeView(event.user, deps.clock())
      .catch((error: unknown) =>
        logger.warn(`home: cannot remember that ${event.user} opened the tab:`, error),
      );
    try {
      await publishHome(client, deps, { team, user: event.user });
    } catch (error) {
      logger.warn(`home: publishing ${event.user}'s Home tab failed:`, error);
    }
  };
}
