import { describe, expect, it } from 'vitest';
import { limitNesting, nestingDefaults } from '../../src/catalog/nesting.ts';
import type { Diagnostic } from '../../src/catalog/types.ts';

/** The list as the parser will read it, and the warnings as `line: message`. */
function limited(markdown: string): { text: string; warnings: string[] } {
  const diagnostics: Diagnostic[] = [];
  const text = limitNesting(markdown, diagnostics);
  for (const d of diagnostics) {
    expect(d).toMatchObject({ severity: 'warning', code: 'too-deep' });
  }
  return { text, warnings: diagnostics.map((d) => `${d.line}: ${d.message}`) };
}

const { maxIndent, maxMarkers, maxInlineMarks } = nestingDefaults;
const indentWarning = `indented deeper than ${maxIndent} columns: read at ${maxIndent}`;
const markerWarning = `more than ${maxMarkers} nested list or quote markers: the rest dropped`;
const inlineWarning = `more than ${maxInlineMarks} emphasis marks or unmatched brackets, or brackets nested deeper than ${maxMarkers}, in one paragraph: the rest dropped`;

describe('limitNesting: the limits', () => {
  it('are 64 columns, 32 markers and 256 inline marks', () => {
    expect(nestingDefaults).toEqual({ maxMarkers: 32, maxIndent: 64, maxInlineMarks: 256 });
    expect(Object.isFrozen(nestingDefaults)).toBe(true);
  });

  it('returns a list within them as it is, with nothing to report', () => {
    const markdown = `## A\n${' '.repeat(64)}- x\n${'- '.repeat(32)}y\n${'*a* '.repeat(128)}\n`;
    expect(limited(markdown)).toEqual({ text: markdown, warnings: [] });
  });
});

describe('limitNesting: indentation', () => {
  it('reads a line indented past 64 columns at 64, reporting runs of lines together', () => {
    const deep = `${' '.repeat(70)}- deep`;
    const { text, warnings } = limited(['## A', deep, deep, deep, '- ok', deep].join('\n'));
    expect(text.split('\n')).toEqual([
      '## A',
      `${' '.repeat(64)}- deep`,
      `${' '.repeat(64)}- deep`,
      `${' '.repeat(64)}- deep`,
      '- ok',
      `${' '.repeat(64)}- deep`,
    ]);
    expect(warnings).toEqual([`2: ${indentWarning} (lines 2–4)`, `6: ${indentWarning} (line 6)`]);
  });

  it('counts a tab to the next multiple of four columns', () => {
    // 16 tabs are 64 columns; a space and a tab are 4.
    expect(limited(`${'\t'.repeat(16)}- x\n${' \t'.repeat(16)}- y`).warnings).toEqual([]);
    expect(limited(`${'\t'.repeat(16)} - x`)).toEqual({
      text: `${' '.repeat(64)}- x`,
      warnings: [`1: ${indentWarning} (line 1)`],
    });
    expect(limited(`${'  \t'.repeat(17)}x`).text).toBe(`${' '.repeat(64)}x`);
  });

  it('leaves a blank line of spaces alone', () => {
    const markdown = `- a\n${' '.repeat(100)}\n- b`;
    expect(limited(markdown)).toEqual({ text: markdown, warnings: [] });
  });
});

describe('limitNesting: markers', () => {
  it('keeps the first 32 markers of a line, as they were spaced, and the text after the rest', () => {
    const markers = ['-  ', '* ', '+\t', '1. ', '22) ', '> ', '>'];
    const run = Array.from({ length: 40 }, (_, i) => markers[i % markers.length]).join('');
    const kept = Array.from({ length: 32 }, (_, i) => markers[i % markers.length]).join('');
    expect(limited(`## A\n${run}[Deep](https://example.org)`)).toEqual({
      text: `## A\n${kept}[Deep](https://example.org)`,
      warnings: [`2: ${markerWarning} (line 2)`],
    });
  });

  it('counts a bullet at the end of the line, and not a number of ten digits or a bullet without a space', () => {
    expect(limited(`${'- '.repeat(33)}-`).text).toBe(`${'- '.repeat(32)}`);
    const notMarkers = `${'- '.repeat(32)}1234567890. -x`;
    expect(limited(notMarkers)).toEqual({ text: notMarkers, warnings: [] });
  });

  it('cuts the indentation and then the markers of one line', () => {
    expect(limited(`${' '.repeat(80)}${'> '.repeat(40)}x`)).toEqual({
      text: `${' '.repeat(64)}${'> '.repeat(32)}x`,
      warnings: [`1: ${indentWarning} (line 1)`, `1: ${markerWarning} (line 1)`],
    });
  });
});

