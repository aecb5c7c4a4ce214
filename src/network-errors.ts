/**
 * Why a request to Slack got no answer, in words. Node's fetch says `fetch failed` and hides the reason
 * (DNS, refused, timed out) in `cause`; Slack's Web API client wraps that error once more.
 */

/** A reason for each code Node (undici, the resolver, TLS) gives, one place. */
const reasons: Readonly<Record<string, (host: string) => string>> = Object.freeze({
  ENOTFOUND: (host) => `the name ${host} could not be looked up (DNS)`,
  EAI_AGAIN: (host) => `the name ${host} could not be looked up (DNS did not answer)`,
  ECONNREFUSED: (host) => `${host} refused the connection`,
  ECONNRESET: () => 'the connection was cut',
  ETIMEDOUT: (host) => `${host} did not answer in time`,
  UND_ERR_CONNECT_TIMEOUT: (host) => `${host} did not answer in time`,
  UND_ERR_SOCKET: () => 'the connection was cut',
  ENETUNREACH: () => 'no network route to it',
  EHOSTUNREACH: () => 'no network route to it',
  SELF_SIGNED_CERT_IN_CHAIN: () =>
    'its TLS certificate is not trusted here (a proxy that inspects HTTPS? give Node its certificate with NODE_EXTRA_CA_CERTS)',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: () =>
    'its TLS certificate is not trusted here (a proxy that inspects HTTPS? give Node its certificate with NODE_EXTRA_CA_CERTS)',
  CERT_HAS_EXPIRED: () => 'its TLS certificate has expired (or this machine’s clock is wrong)',
});

/**
 * The innermost cause of a failed request: the Web API client's error holds fetch's, which holds the
 * system's.
 *
 * @param error What the client threw.
 * @returns The code (`ENOTFOUND`, `TimeoutError`…) and message of the deepest error found.
 */
export function rootCause(error: unknown): { code?: string; message: string } {
  let current: unknown = error;
  for (let depth = 0; depth < 5; depth++) {
    const next =
      (current as { original?: unknown }).original ?? (current as { cause?: unknown } | undefined)?.cause;
    if (next === undefined || next === null || typeof next !== 'object') break;
    current = next;
  }
  const { code, name, message } = (current ?? {}) as { code?: unknown; name?: unknown; message?: unknown };
  const found = typeof code === 'string' ? code : name === 'TimeoutError' ? 'ETIMEDOUT' : undefined;
  return {
    ...(found ? { code: found } : {}),
    message: typeof message === 'string' ? message : String(current),
  };
}

/**
 * The one start-up line for a Slack that cannot be reached. Slack's own address (SLACK_API_URL unset, or
 * set to the default) means the network is at fault, and the line says where to look; an address the user
 * set is named, since it is the likelier mistake.
 *
 * @param apiUrl The Web API base URL that was tried.
 * @param custom Whether it is the user's (SLACK_API_URL set to something else than Slack's).
 * @param error What the client threw.
 * @returns The line, without the `optpaper: ` prefix.
 */
export function unreachableSlackMessage(apiUrl: string, custom: boolean, error: unknown): string {
  const reason = reasonOf(new URL(apiUrl), error);
  if (custom) {
    return (
      `SLACK_API_URL: cannot reach ${apiUrl}: ${reason}. Check SLACK_API_URL and that this server is running ` +
      "(unset, it is Slack's own https://slack.com/api/)"
    );
  }
  // Node's fetch does not read HTTPS_PROXY, and nothing here hands it a proxy: say so rather than let
  // someone behind a proxy set it and wonder.
  return (
    `cannot reach Slack at ${apiUrl}: ${reason}. Check this machine's connection to ${new URL(apiUrl).hostname} ` +
    '(network, DNS, firewall); the bot connects directly, it does not use HTTPS_PROXY'
  );
}

function reasonOf(url: URL, error: unknown): string {
  // Something answered, but not as the Web API does (a wrong path, a proxy's error page).
  const status = (error as { statusCode?: unknown }).statusCode;
  if (typeof status === 'number') return `it answered HTTP ${status}, not as Slack's Web API does`;
  const cause = rootCause(error);
  const known = cause.code ? reasons[cause.code]?.(url.host) : undefined;
  if (known) return known;
  // fetch refuses ports browsers block (9, 25, 6000…) before trying them.
  if (cause.message === 'bad port') return `fetch refuses to connect to port ${url.port}`;
  return cause.message;
}
