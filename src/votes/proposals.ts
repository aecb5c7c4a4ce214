/**
 * What a member proposes, read from what they typed or shared: a paper of the list (by words or by
 * one of its links), or a link the list does not have (which needs a title). Pure.
 */
import type { Paper } from '../catalog/types.ts';
import type { PaperSearch } from '../search/search.ts';

/** Limits on what a proposal may hold, one place. */
export const proposalLimits = Object.freeze({
  /** Longest title kept (a title is one line, not a paragraph). */
  title: 300,
  /** Longest link kept. */
  url: 2000,
});

/** A proposal ready to be made. */
export type ProposalTarget = { kind: 'list'; paper: Paper } | { kind: 'outside'; url: string; title: string };

/** What a request to propose turned out to be. */
export type ProposalRequest =
  | ProposalTarget
  /** A link the list does not have, with no title yet: ask for one. */
  | { kind: 'untitled'; url: string }
  /** Nothing to propose: why. */
  | { kind: 'none'; reason: 'empty' | 'no-match' | 'bad-link'; words: string };

const linkPattern = /https?:\/\/[^\s<>|]+/i;

/**
 * The first link of a Slack message's text: `<https://…|label>`, `<https://…>` or a bare URL, with the
 * label when it is not the URL itself (a title to start from).
 *
 * @param text A message's text as Slack sends it.
 * @returns The link and its label, or `undefined` for a message without one.
 */
export function firstLink(text: string): { url: string; label?: string } | undefined {
  const marked = /<(https?:\/\/[^|>\s]+)(?:\|([^>]*))?>/i.exec(text);
  if (marked) {
    const url = marked[1] ?? '';
    const label = decodeEntities(marked[2] ?? '').trim();
    return label && label !== url && !linkPattern.test(label) ? { url, label } : { url };
  }
  const bare = linkPattern.exec(text)?.[0];
  return bare ? { url: trimLink(bare) } : undefined;
}

/**
 * Read `/optpaper propose …`: a link (with an optional title after it, or after `|`), or words.
 *
 * @param text What followed `propose`, as {@link readUserText} leaves it.
 * @param search The search over the list (a list paper is found by its link, or by the words).
 * @returns What to propose, or why nothing.
 */
export function readProposal(text: string, search: PaperSearch): ProposalRequest {
  const words = text.trim();
  if (words === '') return { kind: 'none', reason: 'empty', words };
  const link = linkPattern.exec(words)?.[0];
  if (link) {
    const title = words.replace(link, ' ').replace(/^[\s|]+|[\s|]+$/g, '');
    return proposalOfLink(trimLink(link), title, search);
  }
  const [hit] = search.search(words, { limit: 1 });
  return hit ? { kind: 'list', paper: hit.paper } : { kind: 'none', reason: 'no-match', words };
}

/**
 * A link with its title (typed, or from a form): the list's paper when the list has the link, else an
 * outside paper, checked.
 *
 * @param url The link.
 * @param title Its title (may be empty).
 * @param search The search over the list.
 * @returns The proposal, a request for a title, or a bad link.
 */
export function proposalOfLink(url: string, title: string, search: PaperSearch): ProposalRequest {
  const link = checkedLink(url);
  if (!link) return { kind: 'none', reason: 'bad-link', words: url };
  // A link of the list finds its paper exactly (arXiv abs/pdf/version forms are one link).
  const [hit] = search.search(link, { limit: 1 });
  if (hit) return { kind: 'list', paper: hit.paper };
  const clean = cleanTitle(title);
  return clean === '' ? { kind: 'untitled', url: link } : { kind: 'outside', url: link, title: clean };
}

/**
 * A link fit to store and post: http(s), a host, no spaces, not absurdly long.
 *
 * @param url A link as typed.
 * @returns The link, or `undefined`.
 */
export function checkedLink(url: string): string | undefined {
  const trimmed = url.trim();
  if (trimmed.length > proposalLimits.url || /\s/.test(trimmed)) return undefined;
  try {
    const parsed = new URL(trimmed);
    if (!/^https?:$/.test(parsed.protocol) || !parsed.hostname.includes('.')) return undefined;
  } catch {
    return undefined;
  }
  return trimmed;
}

/**
 * A title as typed: whitespace and control characters collapsed, cut to 300 characters (code points).
 *
 * @param title A title.
 * @returns The title (empty when nothing is left).
 */
export function cleanTitle(title: string): string {
  const clean = title
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  // Cut by characters, not UTF-16 units: half an emoji is not a character.
  const characters = [...clean];
  return characters.length > proposalLimits.title
    ? `${characters.slice(0, proposalLimits.title - 1).join('')}…`
    : clean;
}

/** A link's closing punctuation belongs to the sentence, not the link. */
function trimLink(url: string): string {
  return url.replace(/[).,;:!?'"]+$/, '');
}

function decodeEntities(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
