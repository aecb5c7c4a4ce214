import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.ts';
import { logOf } from '../../request-log.ts';
import { teamKey } from '../../team.ts';

/**
 * `app_uninstalled`, and `tokens_revoked` when the bot's token is among them: the workspace's tokens
 * are deleted and its weekly posts stop; its history is kept until `optpaper purge-workspace`.
 *
 * @param deps Listener dependencies.
 * @returns The Bolt listener (for either event).
 */
export function appUninstalled(deps: SlackDeps) {
  return async ({
    event,
    context,
    logger: appLogger,
  }: (SlackEventMiddlewareArgs<'app_uninstalled'> | SlackEventMiddlewareArgs<'tokens_revoked'>) &
    AllMiddlewareArgs): Promise<void> => {
    const logger = logOf({ context, logger: appLogger });
    // A revoked user token changes nothing for the bot: only its own token matters.
    if (event.type === 'tokens_revoked' && (event.tokens.bot ?? []).length === 0) return;
    const team = teamKey(context);
    await deps.store?.removeInstallation(team, deps.clock());
    logger.info(
      `${event.type === 'app_uninstalled' ? 'uninstalled from' : 'bot token revoked in'} ${team}: its tokens are deleted ` +
        `and its weekly posts stop; its history is kept (delete it with: npm run -s optpaper -- purge-workspace ${team})`,
    );
  };
}
