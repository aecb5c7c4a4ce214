import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type HTTPReceiver, isValidSlackRequest, type Logger } from '@slack/bolt';

/** Limits of the HTTP server, one place. */
export const httpDefaults = Object.freeze({
  /**
   * Largest request body read. Slack's own payloads stay far below (a block_actions payload carrying a
   * long message is a few tens of KB); a bigger body is refused before it costs memory or time.
   */
  bodyLimitBytes: 1024 * 1024,
  /** A client that sends its request this slowly is cut off. */
  requestTimeoutMs: 15_000,
});

/** HTTP path of every Slack request in HTTP mode. */
export const eventsPath = '/slack/events';
/** Health check for load balancers and supervisors. */
export const healthPath = '/healthz';

/** A request to a body Bolt reads: set before Bolt sees it, so that Bolt does not read the stream again. */
type BufferedRequest = IncomingMessage & { rawBody?: Buffer };

/**
 * The bot's HTTP server: Slack requests go to Bolt's receiver only once they are signed, within the
 * size limit, and shaped like Slack's (a JSON object, or a form whose `payload` is one), because a
 * signed `null` body makes Bolt 5 throw inside its receiver and end the process. `GET /healthz` is
 * answered here; anything else (the OAuth install pages) goes to the receiver, and a path nobody
 * serves gets 404.
 *
 * @param options The receiver, the signing secret, the health handler and a logger.
 * @returns The server, not listening yet.
 */
export function createSlackServer(options: {
  receiver: HTTPReceiver;
  signingSecret: string;
  health: (request: IncomingMessage, response: ServerResponse) => void;
  logger: Logger;
}): Server {
  const { receiver, signingSecret, health, logger } = options;
  const refuse = (response: ServerResponse, status: number, why: string) => {
    logger.warn(`refused a request to ${eventsPath}: ${why} (${status})`);
    if (!response.headersSent) response.writeHead(status, { 'content-type': 'text/plain' });
    response.end(`${why}\n`);
  };
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path === healthPath && (request.method === 'GET' || request.method === 'HEAD')) {
      health(request, response);
      return;
    }
    if (path === eventsPath && request.method === 'POST') {
      readBody(request, httpDefaults.bodyLimitBytes).then(
        (body) => {
          if (!body) {
            // The rest of the body is not wanted: close the connection rather than read it.
            response.setHeader('connection', 'close');
            response.once('finish', () => request.destroy());
            return refuse(response, 413, 'request body too large');
          }
          const text = body.toString('utf8');
          if (!signed(request, text, signingSecret)) return refuse(response, 401, 'bad or missing signature');
          const problem = shapeProblem(request.headers['content-type'], text);
          if (problem) return refuse(response, 400, problem);
          (request as BufferedRequest).rawBody = body;
          forward(receiver, request, response, logger);
        },
        (error: unknown) => refuse(response, 400, `unreadable body (${String(error)})`),
      );
      return;
    }
    forward(receiver, request, response, logger);
  });
  server.requestTimeout = httpDefaults.requestTimeoutMs;
  return server;
}

/** Hand a request to Bolt; nothing it throws may end the process. */
function forward(receiver: HTTPReceiver, request: IncomingMessage, response: ServerResponse, logger: Logger) {
  try {
    receiver.requestListener(request, response);
  } catch (error) {
    // Bolt throws HTTPReceiverDeferredRequestError for a path it does not serve.
    const unknownPath =
      (error as { code?: string }).code === 'slack_bolt_http_receiver_deferred_request_error';
    if (!unknownPath) logger.error('a request failed in the receiver:', error);
    if (!response.headersSent) response.writeHead(unknownPath ? 404 : 500);
    response.end();
  }
}

/** The body, or `undefined` when it is larger than the limit (the rest is not read). */
function readBody(request: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      resolve(undefined);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        request.removeAllListeners('data');
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(size > limit ? undefined : Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function signed(request: IncomingMessage, body: string, signingSecret: string): boolean {
  const signature = request.headers['x-slack-signature'];
  const timestamp = Number(request.headers['x-slack-request-timestamp']);
  if (typeof signature !== 'string' || !Number.isFinite(timestamp)) return false;
  return isValidSlackRequest({
    signingSecret,
    body,
    headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': timestamp },
  });
}

/** Why a signed body is not one Slack sends, or `undefined` when it is. */
export function shapeProblem(contentType: string | undefined, text: string): string | undefined {
  const isObject = (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value);
  const parse = (json: string): unknown => {
    try {
      return JSON.parse(json);
    } catch {
      return undefined;
    }
  };
  if (contentType === 'application/x-www-form-urlencoded') {
    const form = new URLSearchParams(text);
    const payload = form.get('payload');
    if (payload !== null && !isObject(parse(payload))) return 'the payload field is not a JSON object';
    return undefined;
  }
  return isObject(parse(text)) ? undefined : 'the body is not a JSON object';
}
