import type { Action, Inline, PaperView, Reply, RichText } from '../commands/reply.ts';

/** A button of the last reply, and what to type to press it. */
export interface ShellButton {
  action: Action;
  /** What the user types: the button's label, and the paper's number for a paper's (`share 2`, `read next 2`, `next`). */
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
  // Page 2 of a section goes on from page 1 (11, 12…): a number names one paper of the whole list.
  let paperNumber = (reply.firstNumber ?? 1) - 1;
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
        const pressed = block.actions.map((action) => ({
          action,
          keys: `${pressKeys(action.label)} ${number}`,
        }));
        if (pressed.length > 0)
          lines.push(`${pad}${pressed.map((button) => `[${button.action.label}]`).join(' ')}`);
        buttons.push(...pressed);
        break;
      }
      case 'actions': {
        const pressed = block.actions.map((action) => ({ action, keys: pressKeys(action.label) }));
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

/**
 * Rich text for a terminal: none of Slack's markup (`<url|label>`, `*bold*`, backticks), which reads as
 * noise there. A link keeps its URL after its text, in parentheses, where a terminal can open it; code
 * is shown as typed, to be typed again.
 */
function inline(text: RichText, names: Readonly<Record<string, string>>): string {
  return text
    .map((run: Inline) => {
      if (typeof run === 'string') return run;
      if ('user' in run) return `@${names[run.user] ?? run.user}`;
      if ('channel' in run) return `#${names[run.channel] ?? run.channel}`;
      if (run.url && run.url !== run.text) return `${run.text} (${run.url})`;
      return run.text;
    })
    .join('');
}

/**
 * What to type to press a button: its label as the shell shows it, in lower case, without arrows or
 * brackets (`[Read next]` → `read next`, `[Next ▶]` → `next`). What the user types is read the same way.
 *
 * @param label A button's label, or a typed line.
 * @returns The words that press it.
 */
export function pressKeys(label: string): string {
  return label
    .toLowerCase()
    .replace(/[-_]/g, ' ')
    .replace(/[^\p{L}\p{N}\s]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
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
