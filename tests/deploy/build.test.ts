import { type SpawnSyncReturns, spawn, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isFresh, sourceFingerprint } from '../../scripts/build.js';
import { checkHealth } from '../../src/healthcheck.ts';
import { repoRoot } from '../support/spawn.ts';

const scratchRoots: string[] = [];
afterAll(() => {
  for (const root of scratchRoots) rmSync(root, { recursive: true, force: true });
});

/**
 * A clone of the project without a build: what `git clone` gives (plus dependencies). `typescript: false`
 * installs every dependency but TypeScript, as `npm ci --omit=dev` would leave a machine without a compiler.
 */
function clone(options: { typescript?: boolean } = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'optpaper-clone-'));
  scratchRoots.push(root);
  for (const path of [
    'package.json',
    'tsconfig.json',
    'tsconfig.build.json',
    'src',
    'scripts',
    'bin',
    'data',
  ]) {
    cpSync(join(repoRoot, path), join(root, path), { recursive: true });
  }
  if (options.typescript === false) {
    mkdirSync(join(root, 'node_modules'));
    for (const name of readdirSync(join(repoRoot, 'node_modules'))) {
      if (name !== 'typescript')
        symlinkSync(join(repoRoot, 'node_modules', name), join(root, 'node_modules', name));
    }
  } else {
    symlinkSync(join(repoRoot, 'node_modules'), join(root, 'node_modules'), 'dir');
  }
  return root;
}

/** `optpaper …` as the `bin` entry runs it. */
function optpaper(root: string, ...args: string[]): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, ['bin/optpaper.js', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '' },
  });
}

/** Change the usage text of the CLI in a clone's sources, as a `git pull` would change a file. */
function editUsage(root: string, from: string, to: string): void {
  const path = join(root, 'src/cli.ts');
  writeFileSync(path, readFileSync(path, 'utf8').replace(from, to));
}

