import { pathToFileURL } from 'node:url';
import { type CliIo, exitCodes, refuseEmptyList, UsageError } from './cli/io.ts';
import { readArguments, upcomingCountMessage } from './cli/options.ts';
import type { StateConfig } from './config.ts';
import type { Store } from './store/types.ts';

// Everything else is imported by the command that needs it: `--help` and a usage error load no parser,
// no search and no database (start-up times: README, "Deploy" → "The build").

const usage = `Usage: optpaper <command> [options]

Commands:
  list [--json]                          every section and its papers, in list order
  search <query> [--json] [--limit N] [--section NAME]
                                         papers matching a query, best first (default 5, at most 50)
  check [FILE] [--json] [--strict]       lint a list: repairs, unreadable items, duplicates (exit 1 on errors)
  upcoming <N> [--json] [--channel ID] [--team ID]
                                         the next N papers of the week of a channel, with their dates
  backup <FILE>                          a consistent copy of the SQLite database (OPTPAPER_DB), safe while the bot runs
  purge-workspace <TEAM> --yes           delete everything a workspace left (after it uninstalled the app)
  shell                                  try the bot without Slack: /optpaper … and @optpaper …, replies as text

Options:
  --list FILE    the paper list (default: $OPTPAPER_LIST, else data/optimization-papers.md)
  --channel ID   for upcoming: the channel (default: $WEEKLY_CHANNEL, else a channel with no history)
  --team ID      for upcoming: the workspace (default: the one the channel is subscribed in, else the only one)
  --section NAME for search: only papers of that section (number, name or part of it)
  -h, --help     this help

Examples:
  npm run -s optpaper -- search "sharp minima"
  npm run -s optpaper -- search curiculum --json --limit 3
  npm run -s optpaper -- search "adam vs rmsprop"
  npm run -s optpaper -- search warm --section curriculum
  npm run -s optpaper -- check
  npm run -s optpaper -- upcoming 4 --channel C0123456789
`;

