import type { webApi } from '@slack/bolt';
import type { Action, Inline, PaperView, Reply, ReplyBlock, RichText } from '../commands/reply.ts';
import { escapeMrkdwn, mrkdwnLink } from './escape.ts';

/** Slack's limits on a message (https://api.slack.com/reference/block-kit/blocks). */
export const slackLimits = Object.freeze({
  blocks: 50,
  sectionText: 3000,
  /** Text of one element of a context block. */
  contextText: 2000,
  headerText: 150,
  buttonText: 75,
  buttonValue: 2000,
  contextElements: 10,
  /** Slack truncates messages longer than this; we stop adding blocks before it. */
  messageText: 12_000,
  /** Longest title shown: a 2,000-character "title" is a mistake in the list, not something to read. */
  title: 300,
  fallbackText: 3000,
});

/** A Block Kit block, as plain JSON. */
export type SlackBlock = Record<string, unknown>;

/** A message for chat.postMessage, an ack or respond(). */
export interface SlackMessage {
  text: string;
  blocks: SlackBlock[];
}

/**
 * Rendered blocks as the Web API client's types name them, for the methods that take blocks outside
 * a message (chat.unfurl, views.publish).
 *
 * @param blocks Blocks from {@link toSlackMessage}.
 * @returns The same blocks.
 */
export function asClientBlocks(blocks: readonly SlackBlock[]): webApi.Block[] {
  // This module renders Block Kit as plain JSON; the client's type names each block kind.
  return blocks as unknown as webApi.Block[];
}

/** Slack user ids are the only thing rendered as a live mention. */
const userId = /^[UW][A-Z0-9]{2,20}$/;
/** Channel ids (public, private, direct) are the only thing rendered as a live channel link. */
const channelId = /^[CGD][A-Z0-9]{2,20}$/;

/**
 * Render a platform-neutral reply as a Block Kit message, within Slack's limits: long texts are cut,
 * and blocks that would push the message past 50 blocks or ~12,000 characters are replaced by a note
 * saying how many were left out.
 *
 * @param reply The reply.
 * @returns Text (notification fallback) and blocks.
 */
export function toSlackMessage(reply: Reply): SlackMessage {
  const blocks: SlackBlock[] = [];
  let characters = 0;
  let leftPapers = 0;
  let leftTexts = 0;
  // Room is kept for the note that says what was left out.
  const maxBlocks = slackLimits.blocks - 1;
  const maxCharacters = slackLimits.messageText - 200;
  for (const block of reply.blocks) {
    const rendered = renderBlock(block);
    const size = rendered.reduce((sum, item) => sum + JSON.stringify(item).length, 0);
    const cutAlready = leftPapers + leftTexts > 0;
    if (cutAlready || blocks.length + rendered.length > maxBlocks || characters + size > maxCharacters) {
      // Navigation still has to work when the page is cut.
      if (block.type === 'actions' && blocks.length + rendered.length <= maxBlocks) blocks.push(...rendered);
      else if (block.type === 'paper') leftPapers++;
      else if (block.type === 'text') leftTexts++;
      continue;
    }
    blocks.push(...rendered);
    characters += size;
  }
  if (leftPapers + leftTexts > 0) {
    const what =
      leftPapers > 0
        ? `${leftPapers} more ${leftPapers === 1 ? 'paper' : 'papers'} not shown`
        : 'The rest did not fit in one Slack message';
    const hint = reply.overflowHint ?? 'narrow the search, or open a section page by page';
    blocks.push(context(escapeMrkdwn(`${what}: ${hint}.`)));
  }
  return { text: cut(escapeMrkdwn(reply.text), slackLimits.fallbackText), blocks };
}

function renderBlock(block: ReplyBlock): SlackBlock[] {
  switch (block.type) {
    case 'header':
      return [
        {
          type: 'header',
          text: { type: 'plain_text', text: cut(block.text, slackLimits.headerText), emoji: true },
        },
      ];
    case 'text':
      return splitSections(mrkdwn(block.text)).map((text) => ({
        type: 'section',
        text: { type: 'mrkdwn', text },
      }));
    case 'context':
      return [context(mrkdwn(block.text))];
    case 'divider':
      return [{ type: 'divider' }];
    case 'actions':
      return block.actions.length > 0 ? [actionsBlock(block.actions)] : [];
    case 'paper':
      return paperBlocks(block.paper, block.actions);
  }
}

