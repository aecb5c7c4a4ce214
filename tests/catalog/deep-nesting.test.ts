import { describe, expect, it } from 'vitest';
import { limitNesting, nestingDefaults } from '../../src/catalog/nesting.ts';
import { parseCatalog } from '../../src/catalog/parse.ts';
import type { Diagnostic } from '../../src/catalog/types.ts';

/** Best of a few runs, in ms: the least disturbed by whatever else the machine is doing. */
function fastest(run: () => unknown, runs = 3): number {
  let best = Number.POSITIVE_INFINITY;
  for (let attempt = 0; attempt < runs; attempt++) {
    const start = performance.now();
    run();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

/** A few hundred ordinary entries, so that each timing measures a whole list, not a single line. */
const body = Array.from(
  { length: 100 },
  (_, i) => `- Paper ${i} on adaptive methods [Link](https://example.org/${i})`,
).join('\n');

const pathological = {
  'bullets on one line (- - - … x)': (depth: number) =>
    `${'- '.repeat(depth)}[Deep](https://example.org/deep)`,
  'quotes and bullets (> - > - … x)': (depth: number) =>
    `${'> - '.repeat(depth / 2)}[Deep](https://example.org/deep)`,
  'ordered items on one line (1. 1. … x)': (depth: number) =>
    `${'1. '.repeat(depth)}[Deep](https://example.org/deep)`,
  'nested emphasis (*a *a … b* b*)': (depth: number) =>
    `- [Deep](https://example.org/deep) ${'*a '.repeat(depth)}x${' b*'.repeat(depth)}`,
  'nested links and images ([![ … ](u))': (depth: number) =>
    `- [Deep](https://example.org/deep) ${'[!'.repeat(depth)}[x](u)${'](u)'.repeat(depth)}`,
} as const;

describe('parsing stays linear in nesting depth', () => {
  const list = (line: string) => `## Deep\n\n${line}\n${body}\n`;

  it.each(Object.entries(pathological))('%s: 4,000 levels cost less than 8× what 500 cost', (_name, make) => {
    parseCatalog(list(make(500)));
    const shallow = fastest(() => parseCatalog(list(make(500))));
    const deep = fastest(() => parseCatalog(list(make(4000))));
    // Quadratic, as micromark alone is, would be 64×; linear in the text, at most 8× (the line is 8× longer).
    expect(deep / shallow).toBeLessThan(8);
  });

  it.each(Object.entries(pathological))('%s: 10,000 levels parse without a stack overflow', (_name, make) => {
    const catalog = parseCatalog(list(make(10_000)));
    expect(catalog.papers.map((paper) => paper.title)).toContain('Paper 99 on adaptive methods');
    expect(catalog.diagnostics.filter((d) => d.code === 'too-deep').map((d) => d.line)).toEqual([3]);
  });

  it('a list indented one level deeper on every line (300 levels) reads every item', () => {
    const lines = Array.from(
      { length: 300 },
      (_, i) => `${' '.repeat(2 * i)}- Item ${i} [Link](https://example.org/${i})`,
    );
    const catalog = parseCatalog(`## Deep\n${lines.join('\n')}\n`);
    expect(catalog.entries).toHaveLength(300);
    expect(catalog.entries.at(-1)).toMatchObject({ line: 301, rawTitle: 'Item 299', section: 'Deep' });
    expect(catalog.diagnostics.filter((d) => d.code === 'too-deep')).toEqual([
      {
        line: 35,
        severity: 'warning',
        code: 'too-deep',
        message: `indented deeper than ${nestingDefaults.maxIndent} columns: read at ${nestingDefaults.maxIndent} (lines 35–301)`,
      },
    ]);
  });

  it('deep indentation costs no more than a flat list of the same size', () => {
    const indented = Array.from(
      { length: 250 },
      (_, i) => `${' '.repeat(2 * i)}- Item ${i} [Link](https://example.org/${i})`,
    ).join('\n');
    const flat = Array.from(
      { length: 250 },
      (_, i) => `- Item ${i} [Link](https://example.org/${i})${' '.repeat(2 * i)}`,
    ).join('\n');
    parseCatalog(`## Flat\n${flat}`);
    const flatTime = fastest(() => parseCatalog(`## Flat\n${flat}`));
    const deepTime = fastest(() => parseCatalog(`## Deep\n${indented}`));
    expect(deepTime / flatTime).toBeLessThan(4);
  });
});

describe('limitNesting', () => {
  it('leaves a list within the limits as it is (the same string)', () => {
    const markdown = '## A\n- a\n  - b\n    - c [x](u)\n> - quoted *em* [l](u)\n';
    const diagnostics: Diagnostic[] = [];
    expect(limitNesting(markdown, diagnostics)).toBe(markdown);
    expect(diagnostics).toEqual([]);
  });

  it('keeps the first markers of a line and drops the rest, reporting the line', () => {
    const diagnostics: Diagnostic[] = [];
    const limited = limitNesting(`intro\n${'- '.repeat(40)}x\n`, diagnostics);
    expect(limited).toBe(`intro\n${'- '.repeat(nestingDefaults.maxMarkers)}x\n`);
    expect(diagnostics).toEqual([
      {
        line: 2,
        severity: 'warning',
        code: 'too-deep',
        message: `more than ${nestingDefaults.maxMarkers} nested list or quote markers: the rest dropped (line 2)`,
      },
    ]);
  });

  it('cuts indentation (tabs counted to the next stop of four) to the limit, keeping line numbers', () => {
    const diagnostics: Diagnostic[] = [];
    const limited = limitNesting(`a\n${'\t'.repeat(20)}- deep\n${' '.repeat(70)}- deeper\nb`, diagnostics);
    expect(limited.split('\n')).toEqual([
      'a',
      `${' '.repeat(nestingDefaults.maxIndent)}- deep`,
      `${' '.repeat(nestingDefaults.maxIndent)}- deeper`,
      'b',
    ]);
    expect(diagnostics.map((d) => d.message)).toEqual([
      `indented deeper than ${nestingDefaults.maxIndent} columns: read at ${nestingDefaults.maxIndent} (lines 2–3)`,
    ]);
  });

  it('drops emphasis and link openings past the budget of a paragraph, and starts a new budget per item', () => {
    const diagnostics: Diagnostic[] = [];
    const many = '*a* '.repeat(nestingDefaults.maxInlineMarks);
    const limited = limitNesting(`- ${many}\n- *fine*\npara ${many}\nmore *x* [y](u)\n`, diagnostics);
    const lines = limited.split('\n');
    // 2 marks per `*a*`: the first half of the line stays emphasis, the second half is escaped.
    expect(lines[0]).toBe(
      `- ${'*a* '.repeat(nestingDefaults.maxInlineMarks / 2)}${'a '.repeat(nestingDefaults.maxInlineMarks / 2)}`,
    );
    expect(lines[1]).toBe('- *fine*');
    expect(lines[3]).toBe('more x [y](u)');
    expect(diagnostics.map((d) => d.line)).toEqual([1, 3]);
  });

  it('keeps brackets nested 32 deep, drops deeper ones, and drops closing brackets that close nothing past the budget', () => {
    const diagnostics: Diagnostic[] = [];
    const limited = limitNesting(`${'['.repeat(40)}x${']'.repeat(40)} ${']'.repeat(300)}`, diagnostics);
    expect(limited).toBe(
      `${'['.repeat(nestingDefaults.maxMarkers)}x${']'.repeat(40)} ${']'.repeat(nestingDefaults.maxInlineMarks - 8)}`,
    );
    expect(diagnostics.map((d) => d.line)).toEqual([1]);
  });

  it('starts a new budget at a heading and at a blank line', () => {
    const many = '*a* '.repeat(nestingDefaults.maxInlineMarks / 2);
    const markdown = `${many}\n# *Heading*\n${many}\n\n*after a blank line*\n`;
    const diagnostics: Diagnostic[] = [];
    expect(limitNesting(markdown, diagnostics)).toBe(markdown);
    expect(diagnostics).toEqual([]);
  });

  it('leaves code blocks alone, and blank lines however indented', () => {
    const fence = '`'.repeat(3);
    const code = `${fence}python\n${'f(*args, **kwargs)\n'.repeat(300)}${fence}\n`;
    const markdown = `## Code\n${code}${' '.repeat(200)}\n- [after](https://example.org/after) *em*\n`;
    const diagnostics: Diagnostic[] = [];
    expect(limitNesting(markdown, diagnostics)).toBe(markdown);
    expect(diagnostics).toEqual([]);
  });

  it('counts each table row on its own: a long table of bold titles keeps its bold', () => {
    const rows = Array.from(
      { length: 250 },
      (_, i) => `| **Title ${i}** | [PDF](https://example.org/${i}) |`,
    );
    const markdown = `| Title | Link |\n| --- | --- |\n${rows.join('\n')}\n`;
    const diagnostics: Diagnostic[] = [];
    expect(limitNesting(markdown, diagnostics)).toBe(markdown);
    expect(diagnostics).toEqual([]);
  });
});