/**
 * Run the `optpaper` command line.
 *
 * @param argv Arguments after the program name.
 * @param io Output streams and environment.
 * @returns The exit code.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`optpaper: ${error.message}\n\n${usage}`);
      return exitCodes.usage;
    }
    io.stderr.write(`optpaper: ${error instanceof Error ? error.message : String(error)}\n`);
    return exitCodes.failed;
  }
}

async function dispatch(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, command, args } = readArguments(argv);
  if (values.help || command === 'help') {
    io.stdout.write(usage);
    return exitCodes.ok;
  }
  if (command === undefined) throw new UsageError('a command is needed');
  const { readListPath, resolvePath } = await import('./config.ts');
  const { loadCatalog } = await import('./catalog/load.ts');
  const listPath = values.list === undefined ? readListPath(io.env) : resolvePath(values.list, io.env);
  switch (command) {
    case 'list': {
      noArguments(command, args);
      const { listCommand } = await import('./cli/list.ts');
      return listCommand(await loadCatalog(listPath), { json: values.json }, io);
    }
    case 'search': {
      const query = args.join(' ').trim();
      if (query === '' && values.section === undefined)
        throw new UsageError('search needs a query, for example: search "sharp minima"');
      const { createSearch, searchDefaults } = await import('./search/search.ts');
      const limit = readLimit(values.limit, searchDefaults);
      const { searchCommand } = await import('./cli/search.ts');
      const section = values.section;
      if (section !== undefined && section.trim() === '')
        throw new UsageError('--section needs a section name or number');
      return searchCommand(
        createSearch(await loadCatalog(listPath)),
        query,
        { json: values.json, limit, ...(section === undefined ? {} : { section }) },
        io,
      );
    }
    case 'check': {
      if (args.length > 1) throw new UsageError('check takes at most one file');
      const file = args[0] === undefined ? listPath : resolvePath(args[0], io.env);
      const { checkCommand } = await import('./cli/check.ts');
      return checkCommand(await loadCatalog(file), file, { json: values.json, strict: values.strict }, io);
    }
    case 'upcoming': {
      const [raw, ...extra] = args;
      if (
        raw === undefined ||
        extra.length > 0 ||
        !/^\d+$/.test(raw) ||
        Number(raw) < 1 ||
        Number(raw) > 520
      ) {
        throw new UsageError(upcomingCountMessage);
      }
      const state = await stateConfig(io);
      const { openLibrary } = await import('./library.ts');
      const { createWeeklyService } = await import('./weekly/service.ts');
      const { openStoreToRead, upcomingCommand } = await import('./cli/upcoming.ts');
      const library = await openLibrary(listPath);
      if (refuseEmptyList(library.current().catalog, 'to post as papers of the week', io))
        return exitCodes.failed;
      const channel = values.channel ?? state.weekly.channel;
      const store = await openStoreToRead(state);
      try {
        const team = values.team ?? (await teamOf(store, channel));
        const weekly = createWeeklyService({
          store: store.team(team),
          library,
          defaults: { cron: state.weekly.cron, timeZone: state.weekly.timeZone },
        });
        return await upcomingCommand(
          weekly,
          { count: Number(raw), channel, team, json: values.json, now: new Date() },
          io,
        );
      } finally {
        await store.close();
      }
    }
    case 'backup': {
      const [file, ...extra] = args;
      if (file === undefined || extra.length > 0) {
        throw new UsageError('backup needs one file to write, for example: backup optpaper-2026-11-30.db');
      }
      const { backupCommand } = await import('./cli/backup.ts');
      return backupCommand(await stateConfig(io), resolvePath(file, io.env), io);
    }
    case 'purge-workspace': {
      const [team, ...extra] = args;
      if (team === undefined || extra.length > 0 || !/^[TE][A-Z0-9]+$/.test(team)) {
        throw new UsageError(
          'purge-workspace needs a workspace id, for example: purge-workspace T0123456789 --yes',
        );
      }
      if (!values.yes)
        throw new UsageError(`purge-workspace deletes ${team}'s whole history: add --yes to confirm`);
      const { openConfiguredStore } = await import('./store/open.ts');
      const store = await openConfiguredStore(await stateConfig(io));
      try {
        const deleted = await store.purgeTeam(team);
        io.stdout.write(
          `Deleted ${deleted} row(s) of ${team}: its subscriptions, history, queue, skips and installation.\n`,
        );
      } finally {
        await store.close();
      }
      return exitCodes.ok;
    }
    case 'shell': {
      noArguments(command, args);
      const { runLocalShell } = await import('./shell/local.ts');
      await runLocalShell(
        { ...(await stateConfig(io)), listPath },
        {
          input: process.stdin,
          output: io.stdout,
          interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
        },
      );
      return exitCodes.ok;
    }
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

/** The variables the CLI reads besides the list; a bad one is a failure naming it. */
async function stateConfig(io: CliIo): Promise<StateConfig> {
  const { readStateConfig } = await import('./config.ts');
  const read = readStateConfig(io.env);
  if ('problems' in read) throw new Error(read.problems.map((problem) => problem.message).join('; '));
  return read.state;
}

/**
 * The workspace `upcoming` looks at when none is given: the one where the channel is subscribed, else
 * the only workspace in the database, else the rows of a database from before workspaces (`''`).
 */
async function teamOf(store: Store, channel: string | undefined): Promise<string> {
  const subscriptions = await store.allSubscriptions();
  const teams = new Set(subscriptions.map((subscription) => subscription.team));
  const subscribed = subscriptions.filter((subscription) => subscription.channel === channel);
  if (subscribed.length === 1 && subscribed[0]) return subscribed[0].team;
  return teams.size === 1 ? ([...teams][0] ?? '') : '';
}

function noArguments(command: string, args: readonly string[]): void {
  if (args.length > 0) throw new UsageError(`${command} takes no arguments (got "${args.join(' ')}")`);
}

function readLimit(raw: string | undefined, defaults: { limit: number; maxLimit: number }): number {
  if (raw === undefined) return defaults.limit;
  const limit = Number(raw);
  if (!Number.isInteger(limit) || limit < 1 || limit > defaults.maxLimit) {
    throw new UsageError(`--limit must be a whole number from 1 to ${defaults.maxLimit}`);
  }
  return limit;
}

/**
 * Run the CLI as the process: arguments from the command line, output to stdout and stderr, the exit code
 * set. `bin/optpaper.js` calls it on the compiled CLI.
 *
 * @param argv Arguments after the program name.
 */
export async function runCliProcess(argv: readonly string[]): Promise<void> {
  // `optpaper list | head`: the reader has gone, which is not an error worth a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(exitCodes.ok);
  });
  process.exitCode = await runCli(argv, { stdout: process.stdout, stderr: process.stderr, env: process.env });
}

// Run when executed (node --import tsx src/cli.ts, node dist/cli.js), not when imported.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runCliProcess(process.argv.slice(2));
}
