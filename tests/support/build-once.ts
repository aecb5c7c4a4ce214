// Vitest's global setup: dist/ made the build of src/ as it is now, once, before any test runs. Tests
// start the bot and the CLI from the build (support/spawn.ts), which starts three times faster than tsx.
import { build } from '../../scripts/build.js';

export default function setup(): void {
  build(undefined, { ifNeeded: true });
}
