import { formatDay, messageLink } from '../weekly/dates.ts';
import { commandText } from './command-name.ts';
import type { CommandContext } from './context.ts';
import { paperById } from './papers.ts';
import { type Inline, type Reply, textReply } from './reply.ts';
import { countArgument, notSubscribedReply, withWeekly } from './weekly.ts';

const defaultCount = 10;
const maxCount = 30;

/**
 * `/optpaper history [N]`: the channel's past weekly papers, newest first, each with its thread.
 *
 * @param args The count, if any.
 * @param context The request.
 * @returns The reply.
 */
export function historyReply(args: string, context: CommandContext): Promise<Reply> {
  return withWeekly(context, async (weekly) => {
    const count = countArgument(args, defaultCount, maxCount);
    if (count === undefined) {
      const text = `Give a number of posts, up to ${maxCount}: ${commandText(context, 'history 10')}`;
      return textReply([text]);
    }
    const posts = await weekly.posts(context.channel.id, count);
    const subscription = await weekly.subscription(context.channel.id);
    if (posts.length === 0) {
      return subscription ? textReply(['Nothing posted here yet.']) : notSubscribedReply(context);
    }
    const timeZone = subscription?.timeZone ?? weekly.defaults.timeZone;
    const lines: Inline[] = posts.flatMap((post) => {
      const title =
        post.outside?.title ??
        post.paperIds
          .map((id) => paperById(context, id)?.title ?? `${id} (no longer in the list)`)
          .join(' · ');
      // Set apart from the title, which may itself be several entries joined with " · ".
      const where: Inline[] = post.outside
        ? [
            ' — ',
            { text: 'proposed, not in the list', italic: true },
            ' · ',
            { text: post.outside.url, url: post.outside.url },
          ]
        : [' — ', { text: post.section, italic: true }];
      return [
        `${formatDay(post.postedAt, timeZone)} · `,
        { text: title, url: messageLink(context.channel.id, post.messageTs, context.workspaceUrl) },
        ...where,
        '\n',
      ];
    });
    const heading =
      posts.length === 1 ? 'The last paper of the week' : `Last ${posts.length} papers of the week`;
    return {
      text: heading,
      blocks: [
        { type: 'header', text: heading },
        { type: 'text', text: lines },
      ],
      visibility: 'ephemeral',
    };
  });
}
