import type { CommandContext } from '../commands/context.ts';
import type { Library } from '../library.ts';
import type { WeeklyService } from '../weekly/service.ts';
import type { Sleep } from './post.ts';

/** What the Slack listeners need; everything with a clock or I/O is passed in. */
export interface SlackDeps {
  library: Library;
  weekly?: WeeklyService;
  clock: () => Date;
  random: () => number;
  /** How posts wait between retries (default: real timers). */
  sleep?: Sleep;
  /** The workspace's URL from auth.test, so that links to messages are the ones Slack itself gives. */
  workspaceUrl?: string;
}

/**
 * The command context of a Slack request.
 *
 * @param deps Listener dependencies.
 * @param channel Channel id of the request.
 * @param user User id of the request.
 * @returns The context.
 */
export function commandContext(deps: SlackDeps, channel: string, user: string): CommandContext {
  const context: CommandContext = {
    search: deps.library.current(),
    channel: { id: channel },
    user: { id: user },
    now: deps.clock(),
    random: deps.random,
  };
  if (deps.weekly) context.weekly = deps.weekly;
  if (deps.workspaceUrl) context.workspaceUrl = deps.workspaceUrl;
  return context;
}
