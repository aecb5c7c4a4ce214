import { commandText } from './command-name.ts';
import type { CommandContext } from './context.ts';
import { quote } from './input.ts';
import type { Reply, ReplyBlock, RichText } from './reply.ts';

/** Sections per text block: keeps each block far under Slack's 3,000 characters. */
const linesPerBlock = 20;

/**
 * `/optpaper sections`: every section with its number and paper count.
 *
 * @param context The request.
 * @returns The reply.
 */
export function sectionsReply(context: CommandContext): Reply {
  const { sections, papers, entries } = context.search.catalog;
  const blocks: ReplyBlock[] = [
    { type: 'header', text: `${sections.length} sections · ${papers.length} papers` },
  ];
  for (let start = 0; start < sections.length; start += linesPerBlock) {
    const text: RichText = sections
      .slice(start, start + linesPerBlock)
      .flatMap((section, offset) => [
        `${start + offset + 1}. `,
        { text: section.name, bold: true },
        ` — ${count(section.paperIds.length)}\n`,
      ]);
    blocks.push({ type: 'text', text });
  }
  blocks.push({
    type: 'context',
    text: [
      `${entries.length} entries in the list. Open one with `,
      { text: commandText(context, 'section <number or name>'), code: true },
      '.',
    ],
  });
  return {
    text: `${sections.length} sections, ${papers.length} papers`,
    blocks,
    visibility: 'ephemeral',
    overflowHint: `open any section by its number with ${commandText(context, 'section <number>')}`,
  };
}

/**
 * "1 paper", "8 papers".
 *
 * @param n A count.
 * @returns The count with its noun.
 */
export function count(n: number, noun = 'paper'): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/**
 * The answer to a section name that matches none: say so, and list the sections.
 *
 * @param name What the user typed.
 * @param context The request.
 * @returns The reply.
 */
export function unknownSectionReply(name: string, context: CommandContext): Reply {
  const reply = sectionsReply(context);
  const text = `No section matches ${quote(name)}.`;
  return { ...reply, text, blocks: [{ type: 'text', text: [`${text} The sections are:`] }, ...reply.blocks] };
}
