import type { CommandContext } from './context.ts';
import { quote } from './input.ts';
import type { Reply, ReplyBlock } from './reply.ts';
import { viewOf } from './reply.ts';

/** Papers a mention answers with: a thread wants a few good ones, not a list. */
const mentionResults = 3;

/**
 * `@optpaper <query>` in a channel or thread: the top three papers, compact, for everyone in the
 * thread (title and link, section, one line of facts); no buttons, the thread is already shared.
 *
 * @param query Plain text of the mention without the bot's own mention.
 * @param context The request.
 * @returns The thread reply.
 */
export function mentionReply(query: string, context: CommandContext): Reply {
  const hits = context.search.search(query, { limit: mentionResults });
  if (hits.length === 0) {
    const suggestions = context.search.suggest(query);
    const closest = suggestions.length > 0 ? ` Closest in the list: ${suggestions.join('; ')}.` : '';
    return {
      text: `No papers match ${quote(query)}.`,
      blocks: [{ type: 'text', text: [`No papers match ${quote(query)}.${closest}`] }],
      visibility: 'in_channel',
    };
  }
  const blocks: ReplyBlock[] = hits.map((hit) => ({ type: 'paper', paper: viewOf(hit.paper), actions: [] }));
  return {
    text: `Papers for ${quote(query)}: ${hits.map((hit) => hit.paper.title).join('; ')}`,
    blocks: [{ type: 'context', text: [`Papers for ${quote(query)}`] }, ...blocks],
    visibility: 'in_channel',
  };
}
