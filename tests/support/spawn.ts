import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The repository root: scripts run from there, as `npm run` does. */
export const repoRoot: string = fileURLToPath(new URL('../..', import.meta.url));

/** tsx's loader by absolute URL: a child may run from another directory (a scratch one without .env). */
export const tsxLoader: string = pathToFileURL(`${repoRoot}/node_modules/tsx/dist/loader.mjs`).href;

/**
 * The arguments to `node` that run a module of the project in a child: `src/x.ts` as its build,
 * `dist/x.js`, which tests/support/build-once.ts (Vitest's global setup) makes the build of the sources as
 * they are before any test runs; anything else through tsx. A child starts in about 0.2 s from the build
 * against 0.7 s through tsx on these machines, and the suite starts a few hundred.
 *
 * @param script Path from the repository root (`src/cli.ts`, `tests/bench/ack-server.ts`).
 * @returns Arguments for `node`, script first or after its loader.
 */
export function nodeArgs(script: string): string[] {
  const source = /^src\/(.+)\.ts$/.exec(script);
  return source ? [`${repoRoot}dist/${source[1]}.js`] : ['--import', tsxLoader, `${repoRoot}${script}`];
}

/** What a finished process printed. */
export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Run an entry point of the project in a child process ({@link nodeArgs}: the build of the sources under
 * test, never a stale one).
 *
 * @param script Path from the repository root (`src/cli.ts`).
 * @param args Arguments.
 * @param options `env` replaces the environment (PATH is kept); `input` is written to stdin; `cwd`.
 * @returns Exit code and output.
 */
export function runScript(
  script: string,
  args: readonly string[],
  options: { env?: Record<string, string>; input?: string; cwd?: string; timeoutMs?: number } = {},
): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs(script), ...args], {
      cwd: options.cwd ?? repoRoot,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 20_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(options.input ?? '');
  });
}

/** The bot started as `npm start` runs it (`src/main.ts`), listening over HTTP. */
export interface StartedBot {
  child: ChildProcess;
  /** The port it reported in its start-up line. */
  port: number;
  /** Everything it wrote to stderr (its log) so far. */
  stderr(): string;
  /** SIGTERM, as a service manager sends it; resolves with the exit code. */
  stop(): Promise<number | null>;
}

/**
 * Start `src/main.ts` in a child process ({@link nodeArgs}) and wait for its start-up line in HTTP mode.
 *
 * @param options `cwd` (where `.env` is read), `env` added to a bare PATH.
 * @returns The running bot; rejects with its output if it exits first.
 */
export async function startMain(options: { cwd: string; env?: Record<string, string> }): Promise<StartedBot> {
  const child = spawn(process.execPath, nodeArgs('src/main.ts'), {
    cwd: options.cwd,
    env: { PATH: process.env.PATH ?? '', ...options.env },
  });
  let stderr = '';
  const port = await new Promise<number>((resolve, reject) => {
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const match = /HTTP mode on port (\d+)/.exec(stderr);
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code}: ${stderr}`)));
  });
  return {
    child,
    port,
    stderr: () => stderr,
    stop: () => {
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      return exited;
    },
  };
}
