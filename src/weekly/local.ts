import type { Library } from '../library.ts';
import { openStore } from '../store/sqlite.ts';
import type { Store } from '../store/types.ts';
import { createWeeklyService, type WeeklyService } from './service.ts';

/** The workspace the shell stands for (its store lives in memory). */
export const localTeam = 'T0LOCALSHELL';

/**
 * A weekly service without a bot: for the shell (a store in memory, so trying commands never touches
 * the bot's state) and the CLI (the bot's database, to read what comes next).
 *
 * @param library The list.
 * @param options Database path (`:memory:` for the shell), default schedule, and the workspace.
 * @returns The service and its store (close it when done).
 */
export function openLocalWeekly(
  library: Library,
  options: { dbPath: string; cron: string; timeZone: string; team?: string },
): { weekly: WeeklyService; store: Store } {
  const store = openStore(options.dbPath);
  const weekly = createWeeklyService({
    store: store.team(options.team ?? localTeam),
    library,
    defaults: { cron: options.cron, timeZone: options.timeZone },
  });
  return { weekly, store };
}
