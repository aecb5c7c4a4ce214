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
 * @param hint A subcommand the query may be a typo of (`near`: "did you mean"), or one it starts with
 *   that takes no words (`alone`: how to run it).
 * @returns The reply.
 */
export function searchReply(query: string, context: CommandContext, hint?: CommandHint): Reply {
  const hits = context.search.search(query, { limit: resultCount });
  if (hits.length === 0) return noMatch(query, context, hint);
  const unknown = context.search.unknownWords(query);
  const blocks: ReplyBlock[] = [
    ...(hint ? [hintBlock(hint)] : []),
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
    text: `${hits.length} ${hits.length === 1 ? 'paper' : 'papers'} for ${quote(query)}: ${hits.map((hit) => hit.paper.title).join('; ')}`,
    blocks,
    visibility: 'ephemeral',
  };
}

function noMatch(query: string, context: CommandContext, hint?: CommandHint): Reply {
  const blocks: ReplyBlock[] = [{ type: 'text', text: [`No papers match ${quote(query)}.`] }];
  if (hint) blocks.push(hintBlock(hint));
  // A command ("halp", "skip this") is likely what was meant: titles that look like it would distract.
  const suggestions = hint ? [] : context.search.suggest(query);
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

/** A subcommand the text looks like: a typo of one (`near`), or one that takes no words (`alone`). */
export type CommandHint = { near: string } | { alone: string };

function hintBlock(hint: CommandHint): ReplyBlock {
  if ('near' in hint) {
    return { type: 'text', text: ['Did you mean ', { text: `/optpaper ${hint.near}`, code: true }, '?'] };
  }
  return {
    type: 'context',
    text: [
      'Searched, since ',
      { text: `/optpaper ${hint.alone}`, code: true },
      ' takes no words: send it alone to run it.',
    ],
  };
}
