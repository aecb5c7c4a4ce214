#!/usr/bin/env node
// The `optpaper` command line: the compiled CLI, built first when src/ changed since the last build.
import { ensureBuilt } from '../scripts/build.js';

try {
  ensureBuilt();
} catch (error) {
  process.stderr.write(`optpaper: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
// A computed specifier: dist/ does not exist when this file is type-checked.
const cli = new URL('../dist/cli.js', import.meta.url).href;
const { runCliProcess } = await import(cli);
await runCliProcess(process.argv.slice(2));
