import type { PaperSearch } from '../search/search.ts';
import type { WeeklyService } from '../weekly/service.ts';

/** Everything a command may use. Built per request by the Slack layer, the shell or a test. */
export interface CommandContext {
  /** The search over the current catalog (`search.catalog` is the catalog). */
  search: PaperSearch;
  /** Where the command was typed. */
  channel: { id: string };
  /** Who typed it. */
  user: { id: string };
  /** The time of the request (injected: no command reads the clock). */
  now: Date;
  /** Source of randomness for `/optpaper random`, in [0, 1). */
  random: () => number;
  /** Paper-of-the-week state; absent where there is no store. */
  weekly?: WeeklyService;
  /** The workspace's Slack URL (`https://team.slack.com/`, from auth.test), for links to messages. */
  workspaceUrl?: string;
}
