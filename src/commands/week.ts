import { formatDay, messageLink } from '../weekly/dates.ts';
import { pickView, readingView } from '../weekly/messages.ts';
import { outsidePaper } from '../weekly/outside.ts';
import type { CommandContext } from './context.ts';
import { paperById } from './papers.ts';
import { type Reply, textReply } from './reply.ts';
import { notSubscribedReply, withWeekly } from './weekly.ts';

/**
 * `/optpaper week`: this channel's current paper, with a link to its discussion thread.
 *
 * @param context The request.
 * @returns The reply.
 */
export function weekReply(context: CommandContext): Promise<Reply> {
  return withWeekly(context, async (weekly) => {
    const subscription = await weekly.subscription(context.channel.id);
    const [current] = await weekly.posts(context.channel.id, 1);
    if (!current) {
      if (!subscription) return notSubscribedReply(context);
      const [next] = await weekly.upcoming(context.channel.id, 1, context.now);
      const text = next
        ? `Nothing posted here yet. The first paper, ${pickView(next.pick).title}, comes ${formatDay(next.at, subscription.timeZone)}.`
        : 'Nothing posted here yet.';
      return textReply([text]);
    }
    const timeZone = subscription?.timeZone ?? weekly.defaults.timeZone;
    const papers = current.outside
      ? [outsidePaper(current.outside)]
      : current.paperIds.map((id) => paperById(context, id)).filter((paper) => paper !== undefined);
    const sections = [...new Set(papers.flatMap((paper) => paper.sections))];
    const view = readingView(
      papers,
      sections.length > 0 || current.outside ? sections : [current.section],
      current.paperIds.join(', '),
    );
    if (current.outside) view.note = ['Proposed by ', { user: current.outside.by }, ' · not in the list'];
    return {
      text: `This week: ${view.title}`,
      blocks: [
        { type: 'context', text: [`Paper of the week since ${formatDay(current.postedAt, timeZone)}`] },
        { type: 'paper', paper: view, actions: [] },
        {
          type: 'text',
          text: [
            {
              text: 'Open the discussion thread',
              url: messageLink(context.channel.id, current.messageTs, context.workspaceUrl),
            },
          ],
        },
      ],
      visibility: 'ephemeral',
    };
  });
}
