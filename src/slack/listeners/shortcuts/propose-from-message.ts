import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import { commandText } from '../../../commands/command-name.ts';
import { textReply } from '../../../commands/reply.ts';
import { firstLink, proposalOfLink } from '../../../votes/proposals.ts';
import { toSlackMessage } from '../../blocks.ts';
import { commandContext, type SlackDeps } from '../../deps.ts';
import { offerProposal } from '../../proposal-form.ts';
import { teamKey } from '../../team.ts';

/**
 * The message shortcut "Propose for the reading group": the message's first link, proposed through
 * the same form as `/optpaper propose` (the list's paper, or a title and the link to confirm). A
 * message without a link, or a channel that does not get a paper of the week, gets a clear answer.
 *
 * @param deps Listener dependencies.
 * @returns The Bolt listener.
 */
export function proposeFromMessage(deps: SlackDeps) {
  return async ({
    ack,
    shortcut,
    client,
    respond,
    context,
  }: SlackShortcutMiddlewareArgs<MessageShortcut> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const where = await commandContext(deps, {
      team: teamKey(context),
      channel: shortcut.channel.id,
      user: shortcut.user.id,
    });
    const link = firstLink(shortcut.message.text ?? '');
    const answer = link
      ? await offerProposal(
          client,
          shortcut.trigger_id,
          proposalOfLink(link.url, link.label ?? '', where.search),
          where,
        )
      : textReply([
          'That message has no link to propose. Propose a paper of the list by its words with ',
          { text: commandText(where, 'propose <words>'), code: true },
          ', or use the shortcut on a message with a link.',
        ]);
    if (answer)
      await respond({ response_type: 'ephemeral', replace_original: false, ...toSlackMessage(answer) });
  };
}
