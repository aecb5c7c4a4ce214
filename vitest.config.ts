import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Child processes run the build of the sources under test (tests/support/spawn.ts).
    globalSetup: ['tests/support/build-once.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // Vitest's default is one worker fewer than the cores: one worker on these 2-core machines, which
    // runs the files one after another. Most files wait on sockets, child processes and SQLite, so two
    // workers keep both cores busy.
    maxWorkers: 2,
  },
});
