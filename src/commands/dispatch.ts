import { editDistance } from '../search/fuzzy.ts';
import type { CommandContext } from './context.ts';
import { readUserText, userMentions } from './input.ts';
import { searchWithin } from './query-limit.ts';
import { helpFor, type Subcommand, subcommands } from './registry.ts';
import type { Reply } from './reply.ts';
import { searchReply } from './search.ts';

/**
 * Run the text of `/optpaper …`: a first word naming a subcommand runs it (unless the subcommand
 * takes no words and some follow), anything else is a search; empty text is help.
 *
 * @param raw The command text as Slack (or the shell) sent it.
 * @param context The request.
 * @returns The reply.
 */
export async function runCommand(raw: string, context: CommandContext): Promise<Reply> {
  const text = readUserText(raw);
  if (text === '') return helpFor(context);
  // Stryker disable next-line StringLiteral: split always gives a first word.
  const [first = '', ...rest] = text.split(' ');
  const command = findSubcommand(first, context);
  if (command?.alone && rest.length > 0)
    return searchWithin(text, (query) => searchReply(query, context, { alone: command.name }));
  if (command) return command.run(rest.join(' '), context, userMentions(raw));
  const near = rest.length === 0 ? nearSubcommand(first, context) : undefined;
  return searchWithin(text, (query) => searchReply(query, context, near ? { near } : undefined));
}

function available(context: CommandContext): Subcommand[] {
  return subcommands.filter((command) => !command.weekly || context.weekly !== undefined);
}

function findSubcommand(word: string, context: CommandContext): Subcommand | undefined {
  const name = word.toLowerCase();
  return available(context).find((command) => command.name === name || command.aliases?.includes(name));
}

/** A subcommand a single unknown word is one or two typos away from ("halp", "sectoins"). */
function nearSubcommand(word: string, context: CommandContext): string | undefined {
  const name = word.toLowerCase();
  if (name.length < 3) return undefined;
  const allowed = name.length > 5 ? 2 : 1;
  // The closest one ("sectoin" is one edit from section, two from sections); ties in registry order.
  return available(context)
    .map((command) => ({ name: command.name, distance: editDistance(name, command.name, allowed) }))
    .filter((candidate) => candidate.distance <= allowed)
    .sort((a, b) => a.distance - b.distance)[0]?.name;
}
