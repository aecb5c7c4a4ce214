// The command line of `npm run mutate` (scripts/mutate.js), read without running anything.

/** @param {string} arg */
const looksLikeFile = (arg) => !arg.startsWith('-') && (arg.includes('/') || /\.ts\b/.test(arg));

/**
 * Expand a shell-style brace group (`src/weekly/{dates,cron}.ts`), which a shell leaves alone when quoted.
 * Stryker's `--mutate` is one comma-separated list, so a group's commas would split the pattern in pieces.
 *
 * @param {string} pattern A path or glob.
 * @returns {string[]} The patterns it stands for, in order.
 */
export function expandBraces(pattern) {
  const group = /\{([^{}]*,[^{}]*)\}/.exec(pattern);
  if (!group) return [pattern];
  const before = pattern.slice(0, group.index);
  const after = pattern.slice(group.index + group[0].length);
  return (group[1] ?? '').split(',').flatMap((choice) => expandBraces(`${before}${choice}${after}`));
}

/**
 * Split the arguments of `npm run mutate -- …` into the files to mutate, the test files to run
 * (`--testFiles a,b`, `-t a,b`, or `--testFiles=a,b`) and the options passed on to Stryker.
 *
 * @param {readonly string[]} args The arguments after `--`.
 * @returns {{ files: string[]; tests: string[]; options: string[] }}
 */
export function readMutateArgs(args) {
  /** @type {string[]} */
  const files = [];
  /** @type {string[]} */
  const options = [];
  /** @type {string[]} */
  const tests = [];
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] ?? '';
    const [name, inline] = arg.split(/=(.*)/s, 2);
    if (name === '--testFiles' || name === '-t') {
      if (inline === undefined) index += 1;
      const value = inline ?? args[index] ?? '';
      tests.push(...value.split(',').filter((test) => test !== ''));
    } else if (looksLikeFile(arg)) files.push(...expandBraces(arg));
    else options.push(arg);
  }
  return { files, tests, options };
}
