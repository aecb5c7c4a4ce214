import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { readSectionPage, sectionReply } from '../../../commands/section.ts';
import { toSlackMessage } from '../../blocks.ts';
import { commandContext, type SlackDeps } from '../../deps.ts';
import { teamKey } from '../../team.ts';

/**
 * Previous/Next on a section listing: the listing is replaced by the other page.
 *
 * @param deps Listener dependencies.
 * @returns The Bolt listener.
 */
export function sectionPage(deps: SlackDeps) {
  return async ({
    ack,
    body,
    action,
    respond,
    context,
  }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const target = readSectionPage(action.value ?? '');
    if (!target) return;
    const where = { team: teamKey(context), channel: body.channel?.id ?? '', user: body.user.id };
    await respond({
      replace_original: true,
      ...toSlackMessage(sectionReply(target.section, await commandContext(deps, where), target.page)),
    });
  };
}
