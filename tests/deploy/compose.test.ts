import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { slackDefaults } from '../../src/slack/app.ts';
import { repoRoot } from '../support/spawn.ts';
import { envOf, execForm, repoDockerfile } from './dockerfile.ts';

interface Service {
  build?: string;
  image?: string;
  restart?: string;
  env_file?: string;
  environment?: Record<string, string>;
  ports?: string[];
  volumes?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[]; interval: string; timeout: string; retries: number };
  stop_grace_period?: string;
}

const compose = parse(readFileSync(join(repoRoot, 'compose.yaml'), 'utf8')) as {
  name: string;
  services: Record<string, Service>;
  volumes: Record<string, unknown>;
};
const { bot = {}, db = {} } = compose.services;
const runStage = repoDockerfile().at(-1) ?? { image: '', instructions: [] };
const imageHealthcheck = runStage.instructions.find((instruction) => instruction.keyword === 'HEALTHCHECK');
const imageVolume = runStage.instructions.find((instruction) => instruction.keyword === 'VOLUME');

/** Compose's `${NAME:?message}` with NAME set: what the service really gets. */
const interpolate = (value: string, env: Record<string, string>) =>
  value.replace(/\$\{(\w+):\?[^}]*\}/g, (_, name: string) => env[name] ?? '');

describe('compose.yaml', () => {
  it('has exactly the bot, built from this repository, and PostgreSQL', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['bot', 'db']);
    expect(bot).toMatchObject({ build: '.', restart: 'unless-stopped', env_file: '.env' });
    expect(db.image).toMatch(/^postgres:\d+/);
  });

  it('points the bot at the database with DATABASE_URL, with the user, password and database PostgreSQL is given', () => {
    const env = { POSTGRES_PASSWORD: 'correcthorsebatterystaple' };
    const url = new URL(interpolate(bot.environment?.DATABASE_URL ?? '', env));
    expect(url.protocol).toBe('postgres:');
    expect(url.hostname).toBe('db');
    expect(url.port).toBe('5432');
    expect(url.username).toBe(db.environment?.POSTGRES_USER);
    expect(url.password).toBe(interpolate(db.environment?.POSTGRES_PASSWORD ?? '', env));
    expect(url.pathname).toBe(`/${db.environment?.POSTGRES_DB}`);
    // No default password: compose refuses to start without one.
    expect(bot.environment?.DATABASE_URL).toContain('${POSTGRES_PASSWORD:?');
    expect(db.environment?.POSTGRES_PASSWORD).toMatch(/^\$\{POSTGRES_PASSWORD:\?/);
  });

  it('starts the bot once PostgreSQL is healthy (pg_isready for that user and database)', () => {
    expect(bot.depends_on).toEqual({ db: { condition: 'service_healthy' } });
    expect(db.healthcheck?.test).toEqual([
      'CMD-SHELL',
      `pg_isready --username=${db.environment?.POSTGRES_USER} --dbname=${db.environment?.POSTGRES_DB}`,
    ]);
  });

  it("checks the bot's health with the image's own HEALTHCHECK command, on the port it publishes", () => {
    expect(bot.healthcheck?.test).toEqual(['CMD', ...execForm(imageHealthcheck?.text ?? '')]);
    expect(bot.environment?.PORT).toBe(envOf(runStage).PORT);
    expect(bot.ports).toEqual([`${bot.environment?.PORT}:${bot.environment?.PORT}`]);
    expect(bot.environment?.LOG_FORMAT).toBe('json');
    // PostgreSQL is reached over the compose network only.
    expect(db.ports).toBeUndefined();
  });

  it('keeps state on named volumes: the database files, and the bot volume the image declares', () => {
    expect(Object.keys(compose.volumes).sort()).toEqual(['pgdata', 'state']);
    expect(db.volumes).toEqual(['pgdata:/var/lib/postgresql/data']);
    expect(bot.volumes).toEqual([`state:${execForm(imageVolume?.text ?? '')[0]}`]);
  });

  it('gives the bot more time to stop than it takes (its own hard stop is twice a Web API timeout)', () => {
    const graceSeconds = Number(/^(\d+)s$/.exec(bot.stop_grace_period ?? '')?.[1]);
    // The bot stops within three request timeouts (a weekly post and its thread reply in flight).
    expect(graceSeconds).toBeGreaterThan((3 * slackDefaults.requestTimeoutMs) / 1000);
  });
});
