import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lowestOfEach, satisfies } from '../support/node-range.ts';
import { repoRoot } from '../support/spawn.ts';
import { repoDockerfile } from './dockerfile.ts';

const read = (path: string) => readFileSync(join(repoRoot, path), 'utf8');
const engines = (JSON.parse(read('package.json')) as { engines: { node: string } }).engines.node;
const lock = JSON.parse(read('package-lock.json')) as {
  packages: Record<string, { version?: string; engines?: { node?: string } | string[] }>;
};
const readme = read('README.md');
/** The README's paragraph on Node versions: the one under the two commands at the top. */
const nodeParagraph = readme.slice(
  readme.indexOf('\nNode.js '),
  readme.indexOf('\n\n', readme.indexOf('\nNode.js ')),
);

describe('the Node versions the project supports', () => {
  it('are stated in the README as package.json declares them, line by line', () => {
    expect(nodeParagraph).toContain(`\`${engines}\``);
    const majors = lowestOfEach(engines).map((version) => version.split('.')[0]);
    expect(majors).toEqual(['20', '22', '24']);
    for (const version of lowestOfEach(engines))
      expect(nodeParagraph).toContain(version.replace(/(\.0)+$/, ''));
    // Node 20 is past its end of life: the README says so rather than recommend it.
    expect(nodeParagraph).toMatch(/20[^.]*end of life/);
  });

  it('include the one running these tests (CI runs Node 20)', () => {
    expect(satisfies(process.version, engines)).toBe(true);
  });

  it("are ones every locked dependency accepts: the oldest release of each line meets every package's engines", () => {
    const refused: string[] = [];
    for (const [path, entry] of Object.entries(lock.packages)) {
      const range = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
      if (path === '' || !range) continue;
      for (const version of lowestOfEach(engines))
        if (!satisfies(version, range))
          refused.push(`${path}@${entry.version} (${range}) refuses ${version}`);
    }
    expect(refused).toEqual([]);
  });

  it('exclude what the dependencies cannot run on: vite 8 needs 20.19 or 22.12, Stryker’s prompts 22.13', () => {
    expect(satisfies('20.18.0', engines)).toBe(false);
    expect(satisfies('22.12.0', engines)).toBe(false);
    expect(satisfies('21.7.0', engines)).toBe(false);
    expect(satisfies('23.11.0', engines)).toBe(false);
    expect(satisfies('24.0.0', engines)).toBe(true);
  });

  it('include the Docker image’s, one major for both stages (better-sqlite3 is compiled in one, loaded in the other)', () => {
    const images = repoDockerfile().map((stage) => stage.image);
    const majors = images.map((image) => /^node:(\d+)-/.exec(image)?.[1]);
    expect(new Set(majors).size).toBe(1);
    expect(satisfies(`${majors[0]}.0.0`, engines)).toBe(true);
    expect(nodeParagraph).toContain(`Node ${majors[0]}`);
  });
});

describe('the engines range reader', () => {
  it.each([
    ['20.19.0', '^20.19.0 || >=22.12.0', true],
    ['22.11.0', '^20.19.0 || >=22.12.0', false],
    ['20.20.2', '>=20.12 <21 || >=22', true],
    ['21.0.0', '>=20.12 <21 || >=22', false],
    ['26.1.0', '20.x || 22.x || 23.x || 24.x || 25.x || 26.x', true],
    ['27.0.0', '20.x || 22.x || 23.x || 24.x || 25.x || 26.x', false],
    ['20.0.0', '>= 10.x', true],
    ['19.9.0', '18 || 20 || >=22', false],
    ['0.7.1', '>=0.6.11 <=0.7.0 || >=0.7.3', false],
    ['1.0.0', '*', true],
    ['20.17.0', '>=23.5.0 || ^22.13.0 || ^20.17.0', true],
  ])('%s in %j: %s', (version, range, expected) => {
    expect(satisfies(version, range)).toBe(expected);
  });

  it('refuses a range it cannot read rather than guess', () => {
    expect(() => satisfies('20.0.0', '>=20 - 22')).toThrow(/cannot read/);
  });
});
