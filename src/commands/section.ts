import type { Paper } from '../catalog/types.ts';
import type { CommandContext } from './context.ts';
import { paperBlock } from './papers.ts';
import type { Action, Reply, ReplyBlock } from './reply.ts';
import { count, sectionsReply, unknownSectionReply } from './sections.ts';

/** Papers per page of a section: 10 papers with buttons stay far under Slack's 50 blocks. */
export const sectionPageSize = 10;

/** What a Previous/Next button carries. */
export interface SectionPageValue {
  section: string;
  page: number;
}

/**
 * `/optpaper section <name>`: the papers of a section (named by number, name or fuzzy name), a page
 * at a time with Previous/Next buttons.
 *
 * @param name What the user typed after `section`.
 * @param context The request.
 * @param page Page number, 1-based (default: 1).
 * @returns The reply.
 */
export function sectionReply(name: string, context: CommandContext, page = 1): Reply {
  if (name.trim() === '') return sectionsReply(context);
  const section = context.search.findSection(name);
  if (!section) {
    return unknownSectionReply(name, context);
  }
  const { papers } = context.search.catalog;
  // Stryker disable next-line MethodExpression: a section only lists papers of its catalog; the filter narrows types.
  const inSection = section.paperIds
    .map((id) => papers.find((paper) => paper.id === id))
    // Stryker disable next-line ConditionalExpression: see above.
    .filter((paper): paper is Paper => paper !== undefined);
  const pages = Math.max(1, Math.ceil(inSection.length / sectionPageSize));
  const current = Math.min(Math.max(1, Math.floor(page)), pages);
  const shown = inSection.slice((current - 1) * sectionPageSize, current * sectionPageSize);
  const number = context.search.catalog.sections.indexOf(section) + 1;
  const blocks: ReplyBlock[] = [
    { type: 'header', text: section.name },
    {
      type: 'context',
      text: [
        `Section ${number} of ${context.search.catalog.sections.length} · ${count(inSection.length)}` +
          (pages > 1 ? ` · page ${current} of ${pages}` : ''),
      ],
    },
    ...shown.map((paper) => paperBlock(paper, context)),
  ];
  if (pages > 1) {
    const actions: Action[] = [];
    const value = (target: number) =>
      JSON.stringify({ section: section.name, page: target } satisfies SectionPageValue);
    if (current > 1) actions.push({ id: 'section_page', label: '◀ Previous', value: value(current - 1) });
    if (current < pages)
      actions.push({ id: 'section_page', label: 'Next ▶', value: value(current + 1), style: 'primary' });
    blocks.push({ type: 'actions', actions });
  }
  return {
    text: `${section.name}: ${count(inSection.length)}${pages > 1 ? ` (page ${current} of ${pages})` : ''}`,
    blocks,
    visibility: 'ephemeral',
    ...(current > 1 ? { firstNumber: (current - 1) * sectionPageSize + 1 } : {}),
  };
}

/**
 * Read a Previous/Next button's value.
 *
 * @param value The button value.
 * @returns The section and page, or `undefined` when it is not one of ours.
 */
export function readSectionPage(value: string): SectionPageValue | undefined {
  try {
    const parsed: unknown = JSON.parse(value);
    // Stryker disable next-line ConditionalExpression,LogicalOperator: the check below refuses these too (null throws into the catch).
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const { section, page } = parsed as Record<string, unknown>;
    return typeof section === 'string' && typeof page === 'number' ? { section, page } : undefined;
  } catch {
    return undefined;
  }
}
