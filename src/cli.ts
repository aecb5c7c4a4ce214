import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { loadCatalog } from './catalog/load.ts';
import { checkCommand } from './cli/check.ts';
import { type CliIo, exitCodes, UsageError } from './cli/io.ts';
import { listCommand } from './cli/list.ts';
import { searchCommand } from './cli/search.ts';
import { upcomingCommand } from './cli/upcoming.ts';
import { readListPath, readStateConfig, resolvePath, type StateConfig } from './config.ts';
import { openLibrary } from './library.ts';
import { createSearch, searchDefaults } from './search/search.ts';
import { runLocalShell } from './shell/local.ts';
import { openLocalWeekly } from './weekly/local.ts';

const usage = `Usage: optpaper <command> [options]

Commands:
  list [--json]                          every section and its papers, in list order
  search <query> [--json] [--limit N] [--section NAME]
                                         papers matching a query, best first (default 5, at most 50)
  check [FILE] [--json] [--strict]       lint a list: repairs, unreadable items, duplicates (exit 1 on errors)
  upcoming <N> [--json] [--channel ID]   the next N papers of the week of a channel, with their dates
  shell                                  try the bot without Slack: /optpaper … and @optpaper …, replies as text

Options:
  --list FILE    the paper list (default: $OPTPAPER_LIST, else data/optimization-papers.md)
  --channel ID   for upcoming: the channel (default: $WEEKLY_CHANNEL, else a channel with no history)
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
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  const [command, ...args] = positionals;
  if (values.help || command === 'help') {
    io.stdout.write(usage);
    return exitCodes.ok;
  }
  const listPath = values.list === undefined ? readListPath(io.env) : resolvePath(values.list, io.env);
  switch (command) {
    case 'list':
      noArguments(command, args);
      return listCommand(await loadCatalog(listPath), { json: values.json }, io);
    case 'search': {
      const query = args.join(' ').trim();
      if (query === '' && values.section === undefined)
        throw new UsageError('search needs a query, for example: search "sharp minima"');
      const search = createSearch(await loadCatalog(listPath));
      const section = values.section;
      if (section !== undefined && section.trim() === '')
        throw new UsageError('--section needs a section name or number');
      return searchCommand(
        search,
        query,
        { json: values.json, limit: readLimit(values.limit), ...(section === undefined ? {} : { section }) },
        io,
      );
    }
    case 'check': {
      if (args.length > 1) throw new UsageError('check takes at most one file');
      const file = args[0] === undefined ? listPath : resolvePath(args[0], io.env);
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
        throw new UsageError('upcoming needs a number of weeks from 1 to 520, for example: upcoming 4');
      }
      const state = stateConfig(io);
      const library = await openLibrary(listPath);
      const { weekly, store } = openLocalWeekly(library, { dbPath: state.dbPath, ...state.weekly });
      try {
        const channel = values.channel ?? state.weekly.channel;
        return upcomingCommand(
          weekly,
          { count: Number(raw), channel, json: values.json, now: new Date() },
          io,
        );
      } finally {
        store.close();
      }
    }
    case 'shell':
      noArguments(command, args);
      await runLocalShell(
        { ...stateConfig(io), listPath },
        {
          input: process.stdin,
          output: io.stdout,
          interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
        },
      );
      return exitCodes.ok;
    case undefined:
      throw new UsageError('a command is needed');
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      json: { type: 'boolean', default: false },
      strict: { type: 'boolean', default: false },
      limit: { type: 'string' },
      list: { type: 'string' },
      channel: { type: 'string' },
      section: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
}

/** The variables the CLI reads besides the list; a bad one is a failure naming it. */
function stateConfig(io: CliIo): StateConfig {
  const read = readStateConfig(io.env);
  if ('problems' in read) throw new Error(read.problems.map((problem) => problem.message).join('; '));
  return read.state;
}

function noArguments(command: string, args: readonly string[]): void {
  if (args.length > 0) throw new UsageError(`${command} takes no arguments (got "${args.join(' ')}")`);
}

function readLimit(raw: string | undefined): number {
  if (raw === undefined) return searchDefaults.limit;
  const limit = Number(raw);
  if (!Number.isInteger(limit) || limit < 1 || limit > searchDefaults.maxLimit) {
    throw new UsageError(`--limit must be a whole number from 1 to ${searchDefaults.maxLimit}`);
  }
  return limit;
}

// Run when executed (npm run optpaper), not when imported by a test.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  // `optpaper list | head`: the reader has gone, which is not an error worth a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(exitCodes.ok);
  });
  process.exitCode = await runCli(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
  });
}
