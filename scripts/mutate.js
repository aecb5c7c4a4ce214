// `npm run mutate [-- FILE… --option value…]`: Stryker on the pure core, or only on the files named
// (paths or globs, `src/x.ts:10-20` for some lines), which become Stryker's --mutate. Options pass through.
import { spawnSync } from 'node:child_process';

/** @param {string} arg */
const isFile = (arg) => !arg.startsWith('-') && (arg.includes('/') || /\.ts\b/.test(arg));
const args = process.argv.slice(2);
const files = args.filter(isFile);
const mutate = files.length > 0 ? ['--mutate', files.join(',')] : [];

// npm puts node_modules/.bin on PATH for its scripts.
const stryker = spawnSync(
  'stryker',
  ['run', 'stryker.config.mjs', ...mutate, ...args.filter((arg) => !isFile(arg))],
  {
    stdio: 'inherit',
  },
);
process.exitCode = stryker.status ?? 1;
