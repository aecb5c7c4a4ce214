import { describeSchedule } from '../weekly/cron.ts';
import type { CommandContext } from './context.ts';
import type { Reply, ReplyBlock } from './reply.ts';
import { nextPostText, notSubscribedReply, withWeekly } from './weekly.ts';

/**
 * `/optpaper schedule`: this channel's schedule, its next post and what it will be.
 *
 * @param context The request.
 * @returns The reply.
 */
export function scheduleReply(context: CommandContext): Reply {
  return withWeekly(context, (weekly) => {
    const subscription = weekly.subscription(context.channel.id);
    if (!subscription) return notSubscribedReply();
    const schedule = describeSchedule(subscription.cron, subscription.timeZone);
    const [next] = weekly.upcoming(context.channel.id, 1, context.now);
    const blocks: ReplyBlock[] = [
      { type: 'text', text: [`This channel gets a paper of the week ${schedule}.`] },
    ];
    if (next) blocks.push({ type: 'text', text: nextPostText('Next post', next, subscription.timeZone) });
    blocks.push({
      type: 'context',
      text: [
        'Change it with ',
        { text: '/optpaper subscribe [day] [time] [time zone]', code: true },
        ', stop it with ',
        { text: '/optpaper unsubscribe', code: true },
        '.',
      ],
    });
    return { text: `A paper of the week ${schedule}.`, blocks, visibility: 'ephemeral' };
  });
}
