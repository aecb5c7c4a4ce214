import { pathToFileURL } from 'node:url';
import { readSlackConfig } from './config.ts';

/** The defaults, one place. */
export const healthcheckDefaults = Object.freeze({
  /** Under the Dockerfile's HEALTHCHECK --timeout, so that this process says why before Docker kills it. */
  timeoutMs: 4_000,
  /**
   * The bot's health path, as src/slack/app.ts serves it (a test holds the two equal): importing it from
   * there would load Bolt for every check.
   */
  path: '/healthz',
});

/**
 * Ask the running bot on this machine whether it is healthy: `GET /healthz` on `PORT`.
 *
 * @param port The bot's HTTP port.
 * @param timeoutMs Give up after this long.
 * @returns `ok` when it answered 200, and what it answered (or why there was no answer).
 */
export async function checkHealth(
  port: number,
  timeoutMs: number = healthcheckDefaults.timeoutMs,
): Promise<{ ok: boolean; report: string }> {
  const url = `http://127.0.0.1:${port}${healthcheckDefaults.path}`;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    const body = (await response.text()).trim().slice(0, 500);
    return { ok: response.status === 200, report: `${url} answered ${response.status}: ${body}` };
  } catch (error) {
    // fetch says only "fetch failed": the reason is its cause (ECONNREFUSED, bad port…).
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const reason = cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
    return { ok: false, report: `${url} did not answer (${reason})` };
  }
}

// `node dist/healthcheck.js`: the container's HEALTHCHECK. Exit 0 when healthy, 1 otherwise; the one line
// printed is what `docker inspect` shows.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const read = readSlackConfig(process.env);
  if ('problems' in read) {
    process.stdout.write(`${read.problems.map((problem) => problem.message).join('; ')}\n`);
    process.exitCode = 1;
  } else {
    const { ok, report } = await checkHealth(read.slack.port);
    process.stdout.write(`${report}\n`);
    process.exitCode = ok ? 0 : 1;
  }
}
