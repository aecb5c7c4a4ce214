// `npm run mutate [-- FILE… --option value…]`: Stryker on the pure core, or only on the files named
// (paths or globs, brace groups too: `src/weekly/{cron,dates}.ts`; `src/x.ts:10-20` for some lines), which
// become Stryker's --mutate. Options pass through, except `--testFiles a.test.ts,b.test.ts` (or `-t`): it
// runs only those test files, and is handed to
// vitest.mutate.config.ts as its `include` (OPTPAPER_MUTATE_TESTS) rather than to Stryker. Stryker 9.6's
// own --testFiles runs a static mutant (a module-level constant, such as a regular expression) with the
// mutant switched on only after the module was loaded, so every static mutant would survive.
import { spawnSync } from 'node:child_process';
import { readMutateArgs } from './mutate-args.js';

const { files, tests, options } = readMutateArgs(process.argv.slice(2));
const mutate = files.length > 0 ? ['--mutate', files.join(',')] : [];
const env = tests.length > 0 ? { ...process.env, OPTPAPER_MUTATE_TESTS: tests.join(',') } : process.env;

// npm puts node_modules/.bin on PATH for its scripts.
const stryker = spawnSync('stryker', ['run', 'stryker.config.mjs', ...mutate, ...options], {
  stdio: 'inherit',
  env,
});
process.exitCode = stryker.status ?? 1;
