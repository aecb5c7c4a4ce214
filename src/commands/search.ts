import type { SearchAnswer, SearchHit } from '../search/search.ts';
import { commandText } from './command-name.ts';
import type { CommandContext } from './context.ts';
import { quote } from './input.ts';
import { paperBlock } from './papers.ts';
import type { Inline, Reply, ReplyBlock, RichText } from './reply.ts';

/** Results shown for `/optpaper <query>`. */
const resultCount = 5;

/**
 * `/optpaper <query>`: the best papers for a query, each with its buttons; when nothing matches,
 * the closest section names or titles and a pointer to browsing. A question in several parts
 * ("adam vs rmsprop") says which part each paper matches when it does not match them all.
 *
 * @param query Plain text from the user (already read with `readUserText`).
 * @param context The request.
 * @param hint A subcommand the query may be a typo of (`near`: "did you mean"), or one it starts with
 *   that takes no words (`alone`: how to run it).
 * @returns The reply.
 */
export function searchReply(query: string, context: CommandContext, hint?: CommandHint): Reply {
  const found = context.search.answer(query, { limit: resultCount });
  const { hits } = found;
  if (hits.length === 0) return noMatch(found, context, hint);
  const blocks: ReplyBlock[] = [
    ...(hint ? [hintBlock(hint, context)] : []),
    { type: 'context', text: [answerSummary(found)] },
    ...hits.map((hit) => paperBlock(hit.paper, context, matchNote(hit, found))),
  ];
  return {
    text: `${hits.length} ${hits.length === 1 ? 'paper' : 'papers'} for ${quote(found.query)}: ${hits.map((hit) => hit.paper.title).join('; ')}`,
    blocks,
    visibility: 'ephemeral',
  };
}

/**
 * What a paper of a question in several parts matched, when it is not every part: `matches “adam”`.
 *
 * @param hit A result.
 * @param found The answer it belongs to.
 * @returns The note, or `undefined` when the paper matches the whole query.
 */
export function matchNote(hit: SearchHit, found: SearchAnswer): RichText | undefined {
  const matched = hit.matched;
  if (!matched || matched.length >= found.parts.length) return undefined;
  const parts = matched.map((part) => quote(part, 40));
  return [{ text: `matches ${listOf(parts, 'and')}`, italic: true }];
}

/**
 * The line above the results: what was found for what (`Top 5 for “q” from 2017`; for filters alone,
 * how many papers they hold), then what the search left out or could not find.
 *
 * @param found An answer with results.
 * @returns Plain text (a renderer escapes it).
 */
export function answerSummary(found: SearchAnswer): string {
  return [heading(found), ...remarks(found)].join('');
}

/**
 * Whether an answer has more to say than its words: filters, parts, words left out (a plain query's
 * reply may keep a short heading).
 *
 * @param found An answer.
 * @returns True when {@link answerSummary} says more than "Top 5 for “q”".
 */
export function saysMore(found: SearchAnswer): boolean {
  return found.sections.length + found.years.length + found.parts.length + found.unknown.length > 0;
}

/** "Top 5 for “q” in Section · from 2017", or, for filters alone, how many papers they hold. */
function heading(found: SearchAnswer): string {
  const count = found.hits.length;
  const filters = filterText(found);
  if (found.filtered !== undefined && found.words === '') {
    return `Papers ${filters}: ${count < found.filtered ? `${count} of ${found.filtered}` : count}, in list order`;
  }
  // With filters, the words are quoted and the filters said in words: “warm” in Curriculum Learning.
  const asked = filters && found.words ? found.words : found.query;
  return `${count === 1 ? 'Best match' : `Top ${count}`} for ${quote(asked)}${filters ? ` ${filters}` : ''}`;
}

