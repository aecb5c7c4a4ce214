/**
 * The paper-of-the-week rotation: which reading a channel gets next, from its history alone.
 * Pure: no Slack, no clock, no I/O; the same catalog and history always give the same pick.
 *
 * - Cycles. The current cycle is the largest `cycle` in the posted history (1 when nothing was
 *   posted). A reading is done in the current cycle when a posted item of that cycle names one of its
 *   paper ids or one of its identity links (so a paper renamed in the list still counts as posted).
 *   When every reading of the current catalog is done, the next pick opens cycle + 1 with nothing
 *   done. A reading never repeats within a cycle.
 * - Sections, round-robin in list order. The reference is the section of the last posted item, in
 *   any cycle; if no current section has that name (renamed), the first section holding one of its
 *   paper ids, then the first holding a reading it matches by link; failing all, "before the first
 *   section". Readings someone asked for (the queue) are posted out of turn and are never the
 *   reference: asking for a section-4 paper does not make sections 2 and 3 wait a round. The pick comes
 *   from the first section after the reference (cyclically) that still has a
 *   reading that is neither done nor skipped; within that section, the first such reading in the
 *   section's list order (deterministic: no randomness, so `upcoming` shows what will be posted). A
 *   reading listed in two sections can come from either; once posted it is done for both. So two
 *   consecutive picks come from different sections whenever two sections still have readings left.
 * - Skips. A reading matched (by paper id or link) by a skipped item of the current cycle is held
 *   back: it is picked only when no other reading is left in any section, and held-back readings
 *   then come in the order they were last skipped (skipping one again sends it behind the others),
 *   each from the first section after the reference that lists it.
 * - Queue. The first queued paper id that the catalog knows and whose reading is not done this cycle
 *   is the next pick, before the round-robin and even if it was skipped (asking for a paper overrides
 *   skipping it); its section is that paper's first section. Unknown and done ids are ignored. The
 *   round-robin then continues after that section, since it is the section of the last posted item.
 * - Outside readings (papers members proposed that the list does not have) are picked only from the
 *   queue, in its order, and only if no posted item of any cycle names them (by id or link): they are
 *   never posted twice, and they count in no cycle's progress.
 * - List edits between calls never throw and never repeat a reading: ids the catalog no longer has
 *   are ignored, new papers join the current cycle, renamed papers are matched by their links, renamed
 *   sections fall back as described above. Progress (`position`, `total`) counts readings of the
 *   current catalog, so a removed paper does not push the count past the total.
 */
import { canonicalUrl } from '../catalog/links.ts';
import type { Catalog, Paper } from '../catalog/types.ts';
import { type OutsideReading, outsidePaper, postsOutside } from './outside.ts';
import type { Reading } from './readings.ts';

/** One reading posted to a channel, as the history keeps it. */
export interface PostedItem {
  paperIds: readonly string[];
  /** Canonical identity links of the reading when it was posted (what recognises a renamed paper). */
  links: readonly string[];
  /** The section it was posted from. */
  section: string;
  cycle: number;
  /**
   * Asked for (queued, Read next, voted for) rather than the round-robin's own pick: it does not move
   * the round-robin, which goes on from the section of the last reading it picked itself.
   */
  queued?: boolean;
}

/** A reading a channel chose to skip: held back until nothing else is left in that cycle. */
export interface SkippedItem {
  paperIds: readonly string[];
  links: readonly string[];
  cycle: number;
}

/** What the rotation needs to know about one channel. */
export interface ChannelHistory {
  /** Posted readings, oldest first. */
  posted: readonly PostedItem[];
  /** Paper ids asked for, first asked first. */
  queued: readonly string[];
  skipped: readonly SkippedItem[];
  /** The channel's outside readings not posted yet: pickable when their id is queued. */
  outside?: readonly OutsideReading[];
}

/** The next reading for a channel, with what the post shows of the channel's progress. */
export interface Pick {
  reading: Reading;
  /** The reading's papers, in list order. */
  papers: Paper[];
  section: string;
  /** 1-based position of `section` in the catalog's sections. */
  sectionIndex: number;
  sectionCount: number;
  cycle: number;
  /** Readings posted in this cycle, this one included. */
  position: number;
  /** Readings in the catalog. */
  total: number;
  /** Whether it was picked from the channel's queue. */
  queued: boolean;
  /** Set for a reading the list does not have (section empty, progress unchanged). */
  outside?: OutsideReading;
}