describe('limitNesting: emphasis and brackets', () => {
  const runs = (count: number) => '*a'.repeat(count);

  it('drops the emphasis marks of a paragraph past 256, across its lines, and keeps the text and escapes', () => {
    const { text, warnings } = limited(
      ['## A', `${runs(200)} \\* \\_`, runs(100), `__${runs(10)}`].join('\n'),
    );
    expect(text.split('\n')).toEqual([
      '## A',
      `${runs(200)} \\* \\_`,
      `${runs(56)}${'a'.repeat(44)}`,
      'a'.repeat(10),
    ]);
    expect(warnings).toEqual([`3: ${inlineWarning} (lines 3–4)`]);
  });

  it('counts afresh after a blank line, a list item, a heading and the line after a heading', () => {
    for (const between of ['\n\n', '\n- ', '\n# h\n', '\n']) {
      const start = between === '\n' ? `# ${runs(200)}` : runs(200);
      expect(limited(`${start}${between}${runs(200)}`).warnings).toEqual([]);
    }
  });

  it('counts each row of a table afresh, but not the lines of a paragraph with bars in it', () => {
    const table = ['| a | b |', '| :-- | --: |', `| ${runs(200)} |`, `| ${runs(200)} |`].join('\n');
    expect(limited(table).warnings).toEqual([]);
    const paragraph = [`| ${runs(200)} |`, `| ${runs(200)} |`].join('\n');
    expect(limited(paragraph).warnings).toEqual([`2: ${inlineWarning} (line 2)`]);
    expect(limited(['a', ' --- ', runs(200), runs(100)].join('\n')).warnings).toEqual([
      `4: ${inlineWarning} (line 4)`,
    ]);
  });

  it('counts a table until the blank line that ends it', () => {
    const markdown = ['| a |', '|---|', '| b |', '', runs(200), runs(100)].join('\n');
    expect(limited(markdown).warnings).toEqual([`6: ${inlineWarning} (line 6)`]);
  });

  it('drops "[" nested deeper than 32, and "]" that close nothing past 256', () => {
    const nested = `${'['.repeat(40)}x${']'.repeat(40)}`;
    expect(limited(nested)).toEqual({
      text: `${'['.repeat(32)}x${']'.repeat(40)}`,
      warnings: [`1: ${inlineWarning} (line 1)`],
    });
    const { text, warnings } = limited(`${'['.repeat(40)}x${']'.repeat(300)}`);
    expect(text).toBe(`${'['.repeat(32)}x${']'.repeat(32 + 256)}`);
    expect(warnings).toEqual([`1: ${inlineWarning} (line 1)`]);
  });

  it('leaves a fenced code block alone, and counts again after it closes', () => {
    const code = ['```python', `f(${'**kwargs, '.repeat(300)})`, '````', '~~~', '```', `${runs(300)}`];
    const markdown = code.join('\n');
    expect(limited(markdown)).toEqual({ text: markdown, warnings: [] });
    const closed = ['- ~~~~', `${'**x'.repeat(300)}`, '~~~~ x', '~~~', '~~~~~', runs(300)].join('\n');
    expect(limited(closed).text.split('\n').at(-1)).toBe(`${runs(256)}${'a'.repeat(44)}`);
  });

  it('still cuts the indentation and markers of a line inside a code block', () => {
    const markdown = ['```', `${' '.repeat(70)}${'- '.repeat(40)}x`, '```'].join('\n');
    expect(limited(markdown)).toEqual({
      text: ['```', `${' '.repeat(64)}${'- '.repeat(32)}x`, '```'].join('\n'),
      warnings: [`2: ${indentWarning} (line 2)`, `2: ${markerWarning} (line 2)`],
    });
  });
});

describe('limitNesting: where a paragraph and a code block end', () => {
  const runs = (count: number) => '*a'.repeat(count);
  const over = (lines: string[]) =>
    limited(lines.join('\n')).warnings.map((warning) => warning.split(':')[0]);

  it('counts on after a line that only mentions a fence or starts with inline code', () => {
    expect(over(['use ``` in text', runs(300)])).toEqual(['2']);
    expect(over([`\`x\` ${runs(300)}`])).toEqual(['1']);
  });

  it('closes a fence with one as long, or with spaces after it', () => {
    expect(over(['```', 'code', '```', runs(300)])).toEqual(['4']);
    expect(over(['```', 'code', '```  ', runs(300)])).toEqual(['4']);
  });

  it('counts afresh after a line of spaces, and not after a "#" inside a line', () => {
    expect(over([runs(200), '   ', runs(200)])).toEqual([]);
    expect(over([runs(200), `x # y ${runs(200)}`])).toEqual(['2']);
  });

  it('counts emphasis marks after an open "[" as marks, not as brackets', () => {
    expect(limited(`[${runs(300)}`).text).toBe(`[${runs(256)}${'a'.repeat(44)}`);
  });

  it.each(['|---|---|', '---|---', '| :-- | --: |', '|:-:|-|-|', '|---|   ', ' |---|'])(
    'takes "%s" for the delimiter row of a table',
    (delimiter) => {
      expect(over(['| a | b |', delimiter, `| ${runs(200)} |`, `| ${runs(200)} |`])).toEqual([]);
    },
  );

  it.each(['|---|x', 'x |---|', '|---| x'])('does not take "%s" for a delimiter row', (delimiter) => {
    expect(over(['| a |', delimiter, `| ${runs(200)} |`, `| ${runs(200)} |`])).toEqual(['4']);
  });
});
