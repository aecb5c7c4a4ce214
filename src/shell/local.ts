import type { Reply } from '../commands/reply.ts';
import type { StateConfig } from '../config.ts';
import { openLibrary } from '../library.ts';
import { createVoteService } from '../votes/service.ts';
import { localTeam, openLocalWeekly } from '../weekly/local.ts';
import { printReply } from './render.ts';
import { runShell, shellNames } from './shell.ts';
import { shellClock, shellMessenger, shellWeek } from './week.ts';

/**
 * The shell as `npm start` (offline, in a terminal) and `npm run shell` open it: the list from its
 * file, and a paper of the week kept in memory, so trying `/optpaper subscribe` never touches the
 * bot's database. Votes and the weekly post run on the shell's own clock, which `wait` moves ahead.
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
  const clock = shellClock();
  const show = (reply: Reply, heading?: string) => printReply(io.output, reply, heading, shellNames);
  const votes = createVoteService({
    store: store.team(localTeam),
    weekly,
    library,
    messenger: shellMessenger(show),
    openOnRequest: true,
  });
  const week = shellWeek({ store, library, weekly, votes, clock, show });
  try {
    await runShell({ ...io, library, weekly, votes, week, clock: clock.now, random: Math.random });
  } finally {
    await store.close();
  }
}