/** What posted and skipped items have in common: how they name a reading. */
type HistoryItem = { readonly paperIds: readonly string[]; readonly links: readonly string[] };

/** Lookups over one list of readings, built once per call. */
interface ReadingIndex {
  readings: readonly Reading[];
  byPaper: ReadonlyMap<string, number>;
  byLink: ReadonlyMap<string, number>;
}

/**
 * The next reading for a channel.
 *
 * @param catalog The current list.
 * @param readings `groupReadings(catalog)`.
 * @param history The channel's posted readings, queue and skips.
 * @returns The pick, or `undefined` only when there is no reading (an empty list).
 */
export function nextPick(
  catalog: Catalog,
  readings: readonly Reading[],
  history: ChannelHistory,
): Pick | undefined {
  const index = indexReadings(readings);
  let cycle = history.posted.reduce((max, item) => Math.max(max, item.cycle), 1);
  let done = new Set(
    matchingLatest(
      index,
      history.posted.filter((item) => item.cycle === cycle),
    ),
  );
  if (done.size >= readings.length) {
    cycle += 1;
    done = new Set();
  }
  const papers = new Map(catalog.papers.map((paper) => [paper.id, paper]));
  const sectionNames = catalog.sections.map((section) => section.name);
  const pick = (readingIndex: number, section: string, queued: boolean): Pick => {
    const reading = readings[readingIndex] as Reading;
    return {
      reading,
      papers: reading.paperIds.flatMap((id) => papers.get(id) ?? []),
      section,
      sectionIndex: sectionNames.indexOf(section) + 1,
      sectionCount: sectionNames.length,
      cycle,
      position: done.size + 1,
      total: readings.length,
      queued,
    };
  };

  const outside = new Map((history.outside ?? []).map((reading) => [reading.id, reading]));
  for (const id of history.queued) {
    const asked = outside.get(id);
    if (asked) {
      if (history.posted.some((item) => postsOutside(asked, item))) continue;
      return outsidePick(asked, { cycle, position: done.size, total: readings.length, sectionNames });
    }
    const found = index.byPaper.get(id);
    const paper = papers.get(id);
    if (found === undefined || !paper || done.has(found)) continue;
    return pick(found, paper.sections[0] ?? readings[found]?.sections[0] ?? '', true);
  }

  // A reading someone asked for is posted out of turn: the round-robin goes on from its own last pick.
  const reference = referenceSection(
    catalog,
    index,
    history.posted.findLast((item) => !item.queued),
  );
  const count = catalog.sections.length;
  const skips = matchingLatest(
    index,
    history.skipped.filter((item) => item.cycle === cycle),
  );
  for (let step = 1; step <= count; step++) {
    const section = catalog.sections[(reference + step) % count];
    // Stryker disable next-line ConditionalExpression: the index is in range, this only narrows the type.
    if (!section) continue;
    for (const id of section.paperIds) {
      const found = index.byPaper.get(id);
      if (found !== undefined && !done.has(found) && !skips.includes(found)) {
        return pick(found, section.name, false);
      }
    }
  }

  // Only held-back readings are left, or readings no current section lists (inconsistent input).
  const left = [...skips, ...readings.keys()].find((found) => !done.has(found));
  // Nothing is left only when the list is empty: a cycle with every reading done opened a new one above.
  if (left === undefined) return undefined;
  const reading = readings[left] as Reading;
  // Stryker disable OptionalChaining,ConditionalExpression: the index is taken modulo count, always in range, and
  // includes(undefined) is false anyway: both only narrow the type. (A range: comments inside a chain reach nothing.)
  const section =
    [...Array(count).keys()]
      .map((step) => catalog.sections[(reference + step + 1) % count]?.name)
      .find((name) => name !== undefined && reading.sections.includes(name)) ??
    reading.sections[0] ??
    '';
  // Stryker restore OptionalChaining,ConditionalExpression
  return pick(left, section, false);
}

