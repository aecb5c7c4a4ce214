import { commandText, defaultCommand } from './command-name.ts';
import type { Reply, ReplyBlock, RichText } from './reply.ts';

/** One line of help: how to type a command, and what it does. */
export interface HelpLine {
  usage: string;
  summary: string;
}

/**
 * `/optpaper help` (and `/optpaper` alone): every command with an example.
 *
 * @param lines Usage lines, from the command registry, each with the command's name.
 * @param examples A few example searches.
 * @param command The command's name as typed (default: `/optpaper`).
 * @returns The reply.
 */
export function helpReply(
  lines: readonly HelpLine[],
  examples: readonly string[],
  command: string = defaultCommand,
): Reply {
  const usage: RichText = lines.flatMap((line) => [
    { text: line.usage, code: true },
    ' — ',
    ...summaryRuns(line.summary),
    '\n',
  ]);
  const blocks: ReplyBlock[] = [
    { type: 'header', text: 'optpaper: papers on optimization for deep learning' },
    { type: 'text', text: usage },
    {
      type: 'text',
      text: [
        { text: '@optpaper <words>', code: true },
        ' in a channel or a thread answers there with the three best matches, for everyone in the discussion.',
      ],
    },
    {
      type: 'context',
      text: [
        'Try ',
        ...examples.flatMap((example, index) => [
          index > 0 ? ', ' : '',
          { text: commandText(command, example), code: true },
        ]),
        '.',
      ],
    },
  ];
  return {
    text: `optpaper commands: ${lines.map((line) => line.usage).join(', ')}`,
    blocks,
    visibility: 'ephemeral',
  };
}

/**
 * The short help a bare `@optpaper` mention gets in a thread.
 *
 * @param examples A few example searches.
 * @param command The slash command's name in this app (default: `/optpaper`).
 * @returns The reply (in channel: it is a thread reply).
 */
export function mentionHelpReply(examples: readonly string[], command: string = defaultCommand): Reply {
  const text: RichText = [
    'Ask me for a paper: ',
    { text: `@optpaper ${examples[0] ?? 'sharp minima'}`, code: true },
    '. I answer in the thread with the three best matches. ',
    { text: commandText(command, 'help'), code: true },
    ' lists everything else.',
  ];
  return {
    text: 'Ask me for a paper: @optpaper <words>',
    blocks: [{ type: 'text', text }],
    visibility: 'in_channel',
  };
}

/**
 * A summary's `quoted` commands as code runs: written in backticks in the registry, they must reach Slack
 * as code and the terminal without the backticks.
 */
function summaryRuns(summary: string): RichText {
  return summary
    .split(/`([^`]+)`/)
    .map((part, index) => (index % 2 === 1 ? { text: part, code: true } : part))
    .filter((part) => part !== '');
}
