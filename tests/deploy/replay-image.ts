// The Dockerfile's steps in a clean folder, for real: `npm ci` from the lockfile (better-sqlite3 compiled,
// about a minute), the build, `npm prune --omit=dev`, then the run stage started, its HEALTHCHECK command
// run, and a SIGTERM. CI runs it (.ci/run): this machine has a Docker client but no engine, so the image
// itself is not built here. `npx vitest run tests/deploy` runs the same replay with node_modules linked.
//
//   node --import tsx tests/deploy/replay-image.ts
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { replayImage, runContainer } from './dockerfile.ts';

const started = performance.now();
const say = (line: string) => process.stdout.write(`replay-image: ${line}\n`);
const image = replayImage('npm', say);
try {
  for (const line of image.skipped) say(`not replayed: ${line}`);
  const modules = join(image.appDir, 'node_modules');
  const problems: string[] = [];
  // npm prune --omit=dev left the production dependencies only.
  for (const name of ['typescript', 'vitest', 'tsx', '@biomejs/biome']) {
    if (existsSync(join(modules, name))) problems.push(`dev dependency ${name} is in the image`);
  }
  for (const name of ['@slack/bolt', 'pino', 'better-sqlite3/build/Release/better_sqlite3.node']) {
    if (!existsSync(join(modules, name))) problems.push(`${name} is missing from the image`);
  }
  const run = await runContainer(image);
  say(`HEALTHCHECK: exit ${run.health.code}: ${run.health.stdout.trim()}`);
  say(`after SIGTERM: exit ${run.exitCode}`);
  if (run.health.code !== 0) problems.push('the HEALTHCHECK command failed');
  if (run.exitCode !== 0) problems.push(`the bot exited with ${run.exitCode} after SIGTERM`);
  if (!run.log.includes('"msg":"optpaper stopped"'))
    problems.push(`no JSON "optpaper stopped" line in:\n${run.log}`);
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  if (problems.length > 0) {
    for (const problem of problems) say(`FAILED: ${problem}`);
    process.exitCode = 1;
  } else {
    say(`the image's steps work in a clean folder (${seconds} s)`);
  }
} finally {
  rmSync(image.root, { recursive: true, force: true });
}
