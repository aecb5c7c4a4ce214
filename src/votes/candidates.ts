/**
 * Which papers a channel votes on. Pure: the same list, history and requests give the same candidates.
 *
 * - The first candidate is what the rotation posts with nobody voting (`nextPick`: the first queued
 *   paper, or the round-robin's pick).
 * - Then what members asked for: queued papers and open proposals, first asked first, each only if its
 *   reading is not done in this round (an outside reading: never posted in the channel).
 * - Then the round-robin's next picks of this round (the queue left aside), from sections no candidate
 *   is from yet, until there are three; from any section when too few sections are left.
 */
import type { Catalog } from '../catalog/types.ts';
import { pickView } from '../weekly/messages.ts';
import type { Reading } from '../weekly/readings.ts';
import { type ChannelHistory, nextPick, type Pick, upcomingPicks } from '../weekly/rotation.ts';

/** Why a paper is a candidate. */
export type CandidateOrigin = 'rotation' | 'queued' | 'proposed';

/** One paper of a vote, as the vote's message shows it and as it is stored with the vote. */
export interface VoteCandidate {
  /** The reading's key (its first paper's id), or an outside reading's id (`outside:<n>`). */
  key: string;
  title: string;
  url?: string;
  /** The section it would be posted from (empty for a paper outside the list). */
  section: string;
  origin: CandidateOrigin;
  /** Who asked for it or proposed it (a Slack user id). */
  by?: string;
}

/** A paper someone asked for: queued (`/optpaper queue`, Read next) or proposed. */
export interface Ask {
  /** A list paper's id, or an outside reading's id (`outside:<n>`). */
  paperId: string;
  by: string;
  at: Date;
  origin: 'queued' | 'proposed';
}

/** Candidates a vote has, at most. */
export const voteDefaults = Object.freeze({ candidates: 3 });

/**
 * The candidates of a channel's next vote.
 *
 * @param catalog The current list.
 * @param readings `readingsOf(catalog)`.
 * @param history The channel's history (its `outside` readings included).
 * @param asks Queued papers and open proposals, in any order (sorted here, first asked first).
 * @param count How many candidates (default: 3).
 * @returns Up to `count` candidates, the rotation's own pick first; none for an empty list.
 */
export function voteCandidates(
  catalog: Catalog,
  readings: readonly Reading[],
  history: ChannelHistory,
  asks: readonly Ask[],
  count: number = voteDefaults.candidates,
): VoteCandidate[] {
  const first = nextPick(catalog, readings, history);
  if (!first) return [];
  const ordered = [...asks].sort((a, b) => a.at.getTime() - b.at.getTime());
  const askOf = (pick: Pick) => ordered.find((ask) => pick.reading.paperIds.includes(ask.paperId));
  const chosen: VoteCandidate[] = [];
  const add = (pick: Pick, origin: CandidateOrigin, by?: string) => {
    if (chosen.length >= count || chosen.some((candidate) => candidate.key === pick.reading.key)) return;
    const view = pickView(pick);
    chosen.push({
      key: pick.reading.key,
      title: view.title,
      ...(view.url ? { url: view.url } : {}),
      section: pick.section,
      origin,
      ...(by ? { by } : {}),
    });
  };
  const firstAsk = first.queued ? askOf(first) : undefined;
  add(first, firstAsk?.origin ?? (first.queued ? 'queued' : 'rotation'), firstAsk?.by);
  for (const ask of ordered) {
    const pick = askedPick(catalog, readings, history, ask.paperId);
    if (pick) add(pick, ask.origin, ask.by);
  }
  // The round-robin's own order, without the queue: what it would post in the coming weeks.
  // Only this round's: a reading of the next round would repeat one before the round is over.
  const ahead = upcomingPicks(
    catalog,
    readings,
    { ...history, queued: [] },
    catalog.sections.length + count,
  ).filter((pick) => pick.cycle === first.cycle);
  const sections = () => new Set(chosen.map((candidate) => candidate.section));
  for (const pick of ahead) if (!sections().has(pick.section)) add(pick, 'rotation');
  for (const pick of ahead) add(pick, 'rotation');
  return chosen;
}

/**
 * The pick a paper makes when asked for now: its reading, out of turn. Undefined when its reading is
 * done in this round (an outside reading: posted already, or no longer proposed).
 *
 * @param catalog The current list.
 * @param readings `readingsOf(catalog)`.
 * @param history The channel's history.
 * @param paperId A list paper's id, or an outside reading's id.
 * @returns The pick (`queued: true`), or `undefined`.
 */
export function askedPick(
  catalog: Catalog,
  readings: readonly Reading[],
  history: ChannelHistory,
  paperId: string,
): Pick | undefined {
  const pick = nextPick(catalog, readings, { ...history, queued: [paperId] });
  return pick?.queued && pick.reading.paperIds.includes(paperId) ? pick : undefined;
}

/**
 * The pick a candidate makes at the slot: the rotation's own pick when it is that reading (so that it
 * moves the round-robin as usual), else the reading asked for out of turn.
 *
 * @param catalog The current list.
 * @param readings `readingsOf(catalog)`.
 * @param history The channel's history at the slot.
 * @param rotationPick What the rotation picks at the slot.
 * @param candidate The candidate.
 * @returns The pick, or `undefined` when the candidate was posted meanwhile (or left the list).
 */
export function candidatePick(
  catalog: Catalog,
  readings: readonly Reading[],
  history: ChannelHistory,
  rotationPick: Pick,
  candidate: { key: string },
): Pick | undefined {
  if (rotationPick.reading.key === candidate.key) return rotationPick;
  return askedPick(catalog, readings, history, candidate.key);
}

const origins: ReadonlySet<string> = new Set<CandidateOrigin>(['rotation', 'queued', 'proposed']);

/**
 * Candidates as a store wrote them (JSON): anything that is not a candidate is left out rather than
 * thrown on, so that one bad row cannot stop the weekly post.
 *
 * @param json The stored text.
 * @returns The candidates.
 */
export function readCandidates(json: string): VoteCandidate[] {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return [];
  }
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown): VoteCandidate[] => {
    if (typeof item !== 'object' || item === null) return [];
    const { key, title, url, section, origin, by } = item as Record<string, unknown>;
    if (typeof key !== 'string' || typeof title !== 'string') return [];
    return [
      {
        key,
        title,
        ...(typeof url === 'string' ? { url } : {}),
        section: typeof section === 'string' ? section : '',
        origin: typeof origin === 'string' && origins.has(origin) ? (origin as CandidateOrigin) : 'rotation',
        ...(typeof by === 'string' ? { by } : {}),
      },
    ];
  });
}
