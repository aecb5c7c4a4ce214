import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCatalog } from '../../src/catalog/parse.ts';

// Each folder holds `input.md` and `expected.json`; `UPDATE=1 npx vitest run tests/catalog` rewrites the
// expected files, which are then reviewed like code.
const root = join(import.meta.dirname, '../fixtures/catalog');

describe('awesome-list fixtures', () => {
  for (const name of readdirSync(root)) {
    it(`parses ${name}/input.md into ${name}/expected.json`, () => {
      const catalog = parseCatalog(readFileSync(join(root, name, 'input.md'), 'utf8'));
      const expectedPath = join(root, name, 'expected.json');
      if (process.env.UPDATE) writeFileSync(expectedPath, `${JSON.stringify(catalog, null, 2)}\n`);
      expect(catalog).toEqual(JSON.parse(readFileSync(expectedPath, 'utf8')));
    });
  }
});
