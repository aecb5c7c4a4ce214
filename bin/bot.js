#!/usr/bin/env node
// `npm start`: the compiled bot (dist/main.js), built first when src/ changed since the last build.
import { ensureBuilt } from '../scripts/build.js';

try {
  ensureBuilt();
} catch (error) {
  process.stderr.write(`optpaper: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
// A computed specifier: dist/ does not exist when this file is type-checked.
await import(new URL('../dist/main.js', import.meta.url).href);
