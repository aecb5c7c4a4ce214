import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { relevanceQueries } from '../search/relevance-queries.ts';
import { commandBody, slackSignature, testSigningSecret } from '../support/signing.ts';
import type { Suite } from './suite.ts';

/** Load shape: open loop at a fixed rate (requests are sent on schedule, not after the previous answer). */
export const ackBenchDefaults = Object.freeze({ rate: 200, seconds: 10, warmupSeconds: 2 });

/** Latency figures of one server, in milliseconds. */
export interface AckFigures {
  kind: 'optpaper' | 'bare';
  sent: number;
  ok: number;
  failed: number;
  p50: number;
  p99: number;
  max: number;
  /** Answered requests per second over the run. */
  throughput: number;
  /** The load: requests per second, for how many seconds. */
  rate: number;
  seconds: number;
}

const serverScript = fileURLToPath(new URL('./ack-server.ts', import.meta.url));

/**
 * Ack latency of signed `/optpaper <query>` requests over loopback, for the real app and for a bare Bolt
 * app that acks with a fixed text (the floor), one after the other on the same machine.
 *
 * @param options Rate (requests/s), duration and warm-up in seconds.
 * @returns Both servers' figures.
 */
export async function runAckBench(options: Partial<typeof ackBenchDefaults> = {}): Promise<AckFigures[]> {
  const settings = { ...ackBenchDefaults, ...options };
  const results: AckFigures[] = [];
  for (const kind of ['bare', 'optpaper'] as const) {
    const { child, port } = await startServer(kind);
    try {
      const url = `http://127.0.0.1:${port}/slack/events`;
      await load(url, settings.rate, settings.warmupSeconds);
      results.push({
        kind,
        rate: settings.rate,
        seconds: settings.seconds,
        ...(await load(url, settings.rate, settings.seconds)),
      });
    } finally {
      child.kill();
    }
  }
  return results;
}

async function startServer(kind: string): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', serverScript, kind], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout?.once('data', (chunk: Buffer) =>
      resolve((JSON.parse(chunk.toString()) as { port: number }).port),
    );
    child.once('exit', (code) => reject(new Error(`${kind} server exited with ${code}`)));
  });
  return { child, port };
}

async function load(
  url: string,
  rate: number,
  seconds: number,
): Promise<Omit<AckFigures, 'kind' | 'rate' | 'seconds'>> {
  const total = Math.round(rate * seconds);
  const latencies: number[] = [];
  let failed = 0;
  const start = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let index = 0; index < total; index++) {
    const due = start + (index * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const [query] = relevanceQueries[index % relevanceQueries.length] ?? ['sharp minima'];
    const body = commandBody({ text: query });
    const timestamp = Math.floor(Date.now() / 1000);
    inFlight.push(
      fetch(url, {
        method: 'POST',
        body,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-slack-request-timestamp': String(timestamp),
          'x-slack-signature': slackSignature(testSigningSecret, timestamp, body),
        },
      })
        .then(async (response) => {
          await response.arrayBuffer();
          // Latency from the scheduled send time: a slow server cannot hide its queueing.
          if (response.ok) latencies.push(performance.now() - due);
          else failed++;
        })
        .catch(() => {
          failed++;
        }),
    );
  }
  await Promise.all(inFlight);
  const elapsed = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? Number.NaN;
  return {
    sent: total,
    ok: latencies.length,
    failed,
    p50: at(0.5),
    p99: at(0.99),
    max: latencies.at(-1) ?? Number.NaN,
    throughput: latencies.length / elapsed,
  };
}

/**
 * Print the ack figures and the ratio of the two p99s.
 *
 * @param results From {@link runAckBench}.
 * @param write Where to print.
 */
export function printAckFigures(results: readonly AckFigures[], write: (text: string) => void): void {
  const { rate, seconds } = results[0] ?? ackBenchDefaults;
  write(
    `\nAck latency: signed /optpaper <query> over loopback, ${rate} requests/s for ${seconds} s (after a warm-up)\n`,
  );
  write('server     sent     ok  failed   p50 ms   p99 ms   max ms   req/s\n');
  for (const r of results) {
    write(
      `${r.kind.padEnd(9)}${String(r.sent).padStart(6)}${String(r.ok).padStart(7)}${String(r.failed).padStart(8)}` +
        `${r.p50.toFixed(2).padStart(9)}${r.p99.toFixed(2).padStart(9)}${r.max.toFixed(2).padStart(9)}${r.throughput.toFixed(0).padStart(8)}\n`,
    );
  }
  const bare = results.find((r) => r.kind === 'bare');
  const ours = results.find((r) => r.kind === 'optpaper');
  if (bare && ours) {
    const ratio = ours.p99 / bare.p99;
    write(
      `p99 ratio optpaper / bare Bolt: ${ratio.toFixed(2)}× (target ≤ 1.5×; Slack's deadline is 3,000 ms)\n`,
    );
  }
}

/**
 * The `ack` suite of `npm run bench`: both servers under load, the table, and the README block.
 *
 * @param context Where the readable report goes.
 * @returns The markdown block.
 */
export const runAckSuite: Suite = async ({ print }) => {
  const results = await runAckBench();
  let text = '';
  printAckFigures(results, (line) => {
    text += line;
  });
  print(text.trimEnd());
  const rows = results.map(
    (r) =>
      `| ${r.kind === 'bare' ? 'bare Bolt app (fixed text)' : 'optpaper (search in the ack)'} | ${r.ok} / ${r.sent} | ${r.p50.toFixed(2)} ms | ${r.p99.toFixed(2)} ms | ${r.max.toFixed(2)} ms | ${r.throughput.toFixed(0)} |`,
  );
  const bare = results.find((r) => r.kind === 'bare');
  const ours = results.find((r) => r.kind === 'optpaper');
  const ratio = bare && ours ? `p99 ratio optpaper / bare: ${(ours.p99 / bare.p99).toFixed(2)}×.` : '';
  const { rate, seconds } = results[0] ?? ackBenchDefaults;
  return {
    markdown:
      `Signed \`/optpaper <query>\` requests over loopback, ${rate} requests/s for ${seconds} s after a warm-up, open loop (latency from the scheduled send time).\n\n` +
      '| Server | Answered | p50 | p99 | max | req/s |\n| :--- | ---: | ---: | ---: | ---: | ---: |\n' +
      `${rows.join('\n')}\n\n${ratio}`,
  };
};
