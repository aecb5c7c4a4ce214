import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A call the bot made to the stand-in Web API (or to a response_url). */
export interface RecordedCall {
  method: string;
  body: Record<string, unknown>;
  /** Authorization header: the token the call carried. */
  authorization?: string;
  at: number;
  /** What the stand-in answered (a posted message's `ts` is in it). */
  answer?: StubResponse;
}

/** What the stand-in answers: a JSON body with a status and headers. */
export interface StubResponse {
  status?: number;
  headers?: Record<string, string>;
  body: unknown;
  /** Answer this long after the call arrived: a slow Slack. */
  delayMs?: number;
}

/**
 * A local stand-in for Slack's Web API (`SLACK_API_URL`) and for response_url endpoints: it records
 * every call with its decoded arguments and answers like Slack, or as scripted (429, 500, ok:false).
 */
export class SlackApiStub {
  readonly calls: RecordedCall[] = [];
  readonly #scripted = new Map<string, StubResponse[]>();
  #server: Server | undefined;
  #base = '';
  #ts = 1_700_000_000;
  /** What apps.connections.open hands out (Socket Mode tests set it). */
  socketUrl = '';
  /** Every chat.postMessage is answered this long after it arrived: a Slack that takes its time. */
  delayAll = 0;
  /** Answers not sent yet (delayed). */
  pending = 0;
  /** The workspace an OAuth install goes to (oauth.v2.access answers with it). */
  installTeam = { id: 'T0NEW', name: 'New Reading Group' };
  /** The person on Slack's authorize page presses Cancel instead of Allow. */
  denyInstall = false;
  readonly #codes = new Map<string, boolean>();
  /** The channels each user is in: users.conversations answers from it, a page of `limit` at a time. */
  memberships: Record<string, string[]> = {};

