import { commandText } from './command-name.ts';
import type { CommandContext } from './context.ts';
import { type Reply, textReply } from './reply.ts';
import { withWeekly } from './weekly.ts';

/**
 * `/optpaper unsubscribe`: no more weekly papers here; the history stays, so subscribing again
 * continues the rotation without repeats.
 *
 * @param context The request.
 * @returns The reply.
 */
export function unsubscribeReply(context: CommandContext): Promise<Reply> {
  return withWeekly(context, async (weekly) =>
    (await weekly.unsubscribe(context.channel.id, context.now))
      ? textReply(
          [
            'This channel will no longer get a paper of the week. Its history is kept: ',
            { text: commandText(context, 'subscribe'), code: true },
            ' continues where it left off.',
          ],
          'in_channel',
        )
      : textReply(['This channel was not getting a paper of the week.']),
  );
}
