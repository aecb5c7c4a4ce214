import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App } from '@slack/bolt';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { withCommand } from '../../scripts/manifest-link.js';
import type { ActionId } from '../../src/commands/reply.ts';
import { fixedLibrary } from '../../src/library.ts';
import { createSearch } from '../../src/search/search.ts';
import { botScopes } from '../../src/slack/install/scopes.ts';
import { registerListeners } from '../../src/slack/listeners/index.ts';
import { shippedCatalog } from '../support/shipped.ts';
import { repoRoot } from '../support/spawn.ts';

/**
 * What registerListeners really registers: the real Bolt app, with its registration methods recorded
 * on the way through (a listener added anywhere in registerListeners shows up here).
 */
function recordRegistrations() {
  const found = {
    commands: [] as Array<string | RegExp>,
    events: [] as string[],
    actions: [] as RegExp[],
    shortcuts: [] as { callback_id: string; type: string }[],
    views: [] as string[],
    other: [] as string[],
  };
  const app = new App({ token: 'xoxb-test', signingSecret: 'secret', botId: 'B0', botUserId: 'U0' });
  const recording = new Proxy(app, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const [first] = args;
        if (property === 'command') found.commands.push(first as string | RegExp);
        else if (property === 'event') found.events.push(String(first));
        else if (property === 'action') found.actions.push((first as { action_id: RegExp }).action_id);
        else if (property === 'shortcut')
          found.shortcuts.push(first as { callback_id: string; type: string });
        else if (property === 'view') found.views.push((first as { callback_id: string }).callback_id);
        else if (['message', 'options', 'use', 'function'].includes(String(property))) {
          found.other.push(String(property));
        }
        return value.apply(target, args);
      };
    },
  });
  registerListeners(recording, {
    library: fixedLibrary(createSearch(shippedCatalog())),
    clock: () => new Date(),
    random: Math.random,
  });
  return found;
}

const registered = recordRegistrations();

interface Manifest {
  features: {
    slash_commands: Array<{ command: string; description: string; usage_hint?: string }>;
    shortcuts?: Array<{ name: string; type: 'message' | 'global'; callback_id: string; description: string }>;
  };
  oauth_config: { scopes: { bot: string[]; user?: string[] } };
  settings: {
    event_subscriptions: { bot_events: string[] };
    interactivity: { is_enabled: boolean };
    socket_mode_enabled: boolean;
  };
}

const manifest = parse(readFileSync(join(repoRoot, 'manifest.yml'), 'utf8')) as Manifest;
// Slack's official schema (slackapi/manifest-schema, MIT), copied so that CI needs nothing else.
const schema = JSON.parse(
  readFileSync(join(repoRoot, 'tests/fixtures/slack/manifest.schema.1.0.0.json'), 'utf8'),
) as object;

/** Ajv for Slack's schema: strict about keywords, so the schema's own additions are declared. */
function compileSchema() {
  // The schema's loose typing (`minItems` without `type: array` in places) is Slack's, not ours to fail on.
  const ajv = new Ajv({ strict: true, strictTypes: false, allErrors: true });
  // Slack's annotations (`_note`: a comment; `requires`: a hint for their tooling) validate nothing.
  ajv.addKeyword({ keyword: '_note', schemaType: 'string' });
  ajv.addKeyword({ keyword: 'requires', schemaType: 'string' });
  // `regex` is a pattern that Slack checks: apply it.
  ajv.addKeyword({
    keyword: 'regex',
    type: 'string',
    schemaType: 'string',
    validate: (pattern: string, data: string) => new RegExp(pattern).test(data),
  });
  // The one format the schema uses (for `$schema`).
  ajv.addFormat('uri', (value: string) => URL.canParse(value));
  return ajv.compile(schema);
}

const validate = compileSchema();

describe('manifest.yml', () => {
  it("validates against Slack's manifest JSON Schema", () => {
    const valid = validate(manifest);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('renamed for a staging app (npm run -s manifest-link -- --command /optpaper-dev), still validates', () => {
    const renamed = parse(withCommand(readFileSync(join(repoRoot, 'manifest.yml'), 'utf8'), '/optpaper-dev'));
    expect(validate(renamed)).toBe(true);
    expect(validate.errors ?? []).toEqual([]);
  });

  it('is refused by the schema when it is wrong (the validation can fail)', () => {
    expect(validate({ ...manifest, display_information: { name: '' } })).toBe(false);
    expect(
      validate({
        ...manifest,
        features: { ...manifest.features, slash_commands: [{ command: 'optpaper' }] },
      }),
    ).toBe(false);
    // Only the `regex` keyword catches this one.
    expect(
      validate({ ...manifest, display_information: { name: 'optpaper', background_color: 'blue' } }),
    ).toBe(false);
  });
  it('declares the one slash command, which the code answers under any name (a staging app renames it)', () => {
    expect(registered.other).toEqual([]);
    expect(manifest.features.slash_commands).toHaveLength(1);
    expect(registered.commands).toHaveLength(1);
    const [matcher = ''] = registered.commands;
    const answers = (name: string) => (typeof matcher === 'string' ? matcher === name : matcher.test(name));
    for (const { command } of manifest.features.slash_commands) expect(answers(command)).toBe(true);
    expect(answers('/optpaper-dev')).toBe(true);
  });

  it('declares exactly the events the code listens to', () => {
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual(
      [...registered.events].sort(),
    );
  });

  it('enables interactivity because the code handles every button a reply can carry', () => {
    const buttons: readonly ActionId[] = ['share_paper', 'read_next', 'section_page', 'cast_vote'];
    for (const id of buttons) {
      // Buttons carry `id:n` (unique within a block); a registered matcher must take both forms.
      expect(registered.actions.some((matcher) => matcher.test(id) && matcher.test(`${id}:3`))).toBe(true);
    }
    expect(registered.actions).toHaveLength(buttons.length);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
  });

  it('declares exactly the shortcuts the code registers, and the code handles the form they open', () => {
    expect(
      (manifest.features.shortcuts ?? []).map((shortcut) => ({
        callback_id: shortcut.callback_id,
        type: shortcut.type === 'message' ? 'message_action' : 'shortcut',
      })),
    ).toEqual(registered.shortcuts);
    expect(manifest.features.shortcuts?.map((shortcut) => shortcut.name)).toEqual([
      'Propose to reading group',
    ]);
    // The proposal form's submission (a view opened by the code itself: the manifest has no list of them).
    expect(registered.views).toEqual(['propose_paper']);
  });

  it('asks for the scopes it needs and no more', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([
      'app_mentions:read',
      'channels:read',
      'chat:write',
      'commands',
      'groups:read',
      'links:read',
      'links:write',
    ]);
    expect(manifest.oauth_config.scopes.user ?? []).toEqual([]);
    // An OAuth install asks for the same scopes as the manifest declares.
    expect([...botScopes].sort()).toEqual([...manifest.oauth_config.scopes.bot].sort());
  });

  it('turns Socket Mode on, so no public URL is needed', () => {
    expect(manifest.settings.socket_mode_enabled).toBe(true);
  });
});
