import { describe, expect, it } from 'vitest';
import {
  nextPresenter,
  presenterRound,
  type TurnEvent,
  upcomingPresenters,
} from '../../src/presenters/rotation.ts';

const week = (n: number) => new Date(Date.UTC(2026, 10, 30 + 7 * n, 9));
const led = (n: number, user: string): TurnEvent => ({ at: week(n), user, skipped: false });
/** A skip asked for a day before week n's slot. */
const skip = (n: number, user: string): TurnEvent => ({
  at: new Date(week(n).getTime() - 86_400_000),
  user,
  skipped: true,
});
const weeks = (from: number, count: number) => Array.from({ length: count }, (_, i) => week(from + i));
/** The leaders of the coming slots, from week `from` on. */
const leaders = (order: string[], events: TurnEvent[], count: number, from = 0) =>
  upcomingPresenters(order, events, weeks(from, count)).map((plan) => plan.user);

describe('the presenter rotation', () => {
  it('goes through the list in order, everyone once per round, and starts again', () => {
    expect(leaders(['UA', 'UB', 'UC'], [], 7)).toEqual(['UA', 'UB', 'UC', 'UA', 'UB', 'UC', 'UA']);
    expect(nextPresenter(['UA', 'UB', 'UC'], [led(0, 'UA'), led(1, 'UB')])).toBe('UC');
    expect(nextPresenter(['UA', 'UB', 'UC'], [led(0, 'UA'), led(1, 'UB'), led(2, 'UC')])).toBe('UA');
  });

  it('has nobody for an empty list', () => {
    expect(nextPresenter([], [led(0, 'UA')])).toBeUndefined();
    expect(upcomingPresenters([], [], weeks(0, 3))).toEqual([]);
  });

  it('pairs each coming slot with its leader', () => {
    expect(upcomingPresenters(['UA', 'UB'], [led(0, 'UA')], weeks(1, 2))).toEqual([
      { slot: week(1), user: 'UB' },
      { slot: week(2), user: 'UA' },
    ]);
  });

  it('reads the history in time order, whatever order it comes in', () => {
    expect(nextPresenter(['UA', 'UB', 'UC'], [led(1, 'UB'), led(0, 'UA')])).toBe('UC');
  });

  describe('skip', () => {
    it('takes away a turn still to come in this round; the person comes back next round', () => {
      expect(leaders(['UA', 'UB', 'UC'], [skip(0, 'UB')], 5)).toEqual(['UA', 'UC', 'UA', 'UB', 'UC']);
    });

    it('skipping the next leader hands the turn to the one after', () => {
      const events = [led(0, 'UA'), skip(1, 'UB')];
      expect(nextPresenter(['UA', 'UB', 'UC'], events)).toBe('UC');
      expect(presenterRound(['UA', 'UB', 'UC'], events)).toEqual({
        led: new Set(['UA']),
        skipped: new Set(['UB']),
        skipNext: new Set(),
      });
    });

    it('after the person led this round, takes away their turn in the next round', () => {
      const events = [led(0, 'UA'), skip(1, 'UA')];
      expect(presenterRound(['UA', 'UB', 'UC'], events).skipNext).toEqual(new Set(['UA']));
      expect(leaders(['UA', 'UB', 'UC'], events, 6, 1)).toEqual(['UB', 'UC', 'UB', 'UC', 'UA', 'UB']);
    });

    it('forgets the skips when everyone skipped, rather than leave nobody to lead', () => {
      expect(leaders(['UA', 'UB'], [skip(0, 'UA'), skip(0, 'UB')], 3)).toEqual(['UA', 'UB', 'UA']);
    });

    it('ignores the skip of someone not in the list', () => {
      expect(leaders(['UA', 'UB'], [skip(0, 'UZ')], 2)).toEqual(['UA', 'UB']);
    });
  });

  describe('swap', () => {
    it('exchanges two places among those still to lead', () => {
      // UA led; UB and UD swap: UD leads next, UB last.
      expect(leaders(['UA', 'UD', 'UC', 'UB'], [led(0, 'UA')], 3, 1)).toEqual(['UD', 'UC', 'UB']);
    });

    it('never makes someone who led this round lead again in it', () => {
      // UA and UB led; UA swapped with UC, who has not: UC comes before UD, and UA waits for round 2.
      const events = [led(0, 'UA'), led(1, 'UB')];
      expect(leaders(['UC', 'UB', 'UA', 'UD'], events, 6, 2)).toEqual(['UC', 'UD', 'UC', 'UB', 'UA', 'UD']);
    });
  });

  describe('list changes', () => {
    it('lets someone added during a round lead in it, when their place comes', () => {
      const events = [led(0, 'UA')];
      expect(leaders(['UA', 'UB', 'UE', 'UC'], events, 4, 1)).toEqual(['UB', 'UE', 'UC', 'UA']);
    });

    it('forgets someone taken off the list, their turns included', () => {
      const events = [led(0, 'UA'), led(1, 'UB')];
      expect(leaders(['UA', 'UC'], events, 3, 2)).toEqual(['UC', 'UA', 'UC']);
    });

    it('never repeats someone within a round, even when the history and the list disagree', () => {
      // The list was UA, UB; then UC joined. UA led twice before: round 2 has begun with UA.
      const events = [led(0, 'UA'), led(1, 'UB'), led(2, 'UA')];
      expect(leaders(['UA', 'UB', 'UC'], events, 4, 3)).toEqual(['UB', 'UC', 'UA', 'UB']);
    });
  });
});
