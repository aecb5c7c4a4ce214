// Mutation testing (`npm run mutate`, `npm run mutate -- src/weekly/cron.ts`): see README "Development".

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutate.config.ts' },
  coverageAnalysis: 'perTest',
  // The pure core. scripts/mutate.js replaces this with the files named on the command line.
  mutate: [
    'src/catalog/**/*.ts',
    'src/search/**/*.ts',
    'src/commands/**/*.ts',
    'src/weekly/**/*.ts',
    'src/slack/blocks.ts',
  ],
  // No type checker: @stryker-mutator/typescript-checker needs the TypeScript compiler API, which
  // TypeScript 7 (the Go compiler) no longer ships. A mutant that does not type-check is run anyway and is
  // killed or survives at run time like any other.
  checkers: [],
  // Stryker rewrites the tsconfig it finds here (extends/references paths) with
  // ts.parseConfigFileTextToJson, which TypeScript 7 lacks. Ours has neither extends nor references, so
  // there is nothing to rewrite: naming a file that does not exist turns that step off. The sandbox still
  // gets the real tsconfig.json, untouched.
  tsconfigFile: 'tsconfig.stryker-none.json',
  // Two cores, shared: never more than two test workers.
  concurrency: 2,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 90, low: 85, break: null },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
