import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { healthcheckDefaults } from '../../src/healthcheck.ts';
import { healthPath } from '../../src/slack/app.ts';
import { repoRoot } from '../support/spawn.ts';
import {
  type ContainerRun,
  copyOf,
  envOf,
  execForm,
  freePort,
  type ReplayedImage,
  replayImage,
  repoDockerfile,
  runContainer,
} from './dockerfile.ts';

const stages = repoDockerfile();
const [buildStage, runStage] = stages;
const find = (keyword: string) =>
  runStage?.instructions.filter((instruction) => instruction.keyword === keyword) ?? [];

/** Does .dockerignore keep this path out of the build context? (`*` then `!allowed` entries.) */
function ignored(path: string): boolean {
  const rules = readFileSync(join(repoRoot, '.dockerignore'), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  let out = false;
  for (const rule of rules) {
    const negated = rule.startsWith('!');
    const pattern = (negated ? rule.slice(1) : rule).replace(/\/$/, '');
    if (pattern === '*' || path === pattern || path.startsWith(`${pattern}/`)) out = !negated;
  }
  return out;
}

describe('the Dockerfile', () => {
  it('has a build stage and a run stage on the same Debian release and Node (better-sqlite3 is compiled in one, loaded in the other)', () => {
    expect(stages).toHaveLength(2);
    expect(buildStage).toMatchObject({ image: 'node:24-bookworm', name: 'build' });
    expect(runStage?.image).toBe('node:24-bookworm-slim');
  });

  it('runs as a user other than root, from the compiled bot, with JSON logs and the database on a volume', () => {
    const user = find('USER').at(-1)?.text;
    expect(user).toBe('node');
    // USER comes before CMD and HEALTHCHECK: both run as that user.
    const lineOf = (keyword: string) => find(keyword).at(-1)?.line ?? 0;
    expect(lineOf('USER')).toBeLessThan(lineOf('CMD'));
    expect(execForm(find('CMD')[0]?.text ?? '')).toEqual(['node', 'dist/main.js']);
    const env = envOf(runStage ?? { image: '', instructions: [] });
    expect(env).toMatchObject({ NODE_ENV: 'production', LOG_FORMAT: 'json', PORT: '3000' });
    expect(execForm(find('VOLUME')[0]?.text ?? '')).toEqual(['/var/lib/optpaper']);
    expect(env.OPTPAPER_DB).toBe('/var/lib/optpaper/optpaper.db');
    expect(find('EXPOSE')[0]?.text).toBe(env.PORT);
    // The volume directory belongs to the image's user, or the bot could not create its database.
    expect(find('RUN').map((instruction) => instruction.text)).toContain(
      'mkdir -p /var/lib/optpaper && chown node:node /var/lib/optpaper',
    );
  });

  it('checks health with GET /healthz, within its own timeout', () => {
    const [healthcheck] = find('HEALTHCHECK');
    expect(execForm(healthcheck?.text ?? '')).toEqual(['node', 'dist/healthcheck.js']);
    expect(healthcheck?.text).toMatch(/--timeout=5s/);
    expect(healthcheckDefaults.timeoutMs).toBeLessThan(5_000);
    expect(healthcheckDefaults.path).toBe(healthPath);
  });

  it('copies only files that exist and that .dockerignore lets into the context; never .env, a database or node_modules', () => {
    const fromContext = stages
      .flatMap((stage) => stage.instructions)
      .filter((instruction) => instruction.keyword === 'COPY')
      .map(copyOf)
      .filter((copy) => !copy.from)
      .flatMap((copy) => copy.sources.map((source) => source.replace(/\/$/, '')));
    expect(fromContext.sort()).toEqual(
      [
        'LICENSE',
        'data',
        'package-lock.json',
        'package.json',
        'scripts',
        'src',
        'tsconfig.build.json',
        'tsconfig.json',
      ].sort(),
    );
    for (const source of fromContext) {
      expect(existsSync(join(repoRoot, source)), source).toBe(true);
      expect(ignored(source), source).toBe(false);
    }
    for (const secret of [
      '.env',
      'state/optpaper.db',
      'node_modules/pino/package.json',
      'dist/main.js',
      '.git/config',
      'tests/logger.test.ts',
    ]) {
      expect(ignored(secret), secret).toBe(true);
    }
  });
});

describe('the image, replayed without Docker (dependencies linked; the full replay with npm ci runs in CI)', () => {
  let image: ReplayedImage;
  let container: ContainerRun;
  beforeAll(async () => {
    image = replayImage('link');
    container = await runContainer(image);
  }, 60_000);
  afterAll(() => {
    if (image) rmSync(image.root, { recursive: true, force: true });
  });

  it('ships the compiled bot, the list and the licence, and no sources', () => {
    expect(readdirSync(image.appDir).sort()).toEqual([
      'LICENSE',
      'data',
      'dist',
      'node_modules',
      'package.json',
    ]);
    expect(existsSync(join(image.appDir, 'dist/main.js'))).toBe(true);
    expect(existsSync(join(image.appDir, 'dist/healthcheck.js'))).toBe(true);
    expect(readdirSync(join(image.appDir, 'dist')).filter((name) => name.endsWith('.ts'))).toEqual([]);
    expect(image.skipped).toEqual([
      expect.stringMatching(/npm ci --no-audit --no-fund \(node_modules linked/),
      expect.stringMatching(/npm prune --omit=dev --no-audit --no-fund \(it would prune/),
      expect.stringMatching(/RUN mkdir -p \/var\/lib\/optpaper && chown node:node/),
    ]);
  });

  it('starts, answers its HEALTHCHECK command with 200, logs JSON, and stops on SIGTERM with status 0', () => {
    expect(container.health.code).toBe(0);
    expect(container.health.stdout).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/healthz answered 200: \{"ok":true/);
    expect(container.exitCode).toBe(0);
    const lines = container.log
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { msg: string });
    expect(lines[0]?.msg).toMatch(/^optpaper is running in HTTP mode on port \d+: 114 papers in 14 sections/);
    expect(lines.at(-1)?.msg).toBe('optpaper stopped');
    expect(container.calls).toContain('auth.test');
    // The database went where OPTPAPER_DB and the volume say.
    expect(existsSync(join(image.volumeDir, 'var/lib/optpaper/optpaper.db'))).toBe(true);
  });

  it('its CLI runs from the image too (docker compose exec bot node dist/cli.js …)', () => {
    const result = spawnSync(process.execPath, ['dist/cli.js', 'search', 'adam', '--json', '--limit', '1'], {
      cwd: image.appDir,
      env: { PATH: process.env.PATH ?? '', ...image.env },
      encoding: 'utf8',
    });
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).results.map((paper: { id: string }) => paper.id)).toEqual(['adam']);
  });

  it('the HEALTHCHECK command fails, saying why, when nothing answers', async () => {
    const port = await freePort();
    const result = spawnSync(process.execPath, ['dist/healthcheck.js'], {
      cwd: image.appDir,
      env: { PATH: process.env.PATH ?? '', ...image.env, PORT: String(port) },
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe(`http://127.0.0.1:${port}/healthz did not answer (ECONNREFUSED)\n`);
  });
});
