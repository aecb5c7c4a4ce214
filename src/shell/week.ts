import type { Reply } from '../commands/reply.ts';
import { textReply } from '../commands/reply.ts';
import type { Library } from '../library.ts';
import { createLogger } from '../logger.ts';
import { presenterExtension } from '../presenters/extension.ts';
import type { PresenterService } from '../presenters/service.ts';
import type { Store } from '../store/types.ts';
import { formatWhen } from '../weekly/dates.ts';
import { createWeeklyRunner, type Poster } from '../weekly/run-due.ts';
import type { WeeklyService } from '../weekly/service.ts';

/** The shell's paper of the week: time moves on when asked, and what Slack would get is printed. */
export interface ShellWeek {
  /**
   * Move time on to the channel's next post: first to when its discussion leader is told (their
   * direct message is printed), then to the post (the post and its thread are printed).
   *
   * @returns The new time, or `undefined` when nothing is due (the channel is not subscribed).
   */
  wait(now: Date): Promise<Date | undefined>;
}

/**
 * The weekly runner of the shell: the real runner and presenter extension over the shell's store,
 * posting into the terminal instead of Slack.
 *
 * @param options The shell's store and workspace, list, services, channel, how to print, and how to name people.
 * @returns The shell's week.
 */
export function createShellWeek(options: {
  store: Store;
  team: string;
  library: Library;
  weekly: WeeklyService;
  presenters: PresenterService;
  channel: string;
  print: (reply: Reply, heading: string) => void;
  name: (id: string) => string;
}): ShellWeek {
  const { store, library, weekly, presenters, channel, print, name } = options;
  let current = new Date(0);
  let ts = 1_800_000_000;
  const post: Poster = async (message) => {
    const heading = message.thread_ts
      ? '(in the thread)'
      : message.channel === channel
        ? `(posted in #${name(channel)})`
        : `(direct message to @${name(message.channel)})`;
    print(message.reply, heading);
    ts += 1;
    return { ok: true, ts: `${ts}.000100`, channel: message.channel, attempts: 1 };
  };
  // The runner's own lines would interleave with the replies: the printed posts say what happened.
  const logger = createLogger({ sink: { write: () => true } });
  const runner = createWeeklyRunner({
    store,
    library,
    post,
    logger,
    graceMs: 3_600_000,
    clock: () => current,
    extensions: [
      presenterExtension({
        store,
        presentersFor: () => presenters,
        weeklyFor: () => weekly,
        post,
        logger,
      }),
    ],
  });
  const passes = (at: Date, timeZone: string) =>
    print(textReply([`Time passes: ${formatWhen(at, timeZone)}.`]), '(time passes)');
  return {
    async wait(now) {
      const subscription = await weekly.subscription(channel);
      if (!subscription) {
        print(
          textReply([
            'Nothing to wait for: this channel does not get a paper of the week (/optpaper subscribe).',
          ]),
          '',
        );
        return undefined;
      }
      const slot = await weekly.nextFire(channel, now);
      if (!slot) return undefined;
      const told = new Date(slot.getTime() - subscription.presenterLeadMinutes * 60_000);
      if ((await presenters.list(channel)).length > 0) {
        current = told > now ? told : now;
        if (told > now) passes(told, subscription.timeZone);
        await runner.maintain(current);
      }
      current = slot;
      passes(slot, subscription.timeZone);
      await runner.maintain(slot);
      await runner.runDue(slot);
      return slot;
    },
  };
}
