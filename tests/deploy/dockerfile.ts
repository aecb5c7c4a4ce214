import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { testSigningSecret } from '../support/signing.ts';
import { SlackApiStub } from '../support/slack-api-stub.ts';
import { repoRoot } from '../support/spawn.ts';

/** One instruction of a Dockerfile: `COPY --from=build /app/dist/ dist/` is `COPY` with its arguments. */
export interface Instruction {
  keyword: string;
  /** The text after the keyword, continuation lines joined. */
  text: string;
  line: number;
}

/** A stage: from `FROM image [AS name]` to the next `FROM`. */
export interface Stage {
  image: string;
  name?: string;
  instructions: Instruction[];
}

/**
 * Read a Dockerfile into stages: comments and blank lines dropped, `\` continuations joined.
 *
 * @param text The Dockerfile.
 * @returns Its stages, in order.
 */
export function parseDockerfile(text: string): Stage[] {
  const stages: Stage[] = [];
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index += 1) {
    const start = index;
    let line = lines[index]?.trim() ?? '';
    if (line === '' || line.startsWith('#')) continue;
    while (line.endsWith('\\') && index + 1 < lines.length) {
      index += 1;
      line = `${line.slice(0, -1).trimEnd()} ${lines[index]?.trim() ?? ''}`;
    }
    const [keyword = '', ...rest] = line.split(/\s+/);
    const instruction = { keyword: keyword.toUpperCase(), text: rest.join(' '), line: start + 1 };
    if (instruction.keyword === 'FROM') {
      const [image = '', as, name] = rest;
      stages.push({ image, ...(as?.toUpperCase() === 'AS' && name ? { name } : {}), instructions: [] });
    } else {
      const stage = stages.at(-1);
      if (!stage) throw new Error(`line ${start + 1}: ${keyword} before FROM`);
      stage.instructions.push(instruction);
    }
  }
  return stages;
}

/** The arguments of an exec-form instruction (`["node", "dist/main.js"]`), or of its `CMD` part (HEALTHCHECK). */
export function execForm(text: string): string[] {
  const json = text.slice(text.indexOf('['));
  const parsed: unknown = JSON.parse(json);
  if (!Array.isArray(parsed) || !parsed.every((part) => typeof part === 'string')) {
    throw new Error(`not an exec form: ${text}`);
  }
  return parsed;
}

/** `KEY=value KEY2=value2` (ENV), as a record. */
export function envOf(stage: Stage): Record<string, string> {
  const env: Record<string, string> = {};
  for (const { text } of stage.instructions.filter((instruction) => instruction.keyword === 'ENV')) {
    for (const pair of text.split(/\s+/)) {
      const [key = '', ...value] = pair.split('=');
      env[key] = value.join('=');
    }
  }
  return env;
}

/** A COPY instruction: its sources, destination, and the stage it copies from (none: the build context). */
export function copyOf(instruction: Instruction): { from?: string; sources: string[]; destination: string } {
  const parts = instruction.text.split(/\s+/);
  const from = parts[0]?.startsWith('--from=') ? parts.shift()?.slice('--from='.length) : undefined;
  const destination = parts.pop() ?? '';
  return { ...(from ? { from } : {}), sources: parts, destination };
}

/** The repository's Dockerfile, read. */
export function repoDockerfile(): Stage[] {
  return parseDockerfile(readFileSync(join(repoRoot, 'Dockerfile'), 'utf8'));
}

/** How `RUN npm ci` is replayed: really (`npm`), or by linking the repository's node_modules (`link`, fast). */
export type InstallMode = 'npm' | 'link';

/** The image's two stages, replayed in folders. */
export interface ReplayedImage {
  /** The temporary folder that holds everything below. */
  root: string;
  /** The build stage's `/app`. */
  buildDir: string;
  /** The run stage's `/app`. */
  appDir: string;
  /** The run stage's environment (ENV), its volume paths moved under `volumeDir`. */
  env: Record<string, string>;
  volumeDir: string;
  /** What was not replayed, and why. */
  skipped: string[];
}

/**
 * Replay the Dockerfile without Docker: each stage's `/app` is a fresh folder; COPY copies from the
 * repository (as the build context) or from the earlier stage's folder; the build stage's RUN commands
 * run there, verbatim (`link`: `npm ci` links the repository's node_modules instead, and `npm prune`,
 * which would prune the repository's own, is skipped). The run stage's RUN (directories owned by the
 * image's user) is not replayed: its volume directory is made under a temporary folder instead.
 *
 * @param mode How dependencies are installed.
 * @param log Where to say what runs.
 * @returns The folders and the environment to start the image's CMD with.
 */
