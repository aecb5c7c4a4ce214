import type { Link, Paper } from '../catalog/types.ts';

/**
 * A run of rich text. Plain strings are text to show as is: renderers escape them (a user's
 * `<!channel>` stays inert). Only links and emphasis carry meaning.
 */
export type Inline =
  | string
  | { text: string; url?: string; bold?: boolean; italic?: boolean; code?: boolean }
  /** A mention of a Slack user by id (the person who shared a paper); never built from user text. */
  | { user: string }
  /** A link to a Slack channel by id (the Home tab's channels, a presenter's reminder). */
  | { channel: string };

/** A line or paragraph of rich text. */
export type RichText = readonly Inline[];

/** Button ids; every one is handled by a listener in src/slack/listeners/actions/. */
export type ActionId = 'share_paper' | 'read_next' | 'section_page' | 'cast_vote';

/** A button. `value` travels back to the app when it is pressed. */
export interface Action {
  id: ActionId;
  label: string;
  value: string;
  style?: 'primary';
}

/** What a reply shows of a paper. */
export interface PaperView {
  id: string;
  title: string;
  /** The paper's main link (its first paper/book/blog link). */
  url?: string;
  sections: readonly string[];
  /** Links other than the main one (code, talk, blog…). */
  otherLinks: readonly Link[];
  arxivId?: string;
  year?: number;
  /** One line of context: what this paper is to the reader now ("posted 12 Oct", "queued"). */
  note?: RichText;
}

/** One piece of a reply, in reading order. */
export type ReplyBlock =
  | { type: 'header'; text: string }
  | { type: 'text'; text: RichText }
  | { type: 'context'; text: RichText }
  | { type: 'paper'; paper: PaperView; actions: readonly Action[] }
  | { type: 'actions'; actions: readonly Action[] }
  | { type: 'divider' };

/**
 * A platform-neutral reply: what the core answers, before Slack (Block Kit) or the shell (text)
 * renders it.
 */
export interface Reply {
  /** Plain-text summary, for notifications and clients that show no blocks. */
  text: string;
  blocks: readonly ReplyBlock[];
  /** `ephemeral`: only the person who asked sees it; `in_channel`: everyone does. */
  visibility: 'ephemeral' | 'in_channel';
  /** What to do when a platform cannot show the whole reply (default: narrow the search). */
  overflowHint?: string;
  /**
   * The number of its first paper with buttons where a renderer numbers them (the shell: `share 11`),
   * when the reply goes on from another (page 2 of a section starts at 11; default: 1).
   */
  firstNumber?: number;
}

/**
 * The view of a paper that replies show.
 *
 * @param paper A catalog paper.
 * @param note Optional line of context.
 * @returns Its view.
 */
export function viewOf(paper: Paper, note?: RichText): PaperView {
  const main = paper.links.find((link) => link.kind !== 'code' && link.kind !== 'video') ?? paper.links[0];
  const view: PaperView = {
    id: paper.id,
    title: paper.title,
    sections: paper.sections,
    otherLinks: paper.links.filter((link) => link !== main),
  };
  if (main) view.url = main.url;
  if (paper.arxivId) view.arxivId = paper.arxivId;
  if (paper.year) view.year = paper.year;
  if (note) view.note = note;
  return view;
}

/**
 * A reply made of one paragraph.
 *
 * @param text The paragraph.
 * @param visibility Who sees it (default: ephemeral).
 * @returns The reply.
 */
export function textReply(text: RichText, visibility: Reply['visibility'] = 'ephemeral'): Reply {
  return { text: plainText(text), blocks: [{ type: 'text', text }], visibility };
}

/**
 * Rich text as plain text (links show their text).
 *
 * @param text Rich text.
 * @returns Plain text.
 */
export function plainText(text: RichText): string {
  return text
    .map((run) =>
      typeof run === 'string'
        ? run
        : 'user' in run
          ? `@${run.user}`
          : 'channel' in run
            ? `#${run.channel}`
            : run.text,
    )
    .join('');
}
