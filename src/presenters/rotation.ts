/**
 * Who leads the discussion of a channel's paper of the week, from its history alone. Pure: no
 * Slack, no clock, no I/O; the same list and turns always give the same leader.
 *
 * - Rounds. Everyone in the list leads once per round, in list order; the next leader is the first
 *   person in the list who has neither led nor skipped in the current round. When everyone in the
 *   list has, a new round starts. Nobody leads twice in a round.
 * - Skips. `skip @a` makes @a miss their next turn: before @a's turn in this round it takes that
 *   turn away (they come back next round); after it, @a misses their turn in the next round. When
 *   everyone skips, the skips are forgotten rather than leaving nobody to lead.
 * - Swaps change the order of those still to lead; nobody who led this round leads again in it.
 * - List changes: people taken off the list are forgotten; people added lead in the current round
 *   when their place comes; a turn in the history of someone the round already counted starts a new
 *   round (history is what happened, whatever the list says now).
 */

/** A turn as the rotation reads it: someone led a slot, or asked to miss their next turn. */
export interface TurnEvent {
  /** The slot led; for a skip, when it was asked for. */
  at: Date;
  user: string;
  skipped: boolean;
}

/** Where the current round stands. */
export interface PresenterRound {
  /** Who led in the current round. */
  led: ReadonlySet<string>;
  /** Who skipped their turn in the current round. */
  skipped: ReadonlySet<string>;
  /** Who will miss their turn in the next round (they skipped after leading in this one). */
  skipNext: ReadonlySet<string>;
}

/** A leader for a slot. */
export interface PresenterTurnPlan {
  slot: Date;
  user: string;
}

/**
 * The current round of a channel's leaders.
 *
 * @param order The list, in order.
 * @param events Turns led (posted) and skips, in any order.
 * @returns Who led, who skipped, and whose skip waits for the next round.
 */
export function presenterRound(order: readonly string[], events: readonly TurnEvent[]): PresenterRound {
  const members = new Set(order);
  let led = new Set<string>();
  let skipped = new Set<string>();
  let skipNext = new Set<string>();
  const complete = () => order.every((user) => led.has(user) || skipped.has(user));
  const newRound = () => {
    led = new Set();
    skipped = new Set(skipNext);
    skipNext = new Set();
    // Everyone skipping leaves nobody to lead: the skips are forgotten.
    if (complete()) skipped = new Set();
  };
  for (const event of sorted(events)) {
    if (!members.has(event.user)) continue;
    if (event.skipped) {
      if (led.has(event.user) || skipped.has(event.user)) skipNext.add(event.user);
      else skipped.add(event.user);
    } else if (skipped.has(event.user)) {
      // Led after all (the skip came too late for the post): the turn is theirs.
      skipped.delete(event.user);
      led.add(event.user);
    } else {
      if (led.has(event.user)) newRound();
      skipped.delete(event.user);
      led.add(event.user);
    }
    if (order.length > 0 && complete()) newRound();
  }
  return { led, skipped, skipNext };
}

/**
 * Who leads next.
 *
 * @param order The list, in order.
 * @param events Turns led (posted) and skips.
 * @returns The next leader; `undefined` for an empty list.
 */
export function nextPresenter(order: readonly string[], events: readonly TurnEvent[]): string | undefined {
  const round = presenterRound(order, events);
  return order.find((user) => !round.led.has(user) && !round.skipped.has(user));
}

/**
 * Who leads each of the coming slots, simulated: each slot's leader is added to the history before
 * the next is chosen. What the channel gets if nothing else changes.
 *
 * @param order The list, in order.
 * @param events Turns led (posted) and skips.
 * @param slots The coming slots, in order.
 * @returns One leader per slot (none for an empty list).
 */
export function upcomingPresenters(
  order: readonly string[],
  events: readonly TurnEvent[],
  slots: readonly Date[],
): PresenterTurnPlan[] {
  const plans: PresenterTurnPlan[] = [];
  let history = [...events];
  for (const slot of slots) {
    const user = nextPresenter(order, history);
    if (user === undefined) break;
    plans.push({ slot, user });
    history = [...history, { at: slot, user, skipped: false }];
  }
  return plans;
}

/** Oldest first; at one time, skips before turns (a skip asked at a slot's time applies to it). */
function sorted(events: readonly TurnEvent[]): TurnEvent[] {
  return [...events].sort((a, b) => a.at.getTime() - b.at.getTime() || Number(b.skipped) - Number(a.skipped));
}