/**
 * The next `count` picks, simulated: each pick is appended to the posted history (and its papers
 * leave the queue) before the next is chosen. What the channel will get if nothing else changes.
 *
 * @param catalog The current list.
 * @param readings `groupReadings(catalog)`.
 * @param history The channel's history now.
 * @param count How many picks.
 * @returns Up to `count` picks, in posting order (none for an empty catalog).
 */
export function upcomingPicks(
  catalog: Catalog,
  readings: readonly Reading[],
  history: ChannelHistory,
  count: number,
): Pick[] {
  const picks: Pick[] = [];
  let state = history;
  while (picks.length < count) {
    const pick = nextPick(catalog, readings, state);
    if (!pick) break;
    picks.push(pick);
    const posted = new Set(pick.reading.paperIds);
    state = {
      ...state,
      posted: [...state.posted, pickToPosted(pick)],
      queued: state.queued.filter((id) => !posted.has(id)),
    };
  }
  return picks;
}

/**
 * The history item a pick becomes once it is posted.
 *
 * @param pick A pick from `nextPick`.
 * @returns Its paper ids, identity links, section and cycle.
 */
export function pickToPosted(pick: Pick): PostedItem {
  return {
    paperIds: [...pick.reading.paperIds],
    links: [...pick.reading.identityLinks],
    section: pick.section,
    cycle: pick.cycle,
    ...(pick.queued ? { queued: true } : {}),
  };
}

/** The pick of an outside reading: out of turn, in no section, leaving the progress as it is. */
function outsidePick(
  reading: OutsideReading,
  at: { cycle: number; position: number; total: number; sectionNames: readonly string[] },
): Pick {
  const paper = outsidePaper(reading);
  const links = paper.links.map((link) => canonicalUrl(link.url));
  return {
    reading: { key: reading.id, paperIds: [reading.id], links, identityLinks: links, sections: [] },
    papers: [paper],
    section: '',
    sectionIndex: 0,
    sectionCount: at.sectionNames.length,
    cycle: at.cycle,
    position: at.position,
    total: at.total,
    queued: true,
    outside: reading,
  };
}

function indexReadings(readings: readonly Reading[]): ReadingIndex {
  const byPaper = new Map<string, number>();
  const byLink = new Map<string, number>();
  readings.forEach((reading, position) => {
    for (const id of reading.paperIds) byPaper.set(id, position);
    for (const link of reading.identityLinks) byLink.set(link, position);
  });
  return { readings, byPaper, byLink };
}

/** Readings (by index) that one history item names, by paper id or identity link. */
function matches(index: ReadingIndex, item: HistoryItem): number[] {
  const found = [
    ...item.paperIds.map((id) => index.byPaper.get(id)),
    // Stored links are canonical already; canonicalising again costs little and forgives raw URLs.
    ...item.links.map((link) => index.byLink.get(canonicalUrl(link))),
  ];
  return [...new Set(found.filter((position) => position !== undefined))];
}

/**
 * Readings (by index) that any of the items names, in the order the items last name them: a reading
 * skipped again goes behind the others, so that skipping keeps moving through what is left.
 */
function matchingLatest(index: ReadingIndex, items: readonly HistoryItem[]): number[] {
  const order = new Set<number>();
  for (const item of items) {
    for (const found of matches(index, item)) {
      order.delete(found);
      order.add(found);
    }
  }
  return [...order];
}

/** Index in `catalog.sections` that the round-robin continues after; -1 for "before the first". */
function referenceSection(catalog: Catalog, index: ReadingIndex, last: PostedItem | undefined): number {
  if (!last) return -1;
  const { sections } = catalog;
  const byName = sections.findIndex((section) => section.name === last.section);
  if (byName >= 0) return byName;
  const byPaper = sections.findIndex((section) => section.paperIds.some((id) => last.paperIds.includes(id)));
  // Stryker disable next-line EqualityOperator: when the first section lists the paper, the reading's sections include it, so the fallback below finds index 0 too.
  if (byPaper >= 0) return byPaper;
  // Stryker disable next-line OptionalChaining,ArrayDeclaration: matches() only returns indexes of index.readings.
  const names = new Set(matches(index, last).flatMap((found) => index.readings[found]?.sections ?? []));
  return sections.findIndex((section) => names.has(section.name));
}
