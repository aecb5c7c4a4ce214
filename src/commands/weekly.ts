import { StoreUnavailableError } from '../store/types.ts';
import { formatWhen } from '../weekly/dates.ts';
import { pickView } from '../weekly/messages.ts';
import type { UpcomingPick, WeeklyService } from '../weekly/service.ts';
import { commandText } from './command-name.ts';
import type { CommandContext } from './context.ts';
import { type Reply, type RichText, textReply } from './reply.ts';

/**
 * Run a weekly command with the weekly service, or explain that this place has none.
 *
 * @param context The request.
 * @param run The command, given the service.
 * @returns The reply.
 */
export async function withWeekly(
  context: CommandContext,
  run: (weekly: WeeklyService) => Reply | Promise<Reply>,
): Promise<Reply> {
  if (!context.weekly) {
    const text = 'The paper of the week is not available here.';
    return textReply([text]);
  }
  try {
    return await run(context.weekly);
  } catch (error) {
    // The list and search need no database: only the weekly commands stop, and say so.
    if (error instanceof StoreUnavailableError) return storeUnavailableReply(context);
    throw error;
  }
}

/**
 * The reply of a weekly command while the database cannot be used.
 *
 * @param context The request (the command's name, for the search it offers).
 * @returns The reply: what works, what does not, and that the operator has been told.
 */
export function storeUnavailableReply(context: Pick<CommandContext, 'command'>): Reply {
  return textReply([
    'The paper of the week is unavailable right now: my database cannot be used, and the operator has been alerted. ',
    'Search still works: ',
    { text: commandText(context, '<words>'), code: true },
    '.',
  ]);
}

/**
 * The reply to a weekly command in a channel that is not subscribed.
 *
 * @param context The request (the command's name, for how to subscribe).
 * @returns The reply, with how to subscribe.
 */
export function notSubscribedReply(context: Pick<CommandContext, 'command'>): Reply {
  return {
    text: 'This channel does not get a paper of the week.',
    blocks: [
      {
        type: 'text',
        text: [
          'This channel does not get a paper of the week. Start it with ',
          { text: commandText(context, 'subscribe [day] [time] [time zone]'), code: true },
          ', for example ',
          { text: commandText(context, 'subscribe monday 9:30 Europe/Paris'), code: true },
          '.',
        ],
      },
    ],
    visibility: 'ephemeral',
  };
}

/**
 * A count argument: a whole number within bounds, or the default.
 *
 * @param args What the user typed after the command.
 * @param fallback Default.
 * @param max Largest allowed.
 * @returns The number, or `undefined` when the argument is not one.
 */
export function countArgument(args: string, fallback: number, max: number): number | undefined {
  const trimmed = args.trim();
  if (trimmed === '') return fallback;
  // 0 and -3 are not a number of weeks; 999 is "as many as you show".
  if (!/^\d+$/.test(trimmed) || Number(trimmed) === 0) return undefined;
  return Math.min(Number(trimmed), max);
}

/**
 * "First post: Mon 30 Nov 2026, 09:00 UTC with SGD." — when a pick comes, and the paper, linked.
 *
 * @param label What the line calls the post ("First post", "Next post").
 * @param next The pick and its date.
 * @param timeZone The channel's zone.
 * @returns The line.
 */
export function nextPostText(label: string, next: UpcomingPick, timeZone: string): RichText {
  const view = pickView(next.pick);
  return [
    `${label}: `,
    { text: formatWhen(next.at, timeZone), bold: true },
    ' with ',
    view.url ? { text: view.title, url: view.url } : view.title,
    '.',
  ];
}
