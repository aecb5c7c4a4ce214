import { formatDay } from '../weekly/dates.ts';
import { pickView } from '../weekly/messages.ts';
import { commandText } from './command-name.ts';
import type { CommandContext } from './context.ts';
import { type Reply, type ReplyBlock, textReply } from './reply.ts';
import { countArgument, withWeekly } from './weekly.ts';

/** Picks shown by default, and at most. */
const defaultCount = 5;
const maxCount = 20;

/**
 * `/optpaper upcoming [N]`: the next N picks with their dates, so people can read ahead.
 *
 * @param args The count, if any.
 * @param context The request.
 * @returns The reply.
 */
export function upcomingReply(args: string, context: CommandContext): Promise<Reply> {
  return withWeekly(context, async (weekly) => {
    const count = countArgument(args, defaultCount, maxCount);
    if (count === undefined) {
      const text = `Give a number of weeks, up to ${maxCount}: ${commandText(context, 'upcoming 5')}`;
      return textReply([text]);
    }
    const subscription = await weekly.subscription(context.channel.id);
    const timeZone = subscription?.timeZone ?? weekly.defaults.timeZone;
    const upcoming = await weekly.upcoming(context.channel.id, count, context.now);
    if (upcoming.length === 0) return nothingUpcomingReply(context);
    const blocks: ReplyBlock[] = [{ type: 'header', text: `Next ${upcoming.length} papers of the week` }];
    if (!subscription) {
      blocks.push({
        type: 'context',
        text: [
          'This channel is not subscribed: dates follow the default schedule. ',
          { text: commandText(context, 'subscribe'), code: true },
          ' to start.',
        ],
      });
    }
    for (const { pick, at } of upcoming) {
      blocks.push({
        type: 'paper',
        paper: {
          ...pickView(pick),
          note: [
            { text: formatDay(at, timeZone), bold: true },
            ...(pick.outside
              ? [' · proposed by ', { user: pick.outside.by }, ', not in the list']
              : [` · section ${pick.sectionIndex} of ${pick.sectionCount}`]),
          ],
        },
        actions: [],
      });
    }
    return {
      text: `Next papers of the week: ${upcoming.map(({ pick, at }) => `${formatDay(at, timeZone)}: ${pickView(pick).title}`).join('; ')}`,
      blocks,
      visibility: 'ephemeral',
    };
  });
}

/**
 * The reply when no post is in sight. The rotation starts a new round when one ends, so a list with
 * papers always has a next pick: then it is the dates that ran out, the channel's breaks covering all
 * the weeks the schedule looks ahead to.
 */
function nothingUpcomingReply(context: CommandContext): Reply {
  if (context.search.catalog.papers.length === 0)
    return textReply(['The list has no papers: there is no paper of the week to come.']);
  return textReply([
    'No paper of the week in sight: this channel’s breaks cover every week the schedule looks ahead to. ',
    { text: commandText(context, 'resume'), code: true },
    ' ends them.',
  ]);
}
