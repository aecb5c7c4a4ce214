import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultListPath, loadCatalog } from '../../src/catalog/load.ts';
import { shippedMarkdown } from '../support/shipped.ts';

describe('loadCatalog', () => {
  it('reads the list at the path it is given, as UTF-8', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'optpaper-load-')), 'list.md');
    writeFileSync(path, '## Optimisation\n\n- Adam: a méthode [Link](https://arxiv.org/abs/1412.6980)\n');
    const catalog = await loadCatalog(path);
    expect(catalog.papers.map((paper) => [paper.title, paper.sections])).toEqual([
      ['Adam: a méthode', ['Optimisation']],
    ]);
  });

  it('reads the shipped list when no path is given', async () => {
    expect(defaultListPath.endsWith(join('data', 'optimization-papers.md'))).toBe(true);
    const catalog = await loadCatalog();
    expect(catalog.papers.length).toBeGreaterThan(100);
    expect(shippedMarkdown).toContain(catalog.papers[0]?.links[0]?.url);
  });

  it('names the path and says why when the file cannot be read', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'optpaper-load-')), 'missing.md');
    await expect(loadCatalog(path)).rejects.toThrow(
      new Error(`cannot read the paper list ${path}: no such file`),
    );
  });
});
