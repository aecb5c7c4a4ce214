import { spawnSync } from 'node:child_process';
import { repoRoot } from '../support/spawn.ts';
import { duration, markdownTable, textTable } from './format.ts';
import type { Suite } from './suite.ts';

/** The defaults, one place. */
const startupDefaults = Object.freeze({
  /** Timed runs per command (the mean of at least ten, as the issue asks). */
  runs: 10,
  /** Untimed runs first: the file cache, tsx's cache. */
  warmups: 2,
});

/** A command to time. */
interface Case {
  name: string;
  args: readonly string[];
}

const cases: readonly Case[] = Object.freeze([
  { name: 'optpaper --help', args: ['--help'] },
  { name: 'optpaper search adam', args: ['search', 'adam'] },
  { name: 'optpaper list --json', args: ['list', '--json'] },
]);

/** Mean and standard deviation of a command's wall time, in ms. */
function time(command: string, args: readonly string[], env: Record<string, string> = {}) {
  const run = () => {
    const start = performance.now();
    const result = spawnSync(command, args, {
      cwd: repoRoot,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
    return performance.now() - start;
  };
  for (let index = 0; index < startupDefaults.warmups; index += 1) run();
  const samples = Array.from({ length: startupDefaults.runs }, run);
  const mean = samples.reduce((sum, sample) => sum + sample, 0) / samples.length;
  const sd = Math.sqrt(samples.reduce((sum, sample) => sum + (sample - mean) ** 2, 0) / samples.length);
  return `${duration(mean)} ± ${duration(sd)}`;
}

/**
 * Start-up time of the command line: the compiled CLI (through its launcher, and through `npm run`) against
 * the same sources run by tsx without a build (warm and cold tsx cache), as every command ran before.
 */
export const runStartupBench: Suite = async ({ print }) => {
  // A fresh build, so that no run below pays for one.
  const built = spawnSync(process.execPath, ['scripts/build.js', '--if-needed'], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  if (built.status !== 0) throw new Error(`the build failed: ${built.stderr}`);
  const headers = [
    'Command',
    'node bin/optpaper.js (compiled)',
    'npm run -s optpaper -- (compiled)',
    'node --import tsx src/cli.ts (no build)',
    'same, tsx cache off',
  ];
  const rows: string[][] = [];
  for (const { name, args } of cases) {
    const row = [
      name,
      time(process.execPath, ['bin/optpaper.js', ...args]),
      time('npm', ['run', '-s', 'optpaper', '--', ...args]),
      time(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args]),
      time(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { TSX_DISABLE_CACHE: '1' }),
    ];
    rows.push(row);
    print(textTable(headers, [row]));
  }
  print(
    `\nmean ± standard deviation of ${startupDefaults.runs} runs after ${startupDefaults.warmups} warm-ups`,
  );
  return {
    markdown: `${markdownTable(headers, rows)}\n\nMean ± standard deviation of ${startupDefaults.runs} runs.`,
  };
};
