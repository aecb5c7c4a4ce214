import { spawn } from 'node:child_process';
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
 * Run a TypeScript entry point of the project in a child process (`node --import tsx`), as npm does.
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
