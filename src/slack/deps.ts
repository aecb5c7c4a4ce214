import { type CommandContext, withSubscription } from '../commands/context.ts';
import type { Library } from '../library.ts';
import type { PresenterService } from '../presenters/service.ts';
import type { Store } from '../store/types.ts';
import type { VoteService } from '../votes/service.ts';
import type { WeeklyService } from '../weekly/service.ts';
import type { Sleep } from './post.ts';

/** What the Slack listeners need; everything with a clock or I/O is passed in. */
export interface SlackDeps {
  library: Library;
  /** A workspace's paper-of-the-week service; absent where there is none. */
  weeklyFor?: (team: string) => WeeklyService;
  /** A workspace's discussion leaders; absent where there is no paper of the week. */
  presentersFor?: (team: string) => PresenterService;
  /** A workspace's votes and proposals; absent where there are none. */
  votesFor?: (team: string) => VoteService;
  /** Where deliveries are remembered (an event or a press delivered twice is handled once). */
  store?: Store;
  clock: () => Date;
  random: () => number;
  /** How posts wait between retries (default: real timers). */
  sleep?: Sleep;
  /**
   * Aborted when the bot stops: a retry still waiting (a rate-limited reply, an edit Slack failed) is
   * given up rather than made after the bot said it stopped.
   */
  stopping?: AbortSignal;
  /** A workspace's URL from auth.test, so that links to messages are the ones Slack itself gives. */
  workspaceUrl?: (team: string) => string | undefined;
  /**
   * The slash command's name in this app (OPTPAPER_COMMAND; default: `/optpaper`), named by what is
   * not an answer to a command: mention replies, buttons, the Home tab, forms.
   */
  command?: string;
}

/** Where a Slack request comes from. */
export interface RequestPlace {
  team: string;
  channel: string;
  user: string;
  /** The slash command as typed, for a command (`/optpaper-dev`); else the app's own (`deps.command`). */
  command?: string;
}

/**
 * The command context of a Slack request.
 *
 * @param deps Listener dependencies.
 * @param place Workspace, channel and user of the request.
 * @returns The context.
 */
export function commandContext(deps: SlackDeps, place: RequestPlace): Promise<CommandContext> {
  const workspaceUrl = deps.workspaceUrl?.(place.team);
  const weekly = deps.weeklyFor?.(place.team);
  const presenters = deps.presentersFor?.(place.team);
  const votes = deps.votesFor?.(place.team);
  const command = place.command ?? deps.command;
  return withSubscription({
    search: deps.library.current(),
    channel: { id: place.channel },
    user: { id: place.user },
    now: deps.clock(),
    random: deps.random,
    ...(weekly ? { weekly } : {}),
    ...(presenters ? { presenters } : {}),
    ...(votes ? { votes } : {}),
    ...(workspaceUrl ? { workspaceUrl } : {}),
    ...(command ? { command } : {}),
  });
}
