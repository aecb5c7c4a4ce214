import { commandText } from './command-name.ts';
import type { CommandContext } from './context.ts';
import { helpReply } from './help.ts';
import { historyReply } from './history.ts';
import { pauseReply, resumeReply } from './pause.ts';
import { presentersReply } from './presenters.ts';
import { proposeReply } from './propose.ts';
import { searchWithin } from './query-limit.ts';
import { queueQueryReply } from './queue.ts';
import { randomReply } from './random.ts';
import type { Reply } from './reply.ts';
import { scheduleReply } from './schedule.ts';
import { searchReply } from './search.ts';
import { sectionReply } from './section.ts';
import { sectionsReply } from './sections.ts';
import { skipReply } from './skip.ts';
import { subscribeReply } from './subscribe.ts';
import { unsubscribeReply } from './unsubscribe.ts';
import { upcomingReply } from './upcoming.ts';
import { voteReply } from './vote.ts';
import { weekReply } from './week.ts';

/** A subcommand of `/optpaper`: the first word of the text names it. */
export interface Subcommand {
  name: string;
  aliases?: readonly string[];
  /** How to type it after the command's name (`section <number or name>`): help puts the name in front. */
  usage: string;
  summary: string;
  /** Only offered where the paper of the week is available (Slack, the shell). */
  weekly?: boolean;
  /**
   * Takes no words: followed by some, the text is a search (`skip connections` looks for
   * "Skip Connections Eliminate Singularities", it does not skip this week's paper).
   */
  alone?: boolean;
  /**
   * @param args The words after the subcommand, mentions removed.
   * @param mentions The people the text mentions, in order (`presenters @ana @ben`).
   */
  run(args: string, context: CommandContext, mentions: readonly string[]): Reply | Promise<Reply>;
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
    usage: '<words>',
    summary:
      'search the list (typos, acronyms and arXiv ids welcome); `search <words>` if the words start like a command',
    run: (args, context) => searchWithin(args, (query) => searchReply(query, context)),
  },
  {
    name: 'sections',
    usage: 'sections',
    summary: 'every section with its paper count',
    run: (_args, context) => sectionsReply(context),
  },
  {
    name: 'section',
    usage: 'section <number or name>',
    summary: "a section's papers",
    run: (args, context) => sectionReply(args, context),
  },
  {
    name: 'random',
    usage: 'random [section]',
    summary: 'one paper at random',
    run: (args, context) => randomReply(args, context),
  },
  {
    name: 'subscribe',
    usage: 'subscribe [every 2 weeks] [day] [time] [time zone or city]',
    summary: 'a paper of the week in this channel (default: Monday 09:00 UTC)',
    weekly: true,
    run: (args, context) => subscribeReply(args, context),
  },
  {
    name: 'pause',
    usage: 'pause <from> [to]',
    summary: 'no paper of the week on those days (YYYY-MM-DD, both included), for holidays',
    weekly: true,
    run: (args, context) => pauseReply(args, context),
  },
  {
    name: 'resume',
    alone: true,
    usage: 'resume',
    summary: 'end a break early',
    weekly: true,
    run: (_args, context) => resumeReply(context),
  },
  {
    name: 'unsubscribe',
    alone: true,
    usage: 'unsubscribe',
    summary: 'stop the paper of the week here (its history is kept)',
    weekly: true,
    run: (_args, context) => unsubscribeReply(context),
  },
  {
    name: 'schedule',
    alone: true,
    usage: 'schedule',
    summary: "this channel's schedule and next post",
    weekly: true,
    run: (_args, context) => scheduleReply(context),
  },
  {
    name: 'upcoming',
    usage: 'upcoming [N]',
    summary: 'the next N papers of the week with their dates, to read ahead',
    weekly: true,
    run: (args, context) => upcomingReply(args, context),
  },
  {
    name: 'week',
    alone: true,
    usage: 'week',
    summary: "this week's paper and its discussion thread",
    weekly: true,
    run: (_args, context) => weekReply(context),
  },
  {
    name: 'history',
    usage: 'history [N]',
    summary: 'past papers of the week here',
    weekly: true,
    run: (args, context) => historyReply(args, context),
  },
  {
    name: 'skip',
    alone: true,
    usage: 'skip',
    summary: 'move the next paper to the end of the round',
    weekly: true,
    run: (_args, context) => skipReply(context),
  },
  {
    name: 'queue',
    usage: 'queue <words>',
    summary: 'make the best match the next paper of the week (also: the Read next button)',
    weekly: true,
    run: (args, context) => queueQueryReply(args, context),
  },
  {
    name: 'presenters',
    usage: 'presenters [@ana @ben … | swap @ana @ben | skip @ana | lead <hours> | clear]',
    summary: 'who leads the discussion, in turn: named in each post, told by direct message before it',
    weekly: true,
    run: (args, context, mentions) => presentersReply(args, context, mentions),
  },
  {
    name: 'vote',
    usage: 'vote [on [hours before] | off | N]',
    summary:
      'the open vote on the next paper and your ballot; `vote on` opens one before each post (default: 24 hours), `vote 2` votes for its second paper',
    weekly: true,
    run: (args, context) => voteReply(args, context),
  },
  {
    name: 'propose',
    usage: 'propose <words or link>',
    summary:
      'propose a paper (from the list, or a link it does not have): a candidate in the next vote, or queued where the channel does not vote',
    weekly: true,
    run: (args, context) => proposeReply(args, context),
  },
  {
    name: 'help',
    aliases: ['?', '--help', '-h'],
    usage: 'help',
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
  const lines = subcommands
    .filter((command) => !command.weekly || context.weekly !== undefined)
    .map((command) => ({ usage: commandText(context, command.usage), summary: command.summary }));
  return helpReply(lines, exampleQueries, commandText(context));
}
