import type { CommandContext } from './context.ts';
import { helpReply } from './help.ts';
import { randomReply } from './random.ts';
import type { Reply } from './reply.ts';
import { searchReply } from './search.ts';
import { sectionReply } from './section.ts';
import { sectionsReply } from './sections.ts';

/** A subcommand of `/optpaper`: the first word of the text names it. */
export interface Subcommand {
  name: string;
  aliases?: readonly string[];
  usage: string;
  summary: string;
  /** Only offered where the paper of the week is available (Slack, the shell). */
  weekly?: boolean;
  run(args: string, context: CommandContext): Reply | Promise<Reply>;
}

/** Example searches shown in help (without the command). */
export const exampleQueries: readonly string[] = Object.freeze([
  'sharp minima',
  'curiculum learning',
  'rnn',
  '1412.6980',
]);

/** Every subcommand, in the order help lists them. */
export const subcommands: readonly Subcommand[] = Object.freeze([
  {
    name: 'search',
    usage: '/optpaper <words>',
    summary:
      'search the list (typos, acronyms and arXiv ids welcome); `search <words>` if the words start like a command',
    run: (args, context) => searchReply(args, context),
  },
  {
    name: 'sections',
    usage: '/optpaper sections',
    summary: 'every section with its paper count',
    run: (_args, context) => sectionsReply(context),
  },
  {
    name: 'section',
    usage: '/optpaper section <number or name>',
    summary: "a section's papers",
    run: (args, context) => sectionReply(args, context),
  },
  {
    name: 'random',
    usage: '/optpaper random [section]',
    summary: 'one paper at random',
    run: (args, context) => randomReply(args, context),
  },
  {
    name: 'help',
    aliases: ['?', '--help', '-h'],
    usage: '/optpaper help',
    summary: 'this help',
    run: (_args, context) => helpFor(context),
  },
]);

/**
 * Help listing the subcommands available in this context.
 *
 * @param context The request (weekly commands are listed where they work).
 * @returns The reply.
 */
export function helpFor(context: CommandContext): Reply {
  return helpReply(
    subcommands.filter((command) => !command.weekly || context.weekly !== undefined),
    exampleQueries,
  );
}
