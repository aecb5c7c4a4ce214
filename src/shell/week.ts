import { LogLevel } from '@slack/bolt';
import { type Reply, textReply } from '../commands/reply.ts';
import type { Library } from '../library.ts';
import { createLogger } from '../logger.ts';
import { presenterExtension } from '../presenters/extension.ts';
import type { PresenterService } from '../presenters/service.ts';
import type { Store } from '../store/types.ts';
import { voteExtension } from '../votes/extension.ts';
import type { VoteMessenger, VoteService } from '../votes/service.ts';
import { formatWhen } from '../weekly/dates.ts';
import { createWeeklyRunner, type Poster, type WeeklyRunner } from '../weekly/run-due.ts';
import type { WeeklyService } from '../weekly/service.ts';
import { shellNames } from './shell.ts';

/** Shows a reply the way the shell prints replies, under a heading that says where it went. */
export type Show = (reply: Reply, heading?: string) => void;

/** The shell's time: real time, moved ahead by `wait`. */
export interface ShellClock {
  now(): Date;
  moveTo(time: Date): void;
}

/**
 * A clock that starts at real time and can be moved ahead (never back).
 *
 * @param real The real clock (default: `new Date()`).
 * @returns The clock.
 */
export function shellClock(real: () => Date = () => new Date()): ShellClock {
  let offset = 0;
  return {
    now: () => new Date(real().getTime() + offset),
    moveTo(time) {
      offset = Math.max(offset, time.getTime() - real().getTime());
    },
  };
}

/**
 * The vote's message in the shell: printed when posted, printed again each time it changes.
 *
 * @param show How the shell prints.
 * @returns The messenger.
 */
export function shellMessenger(show: Show): VoteMessenger {
  let ts = 0;
  return {
    async post(_channel, reply) {
      show(reply, '(posted in the channel)');
      ts += 1;
      return `${ts}.000000`;
    },
    async update(_channel, _ts, reply) {
      show(reply, '(the vote in the channel now reads)');
      return true;
    },
  };
}

/** The shell's stand-in for the scheduler. */
export interface ShellWeek {
  /**
   * Move the shell's time to the next thing due in its channel (a vote opening, or the post) and run
   * the weekly runner as the bot would then.
   *
   * It prints what time it is now (or why nothing is due), then what the channel sees.
   */
  wait(channel: string): Promise<void>;
  readonly runner: WeeklyRunner;
}

/**
 * The weekly runner over the shell's store, posting to the shell's screen, with votes.
 *
 * @param options The store, the list, the shell's weekly and vote services, its clock, and how it prints.
 * @returns The shell's week.
 */
export function shellWeek(options: {
  store: Store;
  library: Library;
  weekly: WeeklyService;
  votes: VoteService;
  /** Discussion leaders: told by direct message before the post (printed as such). */
  presenters?: PresenterService;
  clock: ShellClock;
  show: Show;
  /** How the shell names people (default: {@link shellNames}), for the heading of a direct message. */
  names?: Readonly<Record<string, string>>;
}): ShellWeek {
  const { store, library, weekly, votes, presenters, clock, show, names = shellNames } = options;
  // The runner's lines are for operators; the shell shows what the channel sees.
  const logger = createLogger({ level: LogLevel.ERROR, sink: { write: () => true } });
  let ts = 1000;
  // A user id as the channel is a direct message (to a leader); anything else is the channel.
  const post: Poster = async ({ reply, channel, thread_ts }) => {
    const heading = thread_ts
      ? '(in the thread)'
      : channel.startsWith('U')
        ? `(direct message to @${names[channel] ?? channel})`
        : '(posted in the channel)';
    show(reply, heading);
    ts += 1;
    return { ok: true, ts: `${ts}.000000`, channel, attempts: 1 };
  };
  const runner = createWeeklyRunner({
    store,
    library,
    logger,
    graceMs: 3_600_000,
    clock: clock.now,
    extensions: [
      voteExtension({ store, votesFor: () => votes, logger }),
      ...(presenters
        ? [
            presenterExtension({
              store,
              presentersFor: () => presenters,
              weeklyFor: () => weekly,
              post,
              logger,
            }),
          ]
        : []),
    ],
    post,
  });
  return {
    runner,
    async wait(channel) {
      const now = clock.now();
      const say = (text: string) => show(textReply([text]));
      const subscription = await weekly.subscription(channel);
      if (!subscription) {
        return say(
          'Nothing to wait for: this channel does not get a paper of the week (/optpaper subscribe).',
        );
      }
      const post = await weekly.nextFire(channel, now);
      if (!post) return say('Nothing to wait for: every coming post falls in a break.');
      // What is already due (a leader's message late), then each thing on the way to the post.
      await runner.maintain(now);
      const vote = await votes.nextVote(channel, now);
      const told =
        presenters && (await presenters.list(channel)).length > 0
          ? new Date(post.getTime() - subscription.presenterLeadMinutes * 60_000)
          : undefined;
      const times = [told, vote?.opensAt, post].flatMap((time) =>
        time && time > now && time <= post ? [time.getTime()] : [],
      );
      const steps = [...new Set(times)].sort((a, b) => a - b).map((time) => new Date(time));
      for (const step of steps) {
        clock.moveTo(step);
        say(`(time passes: it is now ${formatWhen(step, subscription.timeZone)})`);
        await runner.maintain(step);
        // A vote just opened: time stops for the channel to vote; the next wait goes on to the post.
        if (vote && step.getTime() === vote.opensAt.getTime() && step < post) return;
      }
      await runner.runDue(post);
    },
  };
}
