import { createInterface } from 'node:readline';
import { type CommandContext, withSubscription } from '../commands/context.ts';
import { runCommand } from '../commands/dispatch.ts';
import { mentionHelpReply } from '../commands/help.ts';
import { readUserText } from '../commands/input.ts';
import { mentionReply } from '../commands/mention.ts';
import { paperById } from '../commands/papers.ts';
import { searchWithin } from '../commands/query-limit.ts';
import { queueReply } from '../commands/queue.ts';
import { exampleQueries } from '../commands/registry.ts';
import { type Reply, textReply } from '../commands/reply.ts';
import { readSectionPage, sectionReply } from '../commands/section.ts';
import { sharedPaperMessage } from '../commands/share.ts';
import { unfurlReply } from '../commands/unfurl.ts';
import { homeChannel } from '../home/data.ts';
import { homeReply } from '../home/view.ts';
import type { Library } from '../library.ts';
import type { PresenterService } from '../presenters/service.ts';
import type { Store } from '../store/types.ts';
import type { VoteService } from '../votes/service.ts';
import type { WeeklyService } from '../weekly/service.ts';
import { pressKeys, printReply, type ShellButton } from './render.ts';
import type { ShellWeek } from './week.ts';

/** The shell stands for one user in one channel. */
export const shellIdentity = Object.freeze({ channel: 'C0LOCALSHELL', user: 'U0LOCALYOU' });

/** What the shell needs. */
export interface ShellOptions {
  input: NodeJS.ReadableStream;
  output: { write(text: string): unknown };
  /** A terminal: show a banner and a prompt. Otherwise one command per line, echoed, until the input ends. */
  interactive: boolean;
  library: Library;
  weekly?: WeeklyService;
  presenters?: PresenterService;
  /** Votes and proposals; the shell's vote opens on request (it has no scheduler). */
  votes?: VoteService;
  /** `wait`: time moves to the next thing due (a leader's message, a vote, the post), which runs as in the bot. */
  week?: ShellWeek;
  /** The paper of the week's state (its workspace: `team`), for the Home tab. */
  local?: { store: Store; team: string };
  clock: () => Date;
  random: () => number;
  /**
   * How replies name people (default: a copy of {@link shellNames}): shared with what prints for the
   * channel (`wait`), so that `@ana`, once typed, is named in the weekly post and her direct message too.
   */
  names?: Record<string, string>;
}

const shellHelp = `Type what you would type in Slack:
  /optpaper <words>          search (also: just the words)
  /optpaper help             every command
  @optpaper <words>          what a mention answers in a thread
  @name                      in a command, a person (/optpaper presenters @ana @ben); @me is you
  <a link to a paper>        what its unfurl shows under your message
  home                       your Home tab
  vote on, vote, vote N      vote on the next paper (vote opens it now), N: a candidate
  propose <words or link>    propose a paper; a link the list lacks: propose <link> | <title>
  wait                       time passes to the next thing due: the leader's message, the vote, the post
  share N, read next N, next press a button of the last reply that had buttons: type its label
  quit                       leave (or Ctrl-D)`;

/** How the shell names its user ("you") and its channel. */
export const shellNames: Readonly<Record<string, string>> = Object.freeze({
  [shellIdentity.user]: 'you',
  [shellIdentity.channel]: 'reading-group',
});

/**
 * The local shell: `/optpaper …` and `@optpaper …` run through the same commands as in Slack, and
 * replies are printed as text. Buttons of the last reply can be pressed by typing what they show.
 *
 * @param options Streams, mode and dependencies.
 * @returns When the input ends or the user quits.
 */
export async function runShell(options: ShellOptions): Promise<void> {
  const { output, interactive } = options;
  const lines = createInterface({
    input: options.input,
    terminal: interactive,
    ...(interactive ? { output: process.stdout } : {}),
  });
  // People named in commands (@ana) are added as they come, for replies to name them back.
  const names = options.names ?? { ...shellNames };
  // The last reply with buttons: a reply without (help, a search with no results) leaves them pressable.
  let buttons: ShellButton[] = [];
  const show = (reply: Reply, heading?: string) => {
    const shown = printReply(output, reply, heading, names);
    if (shown.length > 0) buttons = shown;
  };
  // `wait` moves the shell's clock on; everything reads it.
  const now = options.clock;
  const context = (): Promise<CommandContext> =>
    withSubscription({
      search: options.library.current(),
      channel: { id: shellIdentity.channel },
      user: { id: shellIdentity.user },
      now: now(),
      random: options.random,
      ...(options.weekly ? { weekly: options.weekly } : {}),
      ...(options.presenters ? { presenters: options.presenters } : {}),
      ...(options.votes ? { votes: options.votes } : {}),
    });
  const home = async (): Promise<Reply> => {
    const { weekly, presenters, local } = options;
    if (!weekly || !local) return textReply(['The Home tab is not available here.']);
    const channel = shellIdentity.channel;
    const subscribed = await weekly.isSubscribed(channel);
    const channels = subscribed
      ? [
          await homeChannel(channel, {
            user: shellIdentity.user,
            weekly,
            store: local.store.team(local.team),
            search: options.library.current(),
            now: now(),
            ...(presenters ? { presenters } : {}),
          }),
        ]
      : [];
    return homeReply({ user: shellIdentity.user, channels });
  };

  if (interactive) {
    const { catalog } = options.library.current();
    output.write(
      `optpaper shell: ${catalog.papers.length} papers in ${catalog.sections.length} sections. ` +
        `Try /optpaper ${exampleQueries[0] ?? 'sharp minima'}, or "help".\n\n`,
    );
    lines.setPrompt('optpaper> ');
    lines.prompt();
  }
  for await (const raw of lines) {
    const line = raw.trim();
    if (line === '') {
      if (interactive) lines.prompt();
      continue;
    }
    if (/^(quit|exit|\.exit)$/i.test(line)) break;
    if (!interactive) output.write(`> ${line}\n`);
    try {
      const pressed = await press(line, buttons, await context());
      if (pressed) {
        show(pressed.reply, pressed.heading);
      } else if (/^help$/i.test(line)) {
        output.write(`${shellHelp}\n\n`);
      } else if (/^home$/i.test(line)) {
        show(await home(), '(your Home tab)');
      } else if (/^wait$/i.test(line)) {
        if (!options.week) output.write('There is no paper of the week here.\n\n');
        else await options.week.wait(shellIdentity.channel);
      } else if (/^@optpaper\b/i.test(line)) {
        const query = readUserText(line.replace(/^@optpaper\b/i, ''));
        const where = await context();
        show(
          query === ''
            ? mentionHelpReply(exampleQueries)
            : await searchWithin(query, (searched) => mentionReply(searched, where)),
          '(in the thread)',
        );
      } else {
        const unfurled = /^\/optpaper\b/i.test(line) ? [] : await unfurls(line, await context());
        if (unfurled.length > 0) {
          for (const reply of unfurled) show(reply, '(unfurled under your message)');
        } else {
          const text = mentionsOf(line.replace(/^\/optpaper\b/i, ''), names);
          show(await runCommand(text, await context()));
        }
      }
    } catch (error) {
      output.write(`error: ${error instanceof Error ? error.message : String(error)}\n\n`);
    }
    if (interactive) lines.prompt();
  }
  lines.close();
}

