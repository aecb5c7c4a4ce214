import { canonicalUrl, makeLink } from '../catalog/links.ts';
import type { Paper } from '../catalog/types.ts';

/**
 * A paper a member proposed that the list does not have: a reading of its channel like any other
 * (posted once, shown in `history`), which the rotation never picks by itself: only from the channel's
 * queue or a vote.
 */
export interface OutsideReading {
  /** `outside:<proposal id>`: its paper id in fires and in the queue (a slug never has a colon). */
  id: string;
  title: string;
  url: string;
  /** Who proposed it: a Slack user id. */
  by: string;
  at: Date;
}

const prefix = 'outside:';

/**
 * The paper id an outside reading goes by.
 *
 * @param proposalId The proposal's id.
 * @returns `outside:<id>`.
 */
export function outsideId(proposalId: number): string {
  return `${prefix}${proposalId}`;
}

/**
 * The proposal an outside paper id names.
 *
 * @param id A paper id.
 * @returns The proposal id, or `undefined` for a paper of the list.
 */
export function proposalIdOf(id: string): number | undefined {
  if (!id.startsWith(prefix)) return undefined;
  const value = Number(id.slice(prefix.length));
  return Number.isSafeInteger(value) && value > 0 ? value : undefined;
}

/**
 * An outside reading as the rest of the code shows papers: one paper in no section, with its link.
 *
 * @param reading The outside reading.
 * @returns A paper (id `outside:<n>`).
 */
export function outsidePaper(reading: Pick<OutsideReading, 'id' | 'title' | 'url'>): Paper {
  return {
    id: reading.id,
    title: reading.title,
    rawTitle: reading.title,
    sections: [],
    // Stryker disable next-line StringLiteral: a text that is no known label gives the kind's name, as an empty one does.
    links: [makeLink('', reading.url)],
    lines: [],
  };
}

/**
 * Whether a posted item is this outside reading: its id, or its link (the same paper proposed twice).
 *
 * @param reading The outside reading.
 * @param item A posted item's paper ids and links.
 * @returns `true` when the item posted it.
 */
export function postsOutside(
  reading: Pick<OutsideReading, 'id' | 'url'>,
  item: { paperIds: readonly string[]; links: readonly string[] },
): boolean {
  const url = canonicalUrl(reading.url);
  return item.paperIds.includes(reading.id) || item.links.some((link) => canonicalUrl(link) === url);
}
