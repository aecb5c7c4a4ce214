import { readdirSync } from 'node:fs';

/**
 * The fixture folders under a root, in name order. Throws on an empty root, so that a loop over them can
 * never pass by running zero tests.
 *
 * @param root Folder of `<name>/input.md` + `<name>/expected.json` folders.
 * @returns The folder names.
 */
export function fixtureFolders(root: string): string[] {
  const names = readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  if (names.length === 0)
    throw new Error(`no fixture folders in ${root}: the fixture tests would test nothing`);
  return names;
}

/**
 * Whether this run rewrites expected files (`UPDATE=1`). Refused in CI: there an update would compare the
 * parser's output with itself and always pass.
 *
 * @param env The environment (default: the process's).
 * @returns `true` when expected files are to be rewritten.
 */
export function updatingFixtures(env: Readonly<Record<string, string | undefined>> = process.env): boolean {
  if (!env.UPDATE) return false;
  if (env.CI) throw new Error('UPDATE is refused in CI: expected files are written by hand and reviewed');
  return true;
}
