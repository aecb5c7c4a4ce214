// The build: src/ (TypeScript) → dist/ (JavaScript), and the check that dist/ is the build of src/ as it
// is now. Plain JavaScript, because it runs before anything is compiled.
//
//   node scripts/build.js              build (npm run build)
//   node scripts/build.js --if-needed  build unless dist/ is fresh (npm's prepare, after npm ci)
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The defaults, one place. */
export const buildDefaults = Object.freeze({
  /** The project root: the folder above this script. */
  root: fileURLToPath(new URL('..', import.meta.url)),
  outDir: 'dist',
  /** Written last by a build: what it was built from. */
  stampFile: 'build-info.json',
  /** What the output depends on, besides the sources under `src/`. */
  inputs: ['tsconfig.json', 'tsconfig.build.json'],
  /** A lock older than this was left by a build that died. */
  staleLockMs: 120_000,
});

/**
 * What the build of a tree depends on: every file under `src/` and the compiler settings, by path and
 * content. Edits, new files, deleted files and a `git pull` all change it; a mere `touch` does not.
 *
 * @param {string} root The project root.
 * @returns {string} A hex digest.
 */
export function sourceFingerprint(root) {
  const hash = createHash('sha256');
  const files = [...listFiles(join(root, 'src')), ...buildDefaults.inputs.map((name) => join(root, name))];
  for (const file of files) {
    hash.update(`${relative(root, file)}\0`);
    hash.update(existsSync(file) ? readFileSync(file) : '(missing)');
    hash.update('\0');
  }
  return hash.digest('hex');
}

/**
 * Whether `dist/` holds the build of the sources as they are now. A tree without `src/` (the Docker
 * image, an unpacked release) has nothing to rebuild from: its `dist/` is fresh when it exists.
 *
 * @param {string} [root] The project root (default: this script's project).
 * @returns {boolean}
 */
export function isFresh(root = buildDefaults.root) {
  const stamp = join(root, buildDefaults.outDir, buildDefaults.stampFile);
  if (!existsSync(join(root, 'src'))) return existsSync(stamp);
  try {
    return JSON.parse(readFileSync(stamp, 'utf8')).sources === sourceFingerprint(root);
  } catch {
    return false;
  }
}

/**
 * Compile `src/` into `dist/` with `tsconfig.build.json`. The new build is made beside `dist/` and swapped
 * in whole, under a lock, so that two processes starting at once neither build twice nor run half a build.
 *
 * @param {string} [root] The project root.
 * @param {{ ifNeeded?: boolean }} [options] `ifNeeded`: return at once when `dist/` is already fresh.
 * @returns {{ built: boolean }} Whether this call compiled.
 * @throws {Error} When TypeScript is not installed or the sources do not compile.
 */
