import type { FireRecord } from '../store/types.ts';
import { describeSchedule } from '../weekly/cron.ts';
import { formatDay } from '../weekly/dates.ts';
import type { PendingPost } from '../weekly/pending.ts';
import { commandText } from './command-name.ts';
import type { CommandContext } from './context.ts';
import type { Reply, ReplyBlock, RichText } from './reply.ts';
import { nextPostText, notSubscribedReply, withWeekly } from './weekly.ts';

/**
 * `/optpaper schedule`: this channel's schedule, its next post and what it will be.
 *
 * @param context The request.
 * @returns The reply.
 */
export function scheduleReply(context: CommandContext): Promise<Reply> {
  return withWeekly(context, async (weekly) => {
    const subscription = await weekly.subscription(context.channel.id);
    if (!subscription) return notSubscribedReply(context);
    const schedule = describeSchedule(subscription.cron, subscription.timeZone, subscription.every);
    const [next] = await weekly.upcoming(context.channel.id, 1, context.now);
    const blocks: ReplyBlock[] = [
      { type: 'text', text: [`This channel gets a paper of the week ${schedule}.`] },
    ];
    const unrecorded = weekly.unrecorded(context.channel.id).at(-1);
    const problem = unrecorded
      ? unrecordedProblem(unrecorded, subscription.timeZone)
      : lastFireProblem(await weekly.lastFire(context.channel.id), subscription.timeZone);
    if (problem) blocks.push({ type: 'text', text: problem });
    if (next) blocks.push({ type: 'text', text: nextPostText('Next post', next, subscription.timeZone) });
    const breaks = await weekly.pauses(context.channel.id, context.now);
    if (breaks.length > 0) {
      const day = (date: string) => formatDay(new Date(`${date}T12:00:00Z`), 'UTC');
      blocks.push({
        type: 'text',
        text: [
          `Breaks: ${breaks.map((pause) => (pause.startsOn === pause.endsOn ? day(pause.startsOn) : `${day(pause.startsOn)} to ${day(pause.endsOn)}`)).join('; ')}.`,
        ],
      });
    }
    blocks.push({
      type: 'context',
      text: [
        'Change it with ',
        { text: commandText(context, 'subscribe [day] [time] [time zone]'), code: true },
        ', stop it with ',
        { text: commandText(context, 'unsubscribe'), code: true },
        '.',
      ],
    });
    return { text: `A paper of the week ${schedule}.`, blocks, visibility: 'ephemeral' };
  });
}

/**
 * What went wrong with the latest post, said where people look: a failed, missed or interrupted week
 * is otherwise only in the bot's log.
 */
/** A post Slack accepted that the database has not recorded yet (a full disk). */
function unrecordedProblem(post: PendingPost, timeZone: string): RichText {
  return [
    `⚠️ The ${formatDay(post.scheduledAt, timeZone)} post went out, but my database could not record it (${post.error}). `,
    'I keep it in memory and will not post that paper again; the operator has been alerted.',
  ];
}

function lastFireProblem(fire: FireRecord | undefined, timeZone: string): RichText | undefined {
  if (!fire) return undefined;
  const day = formatDay(fire.scheduledAt, timeZone);
  switch (fire.status) {
    case 'failed': {
      // Stryker disable next-line StringLiteral: failFire always records why, so a failed fire has an error; the fallback only satisfies the type.
      const error = fire.error ?? 'unknown error';
      return error.includes('not_in_channel') || error.includes('channel_not_found')
        ? [
            `⚠️ The ${day} post failed: I am not in this channel. Invite me with `,
            { text: '/invite @optpaper', code: true },
            '; the paper stays next.',
          ]
        : [`⚠️ The ${day} post failed after ${fire.attempts} attempts (${error}); the paper stays next.`];
    }
    case 'missed':
      return [`⚠️ The ${day} post was missed while the bot was down; the paper stays next.`];
    case 'interrupted':
      return [
        `⚠️ A restart interrupted the ${day} post. If it did not appear here, its paper comes next time.`,
      ];
    // Stryker disable next-line ConditionalExpression: emptied, the last clause falls off the end of the function, which returns undefined all the same.
    default:
      return undefined;
  }
}
