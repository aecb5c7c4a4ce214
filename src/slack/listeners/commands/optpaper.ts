import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { commandText, isCommandName } from '../../../commands/command-name.ts';
import { runCommand } from '../../../commands/dispatch.ts';
import { readUserText } from '../../../commands/input.ts';
import { textReply } from '../../../commands/reply.ts';
import { readProposal } from '../../../votes/proposals.ts';
import { toSlackMessage } from '../../blocks.ts';
import { commandContext, type SlackDeps } from '../../deps.ts';
import { openProposalForm, proposalAnswer } from '../../proposal-form.ts';
import { logOf } from '../../request-log.ts';
import { teamKey } from '../../team.ts';

/**
 * `/optpaper …`: the reply goes back in the ack itself (the HTTP response, or the Socket Mode ack
 * payload), so a search costs no second round trip to Slack. Nothing is posted, so a command Slack
 * delivers twice is simply answered twice, to the same person. `/optpaper propose …` opens a form to
 * confirm the proposal instead (views.open), or answers why not.
 *
 * @param deps Listener dependencies.
 * @returns The Bolt listener.
 */
export function optpaperCommand(deps: SlackDeps) {
  return async ({
    command,
    ack,
    client,
    respond,
    logger: appLogger,
    context,
  }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    const logger = logOf({ context, logger: appLogger });
    let acked = false;
    try {
      const where = await commandContext(deps, {
        team: teamKey(context),
        channel: command.channel_id,
        user: command.user_id,
        ...invokedAs(command.command, deps),
      });
      const proposal = proposalWords(command.text ?? '');
      const answer =
        proposal !== undefined && where.votes
          ? await proposalAnswer(readProposal(proposal, where.search), where)
          : undefined;
      if (answer && !('reply' in answer)) {
        // A form to confirm opens instead of a reply: ack first (Slack allows 3 s), then views.open.
        await ack();
        acked = true;
        const failed = await openProposalForm(client, command.trigger_id, answer, where);
        if (failed) await respond({ response_type: 'ephemeral', ...toSlackMessage(failed) });
        return;
      }
      const reply = answer?.reply ?? (await runCommand(command.text ?? '', where));
      await ack({ response_type: reply.visibility, ...toSlackMessage(reply) });
    } catch (error) {
      logger.error(
        `${commandText(invokedAs(command.command, deps))} failed in ${command.channel_id}:`,
        error,
      );
      const sorry = toSlackMessage(
        textReply(['Sorry, that failed on my side and has been logged. Please try again.']),
      );
      await (acked
        ? respond({ response_type: 'ephemeral', ...sorry })
        : ack({ response_type: 'ephemeral', ...sorry }));
    }
  };
}

/**
 * The command's name as the person typed it, for the replies to name it. A name Slack could not
 * have sent (the request is signed, so only a bug would do it) falls back to the app's own.
 */
function invokedAs(name: string | undefined, deps: SlackDeps): { command?: string } {
  if (name !== undefined && isCommandName(name)) return { command: name };
  return deps.command ? { command: deps.command } : {};
}

/** The words after `propose`, when the command is one. */
function proposalWords(raw: string): string | undefined {
  const match = /^propose(?:\s+(.*))?$/i.exec(readUserText(raw));
  return match ? (match[1] ?? '') : undefined;
}
