import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The repository root: scripts run from there, as `npm run` does. */
export const repoRoot: string = fileURLToPath(new URL('../..', import.meta.url));

/** tsx's loader by absolute URL: a child may run from another directory (a scratch one without .env). */
export const tsxLoader: string = pathToFileURL(`${repoRoot}/node_modules/tsx/dist/loader.mjs`).href;

/** What a finished process printed. */
export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Run a TypeScript entry point of the project in a child process through tsx (`node --import tsx`): the
 * sources under test, never a stale build. (npm runs the compiled build of the same sources: bin/, dist/.)
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
    const child = spawn(process.execPath, ['--import', tsxLoader, `${repoRoot}/${script}`, ...args], {
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
 * Start `src/main.ts` in a child process (through tsx: the sources under test, never a stale build) and
 * wait for its start-up line in HTTP mode.
 *
 * @param options `cwd` (where `.env` is read), `env` added to a bare PATH.
 * @returns The running bot; rejects with its output if it exits first.
 */
export async function startMain(options: { cwd: string; env?: Record<string, string> }): Promise<StartedBot> {
  const child = spawn(process.execPath, ['--import', tsxLoader, `${repoRoot}/src/main.ts`], {
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
