import type { WeeklyService } from '../weekly/service.ts';
import type { CommandContext } from './context.ts';
import type { Reply } from './reply.ts';

/**
 * Run a weekly command with the weekly service, or explain that this place has none.
 *
 * @param context The request.
 * @param run The command, given the service.
 * @returns The reply.
 */
export function withWeekly(context: CommandContext, run: (weekly: WeeklyService) => Reply): Reply {
  if (!context.weekly) {
    const text = 'The paper of the week is not available here.';
    return { text, blocks: [{ type: 'text', text: [text] }], visibility: 'ephemeral' };
  }
  return run(context.weekly);
}

/**
 * The reply to a weekly command in a channel that is not subscribed.
 *
 * @returns The reply, with how to subscribe.
 */
export function notSubscribedReply(): Reply {
  return {
    text: 'This channel does not get a paper of the week.',
    blocks: [
      {
        type: 'text',
        text: [
          'This channel does not get a paper of the week. Start it with ',
          { text: '/optpaper subscribe [day] [time] [time zone]', code: true },
          ', for example ',
          { text: '/optpaper subscribe monday 9:30 Europe/Paris', code: true },
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
  if (!/^\d+$/.test(trimmed)) return undefined;
  return Math.min(Math.max(1, Number(trimmed)), max);
}
