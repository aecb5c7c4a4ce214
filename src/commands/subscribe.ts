import { describeSchedule, parseScheduleWords, readCadence } from '../weekly/cron.ts';
import { commandText } from './command-name.ts';
import type { CommandContext } from './context.ts';
import type { Reply, ReplyBlock, RichText } from './reply.ts';
import { nextPostText, withWeekly } from './weekly.ts';

/**
 * `/optpaper subscribe [day] [time] [time zone]`: this channel gets a paper of the week (or a new
 * schedule); the reply says when the first post comes and what it will be.
 *
 * @param args The schedule words, any order, each optional (defaults: WEEKLY_CRON, WEEKLY_TZ).
 * @param context The request.
 * @returns The reply.
 */
export function subscribeReply(args: string, context: CommandContext): Promise<Reply> {
  return withWeekly(context, async (weekly) => {
    // Empty words (spaces at the ends) are dropped by parseScheduleWords.
    const cadence = readCadence(args.split(/\s+/));
    const previous = await weekly.subscription(context.channel.id);
    const base = previous ? { cron: previous.cron, timeZone: previous.timeZone } : weekly.defaults;
    const parsed =
      'error' in cadence
        ? cadence
        : { ...parseScheduleWords(cadence.words, base), every: cadence.every ?? 1 };
    if ('error' in parsed) {
      const text: RichText = [
        `${parsed.error}. For example: `,
        { text: commandText(context, 'subscribe friday 4pm America/New_York'), code: true },
      ];
      return { text: parsed.error, blocks: [{ type: 'text', text }], visibility: 'ephemeral' };
    }
    const { every } = parsed;
    await weekly.subscribe(context.channel.id, parsed, context.user.id, context.now);
    const schedule = describeSchedule(parsed.cron, parsed.timeZone, every);
    const [first] = await weekly.upcoming(context.channel.id, 1, context.now);
    const text: RichText = [
      previous
        ? `Schedule changed: this channel now gets a paper of the week ${schedule} (was ${describeSchedule(previous.cron, previous.timeZone, previous.every)}).`
        : `This channel now gets a paper of the week ${schedule}.`,
    ];
    const blocks: ReplyBlock[] = [{ type: 'text', text }];
    if (first) blocks.push({ type: 'text', text: nextPostText('First post', first, parsed.timeZone) });
    blocks.push({
      type: 'context',
      text: [
        'I post into the channel, so I must be in it: ',
        { text: '/invite @optpaper', code: true },
        '. See what comes next with ',
        { text: commandText(context, 'upcoming'), code: true },
        '.',
      ],
    });
    return { text: `Subscribed: a paper of the week ${schedule}.`, blocks, visibility: 'in_channel' };
  });
}
