import { parseArgs } from 'node:util';
import { editDistance } from '../search/fuzzy.ts';
import { UsageError } from './io.ts';

/** The commands of the CLI, checked before anything is loaded for them. */
export const cliCommands = Object.freeze([
  'list',
  'search',
  'check',
  'upcoming',
  'backup',
  'purge-workspace',
  'shell',
] as const);

/** A command of the CLI. */
export type CliCommand = (typeof cliCommands)[number];

/** Every option, as `parseArgs` reads it. */
const optionSpecs = Object.freeze({
  json: { type: 'boolean', default: false },
  strict: { type: 'boolean', default: false },
  limit: { type: 'string' },
  list: { type: 'string' },
  channel: { type: 'string' },
  team: { type: 'string' },
  yes: { type: 'boolean', default: false },
  section: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const);

type OptionName = keyof typeof optionSpecs;

/** Options every command takes. */
const everywhere: readonly OptionName[] = ['help'];

/**
 * The options of each command besides `--help`: one a command does not take is refused
 * rather than silently ignored (`list --limit 3` would otherwise print the whole list).
 */
const commandOptions: Readonly<Record<CliCommand, readonly OptionName[]>> = Object.freeze({
  list: ['json', 'list'],
  search: ['json', 'limit', 'section', 'list'],
  check: ['json', 'strict', 'list'],
  upcoming: ['json', 'channel', 'team', 'list'],
  backup: [],
  'purge-workspace': ['yes'],
  shell: ['list'],
});

/** What the command line says, read. */
export interface CliArguments {
  command: string | undefined;
  args: string[];
  values: {
    json: boolean;
    strict: boolean;
    yes: boolean;
    help: boolean;
    limit?: string;
    list?: string;
    channel?: string;
    team?: string;
    section?: string;
  };
}

/**
 * Read the command line: the command, its arguments and its options. A mistake is a `UsageError` that
 * says what was meant when it can (`--jsn` → `--json`, `serach` → `search`), which options the command
 * takes, and that a negative number is no option (`upcoming -1`).
 *
 * @param argv Arguments after the program name.
 * @returns The command (none: `undefined`), its positional arguments and the option values.
 * @throws UsageError for an unknown command or option, or an option the command does not take.
 */
export function readArguments(argv: readonly string[]): CliArguments {
  // Not strict: an unknown option is then a token to explain, not Node's generic error (whose hint about
  // `--` reads as an unbalanced quote: `'-- "--jsn"`).
  const { values, positionals, tokens } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: false,
    tokens: true,
    options: optionSpecs,
  });
  const [command, ...args] = positionals;
  const known = command !== undefined && isCommand(command) ? command : undefined;
  if (command !== undefined && !known && !values.help && command !== 'help') {
    const near = closest(command, cliCommands);
    throw new UsageError(`unknown command "${command}"${near ? `: did you mean "${near}"?` : ''}`);
  }
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    checkOption(token, known);
  }
  return { command, args, values: values as CliArguments['values'] };
}

function isCommand(name: string): name is CliCommand {
  return (cliCommands as readonly string[]).includes(name);
}

function checkOption(
  token: { name: string; rawName: string; value?: string | undefined; inlineValue?: boolean | undefined },
  command: CliCommand | undefined,
): void {
  const takes: readonly OptionName[] = command
    ? [...everywhere, ...commandOptions[command]]
    : (Object.keys(optionSpecs) as OptionName[]);
  const { name, rawName } = token;
  if (/^-\d/.test(rawName)) {
    // `upcoming -1`: a number below one, not an option.
    if (command === 'upcoming') throw new UsageError(upcomingCountMessage);
    throw new UsageError(`${rawName} is not an option, and no number here can be negative`);
  }
  if (name in optionSpecs) {
    const option = name as OptionName;
    if (!takes.includes(option)) {
      const owners = cliCommands.filter((other) => commandOptions[other].includes(option));
      throw new UsageError(
        `${command} does not take --${option}${owners.length > 0 ? `, an option of ${owners.join(', ')}` : ''}${takesText(command, takes)}`,
      );
    }
    const spec = optionSpecs[option];
    // Not strict, parseArgs reads `--limit` with nothing after it as a flag, and `--json=x` as a value.
    // A value that starts with a dash is most likely the next option (`--list --json`); a negative number
    // is left to the option's own check (`--limit -1`: "from 1 to 50").
    const missing = token.value === undefined || (!token.inlineValue && /^-(?!\d)/.test(token.value));
    if (spec.type === 'string' && missing)
      throw new UsageError(`--${option} needs a value, for example: --${option}${exampleValue(option)}`);
    if (spec.type === 'boolean' && token.value !== undefined)
      throw new UsageError(`--${option} takes no value (got "${rawName}=${token.value}")`);
    return;
  }
  const near = closest(name, takes);
  throw new UsageError(
    `unknown option ${rawName}${near ? `: did you mean --${near}?` : ''}${takesText(command, takes)}`,
  );
}

/** What `upcoming` says of a count it cannot use. */
export const upcomingCountMessage =
  'upcoming takes a number of papers of the week from 1 to 520 (ten years), for example: upcoming 4';

function takesText(command: CliCommand | undefined, takes: readonly OptionName[]): string {
  if (!command) return '';
  const own = takes.filter((option) => option !== 'help').map((option) => `--${option}`);
  return ` (${command} takes ${own.length > 0 ? `${own.join(', ')} and ` : 'only '}--help)`;
}

function exampleValue(option: OptionName): string {
  const examples: Partial<Record<OptionName, string>> = {
    limit: ' 3',
    list: ' papers.md',
    channel: ' C0123456789',
    team: ' T0123456789',
    section: ' curriculum',
  };
  return examples[option] ?? ' VALUE';
}

/** The candidate one or two typos away (two for longer words), or one the word starts (`--js`). */
function closest(word: string, candidates: readonly string[]): string | undefined {
  const typed = word.toLowerCase();
  const allowed = typed.length > 4 ? 2 : 1;
  const ranked = candidates
    .map((candidate) => ({
      candidate,
      distance:
        candidate.startsWith(typed) && typed.length >= 2 ? 0 : editDistance(typed, candidate, allowed),
    }))
    .filter((entry) => entry.distance <= allowed)
    .sort((a, b) => a.distance - b.distance);
  return ranked[0]?.candidate;
}
