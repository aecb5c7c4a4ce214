import type { CommandContext } from './context.ts';
import { quote } from './input.ts';
import { paperBlock } from './papers.ts';
import type { Inline, Reply, ReplyBlock } from './reply.ts';

/** Results shown for `/optpaper <query>`. */
const resultCount = 5;

/**
 * `/optpaper <query>`: the best papers for a query, each with its buttons; when nothing matches,
 * the closest section names or titles and a pointer to browsing.
 *
 * @param query Plain text from the user (already read with `readUserText`).
 * @param context The request.
 * @param nearCommand A subcommand name the query may be a typo of, offered as "did you mean".
 * @returns The reply.
 */
export function searchReply(query: string, context: CommandContext, nearCommand?: string): Reply {
  const hits = context.search.search(query, { limit: resultCount });
  if (hits.length === 0) return noMatch(query, context, nearCommand);
  const unknown = context.search.unknownWords(query);
  const blocks: ReplyBlock[] = [
    ...(nearCommand ? [didYouMean(nearCommand)] : []),
    {
      type: 'context',
      text: [
        `${hits.length === 1 ? 'Best match' : `Top ${hits.length}`} for ${quote(query)}`,
        // Said, so that nobody thinks "kingma" was found: the list names no authors.
        ...(unknown.length > 0
          ? [` · no paper mentions ${unknown.map((word) => quote(word)).join(' or ')}`]
          : []),
      ],
    },
    ...hits.map((hit) => paperBlock(hit.paper, context)),
  ];
  return {
    text: `${hits.length} papers for ${quote(query)}: ${hits.map((hit) => hit.paper.title).join('; ')}`,
    blocks,
    visibility: 'ephemeral',
  };
}

function noMatch(query: string, context: CommandContext, nearCommand?: string): Reply {
  const blocks: ReplyBlock[] = [{ type: 'text', text: [`No papers match ${quote(query)}.`] }];
  if (nearCommand) blocks.push(didYouMean(nearCommand));
  // A near command ("halp") is what was meant: titles that look like it would only distract.
  const suggestions = nearCommand ? [] : context.search.suggest(query);
  if (suggestions.length > 0) {
    const text: Inline[] = ['Closest in the list: '];
    suggestions.forEach((name, index) => {
      if (index > 0) text.push(index === suggestions.length - 1 ? ' or ' : ', ');
      text.push({ text: name, bold: true });
    });
    blocks.push({ type: 'text', text });
  }
  blocks.push({
    type: 'context',
    text: [
      'Browse with ',
      { text: '/optpaper sections', code: true },
      ', or see ',
      { text: '/optpaper help', code: true },
      '.',
    ],
  });
  return { text: `No papers match ${quote(query)}.`, blocks, visibility: 'ephemeral' };
}

function didYouMean(command: string): ReplyBlock {
  return { type: 'text', text: ['Did you mean ', { text: `/optpaper ${command}`, code: true }, '?'] };
}