/** What the links of a line unfurl to (those that are papers of the list), as posted in the channel. */
async function unfurls(line: string, context: CommandContext): Promise<Reply[]> {
  const replies: Reply[] = [];
  for (const [url] of line.matchAll(/https?:\/\/[^\s<>|]+/g)) {
    const reply = await unfurlReply(url.replace(/[).,;]+$/, ''), context);
    if (reply) replies.push(reply);
  }
  return replies;
}

/**
 * People typed as `@name` become mentions, as Slack escapes them (`<@UANA|ana>`), so that
 * `/optpaper presenters @ana @ben` works as in Slack; `@me` and `@you` are the shell's user.
 */
function mentionsOf(text: string, names: Record<string, string>): string {
  return text.replace(/(^|\s)@([\p{L}\p{N}._-]{1,40})/gu, (_whole, space: string, name: string) => {
    const lower = name.toLowerCase();
    if (lower === 'me' || lower === 'you') return `${space}<@${shellIdentity.user}|you>`;
    const id = `U${lower
      .normalize('NFD')
      .replace(/[^a-z0-9]/g, '')
      .toUpperCase()
      .slice(0, 20)
      .padEnd(2, '0')}`;
    names[id] = name;
    return `${space}<@${id}|${name}>`;
  });
}

/** Typed forms of a button the shell shows, besides its label: `next page`, `prev`, `read-next 2`. */
const pressAliases: ReadonlyArray<readonly [RegExp, string]> = [
  [/^(next|previous) page$/, '$1'],
  [/^prev( page)?$/, 'previous'],
];

/** Presses that only a button answers (typed without one, they are not a search either). */
const buttonOnly = /^(share|read next|next|previous)( \d+)?$/;

/**
 * A typed button press: the reply it leads to, or `undefined` when the line is not a press. A line is
 * read as {@link pressKeys} reads labels, so `Read next 1`, `read-next 1` and `[Next ▶]` all press.
 */
async function press(
  line: string,
  buttons: readonly ShellButton[],
  context: CommandContext,
): Promise<{ reply: Reply; heading?: string } | undefined> {
  const keys = pressAliases.reduce((typed, [form, to]) => typed.replace(form, to), pressKeys(line));
  const button = buttons.find((candidate) => candidate.keys === keys);
  if (!button) {
    // `queue 2`, `vote 2` without such a button are commands of their own.
    if (!buttonOnly.test(keys)) return undefined;
    const shown = buttonList(buttons);
    return { reply: note(`The last reply has no button “${keys}”.${shown ? ` It has: ${shown}.` : ''}`) };
  }
  const { action } = button;
  switch (action.id) {
    case 'share_paper': {
      const paper = paperById(context, action.value);
      if (!paper) return { reply: note('That paper is no longer in the list.') };
      return { reply: sharedPaperMessage(paper, context.user.id), heading: '(posted in the channel)' };
    }
    case 'section_page': {
      const target = readSectionPage(action.value);
      if (!target) return { reply: note('That button is broken.') };
      return { reply: sectionReply(target.section, context, target.page) };
    }
    case 'read_next':
      return { reply: await queueReply(action.value, context) };
    case 'cast_vote':
      // `vote 2` is also the command, which answers the same as the button.
      return undefined;
  }
}

/** The buttons of a reply in a few words: `share 11–20, read next 11–20, previous, next`. */
function buttonList(buttons: readonly ShellButton[]): string {
  const numbers = new Map<string, number[]>();
  for (const { keys } of buttons) {
    const [, name = keys, number] = /^(.*?)(?: (\d+))?$/.exec(keys) ?? [];
    const list = numbers.get(name) ?? [];
    if (number) list.push(Number(number));
    numbers.set(name, list);
  }
  return [...numbers]
    .map(([name, list]) => {
      if (list.length === 0) return name;
      const [first = 0, last = 0] = [Math.min(...list), Math.max(...list)];
      // Papers are numbered in a row; a range reads as well as the list.
      if (list.length > 2 && last - first + 1 === list.length) return `${name} ${first}–${last}`;
      return list.map((number) => `${name} ${number}`).join(', ');
    })
    .join(', ');
}

function note(text: string): Reply {
  return textReply([text]);
}
