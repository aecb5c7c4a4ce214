import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCatalog } from '../../src/catalog/parse.ts';
import { fixtureFolders, updatingFixtures } from './fixture-folders.ts';

// Each folder holds `input.md` and `expected.json`; `UPDATE=1 npx vitest run tests/catalog` rewrites the
// expected files (the comparisons are then skipped, never passed), which are reviewed like code.
const root = join(import.meta.dirname, '../fixtures/catalog');
const updating = updatingFixtures();

describe('awesome-list fixtures', () => {
  for (const name of fixtureFolders(root)) {
    const catalog = () => parseCatalog(readFileSync(join(root, name, 'input.md'), 'utf8'));
    const expectedPath = join(root, name, 'expected.json');
    if (updating) {
      writeFileSync(expectedPath, `${JSON.stringify(catalog(), null, 2)}\n`);
      it.skip(`parses ${name}/input.md into ${name}/expected.json (rewritten: review the diff)`, () => {});
      continue;
    }
    it(`parses ${name}/input.md into ${name}/expected.json`, () => {
      expect(catalog()).toEqual(JSON.parse(readFileSync(expectedPath, 'utf8')));
    });
  }
});

describe('the fixture loop', () => {
  it('fails on an empty folder instead of running zero tests', () => {
    const empty = mkdtempSync(join(tmpdir(), 'optpaper-fixtures-'));
    expect(() => fixtureFolders(empty)).toThrow(/no fixture folders/);
  });

  it('finds every style this parser reads', () => {
    expect(fixtureFolders(root)).toEqual(
      expect.arrayContaining([
        'tables',
        'paragraphs',
        'text-around-title',
        'links-not-links',
        'same-title',
        'structure',
      ]),
    );
  });

  it('never rewrites expected files in CI', () => {
    expect(() => updatingFixtures({ UPDATE: '1', CI: 'true' })).toThrow(/refused in CI/);
    expect(updatingFixtures({ UPDATE: '1' })).toBe(true);
    expect(updatingFixtures({ CI: 'true' })).toBe(false);
  });
});
