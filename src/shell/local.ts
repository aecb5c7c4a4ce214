import type { StateConfig } from '../config.ts';
import { openLibrary } from '../library.ts';
import { createPresenterService } from '../presenters/service.ts';
import { localTeam, openLocalWeekly } from '../weekly/local.ts';
import { runShell } from './shell.ts';

/**
 * The shell as `npm start` (offline, in a terminal) and `npm run shell` open it: the list from its
 * file, and a paper of the week kept in memory, so trying `/optpaper subscribe` never touches the
 * bot's database.
 *
 * @param state List path and weekly defaults.
 * @param io Streams, and whether they are a terminal.
 * @returns When the shell ends.
 */
export async function runLocalShell(
  state: Pick<StateConfig, 'listPath' | 'weekly'>,
  io: { input: NodeJS.ReadableStream; output: { write(text: string): unknown }; interactive: boolean },
): Promise<void> {
  const library = await openLibrary(state.listPath);
  const { weekly, store } = openLocalWeekly(library, { dbPath: ':memory:', ...state.weekly });
  try {
    const presenters = createPresenterService({ store: store.team(localTeam), weekly });
    await runShell({
      ...io,
      library,
      weekly,
      presenters,
      local: { store, team: localTeam },
      clock: () => new Date(),
      random: Math.random,
    });
  } finally {
    await store.close();
  }
}
