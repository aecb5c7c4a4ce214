import { webApi } from '@slack/bolt';
import type { SlackMessage } from './blocks.ts';

/** Why a post failed, as far as retrying is concerned. */
export type PostFailure =
  /** 429: Slack refused the call; nothing was posted, waiting and retrying is safe. */
  | 'ratelimited'
  /** 5xx: Slack failed; most likely nothing was posted. */
  | 'server'
  /** No answer at all: the post may or may not have reached Slack. */
  | 'network'
  /** `ok: false` (not_in_channel, channel_not_found, is_archived…): retrying cannot help. */
  | 'refused'
  /** The bot is stopping: the retry it was waiting for was not made. */
  | 'stopped';

/** When to try again, and how long to wait. */
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  /** Failures worth another attempt. */
  retryOn: readonly PostFailure[];
  /** First wait after a 5xx or network error, doubled each time, in ms. */
  baseDelayMs: number;
  /**
   * Longest wait in ms. A Retry-After longer than this ends the retries: retrying before Slack said
   * would only be refused again.
   */
  maxDelayMs: number;
}

/**
 * Share and mention replies: someone is waiting, and a second post after an unclear failure could
 * double the message, so only rate limits (certainly not posted) are retried, briefly.
 */
export const interactivePolicy: Readonly<RetryPolicy> = Object.freeze({
  attempts: 3,
  retryOn: Object.freeze(['ratelimited'] as const),
  baseDelayMs: 500,
  maxDelayMs: 10_000,
});

/** The outcome of a post. */
export type PostResult =
  | { ok: true; ts: string; channel: string; attempts: number }
  | { ok: false; failure: PostFailure; error: string; attempts: number };

/** The part of the Web API client a post needs (Bolt's `client` has it). */
export interface ChatClient {
  chat: {
    postMessage(args: {
      channel: string;
      text: string;
      blocks?: unknown[];
      thread_ts?: string;
    }): Promise<unknown>;
  };
}

/** How a post waits; tests pass one that advances fake time. */
export type Sleep = (ms: number) => Promise<void>;

export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * `ok: false` answers that say Slack failed, not that the request was wrong: worth another attempt
 * like a 5xx (https://docs.slack.dev/reference/methods/chat.postMessage, "Errors").
 */
const transientErrors: ReadonlySet<string> = new Set([
  'internal_error',
  'fatal_error',
  'request_timeout',
  'service_unavailable',
]);

/**
 * Edits (chat.update, a `response_url` replacing the original): the same edit made twice leaves the
 * same message, so every failure but a refusal is worth another try, even one that may have landed.
 */
export const editPolicy: Readonly<RetryPolicy> = Object.freeze({
  attempts: 4,
  retryOn: Object.freeze(['ratelimited', 'server', 'network'] as const),
  baseDelayMs: 500,
  maxDelayMs: 10_000,
});

/** The outcome of a Web API call made with {@link callSlack}. */
export type CallResult<T> =
  | { ok: true; value: T; attempts: number }
  | { ok: false; failure: PostFailure; error: string; attempts: number };

/**
 * Make a Web API call, retrying as the policy says. The client must be built with
 * `retryConfig: { retries: 0 }` and `rejectRateLimitedCalls: true`, so that every retry is decided here.
 *
 * @param call The call; made again for each attempt.
 * @param policy When to retry.
 * @param sleep How to wait (default: a timer).
 * @param signal Aborted when the bot stops: no further attempt is made (failure `stopped`).
 * @returns What the call returned, or why it failed.
 */
export async function callSlack<T>(
  call: () => Promise<T>,
  policy: RetryPolicy,
  sleep: Sleep = realSleep,
  signal?: AbortSignal,
): Promise<CallResult<T>> {
  let attempt = 0;
  for (;;) {
    attempt++;
    try {
      return { ok: true, value: await call(), attempts: attempt };
    } catch (error) {
      const { failure, detail, retryAfterMs } = classify(error);
      const wait = retryAfterMs ?? Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
      if (attempt >= policy.attempts || !policy.retryOn.includes(failure) || wait > policy.maxDelayMs) {
        return { ok: false, failure, error: detail, attempts: attempt };
      }
      if (!(await sleepUnlessAborted(sleep, wait, signal))) {
        return {
          ok: false,
          failure: 'stopped',
          error: `stopping after ${failure}: ${detail}`,
          attempts: attempt,
        };
      }
    }
  }
}

/**
 * Post a message with chat.postMessage, retrying as the policy says (see {@link callSlack}).
 *
 * @param client A Web API client.
 * @param message Channel, optional thread, and the rendered message.
 * @param policy When to retry.
 * @param sleep How to wait (default: a timer).
 * @param signal Aborted when the bot stops: no further attempt is made (failure `stopped`).
 * @returns The message ts, or why it failed.
 */
export async function postMessage(
  client: ChatClient,
  message: SlackMessage & { channel: string; thread_ts?: string },
  policy: RetryPolicy,
  sleep: Sleep = realSleep,
  signal?: AbortSignal,
): Promise<PostResult> {
  const result = await callSlack(
    async () => (await client.chat.postMessage(message)) as { ts?: string; channel?: string },
    policy,
    sleep,
    signal,
  );
  if (!result.ok) return result;
  const { value, attempts } = result;
  return { ok: true, ts: value.ts ?? '', channel: value.channel ?? message.channel, attempts };
}

/** Wait, unless the signal is (or becomes) aborted. @returns Whether the wait ran to its end. */
async function sleepUnlessAborted(sleep: Sleep, ms: number, signal?: AbortSignal): Promise<boolean> {
  if (!signal) {
    await sleep(ms);
    return true;
  }
  if (signal.aborted) return false;
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<false>((resolve) => {
    onAbort = () => resolve(false);
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([sleep(ms).then(() => !signal.aborted), aborted]);
  } finally {
    if (onAbort) signal.removeEventListener('abort', onAbort);
  }
}

/**
 * Sort a Web API error into a {@link PostFailure}.
 *
 * @param error What the client threw.
 * @returns The failure kind, a short detail for logs and users, and Slack's Retry-After in ms.
 */
export function classify(error: unknown): { failure: PostFailure; detail: string; retryAfterMs?: number } {
  const coded = error as {
    code?: string;
    retryAfter?: number;
    statusCode?: number;
    data?: { error?: string };
  };
  switch (coded.code) {
    case webApi.ErrorCode.RateLimitedError:
      return { failure: 'ratelimited', detail: 'ratelimited', retryAfterMs: (coded.retryAfter ?? 1) * 1000 };
    case webApi.ErrorCode.HTTPError:
      return coded.statusCode === 429
        ? { failure: 'ratelimited', detail: 'ratelimited' }
        : { failure: 'server', detail: `HTTP ${coded.statusCode ?? '?'}` };
    case webApi.ErrorCode.PlatformError: {
      const code = coded.data?.error ?? 'unknown_error';
      if (code === 'ratelimited') return { failure: 'ratelimited', detail: code };
      return { failure: transientErrors.has(code) ? 'server' : 'refused', detail: code };
    }
    default:
      return { failure: 'network', detail: error instanceof Error ? error.message : String(error) };
  }
}
