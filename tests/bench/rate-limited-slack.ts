import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the stand-in limits posting, after Slack's published rules for chat.postMessage. */
export interface SlackLimits {
  /** Milliseconds each answer takes. */
  latencyMs: number;
  /** Messages per second a workspace may post, and the burst allowed above it. */
  workspacePerSecond: number;
  workspaceBurst: number;
  /** Messages per second to one channel (Slack: about one), and the burst (a post and its thread reply). */
  channelPerSecond: number;
  channelBurst: number;
}

/** A token bucket: `take` answers how long to wait when it is empty. */
class Bucket {
  #tokens: number;
  #at = performance.now();
  constructor(
    readonly rate: number,
    readonly burst: number,
  ) {
    this.#tokens = burst;
  }
  /** @returns 0 when a token was taken, else the milliseconds until one is there. */
  take(): number {
    const now = performance.now();
    this.#tokens = Math.min(this.burst, this.#tokens + ((now - this.#at) / 1000) * this.rate);
    this.#at = now;
    if (this.#tokens >= 1) {
      this.#tokens -= 1;
      return 0;
    }
    return ((1 - this.#tokens) / this.rate) * 1000;
  }
}

/**
 * A stand-in for Slack's chat.postMessage that enforces per-workspace and per-channel rate limits
 * (429 with Retry-After, as Slack answers) and takes `latencyMs` per answer. Workspaces are told apart by
 * their bot token. Counts what it accepted and refused.
 */
export class RateLimitedSlack {
  readonly accepted: { token: string; channel: string; thread: boolean }[] = [];
  refused = 0;
  #server: Server | undefined;
  readonly #workspaces = new Map<string, Bucket>();
  readonly #channels = new Map<string, Bucket>();
  #ts = 1_700_000_000;

  constructor(readonly limits: SlackLimits) {}

  async start(): Promise<string> {
    this.#server = createServer((request, response) => {
      let raw = '';
      request.on('data', (chunk: Buffer) => {
        raw += chunk.toString();
      });
      request.on('end', () => {
        const token = request.headers.authorization ?? '';
        const body = new URLSearchParams(raw);
        const channel = body.get('channel') ?? '';
        const workspace = this.#bucket(
          this.#workspaces,
          token,
          this.limits.workspacePerSecond,
          this.limits.workspaceBurst,
        );
        const room = this.#bucket(
          this.#channels,
          `${token}/${channel}`,
          this.limits.channelPerSecond,
          this.limits.channelBurst,
        );
        const wait = Math.max(workspace.take(), room.take());
        setTimeout(() => {
          if (wait > 0) {
            this.refused += 1;
            response.writeHead(429, {
              'content-type': 'application/json',
              'retry-after': String(Math.ceil(wait / 1000)),
            });
            response.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
            return;
          }
          this.#ts += 1;
          this.accepted.push({ token, channel, thread: body.has('thread_ts') });
          response.writeHead(200, { 'content-type': 'application/json' });
          response.end(JSON.stringify({ ok: true, channel, ts: `${this.#ts}.000100` }));
        }, this.limits.latencyMs);
      });
    });
    const server = this.#server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`;
  }

  #bucket(map: Map<string, Bucket>, key: string, rate: number, burst: number): Bucket {
    let bucket = map.get(key);
    if (!bucket) {
      bucket = new Bucket(rate, burst);
      map.set(key, bucket);
    }
    return bucket;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.#server?.closeAllConnections();
      this.#server?.close(() => resolve());
    });
  }
}
