import { searchDefaults } from '../search/search.ts';
import type { Reply } from './reply.ts';

/** How much of a query is searched, one place. */
export const queryLimits = Object.freeze({
  /**
   * Longest query searched, in characters (the search's own limit, one place): a question is a few
   * words; a pasted page would cost every other request its answer time, and finds nothing better.
   */
  maxQueryLength: searchDefaults.maxQueryLength,
});

/**
 * A query cut to the searchable length, at a word boundary when one is near.
 *
 * @param query Plain text from `readUserText`.
 * @returns The query to search, and whether it was cut.
 */
export function searchableQuery(query: string): { query: string; cut: boolean } {
  const { maxQueryLength } = queryLimits;
  if (query.length <= maxQueryLength) return { query, cut: false };
  const head = query.slice(0, maxQueryLength);
  const space = head.lastIndexOf(' ');
  return { query: (space > maxQueryLength * 0.8 ? head.slice(0, space) : head).trim(), cut: true };
}

/**
 * Say in a reply that its query was cut, so that nobody wonders why the end of it was ignored.
 *
 * @param reply The search's reply.
 * @returns The reply, with a first line saying how much was searched.
 */
export function withCutNote(reply: Reply): Reply {
  const note = `Your query was long: I searched its first ${queryLimits.maxQueryLength} characters.`;
  return {
    ...reply,
    text: `${note} ${reply.text}`,
    blocks: [{ type: 'context', text: [note] }, ...reply.blocks],
  };
}

/**
 * Run a search-like command on the searchable part of a query.
 *
 * @param query Plain text from `readUserText`.
 * @param answer Builds the reply for a query.
 * @returns The reply, noting a cut.
 */
export async function searchWithin(
  query: string,
  answer: (query: string) => Reply | Promise<Reply>,
): Promise<Reply> {
  const searchable = searchableQuery(query);
  const reply = await answer(searchable.query);
  return searchable.cut ? withCutNote(reply) : reply;
}
