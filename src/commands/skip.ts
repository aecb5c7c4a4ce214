import { formatDay } from '../weekly/dates.ts';
import { pickView } from '../weekly/messages.ts';
import type { CommandContext } from './context.ts';
import type { Inline, Reply } from './reply.ts';
import { notSubscribedReply, withWeekly } from './weekly.ts';

/**
 * `/optpaper skip`: this channel's next pick moves to the end of the cycle; the reply shows the new
 * next pick.
 *
 * @param context The request.
 * @returns The reply.
 */
export function skipReply(context: CommandContext): Promise<Reply> {
  return withWeekly(context, async (weekly) => {
    const subscription = await weekly.subscription(context.channel.id);
    if (!subscription) return notSubscribedReply(context);
    const skipped = await weekly.skip(context.channel.id, context.now);
    if (!skipped)
      return { text: 'There is nothing to skip: the list is empty.', blocks: [], visibility: 'ephemeral' };
    const [next] = await weekly.upcoming(context.channel.id, 1, context.now);
    const title = pickView(skipped.skipped).title;
    const same = next && next.pick.reading.paperIds.join() === skipped.skipped.reading.paperIds.join();
    const text: Inline[] = same
      ? [`${title} is the last reading left in this round, so it stays next`]
      : skipped.skipped.outside
        ? // Not in the list, it has no place in the round: its proposal is withdrawn.
          [`Skipped ${title}: it leaves the queue (propose it again to bring it back).`]
        : [`Skipped ${title}: it moves to the end of this round.`];
    if (same && next) {
      text.push(': ', { text: formatDay(next.at, subscription.timeZone), bold: true }, '.');
    } else if (next) {
      const view = pickView(next.pick);
      text.push(
        ' Next up, ',
        { text: formatDay(next.at, subscription.timeZone), bold: true },
        ': ',
        view.url ? { text: view.title, url: view.url } : view.title,
        '.',
      );
    }
    return {
      text: `Skipped ${pickView(skipped.skipped).title}.`,
      blocks: [{ type: 'text', text }],
      visibility: 'in_channel',
    };
  });
}
