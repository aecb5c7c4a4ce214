import type { CommandContext } from './context.ts';
import { paperBlock } from './papers.ts';
import type { Reply } from './reply.ts';
import { unknownSectionReply } from './sections.ts';

/**
 * `/optpaper random [section]`: one paper picked at random, from a section when one is named.
 *
 * @param name Section name, number or fuzzy name; empty for the whole list.
 * @param context The request (its `random` picks).
 * @returns The reply.
 */
export function randomReply(name: string, context: CommandContext): Reply {
  const { papers, sections } = context.search.catalog;
  const section = name.trim() === '' ? undefined : context.search.findSection(name);
  if (name.trim() !== '' && !section) {
    return unknownSectionReply(name, context);
  }
  const pool = section ? papers.filter((paper) => paper.sections.includes(section.name)) : papers;
  const paper = pool[Math.min(pool.length - 1, Math.floor(context.random() * pool.length))];
  if (!paper) return { text: 'The list has no papers.', blocks: [], visibility: 'ephemeral' };
  const from = section ? `from “${section.name}”` : `from all ${sections.length} sections`;
  return {
    text: `Random pick ${from}: ${paper.title}`,
    blocks: [{ type: 'context', text: [`Random pick ${from}`] }, paperBlock(paper, context)],
    visibility: 'ephemeral',
  };
}
