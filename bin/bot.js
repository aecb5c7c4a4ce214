#!/usr/bin/env node
// `npm start`: the compiled bot (dist/main.js), built first when src/ changed since the last build.
import { importBuilt } from '../scripts/build.js';

await importBuilt('main.js');
