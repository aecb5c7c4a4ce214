import type { CommandContext } from './context.ts';
import { quote } from './input.ts';
import type { Reply, ReplyBlock } from './reply.ts';
import { viewOf } from './reply.ts';
import { answerSummary, matchNote, saysMore } from './search.ts';

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
  const found = context.search.answer(query, { limit: mentionResults });
  const { hits } = found;
  if (hits.length === 0) {
    const suggestions = context.search.suggest(found.query);
    const closest = suggestions.length > 0 ? ` Closest in the list: ${suggestions.join('; ')}.` : '';
    return {
      text: `No papers match ${quote(found.query)}.`,
      blocks: [{ type: 'text', text: [`No papers match ${quote(found.query)}.${closest}`] }],
      visibility: 'in_channel',
    };
  }
  const blocks: ReplyBlock[] = hits.map((hit) => ({
    type: 'paper',
    paper: viewOf(hit.paper, matchNote(hit, found)),
    actions: [],
  }));
  // A plain query keeps the short heading; filters, parts and words left out are said.
  return {
    text: `Papers for ${quote(found.query)}: ${hits.map((hit) => hit.paper.title).join('; ')}`,
    blocks: [
      {
        type: 'context',
        text: [saysMore(found) ? answerSummary(found) : `Papers for ${quote(found.query)}`],
      },
      ...blocks,
    ],
    visibility: 'in_channel',
  };
}
