import { canonicalUrl } from '../catalog/links.ts';
import type { Catalog } from '../catalog/types.ts';
import type { Reading } from './readings.ts';
import type { ChannelHistory } from './rotation.ts';

/** How far a channel is through one section in the current round. */
export interface SectionProgress {
  section: string;
  /** Readings listed in the section posted this round. */
  done: number;
  /** Readings listed in the section. */
  total: number;
}

/** How far a channel is through the list in the current round. */
export interface ListProgress {
  /** The current round (1 until every reading was posted once). */
  cycle: number;
  /** Readings posted this round, and in the list. */
  done: number;
  total: number;
  /** Per section, in list order; a reading listed in two sections counts in both. */
  sections: SectionProgress[];
}

/**
 * A channel's progress through the list in its current round, by section. Pure. A reading counts as
 * posted this round when a posted item of the round names one of its papers or identity links (as
 * the rotation reads the history).
 *
 * @param catalog The current list.
 * @param readings `groupReadings(catalog)`.
 * @param history The channel's history.
 * @returns The progress.
 */
export function listProgress(
  catalog: Catalog,
  readings: readonly Reading[],
  history: ChannelHistory,
): ListProgress {
  const cycle = history.posted.reduce((max, item) => Math.max(max, item.cycle), 1);
  const ids = new Set<string>();
  const links = new Set<string>();
  for (const item of history.posted) {
    if (item.cycle !== cycle) continue;
    for (const id of item.paperIds) ids.add(id);
    for (const link of item.links) links.add(canonicalUrl(link));
  }
  const done = readings.filter(
    (reading) =>
      reading.paperIds.some((id) => ids.has(id)) || reading.identityLinks.some((link) => links.has(link)),
  );
  const doneKeys = new Set(done.map((reading) => reading.key));
  const sections = catalog.sections.map((section) => {
    const listed = readings.filter((reading) => reading.sections.includes(section.name));
    return {
      section: section.name,
      done: listed.filter((reading) => doneKeys.has(reading.key)).length,
      total: listed.length,
    };
  });
  return { cycle, done: done.length, total: readings.length, sections };
}
