import type { PresenterService } from '../presenters/service.ts';
import type { PaperSearch } from '../search/search.ts';
import type { VoteService } from '../votes/service.ts';
import type { WeeklyService } from '../weekly/service.ts';

/** Everything a command may use. Built per request by the Slack layer, the shell or a test. */
export interface CommandContext {
  /** The search over the current catalog (`search.catalog` is the catalog). */
  search: PaperSearch;
  /** Where the command was typed. */
  channel: { id: string };
  /** Who typed it. */
  user: { id: string };
  /**
   * The slash command as the person typed it (`/optpaper-dev` on a staging app), so that replies name
   * the command that works here (default: `/optpaper`, see `commandText`).
   */
  command?: string;
  /** The time of the request (injected: no command reads the clock). */
  now: Date;
  /** Source of randomness for `random`, in [0, 1). */
  random: () => number;
  /** Paper-of-the-week state of the request's workspace; absent where there is no store. */
  weekly?: WeeklyService;
  /** Who leads the discussion in the workspace's channels; absent where there is no store. */
  presenters?: PresenterService;
  /** Votes and proposals of the request's workspace; absent where there is no store. */
  votes?: VoteService;
  /**
   * Whether the channel gets a paper of the week (results then offer Read next). Read once per request,
   * before the command runs; false when the database cannot answer, so that search never depends on it.
   */
  subscribed?: boolean;
  /** The workspace's Slack URL (`https://team.slack.com/`, from auth.test), for links to messages. */
  workspaceUrl?: string;
}

/**
 * Complete a command context: whether the channel gets a paper of the week is read here, once per
 * request. A database that cannot answer means "not subscribed": search must never depend on it.
 *
 * @param base The request, without `subscribed`.
 * @returns The context.
 */
export async function withSubscription(base: Omit<CommandContext, 'subscribed'>): Promise<CommandContext> {
  if (!base.weekly) return { ...base, subscribed: false };
  const subscribed = await base.weekly.isSubscribed(base.channel.id).catch(() => false);
  return { ...base, subscribed };
}