  /** Start on a free port of 127.0.0.1. */
  async start(): Promise<this> {
    this.#server = createServer((request, response) => {
      void this.#handle(request).then(async ({ status = 200, headers = {}, body, delayMs = 0 }) => {
        const wait = Math.max(delayMs, request.url?.startsWith('/api/chat.postMessage') ? this.delayAll : 0);
        if (wait > 0) {
          this.pending += 1;
          await new Promise((resolve) => setTimeout(resolve, wait));
          this.pending -= 1;
        }
        response.writeHead(status, { 'content-type': 'application/json', ...headers });
        response.end(JSON.stringify(body));
      });
    });
    await new Promise<void>((resolve) => this.#server?.listen(0, '127.0.0.1', resolve));
    const { port } = this.#server.address() as AddressInfo;
    this.#base = `http://127.0.0.1:${port}`;
    return this;
  }

  /** The Web API base URL, for SLACK_API_URL. */
  get apiUrl(): string {
    return `${this.#base}/api/`;
  }

  /** A response_url that records what respond() posts to it. */
  responseUrl(name = 'respond'): string {
    return `${this.#base}/response/${name}`;
  }

  /** Answer the next calls of a method with these responses, in order; then the default again. */
  script(method: string, ...responses: StubResponse[]): void {
    this.#scripted.set(method, [...(this.#scripted.get(method) ?? []), ...responses]);
  }

  /** Calls of one method, in order. */
  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  /** Wait until a predicate over the calls holds (the bot posts after it acks). */
  async waitFor(predicate: (calls: RecordedCall[]) => boolean, timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this.calls)) {
      if (Date.now() > deadline)
        throw new Error(`timed out; calls: ${this.calls.map((call) => call.method).join(', ')}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.#server?.closeAllConnections();
      this.#server?.close(() => resolve());
    });
  }

  /** The authorize URL an OAuth install is sent to: the stand-in for slack.com/oauth/v2/authorize. */
  get authorizeUrl(): string {
    return `${this.#base}/oauth/v2/authorize`;
  }

  async #handle(request: IncomingMessage): Promise<StubResponse> {
    const raw = await readBody(request);
    const path = request.url ?? '/';
    if (path.startsWith('/oauth/v2/authorize')) return this.#authorize(new URL(path, this.#base));
    const method = path.startsWith('/api/')
      ? (path.slice('/api/'.length).split('?')[0] ?? '')
      : `response:${path.slice('/response/'.length)}`;
    const call: RecordedCall = {
      method,
      body: decode(raw, request.headers['content-type'] ?? ''),
      at: Date.now(),
    };
    if (request.headers.authorization) call.authorization = request.headers.authorization;
    this.calls.push(call);
    call.answer = this.#scripted.get(method)?.shift() ?? { body: this.#defaultAnswer(method, call.body) };
    return call.answer;
  }

  /** Slack's authorize page, after the person pressed Allow (or Cancel): back to the redirect URL. */
  #authorize(url: URL): StubResponse {
    const call: RecordedCall = {
      method: 'oauth.authorize',
      body: Object.fromEntries(url.searchParams),
      at: Date.now(),
    };
    this.calls.push(call);
    const back = new URL(url.searchParams.get('redirect_uri') ?? '');
    const state = url.searchParams.get('state') ?? '';
    if (this.denyInstall) {
      back.search = new URLSearchParams({ error: 'access_denied', state }).toString();
    } else {
      const code = `code-${this.#codes.size + 1}`;
      this.#codes.set(code, false);
      back.search = new URLSearchParams({ code, state }).toString();
    }
    call.answer = { status: 302, headers: { location: back.toString() }, body: {} };
    return call.answer;
  }

  #defaultAnswer(method: string, body: Record<string, unknown>): unknown {
    switch (method) {
      case 'auth.test':
        return {
          ok: true,
          url: 'https://readinggroup.slack.com/',
          team: 'Reading Group',
          user: 'optpaper',
          team_id: 'T0TEAM',
          user_id: 'U0OPTBOT',
          bot_id: 'B0OPTBOT',
        };
      case 'chat.postMessage':
        this.#ts += 1;
        return { ok: true, channel: body.channel, ts: `${this.#ts}.000100`, message: { text: body.text } };
      case 'chat.unfurl':
        return { ok: true };
      case 'views.publish':
        return { ok: true, view: { id: 'V0HOME', type: 'home', blocks: body.view } };
      case 'users.conversations': {
        const channels = this.memberships[String(body.user ?? '')] ?? [];
        const start = Number(body.cursor || 0);
        const limit = Number(body.limit || 100);
        const next = start + limit < channels.length ? String(start + limit) : '';
        return {
          ok: true,
          channels: channels.slice(start, start + limit).map((id) => ({ id, is_member: true })),
          response_metadata: { next_cursor: next },
        };
      }
      case 'chat.update':
        return { ok: true, channel: body.channel, ts: body.ts, text: body.text };
      case 'views.open':
        this.#ts += 1;
        return { ok: true, view: { id: `V${this.#ts}`, ...(body.view as object) } };
      case 'apps.connections.open':
        return { ok: true, url: this.socketUrl };
      case 'oauth.v2.access': {
        // A code is good once, as Slack's are.
        const code = String(body.code ?? '');
        if (!this.#codes.has(code) || this.#codes.get(code)) return { ok: false, error: 'invalid_code' };
        this.#codes.set(code, true);
        return {
          ok: true,
          app_id: 'A0OPTPAPER',
          authed_user: { id: 'U0INSTALLER' },
          scope: 'commands,chat:write,app_mentions:read,links:read,links:write,channels:read,groups:read',
          token_type: 'bot',
          access_token: `xoxb-installed-${this.installTeam.id}`,
          bot_user_id: 'U0OPTBOT',
          team: this.installTeam,
          enterprise: null,
          is_enterprise_install: false,
        };
      }
      default:
        return method.startsWith('response:') ? { ok: true } : { ok: false, error: 'unknown_method' };
    }
  }
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    request.on('data', (chunk: Buffer) => {
      data += chunk.toString();
    });
    request.on('end', () => resolve(data));
    request.on('error', reject);
  });
}

/** Web API calls arrive form-encoded with JSON-encoded fields (blocks), or as JSON. */
function decode(raw: string, contentType: string): Record<string, unknown> {
  if (contentType.includes('application/json'))
    return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  const body: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    body[key] = /^[[{]/.test(value) ? safeJson(value) : value;
  }
  return body;
}

function safeJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}
