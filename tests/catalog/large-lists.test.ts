import { describe, expect, it } from 'vitest';
import { markdownDefaults } from '../../src/catalog/markdown.ts';
import { parseCatalog } from '../../src/catalog/parse.ts';

/** A list long enough to be parsed in pieces, with what could trip the cutting. */
function longList(): { markdown: string; lineOf: Map<string, number> } {
  const lines: string[] = ['# A long list', ''];
  const lineOf = new Map<string, number>();
  for (let section = 0; section < 40; section++) {
    lines.push(`## Section ${section}`, '');
    if (section === 7) {
      // Heading-looking lines inside a fenced block, long enough that a cut would fall inside it: a
      // four-backtick fence is not closed by the three-backtick one it shows.
      lines.push('````md', '```sh');
      for (let line = 0; line < 300; line++) lines.push('# not a heading', 'npm run bench');
      lines.push('```', '````', '');
    }
    for (let item = 0; item < 50; item++) {
      const title = `Paper ${section}.${item} on adaptive gradient methods`;
      lineOf.set(title, lines.length + 1);
      const link =
        section === 39 && item === 49
          ? '[Link][far]'
          : `[Link](https://arxiv.org/abs/${2000 + section}.${10000 + item})`;
      lines.push(`- ${title} ${link}`);
    }
    lines.push('');
  }
  // Defined at the very end: resolved even though the list was parsed in pieces.
  lines.push('[far]: https://example.org/far-away-definition');
  return { markdown: `${lines.join('\n')}\n`, lineOf };
}

describe('a list parsed in pieces', () => {
  const { markdown, lineOf } = longList();
  const catalog = parseCatalog(markdown);

  it('is long enough to be cut', () => {
    expect(markdown.length).toBeGreaterThan(markdownDefaults.chunkAbove);
  });

  it('reads every section and entry, with the line numbers of the whole file', () => {
    expect(catalog.sections).toHaveLength(40);
    expect(catalog.entries).toHaveLength(2000);
    for (const entry of catalog.entries) expect(entry.line).toBe(lineOf.get(entry.rawTitle));
  });

  it('does not cut inside a fenced code block', () => {
    expect(catalog.sections.map((section) => section.name)).not.toContain('not a heading');
    expect(catalog.sections).toHaveLength(40);
    expect(catalog.sections[7]?.paperIds).toHaveLength(50);
  });

  it('resolves a reference-style link defined in another piece', () => {
    const last = catalog.papers.find((paper) => paper.title === 'Paper 39.49 on adaptive gradient methods');
    expect(last?.links.map((link) => link.url)).toEqual(['https://example.org/far-away-definition']);
    expect(catalog.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
  });
});
