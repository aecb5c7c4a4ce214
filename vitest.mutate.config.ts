import { configDefaults, defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.ts';

/** Test files named by `npm run mutate -- … --testFiles a.test.ts,b.test.ts` (scripts/mutate.js), if any. */
const namedTests = process.env.OPTPAPER_MUTATE_TESTS?.split(',').filter((file) => file !== '');

/**
 * The suite as Stryker runs it (`npm run mutate`): everything but the tests that only watch child processes.
 * Stryker switches a mutant on inside the test process; a child process (`node src/cli.ts`, `npm start`)
 * loads its own copy of the code with no mutant active, so these tests can never kill one. They would only
 * lengthen the initial run and every run of a static mutant (which runs all tests).
 */
const config = mergeConfig(
  base,
  defineConfig({
    test: {
      exclude: [
        ...configDefaults.exclude,
        // The shell as a person uses it: npm run shell / npm start in a terminal, driven through stdin.
        'tests/shell/**',
        // npm start as a child process (exit codes, SIGTERM, .env); its startBot tests cover src/bot.ts,
        // outside the mutated core.
        'tests/bot/startup.test.ts',
      ],
    },
  }),
);

// Only the named test files, when some are named: a module's own tests, measured quickly. Set after the
// merge, which would add them to the base `include` instead of replacing it.
if (namedTests && namedTests.length > 0 && config.test) config.test.include = namedTests;

export default config;