/** What the search left out or could not find, said so that nobody reads more into the answer. */
function remarks(found: SearchAnswer): string[] {
  const said: string[] = [];
  const [best] = found.hits;
  if (found.parts.length > 1 && best?.matched && best.matched.length < found.parts.length) {
    const parts = found.parts
      .filter((part) => !found.unmatched.includes(part))
      .map((part) => quote(part, 40));
    if (parts.length > 1)
      said.push(` · no paper matches ${listOf(parts, 'and')} together: the best for each`);
  }
  if (found.unmatched.length > 0)
    said.push(
      ` · nothing found for ${listOf(
        found.unmatched.map((part) => quote(part, 40)),
        'or',
      )}`,
    );
  if (found.undated)
    said.push(` · no paper from ${yearsText(found.years)} matches; the list shows no year for these`);
  // Said, so that nobody thinks "kingma" was found: the list names no authors.
  if (found.unknown.length > 0)
    said.push(` · no paper mentions ${found.unknown.map((word) => quote(word)).join(' or ')}`);
  return said;
}

function noMatch(found: SearchAnswer, context: CommandContext, hint?: CommandHint): Reply {
  const text =
    found.unknownSections.length > 0
      ? `No section matches ${listOf(
          found.unknownSections.map((name) => quote(name)),
          'or',
        )}.`
      : found.filtered !== undefined && found.words
        ? `No papers ${filterText(found)} match ${quote(found.words)}.`
        : `No papers match ${quote(found.query)}.`;
  const blocks: ReplyBlock[] = [{ type: 'text', text: [text] }];
  if (hint) blocks.push(hintBlock(hint, context));
  // A command ("halp", "skip this") is likely what was meant: titles that look like it would distract.
  // Suggestions ignore the filters: what the list has outside them.
  const suggestions = hint ? [] : context.search.suggest(found.query);
  if (suggestions.length > 0) {
    const closest: Inline[] = ['Closest in the list: '];
    suggestions.forEach((name, index) => {
      if (index > 0) closest.push(index === suggestions.length - 1 ? ' or ' : ', ');
      closest.push({ text: name, bold: true });
    });
    blocks.push({ type: 'text', text: closest });
  }
  blocks.push({
    type: 'context',
    text: [
      'Browse with ',
      { text: commandText(context, 'sections'), code: true },
      ', or see ',
      { text: commandText(context, 'help'), code: true },
      '.',
    ],
  });
  return { text, blocks, visibility: 'ephemeral' };
}

/** The filters of an answer as words: `in Curriculum Learning · from 2017`; empty without filters. */
function filterText(found: SearchAnswer): string {
  const said: string[] = [];
  if (found.sections.length > 0)
    said.push(
      `in ${listOf(
        found.sections.map((section) => section.name),
        'or',
      )}`,
    );
  // Undated papers are not "from" the year: the remarks say what they are.
  if (found.years.length > 0 && !found.undated) said.push(`from ${yearsText(found.years)}`);
  return said.join(' · ');
}

/** 2017, 2017 or 2019, 2017–2019. */
function yearsText(years: readonly number[]): string {
  const first = years[0] as number;
  const last = years[years.length - 1] as number;
  if (years.length > 2 && last - first === years.length - 1) return `${first}–${last}`;
  return listOf(years.map(String), 'or');
}

/** `a`, `a and b`, `a, b and c`. */
function listOf(items: readonly string[], last: 'and' | 'or'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${last} ${items[items.length - 1]}`;
}

/** A subcommand the text looks like: a typo of one (`near`), or one that takes no words (`alone`). */
export type CommandHint = { near: string } | { alone: string };

function hintBlock(hint: CommandHint, context: CommandContext): ReplyBlock {
  if ('near' in hint) {
    return {
      type: 'text',
      text: ['Did you mean ', { text: commandText(context, hint.near), code: true }, '?'],
    };
  }
  return {
    type: 'context',
    text: [
      'Searched, since ',
      { text: commandText(context, hint.alone), code: true },
      ' takes no words: send it alone to run it.',
    ],
  };
}
