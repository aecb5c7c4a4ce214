import type { Reply } from '../commands/reply.ts';
import type { StateConfig } from '../config.ts';
import { type Library, openLibrary } from '../library.ts';
import { createPresenterService } from '../presenters/service.ts';
import type { Store } from '../store/types.ts';
import { createVoteService } from '../votes/service.ts';
import { localTeam, openLocalWeekly } from '../weekly/local.ts';
import type { WeeklyService } from '../weekly/service.ts';
import { printReply } from './render.ts';
import { runShell, shellNames } from './shell.ts';
import { type ShellClock, shellClock, shellMessenger, shellWeek } from './week.ts';

/**
 * The shell as `npm start` (offline, in a terminal) and `npm run shell` open it: the list from its
 * file, and a paper of the week kept in memory, so trying `/optpaper subscribe` never touches the
 * bot's database. Votes, leaders' messages and the weekly post run on the shell's own clock, which
 * `wait` moves ahead.
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
  const parts = localShellParts({ library, weekly, store, clock, output: io.output });
  try {
    await runShell({ ...io, ...parts, library, weekly, clock: clock.now, random: Math.random });
  } finally {
    await store.close();
  }
}

/**
 * What the shell adds to the paper of the week: votes, discussion leaders, and `wait`, over the shell's
 * store and clock, printing what the channel (or a leader) would get.
 *
 * @param options The list, the weekly service and its store, the shell's clock, and where it prints.
 * @returns The parts `runShell` takes.
 */
export function localShellParts(options: {
  library: Library;
  weekly: WeeklyService;
  store: Store;
  clock: ShellClock;
  output: { write(text: string): unknown };
}) {
  const { library, weekly, store, clock, output } = options;
  // Shared with the shell, which adds the people typed as @name.
  const names: Record<string, string> = { ...shellNames };
  const show = (reply: Reply, heading?: string) => printReply(output, reply, heading, names);
  const votes = createVoteService({
    store: store.team(localTeam),
    weekly,
    library,
    messenger: shellMessenger(show),
    openOnRequest: true,
  });
  const presenters = createPresenterService({ store: store.team(localTeam), weekly });
  const week = shellWeek({ store, library, weekly, votes, presenters, clock, show, names });
  return { votes, presenters, week, local: { store, team: localTeam }, names };
}
