import type { AnyMiddlewareArgs, Logger, Middleware } from '@slack/bolt';
import { type LogContext, withContext } from '../logger.ts';
import { teamKey } from './team.ts';

/** The body fields a request's log lines are tagged with, wherever Slack puts them. */
interface RequestBody {
  event_id?: unknown;
  trigger_id?: unknown;
  channel_id?: unknown;
  channel?: { id?: unknown };
  event?: { channel?: unknown };
  container?: { channel_id?: unknown };
}

/**
 * Where a request's log lines come from: its team, its channel, and Slack's id of the delivery.
 *
 * @param body The request body.
 * @param team The request's team key.
 * @returns The log context.
 */
export function requestContext(body: unknown, team: string): LogContext {
  const fields = (typeof body === 'object' && body !== null ? body : {}) as RequestBody;
  const channel = [
    fields.channel_id,
    fields.channel?.id,
    fields.event?.channel,
    fields.container?.channel_id,
  ].find((value): value is string => typeof value === 'string');
  const requestId = [fields.event_id, fields.trigger_id].find(
    (value): value is string => typeof value === 'string',
  );
  return { ...(team ? { team } : {}), ...(channel ? { channel } : {}), ...(requestId ? { requestId } : {}) };
}

/**
 * A global middleware that puts a logger for the request in `context.log`: its lines carry the team,
 * the channel and the request id (`LOG_FORMAT=json` shows them as fields).
 *
 * @param logger The app's logger.
 * @returns The middleware.
 */
export function requestLogger(logger: Logger): Middleware<AnyMiddlewareArgs> {
  return async ({ body, context, next }) => {
    context.log = withContext(logger, requestContext(body, teamKey(context)));
    await next();
  };
}

/**
 * The logger of a request: the one `requestLogger` made, or the app's.
 *
 * @param args A listener's arguments.
 * @returns The logger to use.
 */
export function logOf(args: { context: Record<string, unknown>; logger: Logger }): Logger {
  const log = args.context.log;
  return typeof log === 'object' && log !== null && 'warn' in log ? (log as Logger) : args.logger;
}
