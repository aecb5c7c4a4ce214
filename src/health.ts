import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ListState } from './library.ts';
import type { StoreHealth } from './store/types.ts';

/** The Slack connection as `/healthz` reports it. */
export type SlackHealth =
  | { ok: true; mode: 'http' | 'socket'; detail: string }
  | { ok: false; mode: 'http' | 'socket'; reason: string };

/** What `GET /healthz` answers: 200 when every part is ok, 503 naming the broken part otherwise. */
export interface HealthReport {
  ok: boolean;
  /** Papers in the list (kept at the top level: load balancers and older checks read it). */
  papers: number;
  list: {
    ok: boolean;
    papers: number;
    sections?: number;
    path?: string;
    loadedAt?: string;
    warning?: string;
  };
  database: { ok: boolean; engine?: string; detail?: string; reason?: string };
  slack: SlackHealth;
  /** One line: what is broken, for a person reading a supervisor's log. */
  reason?: string;
}

/** The parts a health report is made of, each asked when the report is made. */
export interface HealthParts {
  list: () => Pick<ListState, 'papers'> & Partial<ListState>;
  database?: () => Promise<StoreHealth>;
  slack: () => SlackHealth;
}

/**
 * Ask every part how it is.
 *
 * @param parts The list, the database and the Slack connection.
 * @returns The report; `ok` only when all three are.
 */
export async function healthReport(parts: HealthParts): Promise<HealthReport> {
  const state = parts.list();
  const list: HealthReport['list'] = { ok: state.papers > 0, papers: state.papers };
  if (state.sections !== undefined) list.sections = state.sections;
  if (state.path) list.path = state.path;
  if (state.loadedAt) list.loadedAt = state.loadedAt.toISOString();
  // A reload that was not adopted leaves the bot running on the previous list: ok, with a warning.
  if (state.pending) list.warning = state.pending.outcome.message;
  const stored = parts.database ? await parts.database() : undefined;
  const database: HealthReport['database'] = stored
    ? stored.ok
      ? { ok: true, engine: stored.engine, detail: stored.detail }
      : { ok: false, engine: stored.engine, reason: stored.reason }
    : { ok: true, detail: 'none' };
  const slack = parts.slack();
  const problems = [
    list.ok ? undefined : 'the list has no papers',
    database.ok ? undefined : `database: ${database.reason}`,
    slack.ok ? undefined : `slack: ${slack.reason}`,
  ].filter((problem) => problem !== undefined);
  const report: HealthReport = { ok: problems.length === 0, papers: state.papers, list, database, slack };
  if (problems.length > 0) report.reason = problems.join('; ');
  return report;
}

/**
 * The HTTP handler of `GET /healthz`.
 *
 * @param report Makes a report.
 * @returns A node request handler: 200 or 503 with the report as JSON.
 */
export function healthHandler(report: () => Promise<HealthReport>) {
  return (_request: IncomingMessage, response: ServerResponse): void => {
    report().then(
      (health) => {
        response.writeHead(health.ok ? 200 : 503, { 'content-type': 'application/json' });
        response.end(JSON.stringify(health));
      },
      (error: unknown) => {
        response.writeHead(503, { 'content-type': 'application/json' });
        response.end(
          JSON.stringify({ ok: false, reason: error instanceof Error ? error.message : String(error) }),
        );
      },
    );
  };
}
