import type { App, BlockButtonAction, MessageShortcut, ViewSubmitAction } from '@slack/bolt';
import type { ActionId } from '../../commands/reply.ts';
import type { SlackDeps } from '../deps.ts';
import { proposalIds } from '../proposal-form.ts';
import { castVote } from './actions/cast-vote.ts';
import { readNext } from './actions/read-next.ts';
import { sectionPage } from './actions/section-page.ts';
import { sharePaper } from './actions/share-paper.ts';
import { optpaperCommand } from './commands/optpaper.ts';
import { appHomeOpened } from './events/app-home-opened.ts';
import { appMention } from './events/app-mention.ts';
import { appUninstalled } from './events/app-uninstalled.ts';
import { linkShared } from './events/link-shared.ts';
import { proposeFromMessage } from './shortcuts/propose-from-message.ts';
import { proposePaper } from './views/propose-paper.ts';

/**
 * Register every listener on the app: the one place that maps Slack ids to handlers. manifest.yml
 * declares the same commands, events and shortcuts (tests/slack/manifest.test.ts checks both ways).
 *
 * @param app The Bolt app.
 * @param deps Listener dependencies.
 */
export function registerListeners(app: App, deps: SlackDeps): void {
  // Slack delivers an app only its own commands: whatever the manifest calls it (`/optpaper`, or
  // `/optpaper-dev` on a staging app beside production), it is this one, and replies name it as typed.
  app.command(/^\//, optpaperCommand(deps));
  app.action<BlockButtonAction>(actionId('share_paper'), sharePaper(deps));
  app.action<BlockButtonAction>(actionId('section_page'), sectionPage(deps));
  app.action<BlockButtonAction>(actionId('read_next'), readNext(deps));
  app.action<BlockButtonAction>(actionId('cast_vote'), castVote(deps));
  app.shortcut<MessageShortcut>(
    { callback_id: proposalIds.shortcut, type: 'message_action' },
    proposeFromMessage(deps),
  );
  app.view<ViewSubmitAction>({ callback_id: proposalIds.form, type: 'view_submission' }, proposePaper(deps));
  app.event('app_mention', appMention(deps));
  app.event('app_uninstalled', appUninstalled(deps));
  app.event('tokens_revoked', appUninstalled(deps));
  app.event('link_shared', linkShared(deps));
  app.event('app_home_opened', appHomeOpened(deps));
}

/** Buttons carry `id:n` (action ids must be unique within a block): match the id with any suffix. */
function actionId(id: ActionId): { action_id: RegExp; type: 'block_actions' } {
  return { action_id: new RegExp(`^${id}(:\\d+)?$`), type: 'block_actions' };
}