export function build(root = buildDefaults.root, options = {}) {
  if (options.ifNeeded && isFresh(root)) return { built: false };
  const lock = join(root, `.${buildDefaults.outDir}.lock`);
  acquire(lock);
  try {
    // Another process may have built while this one waited.
    if (options.ifNeeded && isFresh(root)) return { built: false };
    const sources = sourceFingerprint(root);
    const next = join(root, `.${buildDefaults.outDir}.next`);
    rmSync(next, { recursive: true, force: true });
    compile(root, next);
    writeFileSync(
      join(next, buildDefaults.stampFile),
      `${JSON.stringify({ sources, builtAt: new Date().toISOString() }, null, 2)}\n`,
    );
    const out = join(root, buildDefaults.outDir);
    const old = join(root, `.${buildDefaults.outDir}.old`);
    rmSync(old, { recursive: true, force: true });
    if (existsSync(out)) renameSync(out, old);
    renameSync(next, out);
    rmSync(old, { recursive: true, force: true });
    return { built: true };
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * Make sure `dist/` is the build of `src/`, building it when it is missing or stale (a fresh clone,
 * a `git pull`). Without TypeScript (`npm ci --omit=dev`) a stale build is run as it is, with a warning.
 *
 * @param {string} [root] The project root.
 * @param {{ write(text: string): unknown }} [say] Where to say that it builds (default: stderr).
 */
export function ensureBuilt(root = buildDefaults.root, say = process.stderr) {
  if (isFresh(root)) return;
  const hasBuild = existsSync(join(root, buildDefaults.outDir, buildDefaults.stampFile));
  if (!typescriptInstalled(root)) {
    if (!hasBuild) {
      throw new Error(
        'there is no build (dist/) and TypeScript is not installed: run npm ci, then npm run build',
      );
    }
    say.write('optpaper: dist/ is older than src/ and TypeScript is not installed: running the old build\n');
    return;
  }
  say.write(`optpaper: ${hasBuild ? 'src/ changed since the last build' : 'first start'}: building dist/…\n`);
  build(root, { ifNeeded: true });
}

/**
 * What the launchers (`bin/`) do: make sure the build is fresh, then load a compiled module. A build that
 * cannot be made ends the process with one line saying why.
 *
 * @param {string} file Path inside `dist/` (`main.js`, `cli.js`).
 * @returns {Promise<any>} The module: its exports are whatever that file exports.
 */
export async function importBuilt(file) {
  try {
    ensureBuilt();
  } catch (error) {
    process.stderr.write(`optpaper: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
  // A computed specifier: dist/ does not exist when this file is type-checked.
  return import(pathToFileURL(join(buildDefaults.root, buildDefaults.outDir, file)).href);
}

/** @param {string} root @param {string} outDir */
function compile(root, outDir) {
  const result = spawnSync(
    process.execPath,
    [tscPath(root), '-p', join(root, 'tsconfig.build.json'), '--outDir', outDir],
    { cwd: root, encoding: 'utf8' },
  );
  if (result.status !== 0) {
    rmSync(outDir, { recursive: true, force: true });
    throw new Error(`the TypeScript build failed:\n${result.stdout}${result.stderr}`.trimEnd());
  }
}

/** @param {string} root */
function typescriptInstalled(root) {
  try {
    tscPath(root);
    return true;
  } catch {
    return false;
  }
}

/** @param {string} root @returns {string} The compiler's entry point; throws when TypeScript is not installed. */
function tscPath(root) {
  const manifest = createRequire(join(root, 'package.json')).resolve('typescript/package.json');
  return join(manifest, '..', 'bin', 'tsc');
}

/**
 * A directory as a lock: mkdir is atomic. It holds the pid of the build that took it, so that a build
 * killed half-way (SIGTERM to `npm start` during its first build) does not hold up the next start.
 * Waits for a live build; takes over from a dead one, or from one older than `staleLockMs`.
 *
 * @param {string} lock
 */
function acquire(lock) {
  const deadline = Date.now() + buildDefaults.staleLockMs;
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      return;
    } catch (error) {
      if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EEXIST') throw error;
    }
    const age = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
    if (!holderAlive(lock) || age > buildDefaults.staleLockMs || Date.now() > deadline) {
      rmSync(lock, { recursive: true, force: true });
    } else {
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
    }
  }
}

/**
 * Whether the build that holds a lock is still running. A lock without a pid yet was taken a moment ago:
 * alive.
 *
 * @param {string} lock
 * @returns {boolean}
 */
function holderAlive(lock) {
  let pid;
  try {
    pid = Number(readFileSync(join(lock, 'pid'), 'utf8'));
  } catch {
    return true;
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, but another user's.
    return /** @type {NodeJS.ErrnoException} */ (error).code === 'EPERM';
  }
}

/** @param {string} directory @returns {string[]} Every file under it, sorted. */
function listFiles(directory) {
  if (!existsSync(directory)) return [];
  return readdirSync(directory, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const ifNeeded = process.argv.includes('--if-needed');
  try {
    if (ifNeeded && !typescriptInstalled(buildDefaults.root)) {
      // npm ci --omit=dev (a production install) runs prepare too: there is nothing to build with.
      process.stderr.write('optpaper: TypeScript is not installed (a production install): dist/ not built\n');
    } else if (ifNeeded && !existsSync(join(buildDefaults.root, 'src'))) {
      // The Dockerfile installs dependencies before it copies the sources.
      process.stderr.write('optpaper: no src/ yet: dist/ not built\n');
    } else {
      const started = Date.now();
      const { built } = build(buildDefaults.root, { ifNeeded });
      process.stderr.write(
        built ? `optpaper: built dist/ in ${Date.now() - started} ms\n` : 'optpaper: dist/ is up to date\n',
      );
    }
  } catch (error) {
    process.stderr.write(`optpaper: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