describe('the build (npm run build) and the launchers (npm start, npm run optpaper, npm run shell)', () => {
  /** The clone built by the first test, reused by the last (which removes its sources). */
  let built = '';

  it('on a clone with no build, the first command builds dist/ and then answers; the next one does not build', () => {
    const root = clone();
    built = root;
    expect(isFresh(root)).toBe(false);
    const first = optpaper(root, 'search', 'adam', '--json', '--limit', '1');
    expect(first.status).toBe(0);
    expect(first.stderr).toBe('optpaper: first start: building dist/…\n');
    expect(JSON.parse(first.stdout).results[0].id).toBe('adam');
    expect(isFresh(root)).toBe(true);
    expect(existsSync(join(root, 'dist/main.js'))).toBe(true);
    // Imports were rewritten to .js: node runs the output without tsx.
    expect(readFileSync(join(root, 'dist/cli.js'), 'utf8')).toContain("import('./config.js')");
    const second = optpaper(root, '--help');
    expect(second.status).toBe(0);
    expect(second.stderr).toBe('');
    expect(second.stdout).toMatch(/^Usage: optpaper <command> \[options\]/);
  });

  it('after a change to src/ (a git pull), rebuilds before answering, so it never runs stale code', () => {
    const root = clone();
    expect(spawnSync(process.execPath, ['scripts/build.js'], { cwd: root }).status).toBe(0);
    const before = sourceFingerprint(root);
    editUsage(root, 'Usage: optpaper <command>', 'Usage (edited): optpaper <command>');
    expect(sourceFingerprint(root)).not.toBe(before);
    expect(isFresh(root)).toBe(false);
    const result = optpaper(root, '--help');
    expect(result.stderr).toBe('optpaper: src/ changed since the last build: building dist/…\n');
    expect(result.stdout).toMatch(/^Usage \(edited\): optpaper <command>/);
  });

  it('a new or deleted file in src/ makes the build stale too; touching a file does not', () => {
    const root = clone();
    spawnSync(process.execPath, ['scripts/build.js'], { cwd: root });
    const touched = join(root, 'src/cli.ts');
    writeFileSync(touched, readFileSync(touched));
    expect(isFresh(root)).toBe(true);
    writeFileSync(join(root, 'src/extra.ts'), 'export const extra = 1;\n');
    expect(isFresh(root)).toBe(false);
    spawnSync(process.execPath, ['scripts/build.js'], { cwd: root });
    expect(existsSync(join(root, 'dist/extra.js'))).toBe(true);
    rmSync(join(root, 'src/extra.ts'));
    expect(isFresh(root)).toBe(false);
    spawnSync(process.execPath, ['scripts/build.js'], { cwd: root });
    // A rebuild starts from an empty folder: no output of a deleted source is left behind.
    expect(existsSync(join(root, 'dist/extra.js'))).toBe(false);
  });

  it('sources that do not compile: the command says so with the compiler error, exits 1, and the last build stays', () => {
    const root = clone();
    spawnSync(process.execPath, ['scripts/build.js'], { cwd: root });
    editUsage(root, 'const usage = `Usage', 'const usage: number = `Usage');
    const result = optpaper(root, '--help');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('optpaper: the TypeScript build failed:');
    expect(result.stderr).toMatch(/src\/cli\.ts\(\d+,\d+\): error TS2322/);
    expect(existsSync(join(root, 'dist/cli.js'))).toBe(true);
    expect(existsSync(join(root, '.dist.next'))).toBe(false);
    expect(existsSync(join(root, '.dist.lock'))).toBe(false);
  });

  it('without TypeScript (a production install): a stale build runs with a warning; no build at all is a clear error', () => {
    const root = clone({ typescript: false });
    const none = optpaper(root, '--help');
    expect(none.status).toBe(1);
    expect(none.stderr).toBe(
      'optpaper: there is no build (dist/) and TypeScript is not installed: run npm ci, then npm run build\n',
    );
    // npm's prepare on such an install says why it builds nothing, and does not fail the install.
    const prepare = spawnSync(process.execPath, ['scripts/build.js', '--if-needed'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(prepare.status).toBe(0);
    expect(prepare.stderr).toBe(
      'optpaper: TypeScript is not installed (a production install): dist/ not built\n',
    );
    // A build made elsewhere (CI, the Dockerfile's build stage), then the sources change under it.
    cpSync(join(repoRoot, 'node_modules/typescript'), join(root, 'node_modules/typescript'), {
      recursive: true,
    });
    expect(spawnSync(process.execPath, ['scripts/build.js'], { cwd: root }).status).toBe(0);
    rmSync(join(root, 'node_modules/typescript'), { recursive: true });
    editUsage(root, 'Usage: optpaper', 'Usage (not built): optpaper');
    const stale = optpaper(root, '--help');
    expect(stale.status).toBe(0);
    expect(stale.stderr).toBe(
      'optpaper: dist/ is older than src/ and TypeScript is not installed: running the old build\n',
    );
    expect(stale.stdout).toMatch(/^Usage: optpaper/);
  });

  it('two commands started at once on a stale clone both answer, from one complete build', async () => {
    const root = clone();
    const run = () =>
      new Promise<{ code: number | null; stdout: string }>((resolve) => {
        const child = spawn(process.execPath, ['bin/optpaper.js', 'list', '--json'], {
          cwd: root,
          env: { PATH: process.env.PATH ?? '' },
        });
        let stdout = '';
        child.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk.toString();
        });
        child.on('close', (code) => resolve({ code, stdout }));
      });
    const results = await Promise.all([run(), run()]);
    for (const { code, stdout } of results) {
      expect(code).toBe(0);
      expect(JSON.parse(stdout).sections).toHaveLength(14);
    }
    expect(isFresh(root)).toBe(true);
  });

  it('a build killed half-way leaves a lock that the next start takes over at once (its pid is gone)', () => {
    const root = clone();
    const dead = spawnSync(process.execPath, ['-e', ''], { encoding: 'utf8' });
    mkdirSync(join(root, '.dist.lock'));
    writeFileSync(join(root, '.dist.lock/pid'), String(dead.pid));
    mkdirSync(join(root, '.dist.next'));
    writeFileSync(join(root, '.dist.next/half-written.js'), 'export const half =');
    const result = optpaper(root, '--help');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Usage: optpaper/);
    expect(existsSync(join(root, '.dist.lock'))).toBe(false);
    expect(existsSync(join(root, '.dist.next'))).toBe(false);
    expect(existsSync(join(root, 'dist/half-written.js'))).toBe(false);
  });

  it('a tree without src/ (the image, a release) runs its dist/ as it is', () => {
    const root = built;
    expect(isFresh(root)).toBe(true);
    rmSync(join(root, 'src'), { recursive: true });
    expect(isFresh(root)).toBe(true);
    const result = optpaper(root, '--help');
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
  });

  it('package.json: npm start, the shell and the CLI go through the launchers; prepare builds on npm ci', () => {
    const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
      license: string;
      bin: Record<string, string>;
      scripts: Record<string, string>;
      dependencies: Record<string, string>;
    };
    expect(manifest.license).toBe('MIT');
    expect(readFileSync(join(repoRoot, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n/);
    expect(manifest.bin).toEqual({ optpaper: 'bin/optpaper.js' });
    expect(manifest.scripts).toMatchObject({
      build: 'node scripts/build.js',
      prepare: 'node scripts/build.js --if-needed',
      start: 'exec node bin/bot.js',
      shell: 'exec node bin/optpaper.js shell',
      optpaper: 'exec node bin/optpaper.js',
    });
    // The compiled bot needs no TypeScript runner at run time.
    expect(manifest.dependencies.tsx).toBeUndefined();
    expect(readFileSync(join(repoRoot, 'bin/optpaper.js'), 'utf8')).toMatch(/^#!\/usr\/bin\/env node\n/);
  });
});

describe('the HEALTHCHECK command (src/healthcheck.ts)', () => {
  it('reports 503 and what the bot said as unhealthy', async () => {
    const server = createServer((_request, response) => {
      response.writeHead(503, { 'content-type': 'application/json' });
      response.end('{"ok":false,"papers":0}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      expect(await checkHealth(port)).toEqual({
        ok: false,
        report: `http://127.0.0.1:${port}/healthz answered 503: {"ok":false,"papers":0}`,
      });
    } finally {
      server.close();
    }
  });

  it('gives up on a bot that does not answer in time', async () => {
    const server = createServer(() => undefined);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      const { ok, report } = await checkHealth(port, 200);
      expect(ok).toBe(false);
      expect(report).toMatch(/did not answer \(.*(aborted|timeout).*\)$/i);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
