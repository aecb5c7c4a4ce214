import os from 'node:os';
import { runAckSuite } from './ack.ts';
import { runFanoutBench } from './fanout.ts';
import { duration, mebibytes } from './format.ts';
import { runReadingGroupBench } from './reading-group.ts';
import { runSearchBench } from './search.ts';
import { runStartupBench } from './startup.ts';
import { runStylesBench } from './styles.ts';
import type { Suite, SuiteContext } from './suite.ts';
import { runVotesBench } from './votes.ts';

/** The suites `npm run bench -- <name>…` can run, in the order they run by default. */
const suites: Readonly<Record<string, Suite>> = Object.freeze({
  search: runSearchBench,
  ack: runAckSuite,
  styles: runStylesBench,
  fanout: runFanoutBench,
  startup: runStartupBench,
  'reading-group': runReadingGroupBench,
  votes: runVotesBench,
});

/** The machine the figures come from: they mean nothing without it. */
function machine(): string {
  const cpus = os.cpus();
  return [
    `${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${cpus.length} cores`,
    `${mebibytes(os.totalmem() / 1024 / 1024)} memory`,
    `Node ${process.version}`,
    `${os.type()} ${os.release()} ${os.arch()}`,
  ].join(' · ');
}

async function main(argv: readonly string[]): Promise<number> {
  const wanted = argv.length > 0 ? argv : Object.keys(suites);
  const unknown = wanted.filter((name) => !Object.hasOwn(suites, name));
  if (unknown.length > 0) {
    console.error(`unknown suite ${unknown.join(', ')}; suites: ${Object.keys(suites).join(', ')}`);
    return 2;
  }
  const context: SuiteContext = { print: (text) => console.log(text) };
  const about = machine();
  console.log(`optpaper benchmarks\nmachine: ${about}`);

  const blocks: string[] = [];
  let failed = false;
  for (const name of wanted) {
    const suite = suites[name];
    if (!suite) continue;
    console.log(`\n=== ${name} ===`);
    const start = performance.now();
    try {
      const { markdown } = await suite(context);
      blocks.push(`### ${name}\n\n${markdown}`);
      console.log(`\n${name}: done in ${duration(performance.now() - start)}`);
    } catch (error) {
      // The other suites still run; the exit code says that this one did not finish.
      failed = true;
      console.error(`\n${name}: failed after ${duration(performance.now() - start)}`);
      console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    }
  }

  if (blocks.length > 0) {
    console.log('\n--- markdown for the README ---\n');
    console.log(`Measured on ${about}.\n\n${blocks.join('\n\n')}`);
  }
  return failed ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