function paperBlocks(paper: PaperView, actions: readonly Action[]): SlackBlock[] {
  const section: SlackBlock = {
    type: 'section',
    text: { type: 'mrkdwn', text: cut(paperText(paper), slackLimits.sectionText) },
  };
  const [only] = actions;
  if (actions.length === 1 && only) return [{ ...section, accessory: button(only, 0) }];
  return actions.length === 0 ? [section] : [section, actionsBlock(actions)];
}

/** Title (linked), then one line of facts: sections, arXiv id and year, other links. */
function paperText(paper: PaperView): string {
  const title = cut(paper.title, slackLimits.title);
  const heading = paper.url ? `*${mrkdwnLink(paper.url, title)}*` : `*${escapeMrkdwn(title)}*`;
  const facts: string[] = [];
  if (paper.sections.length > 0)
    facts.push(paper.sections.map((name) => `_${escapeMrkdwn(name)}_`).join(' · '));
  if (paper.arxivId) facts.push(`arXiv ${paper.arxivId}${paper.year ? ` (${paper.year})` : ''}`);
  else if (paper.year) facts.push(String(paper.year));
  for (const link of paper.otherLinks)
    facts.push(mrkdwnLink(link.url, link.label === 'Link' ? link.host : link.label));
  const lines = [heading, facts.join(' · ')];
  if (paper.note) lines.push(mrkdwn(paper.note));
  return lines.filter(Boolean).join('\n');
}

function actionsBlock(actions: readonly Action[]): SlackBlock {
  return { type: 'actions', elements: actions.map((action, index) => button(action, index)) };
}

function button(action: Action, index: number): SlackBlock {
  // action_id must be unique within a block; listeners match the id with an optional `:n` suffix.
  const element: SlackBlock = {
    type: 'button',
    action_id: `${action.id}:${index}`,
    text: { type: 'plain_text', text: cut(action.label, slackLimits.buttonText), emoji: true },
    value: action.value.slice(0, slackLimits.buttonValue),
  };
  if (action.style) element.style = action.style;
  return element;
}

function context(text: string): SlackBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: cut(text, slackLimits.contextText) }] };
}

/**
 * Rich text as mrkdwn: every string escaped, links as `<url|text>`, users as `<@U…>`.
 *
 * @param text Rich text.
 * @returns mrkdwn.
 */
export function mrkdwn(text: RichText): string {
  return text.map(renderInline).join('');
}

function renderInline(run: Inline): string {
  if (typeof run === 'string') return escapeMrkdwn(run);
  if ('user' in run) return userId.test(run.user) ? `<@${run.user}>` : escapeMrkdwn(`@${run.user}`);
  if ('channel' in run)
    return channelId.test(run.channel) ? `<#${run.channel}>` : escapeMrkdwn(`#${run.channel}`);
  let text = run.url ? mrkdwnLink(run.url, run.text) : escapeMrkdwn(run.text);
  if (run.code) text = `\`${text.replace(/`/g, "'")}\``;
  if (run.bold) text = `*${text}*`;
  if (run.italic) text = `_${text}_`;
  return text;
}

/** Long text split at line breaks into pieces that each fit a section block. */
function splitSections(text: string): string[] {
  const pieces: string[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    if (current !== '' && current.length + line.length + 1 > slackLimits.sectionText) {
      pieces.push(current);
      current = '';
    }
    current = current === '' ? cut(line, slackLimits.sectionText) : `${current}\n${line}`;
  }
  if (current.trim() !== '') pieces.push(current);
  return pieces.length > 0 ? pieces : [' '];
}

/** At most `length` UTF-16 units (Slack's count), never half a character (an emoji's surrogate pair). */
function cut(text: string, length: number): string {
  if (text.length <= length) return text;
  let end = length - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}
