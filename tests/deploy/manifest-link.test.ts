import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  manifestLink,
  manifestLinkDefaults,
  manifestOf,
  isCommandName as scriptAllows,
  withCommand,
} from '../../scripts/manifest-link.js';
import { isCommandName } from '../../src/commands/command-name.ts';
import { repoRoot } from '../support/spawn.ts';

const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
const manifestText = readFileSync(join(repoRoot, 'manifest.yml'), 'utf8');
const links = [...readme.matchAll(manifestLinkDefaults.inReadme)].map((match) => match[0].slice(1, -1));

describe('the README\'s "create the app" link', () => {
  it('is there once, in "Connect it to Slack"', () => {
    expect(links).toHaveLength(1);
    const section = readme.slice(readme.indexOf('## Connect it to Slack'), readme.indexOf('### HTTP mode'));
    expect(section).toContain(links[0]);
  });

  it('decodes to exactly manifest.yml, comments and all (npm run -s manifest-link -- --write updates it)', () => {
    expect(manifestOf(links[0] ?? '')).toBe(manifestText);
    expect(links[0]).toBe(manifestLink(manifestText));
  });

  it("opens Slack's new-app page, and survives as a Markdown link target (no raw parentheses or spaces)", () => {
    const url = new URL(links[0] ?? '');
    expect(`${url.origin}${url.pathname}`).toBe('https://api.slack.com/apps');
    expect(url.searchParams.get('new_app')).toBe('1');
    expect(url.searchParams.get('manifest_yaml')).toBe(manifestText);
    expect(links[0]).not.toMatch(/[()\s]/);
  });

  it('is rewritten by the script after an edit of the manifest, and only then', () => {
    // The script works on the folder above its own: run a copy on a copy.
    const root = mkdtempSync(join(tmpdir(), 'optpaper-link-'));
    mkdirSync(join(root, 'scripts'));
    copyFileSync(join(repoRoot, 'scripts/manifest-link.js'), join(root, 'scripts/manifest-link.js'));
    const edited = manifestText.replace('always_online: true', 'always_online: false');
    writeFileSync(join(root, 'manifest.yml'), edited);
    writeFileSync(join(root, 'README.md'), readme);
    const result = spawnSync(process.execPath, ['scripts/manifest-link.js', '--write'], {
      cwd: root,
      encoding: 'utf8',
    });
    const rewritten = readFileSync(join(root, 'README.md'), 'utf8');
    rmSync(root, { recursive: true, force: true });
    expect(result.status).toBe(0);
    expect(rewritten).toBe(readme.replace(links[0] ?? '', manifestLink(edited)));
    expect(rewritten).not.toBe(readme);
  });
});

describe('manifest.yml: direct messages', () => {
  const manifest = parse(manifestText) as {
    features: { app_home?: Record<string, boolean> };
    oauth_config: { scopes: { bot: string[] } };
    settings: { event_subscriptions: { bot_events: string[] } };
  };

  it('enables the Messages tab, writable, so that people can open a DM with the bot and run /optpaper there, and the Home tab', () => {
    expect(manifest.features.app_home).toEqual({
      home_tab_enabled: true,
      messages_tab_enabled: true,
      messages_tab_read_only_enabled: false,
    });
  });

  it('asks for no scope or event to read DMs: the bot answers the slash command there, not messages', () => {
    expect(manifest.oauth_config.scopes.bot).not.toContain('im:history');
    expect(manifest.settings.event_subscriptions.bot_events).not.toContain('message.im');
  });
});

describe('a manifest for a staging app beside production (--command /optpaper-dev)', () => {
  const staging = withCommand(manifestText, '/optpaper-dev');
  const parsed = parse(staging) as {
    display_information: { name: string; long_description: string };
    features: { slash_commands: { command: string }[]; bot_user: { display_name: string } };
  };

  it('declares /optpaper-dev, and its description says so; the rest is manifest.yml as it is', () => {
    expect(parsed.features.slash_commands.map((command) => command.command)).toEqual(['/optpaper-dev']);
    expect(parsed.display_information.long_description).toContain(
      'Type /optpaper-dev followed by a few words',
    );
    expect(parsed.display_information.long_description).toContain('/optpaper-dev subscribe to get a paper');
    // The bot's names and its mention stay: those are not the command.
    expect(parsed.display_information.name).toBe('optpaper');
    expect(parsed.features.bot_user.display_name).toBe('optpaper');
    expect(parsed.display_information.long_description).toContain('Mention @optpaper in a thread');
    expect(staging.replaceAll('/optpaper-dev', '/optpaper')).toBe(manifestText);
  });

  it('is printed as a create-app link, or as YAML with --yaml; a bad name or --write with it exits 2 with one line', () => {
    const run = (...args: string[]) =>
      spawnSync(process.execPath, ['scripts/manifest-link.js', ...args], { cwd: repoRoot, encoding: 'utf8' });
    const link = run('--command', '/optpaper-dev');
    expect(link.status).toBe(0);
    expect(manifestOf(link.stdout.trim())).toBe(staging);
    expect(run('--yaml', '--command', '/optpaper-dev').stdout).toBe(staging);
    expect(run('--yaml').stdout).toBe(manifestText);
    for (const args of [
      ['--command', 'optpaper-dev'],
      ['--command'],
      ['--command', '/optpaper-dev', '--write'],
    ]) {
      const refused = run(...args);
      expect(refused.status).toBe(2);
      expect(refused.stdout).toBe('');
      expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it.each([
    '/optpaper',
    '/optpaper-dev',
    '/papers_staging',
    '/論文',
    'optpaper',
    '/Optpaper',
    '/a b',
    '/a/b',
    `/${'x'.repeat(32)}`,
  ])('judges %j as OPTPAPER_COMMAND does', (name) => {
    expect(scriptAllows(name)).toBe(isCommandName(name));
  });
});
