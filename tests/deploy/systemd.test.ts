import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { slackDefaults } from '../../src/slack/app.ts';
import { repoRoot } from '../support/spawn.ts';

const unitPath = join(repoRoot, 'deploy/optpaper.service');
const unitText = readFileSync(unitPath, 'utf8');

/** A systemd unit as sections of keys; a key given twice keeps every value, in order. */
function parseUnit(text: string): Record<string, Record<string, string[]>> {
  const sections: Record<string, Record<string, string[]>> = {};
  let current: Record<string, string[]> | undefined;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[(\w+)\]$/.exec(line);
    if (header?.[1]) {
      current = sections[header[1]] = {};
      continue;
    }
    const pair = /^(\w+)=(.*)$/.exec(line);
    if (!pair?.[1] || !current) throw new Error(`not a unit line: ${line}`);
    current[pair[1]] = [...(current[pair[1]] ?? []), pair[2] ?? ''];
  }
  return sections;
}

const unit = parseUnit(unitText);
const service = unit.Service ?? {};
const one = (key: string) => service[key]?.at(-1) ?? '';

/** `Environment=A=1 B=2` lines, as a record. */
const environment = Object.fromEntries(
  (service.Environment ?? []).flatMap((line) =>
    line.split(/\s+/).map((pair) => pair.split('=') as [string, string]),
  ),
);

describe('deploy/optpaper.service', () => {
  it('has the three sections, and starts with the machine once the network is up', () => {
    expect(Object.keys(unit)).toEqual(['Unit', 'Service', 'Install']);
    expect(unit.Unit?.After).toContain('network-online.target');
    expect(unit.Unit?.Wants).toContain('network-online.target');
    expect(unit.Install?.WantedBy).toEqual(['multi-user.target']);
  });

  it('runs the compiled bot with node, from the install folder, as its own user', () => {
    const [node, script] = one('ExecStart').split(/\s+/);
    expect(node).toBe('/usr/bin/node');
    expect(relative(one('WorkingDirectory'), script ?? '')).toBe('dist/main.js');
    // dist/main.js is what the build makes of src/main.ts.
    expect(existsSync(join(repoRoot, 'src/main.ts'))).toBe(true);
    expect(one('User')).toBe('optpaper');
    expect(one('User')).not.toMatch(/^(root|0)$/);
    expect(one('Type')).toBe('simple');
  });

  it('reads secrets from an environment file, and keeps the SQLite database in its state directory', () => {
    expect(one('EnvironmentFile')).toBe('/etc/optpaper/optpaper.env');
    expect(environment).toMatchObject({ NODE_ENV: 'production', LOG_FORMAT: 'json' });
    expect(environment.OPTPAPER_DB).toBe(`/var/lib/${one('StateDirectory')}/optpaper.db`);
    // ProtectSystem=strict makes everything read-only but the state directory.
    expect(one('ProtectSystem')).toBe('strict');
  });

  it('restarts after a failure, not after a clean stop, and gives the bot time to stop', () => {
    expect(one('Restart')).toBe('on-failure');
    expect(one('KillSignal')).toBe('SIGTERM');
    expect(Number(one('TimeoutStopSec'))).toBeGreaterThan((3 * slackDefaults.requestTimeoutMs) / 1000);
    expect(Number(unit.Unit?.StartLimitBurst?.[0])).toBeGreaterThan(0);
  });

  it('does not forbid what V8 needs (writable and executable memory for the JIT)', () => {
    expect(service.MemoryDenyWriteExecute).toBeUndefined();
  });

  const analyze = spawnSync('systemd-analyze', ['--version'], { encoding: 'utf8' });
  it.skipIf(analyze.status !== 0)('passes systemd-analyze verify, without a warning', () => {
    // verify checks that ExecStart's program exists: point it at this machine's node when it lives elsewhere.
    const directory = mkdtempSync(join(tmpdir(), 'optpaper-unit-'));
    const copy = join(directory, 'optpaper.service');
    writeFileSync(
      copy,
      existsSync('/usr/bin/node')
        ? unitText
        : unitText.replace('ExecStart=/usr/bin/node', `ExecStart=${process.execPath}`),
    );
    const result = spawnSync('systemd-analyze', ['verify', copy], { encoding: 'utf8' });
    rmSync(directory, { recursive: true, force: true });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('systemd-analyze verify does fail on a broken unit (the check above can fail)', () => {
    if (analyze.status !== 0) return;
    const directory = mkdtempSync(join(tmpdir(), 'optpaper-unit-'));
    const copy = join(directory, 'optpaper.service');
    writeFileSync(copy, unitText.replace('Restart=on-failure', 'Restart=on-failure\nRestartt=always'));
    const result = spawnSync('systemd-analyze', ['verify', copy], { encoding: 'utf8' });
    rmSync(directory, { recursive: true, force: true });
    expect(result.stderr).toContain("Unknown key 'Restartt'");
  });
});
