import type { Paper } from '../catalog/types.ts';
import { type PaperView, type Reply, type ReplyBlock, type RichText, viewOf } from '../commands/reply.ts';
import type { PaperSearch } from '../search/search.ts';
import type { Pick } from './rotation.ts';

/** Related papers the discussion thread opens with. */
const relatedCount = 3;

/**
 * The view of a pick: one paper, or a reading that several entries of the list point to (SGD,
 * Momentum, RMSProp and Optimization share one book chapter), named together.
 *
 * @param pick The pick.
 * @returns Its view.
 */
export function pickView(pick: Pick): PaperView {
  return readingView(pick.papers, pick.reading.sections, pick.reading.key);
}

/**
 * How a reading is shown: one paper as itself; several entries pointing to one text as one item,
 * every title, section and link named.
 *
 * @param papers The reading's papers (empty when none is in the list any more).
 * @param sections The sections it is listed in.
 * @param fallback Shown as its title when no paper is left.
 * @returns The view.
 */
export function readingView(
  papers: readonly Paper[],
  sections: readonly string[],
  fallback: string,
): PaperView {
  const [first, ...others] = papers;
  if (!first) return { id: fallback, title: fallback, sections, otherLinks: [] };
  const view = viewOf(first);
  if (others.length === 0) return { ...view, sections };
  return {
    ...view,
    title: papers.map((paper) => paper.title).join(' · '),
    sections,
    otherLinks: uniqueLinks(papers.flatMap((paper) => viewOf(paper).otherLinks)),
    note: [`One reading for ${papers.length} entries of the list, which all point to it.`],
  };
}

/**
 * The weekly post: the paper, and the channel's progress through the list.
 *
 * @param pick The reading to post.
 * @param notes Lines the reading group's features add (how it was chosen, who leads; default: none).
 * @returns An in-channel reply.
 */
export function weeklyPostMessage(pick: Pick, notes: readonly RichText[] = []): Reply {
  const view = pickView(pick);
  const progress: RichText = pick.outside
    ? ['Proposed by ', { user: pick.outside.by }, ' · not in the list, so it counts in no section']
    : [
        `Section ${pick.sectionIndex} of ${pick.sectionCount} · ${pick.position} of ${pick.total} readings so far` +
          (pick.cycle > 1 ? ` · round ${pick.cycle}` : '') +
          (pick.queued ? ' · asked for by the channel' : ''),
      ];
  return {
    text: `Paper of the week: ${view.title}`,
    blocks: [
      { type: 'header', text: 'Paper of the week' },
      { type: 'paper', paper: view, actions: [] },
      { type: 'context', text: progress },
      // What the reading group's features add: how the paper was chosen, who leads the discussion.
      ...notes.map((text) => ({ type: 'text' as const, text })),
      { type: 'context', text: ['Discuss it in the thread: notes, questions, disagreements.'] },
    ],
    visibility: 'in_channel',
  };
}

/**
 * Papers of the list related to a pick, found through the search with the pick's title, its own
 * papers left out; topped up when the search finds fewer than two (see below).
 *
 * @param pick The pick.
 * @param search The search over the current list.
 * @returns Two or three papers.
 */
export function relatedPapers(pick: Pick, search: PaperSearch): Paper[] {
  const own = new Set(pick.reading.paperIds);
  const related: Paper[] = [];
  const add = (paper: Paper) => {
    if (!own.has(paper.id) && !related.some((found) => found.id === paper.id)) related.push(paper);
  };
  for (const paper of pick.papers) {
    for (const hit of search.search(paper.title, { limit: relatedCount + own.size + 1, literal: true }))
      add(hit.paper);
  }
  // Fewer than two: the pick's section, then papers found by the section's name, then the sections
  // next to it in the list, until there are two (a list of fewer than three papers has fewer).
  const { sections, papers } = search.catalog;
  const at = Math.max(
    0,
    sections.findIndex((candidate) => candidate.name === pick.section),
  );
  const byId = new Map(papers.map((paper) => [paper.id, paper]));
  const topUp = (candidates: Iterable<Paper | undefined>) => {
    for (const paper of candidates) {
      if (related.length >= 2) return;
      if (paper) add(paper);
    }
  };
  const sectionPapers = (index: number) => (sections[index]?.paperIds ?? []).map((id) => byId.get(id));
  topUp(sectionPapers(at));
  topUp(search.search(pick.section, { literal: true }).map((hit) => hit.paper));
  for (let step = 1; related.length < 2 && step < sections.length; step++) {
    topUp(sectionPapers((at + step) % sections.length));
  }
  return related.slice(0, relatedCount);
}

/**
 * The first reply in the post's thread: it opens the discussion with related papers from the list.
 *
 * @param pick The pick.
 * @param related From {@link relatedPapers}.
 * @returns An in-channel reply.
 */
export function discussionMessage(pick: Pick, related: readonly Paper[]): Reply {
  const title = pickView(pick).title;
  const blocks: ReplyBlock[] = [
    {
      type: 'text',
      text: [
        'This thread is for ',
        { text: title, bold: true },
        '. What is its main claim, and does the evidence hold up? What would you try next?',
      ],
    },
  ];
  if (related.length > 0) {
    blocks.push({ type: 'context', text: ['Related in the list, to compare with:'] });
    for (const paper of related) blocks.push({ type: 'paper', paper: viewOf(paper), actions: [] });
  }
  return {
    text: `Discussion of ${title}${related.length ? `; related: ${related.map((paper) => paper.title).join('; ')}` : ''}`,
    blocks,
    visibility: 'in_channel',
  };
}

function uniqueLinks<T extends { url: string }>(links: readonly T[]): T[] {
  return links.filter((link, index) => links.findIndex((other) => other.url === link.url) === index);
}