export function replayImage(mode: InstallMode, log: (line: string) => void = () => undefined): ReplayedImage {
  const stages = repoDockerfile();
  const root = mkdtempSync(join(tmpdir(), 'optpaper-image-'));
  const dirs = new Map<string, string>();
  const skipped: string[] = [];
  let env: Record<string, string> = {};
  const volumeDir = join(root, 'volume');
  stages.forEach((stage, index) => {
    const dir = join(root, stage.name ?? `stage-${index}`);
    mkdirSync(dir);
    dirs.set(stage.name ?? String(index), dir);
    const last = index === stages.length - 1;
    const volumes = last ? volumesOf(stage) : [];
    for (const instruction of stage.instructions) {
      if (instruction.keyword === 'WORKDIR' && instruction.text !== '/app') {
        throw new Error(`line ${instruction.line}: the replay expects WORKDIR /app`);
      }
      if (instruction.keyword === 'COPY') copy(instruction, dir, dirs);
      if (instruction.keyword === 'RUN') {
        if (last) {
          skipped.push(`line ${instruction.line}: RUN ${instruction.text} (the image's user and root paths)`);
          continue;
        }
        for (const command of instruction.text.split('&&').map((part) => part.trim())) {
          run(command, dir, mode, log, skipped, instruction.line);
        }
      }
    }
    if (last) {
      env = Object.fromEntries(
        Object.entries(envOf(stage)).map(([key, value]) => {
          const volume = volumes.find((path) => value === path || value.startsWith(`${path}/`));
          return [key, volume ? join(volumeDir, value) : value];
        }),
      );
      for (const volume of volumes) mkdirSync(join(volumeDir, volume), { recursive: true });
    }
  });
  const appDir = [...dirs.values()].at(-1) ?? '';
  return { root, buildDir: dirs.get(stages[0]?.name ?? '0') ?? '', appDir, env, volumeDir, skipped };
}

function volumesOf(stage: Stage): string[] {
  return stage.instructions
    .filter((instruction) => instruction.keyword === 'VOLUME')
    .flatMap((instruction) =>
      instruction.text.startsWith('[') ? execForm(instruction.text) : instruction.text.split(/\s+/),
    );
}

function copy(instruction: Instruction, dir: string, dirs: ReadonlyMap<string, string>): void {
  const { from, sources, destination } = copyOf(instruction);
  const base = from ? dirs.get(from) : repoRoot;
  if (!base) throw new Error(`line ${instruction.line}: no stage named ${from}`);
  for (const source of sources) {
    // A path in another stage is absolute (/app/dist/); in the context, relative to it.
    const path = from ? join(base, relative('/app', source)) : join(base, source);
    if (!existsSync(path)) throw new Error(`line ${instruction.line}: COPY ${source}: no such file`);
    const target = isAbsolute(destination)
      ? join(dir, relative('/app', destination))
      : join(dir, destination);
    const into =
      destination.endsWith('/') && !source.endsWith('/')
        ? join(target, source.split('/').at(-1) ?? '')
        : target;
    mkdirSync(dirname(into), { recursive: true });
    // A trailing slash would make a copied symbolic link impossible to create.
    // Symbolic links stay links: a linked node_modules must not be copied file by file.
    cpSync(path, into.replace(/\/+$/, ''), { recursive: true, verbatimSymlinks: true });
  }
}

function run(
  command: string,
  dir: string,
  mode: InstallMode,
  log: (line: string) => void,
  skipped: string[],
  line: number,
): void {
  if (mode === 'link' && /^npm (ci|install)\b/.test(command)) {
    symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
    skipped.push(`line ${line}: ${command} (node_modules linked from the repository)`);
    return;
  }
  if (mode === 'link' && /^npm prune\b/.test(command)) {
    skipped.push(`line ${line}: ${command} (it would prune the repository's node_modules)`);
    return;
  }
  log(`$ ${command}`);
  const result = spawnSync('sh', ['-c', command], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, CI: 'true' },
  });
  if (result.status !== 0) {
    throw new Error(`line ${line}: ${command} failed (${result.status}):\n${result.stdout}${result.stderr}`);
  }
}

/** A free TCP port on 127.0.0.1 (the image's PORT is fixed; tests run side by side). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** What the replayed container did. */
export interface ContainerRun {
  /** Exit code and output of the HEALTHCHECK command while the bot ran. */
  health: { code: number | null; stdout: string };
  /** Exit code of the bot after SIGTERM. */
  exitCode: number | null;
  /** Everything the bot wrote to stderr (its log). */
  log: string;
  /** What the stand-in Slack API was asked. */
  calls: string[];
}

/**
 * Start the image's CMD in the replayed run stage (Slack replaced by a local stand-in, on a free port),
 * run its HEALTHCHECK command once the bot listens, then stop it with SIGTERM, as `docker stop` does.
 *
 * @param image From {@link replayImage}.
 * @returns What happened.
 */
export async function runContainer(image: ReplayedImage): Promise<ContainerRun> {
  const last = repoDockerfile().at(-1);
  const instruction = (keyword: string) =>
    last?.instructions.find((item) => item.keyword === keyword)?.text ?? '';
  const [command = '', ...args] = execForm(instruction('CMD'));
  const [healthCommand = '', ...healthArgs] = execForm(instruction('HEALTHCHECK'));
  const stub = await new SlackApiStub().start();
  const env = {
    PATH: process.env.PATH ?? '',
    ...image.env,
    PORT: String(await freePort()),
    SLACK_BOT_TOKEN: 'xoxb-1-image-test',
    SLACK_SIGNING_SECRET: testSigningSecret,
    SLACK_API_URL: stub.apiUrl,
  };
  const resolveNode = (name: string) => (name === 'node' ? process.execPath : name);
  try {
    const child = spawn(resolveNode(command), args, { cwd: image.appDir, env });
    let log = '';
    await new Promise<void>((resolve, reject) => {
      child.stderr.on('data', (chunk: Buffer) => {
        log += chunk.toString();
        if (log.includes('optpaper is running')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`the bot exited with ${code}:\n${log}`)));
    });
    const health = spawnSync(resolveNode(healthCommand), healthArgs, {
      cwd: image.appDir,
      env,
      encoding: 'utf8',
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const exitCode = await exited;
    return {
      health: { code: health.status, stdout: health.stdout },
      exitCode,
      log,
      calls: stub.calls.map((call) => call.method),
    };
  } finally {
    await stub.close();
  }
}
