import type { Action, Inline, PaperView, Reply, RichText } from '../commands/reply.ts';

/** A button of the last reply, and what to type to press it. */
export interface ShellButton {
  action: Action;
  /** What the user types: `share 2`, `read-next 2`, `next`, `previous`. */
  keys: string;
}

/** How a reply reads in a terminal. */
export interface RenderedText {
  text: string;
  buttons: ShellButton[];
}

/**
 * Render a reply as text for a terminal: papers numbered, links shown in full, buttons shown as
 * `[Share]` with what to type to press them.
 *
 * @param reply The reply.
 * @param names How to show user ids (the shell's own user is "you").
 * @returns Text and the buttons it shows.
 */
export function renderText(reply: Reply, names: Readonly<Record<string, string>> = {}): RenderedText {
  const lines: string[] = [];
  const buttons: ShellButton[] = [];
  let paperNumber = 0;
  for (const block of reply.blocks) {
    switch (block.type) {
      case 'header':
        lines.push(block.text, '─'.repeat(Math.min(60, block.text.length)));
        break;
      case 'text':
        lines.push(inline(block.text, names));
        break;
      case 'context':
        lines.push(inline(block.text, names));
        break;
      case 'divider':
        lines.push('');
        break;
      case 'paper': {
        const number = block.actions.length > 0 ? ++paperNumber : undefined;
        const pad = ' '.repeat(number === undefined ? 2 : `${number}. `.length);
        lines.push(...paperLines(block.paper, number, pad, names));
        const pressed = block.actions.map((action) => ({ action, keys: `${keyOf(action)} ${number}` }));
        if (pressed.length > 0)
          lines.push(`${pad}${pressed.map((button) => `[${button.action.label}]`).join(' ')}`);
        buttons.push(...pressed);
        break;
      }
      case 'actions': {
        const pressed = block.actions.map((action) => ({ action, keys: pagerKey(action) }));
        lines.push(pressed.map((button) => `[${button.action.label}]`).join(' '));
        buttons.push(...pressed);
        break;
      }
    }
  }
  if (buttons.length > 0) lines.push(`(press a button: ${[...new Set(buttons.map(hint))].join(', ')})`);
  return { text: lines.join('\n'), buttons };
}

function paperLines(
  paper: PaperView,
  number: number | undefined,
  pad: string,
  names: Readonly<Record<string, string>>,
): string[] {
  const prefix = number === undefined ? '•' : `${number}.`;
  const facts = [paper.sections.join(' · ')];
  if (paper.arxivId) facts.push(`arXiv ${paper.arxivId}${paper.year ? ` (${paper.year})` : ''}`);
  else if (paper.year) facts.push(String(paper.year));
  const lines = [`${prefix} ${paper.title}`];
  if (paper.url) lines.push(`${pad}${paper.url}`);
  // A paper outside the list has no section, and so nothing to say here.
  const known = facts.filter(Boolean);
  if (known.length > 0) lines.push(`${pad}${known.join(' · ')}`);
  for (const link of paper.otherLinks)
    lines.push(`${pad}${link.label === 'Link' ? link.host : link.label}: ${link.url}`);
  if (paper.note) lines.push(`${pad}${inline(paper.note, names)}`);
  return lines;
}

function inline(text: RichText, names: Readonly<Record<string, string>>): string {
  return text
    .map((run: Inline) => {
      if (typeof run === 'string') return run;
      if ('user' in run) return `@${names[run.user] ?? run.user}`;
      if ('channel' in run) return `#${names[run.channel] ?? run.channel}`;
      if (run.url && run.url !== run.text) return `${run.text} <${run.url}>`;
      return run.code ? `\`${run.text}\`` : run.text;
    })
    .join('');
}

/** What the user types to press a button (`share 2`, `vote 2`). */
const pressKeys: Readonly<Record<Action['id'], string>> = Object.freeze({
  share_paper: 'share',
  read_next: 'read-next',
  section_page: 'section_page',
  cast_vote: 'vote',
});

function keyOf(action: Action): string {
  return pressKeys[action.id];
}

function pagerKey(action: Action): string {
  return /previous/i.test(action.label) ? 'previous' : /next/i.test(action.label) ? 'next' : keyOf(action);
}

function hint(button: ShellButton): string {
  return button.keys.replace(/ \d+$/, ' N');
}

/**
 * Print a reply as the shell does: an optional heading saying where it went, the text, a blank line.
 *
 * @param output Where the shell writes.
 * @param reply The reply.
 * @param heading `(posted in the channel)`, `(in the thread)`…
 * @param names How to show user ids.
 * @returns The buttons the reply shows.
 */
export function printReply(
  output: { write(text: string): unknown },
  reply: Reply,
  heading?: string,
  names: Readonly<Record<string, string>> = {},
): ShellButton[] {
  const rendered = renderText(reply, names);
  output.write(`${heading ? `${heading}\n` : ''}${rendered.text}\n\n`);
  return rendered.buttons;
}
