import type { Library } from '../library.ts';
import { openStore } from '../store/sqlite.ts';
import type { Store } from '../store/types.ts';
import { createWeeklyService, type WeeklyService } from './service.ts';

/**
 * A weekly service without a bot: for the shell (a store in memory, so trying commands never touches
 * the bot's state) and the CLI (the bot's database, to read what comes next).
 *
 * @param library The list.
 * @param options Database path (`:memory:` for the shell) and default schedule.
 * @returns The service and its store (close it when done).
 */
export function openLocalWeekly(
  library: Library,
  options: { dbPath: string; cron: string; timeZone: string },
): { weekly: WeeklyService; store: Store } {
  const store = openStore(options.dbPath);
  const weekly = createWeeklyService({
    store,
    library,
    defaults: { cron: options.cron, timeZone: options.timeZone },
  });
  return { weekly, store };
}
