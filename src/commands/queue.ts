import { formatDay } from '../weekly/dates.ts';
import { commandText } from './command-name.ts';
import type { CommandContext } from './context.ts';
import { quote } from './input.ts';
import { type Reply, textReply } from './reply.ts';
import { notSubscribedReply, withWeekly } from './weekly.ts';

/**
 * `/optpaper queue <query>`: the best match becomes this channel's next pick.
 *
 * @param query What the user typed after `queue`.
 * @param context The request.
 * @returns The reply.
 */
export async function queueQueryReply(query: string, context: CommandContext): Promise<Reply> {
  if (query.trim() === '') {
    const text = `Say which paper: ${commandText(context, 'queue sharp minima')}`;
    return textReply([text]);
  }
  // Stryker disable next-line ObjectLiteral: the default limit (5) has the same best match first; one is all this needs.
  const [hit] = context.search.search(query, { limit: 1 });
  if (!hit) {
    const text = `No papers match ${quote(query)}, so nothing was queued.`;
    return textReply([text]);
  }
  return queueReply(hit.paper.id, context);
}

/**
 * Make a paper this channel's next pick ("Read next" button, `/optpaper queue`).
 *
 * @param paperId The paper.
 * @param context The request.
 * @returns The reply.
 */
export function queueReply(paperId: string, context: CommandContext): Promise<Reply> {
  return withWeekly(context, async (weekly) => {
    const subscription = await weekly.subscription(context.channel.id);
    if (!subscription) return notSubscribedReply(context);
    const outcome = await weekly.queue(context.channel.id, paperId, context.user.id, context.now);
    const say = (text: string, visibility: Reply['visibility'] = 'ephemeral') =>
      textReply([text], visibility);
    switch (outcome.status) {
      case 'unknown':
        return say('That paper is no longer in the list.');
      case 'already-posted':
        return say(`${outcome.paper.title} was already a paper of the week here in this round.`);
      case 'already-queued':
      case 'queued': {
        const at = (await weekly.upcoming(context.channel.id, outcome.position, context.now))[
          outcome.position - 1
        ]?.at;
        const when = at ? ` on ${formatDay(at, subscription.timeZone)}` : '';
        const place = outcome.position === 1 ? 'next' : `number ${outcome.position} in the queue`;
        return say(
          outcome.status === 'queued'
            ? `${outcome.paper.title} is ${place}: it will be the paper of the week${when}.`
            : `${outcome.paper.title} was already queued: it comes${when}.`,
          outcome.status === 'queued' ? 'in_channel' : 'ephemeral',
        );
      }
    }
  });
}
