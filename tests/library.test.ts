import { mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLibrary } from '../src/library.ts';
import { createLogger } from '../src/logger.ts';

async function until(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('the library (the list file and its search)', () => {
  it('reloads the list when the file changes, and keeps the old one when the new one has no papers', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'optpaper-')), 'papers.md');
    writeFileSync(path, '## Optimizers\n- ADAM [Link](https://arxiv.org/abs/1412.6980)\n');
    const library = await openLibrary(path);
    const logs: string[] = [];
    const stop = library.watch(createLogger({ sink: { write: (line: string) => logs.push(line) } }));
    try {
      expect(
        library
          .current()
          .search('adam')
          .map((hit) => hit.paper.title),
      ).toEqual(['ADAM']);
      writeFileSync(
        path,
        '## Optimizers\n- ADAM [Link](https://arxiv.org/abs/1412.6980)\n- Lion [Link](https://arxiv.org/abs/2302.06675)\n',
      );
      await until(() => library.current().catalog.papers.length === 2);
      expect(
        library
          .current()
          .search('lion')
          .map((hit) => hit.paper.title),
      ).toEqual(['Lion']);
      expect(logs.join('')).toContain(`reloaded ${path}: 1 → 2 papers`);

      writeFileSync(path, '');
      await until(() => logs.join('').includes('could not be read as a list'));
      expect(library.current().catalog.papers).toHaveLength(2);

      // Saved the way many editors save: a new file renamed over the old one.
      writeFileSync(`${path}.tmp`, '## Optimizers\n- Shampoo [Link](https://arxiv.org/abs/1802.09568)\n');
      renameSync(`${path}.tmp`, path);
      await until(() => library.current().catalog.papers.length === 1);
      expect(library.current().catalog.papers[0]?.title).toBe('Shampoo');
    } finally {
      stop();
    }
  });
});
