import { stripInvisible } from '../search/query.ts';

/** Longest text read from a user; the rest is ignored rather than rejected. */
const maxInputLength = 2000;

/**
 * Turn text that came from Slack into plain text: entities decoded, mentions removed (a special
 * mention such as `<!channel>` must never come back live, and means nothing to a search), invisible
 * characters removed (zero-width, bidi controls, soft hyphens), channel
 * and link markup reduced to what it shows, whitespace collapsed.
 *
 * @param raw Text as Slack sent it (slash command text, mention text, a shell line).
 * @returns Plain text, at most 2,000 characters.
 */
export function readUserText(raw: string): string {
  return (
    // Zero-width and bidi control characters: invisible, they would split words and reorder replies.
    stripInvisible(raw.slice(0, maxInputLength * 2))
      .replace(/<([@!])[^>]*>/g, ' ')
      .replace(/<#[A-Z0-9]+\|([^>]*)>/g, '#$1')
      .replace(/<(https?:\/\/[^|>]+)(?:\|[^>]*)?>/g, '$1')
      // Other links Slack escapes (`<mailto:a@b.org|a@b.org>`): what they show.
      .replace(/<[a-z][a-z0-9+.-]*:[^|>]*\|([^>]*)>/gi, '$1')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, maxInputLength)
  );
}

/**
 * A user's text quoted for a reply, shortened when long.
 *
 * @param text Plain text from {@link readUserText}.
 * @param length Longest quote (default: 80).
 * @returns The text in quotation marks.
 */
export function quote(text: string, length = 80): string {
  const short = text.length > length ? `${text.slice(0, length - 1)}…` : text;
  return `“${short}”`;
}

/** A user mention as Slack escapes it in command text: `<@U123>` or `<@U123|ana>`. */
const mentionPattern = /<@([UW][A-Z0-9]{2,20})(?:\|[^>]*)?>/g;

/**
 * The people a text mentions, in order (`/optpaper presenters @ana @ben` arrives as
 * `<@U1|ana> <@U2|ben>` because the command escapes them).
 *
 * @param raw Text as Slack sent it.
 * @returns User ids, in order, repeats kept.
 */
export function userMentions(raw: string): string[] {
  // Stryker disable next-line StringLiteral: group 1 is not optional, so a match always has it; `?? ''` only satisfies the type.
  return [...raw.slice(0, maxInputLength * 2).matchAll(mentionPattern)].map((match) => match[1] ?? '');
}
