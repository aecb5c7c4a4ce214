import type { AnyMiddlewareArgs, Logger, Middleware } from '@slack/bolt';
import type { Store } from '../store/types.ts';
import { teamKey } from './team.ts';

/** How long deliveries are remembered, one place. */
export const deliveryDefaults = Object.freeze({
  /**
   * Slack retries an event for about an hour (three tries with backoff) and Socket Mode redelivers
   * unacknowledged envelopes on reconnect: a day covers both with room to spare.
   */
  eventTtlMs: 24 * 3_600_000,
  /** A press is redelivered within seconds, if at all; a day is generous. */
  actionTtlMs: 24 * 3_600_000,
  /** A claim still `working` after this long belongs to a process that died: another may take it. */
  staleMs: 5 * 60_000,
});

/** A delivery's identity and how long to remember it. */
export interface DeliveryKey {
  key: string;
  ttlMs: number;
}

interface ActionBody {
  type?: unknown;
  user?: { id?: unknown };
  channel?: { id?: unknown };
  container?: { channel_id?: unknown };
  actions?: { action_ts?: unknown; action_id?: unknown }[];
}

/**
 * What makes a delivery the same delivery: an event's `event_id`; a button press's workspace, user,
 * channel, action and `action_ts` (a redelivered press carries the same; a second click does not).
 *
 * @param body The request body Bolt parsed.
 * @param team The request's team key.
 * @returns The key, or `undefined` for requests that are answered in their ack (slash commands).
 */
export function deliveryKey(body: unknown, team: string): DeliveryKey | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const record = body as { type?: unknown; event_id?: unknown };
  if (record.type === 'event_callback' && typeof record.event_id === 'string') {
    return { key: `event:${record.event_id}`, ttlMs: deliveryDefaults.eventTtlMs };
  }
  const action = body as ActionBody;
  if (action.type === 'block_actions') {
    const [first] = action.actions ?? [];
    const channel = action.channel?.id ?? action.container?.channel_id ?? '';
    if (typeof first?.action_ts !== 'string') return undefined;
    return {
      key: `action:${team}:${String(action.user?.id ?? '')}:${String(channel)}:${String(first.action_id ?? '')}:${first.action_ts}`,
      ttlMs: deliveryDefaults.actionTtlMs,
    };
  }
  return undefined;
}

/**
 * Delivered twice, handled once: a global middleware that claims each event and button press in the
 * store before its listener runs. A second delivery (Slack's retry, Socket Mode's redelivery, the
 * same press arriving twice, on this process or another sharing the database) is acknowledged and
 * dropped. A listener that throws releases its claim, so that Slack's retry can try again.
 *
 * Deduplication must never cost an answer: if the store cannot be used, the delivery is handled
 * (a rare duplicate beats silence), and that is logged.
 *
 * @param store Where claims live.
 * @param clock Now.
 * @param logger For duplicates (debug) and a store that cannot claim (warn).
 * @returns The middleware.
 */
export function handleOnce(store: Store, clock: () => Date, logger: Logger): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const found = deliveryKey(args.body, teamKey(args.context));
    if (!found) return args.next();
    let claim: 'claimed' | 'duplicate';
    try {
      claim = await store.claimDelivery(found.key, {
        at: clock(),
        staleMs: deliveryDefaults.staleMs,
        ttlMs: found.ttlMs,
      });
    } catch (error) {
      logger.warn(
        `cannot record ${found.key} as handled (${error instanceof Error ? error.message : String(error)}); handling it anyway`,
      );
      return args.next();
    }
    if (claim === 'duplicate') {
      logger.debug(`${found.key} was delivered again: already handled`);
      if ('ack' in args && typeof args.ack === 'function') await args.ack();
      return;
    }
    try {
      await args.next();
    } catch (error) {
      await store.releaseDelivery(found.key).catch(() => undefined);
      throw error;
    }
    await store.finishDelivery(found.key, clock()).catch((error: unknown) => {
      logger.warn(`cannot record ${found.key} as done:`, error);
    });
  };
}
