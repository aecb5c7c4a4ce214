#!/usr/bin/env node
// The `optpaper` command line: the compiled CLI, built first when src/ changed since the last build.
import { importBuilt } from '../scripts/build.js';

const { runCliProcess } = await importBuilt('cli.js');
await runCliProcess(process.argv.slice(2));
