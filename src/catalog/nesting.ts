import type { Diagnostic } from './types.ts';

/**
 * How deep a list may nest before it reaches the markdown parser. micromark re-checks every open
 * container on every line and re-splices its event list for every nested emphasis or link, so its time
 * grows with the square of the depth (1,000 levels took 1.3 s, 4,000 took 22 s and then overflowed the
 * stack); no real list nests past a handful of levels.
 */
export const nestingDefaults = Object.freeze({
  /** Container markers (`-`, `*`, `+`, `1.`, `>`) kept at the start of one line; also how deep `[` may nest. */
  maxMarkers: 32,
  /** Columns of indentation kept at the start of a line (two per level of `- ` nesting). */
  maxIndent: 64,
  /** Emphasis delimiter runs (`*`, `_`), and `]` that close nothing, kept in one paragraph or table row. */
  maxInlineMarks: 256,
});

/** One leading container marker: a block quote, or a bullet or ordinal followed by a space or the line end. */
const containerMarker = /^(?:>|(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$))/;
const tableDelimiterRow = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
const inlineMark = /\\.|\*+|_+|\[|\]/g;

/** Lines changed by one kind of limit, as runs of consecutive lines, for the report. */
class Runs {
  readonly #runs: Array<{ first: number; last: number }> = [];

  add(line: number): void {
    const last = this.#runs.at(-1);
    if (last && last.last === line - 1) last.last = line;
    else this.#runs.push({ first: line, last: line });
  }

  report(diagnostics: Diagnostic[], message: string): void {
    for (const { first, last } of this.#runs) {
      const where = first === last ? `line ${first}` : `lines ${first}–${last}`;
      diagnostics.push({
        line: first,
        severity: 'warning',
        code: 'too-deep',
        message: `${message} (${where})`,
      });
    }
  }
}

/**
 * Flatten nesting deeper than {@link nestingDefaults} before the text reaches micromark, so that
 * parsing stays linear in the input whatever its depth: indentation past `maxIndent` columns is cut
 * to `maxIndent` (deeper items become siblings at that depth), container markers past `maxMarkers`
 * on one line are dropped, and emphasis runs or brackets past their budget in one paragraph are
 * dropped (the text stays). Line numbers do not move; each change is reported with its lines.
 *
 * @param markdown The list.
 * @param diagnostics Receives one warning per run of changed lines.
 * @returns The list as the parser will read it (the same string when nothing is too deep).
 */
export function limitNesting(markdown: string, diagnostics: Diagnostic[]): string {
  const { maxMarkers, maxIndent, maxInlineMarks } = nestingDefaults;
  const lines = markdown.split('\n');
  const indented = new Runs();
  const marked = new Runs();
  const inline = new Runs();
  // Stryker disable next-line BooleanLiteral: joining the lines of an unchanged list gives the same string
  let changed = false;
  let budget: InlineBudget = { runs: 0, open: 0, stray: 0 };
  let inTable = false;
  // Stryker disable next-line BooleanLiteral: the budget starts fresh at the first line anyway
  let afterHeading = false;
  let fence: string | undefined;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] as string;
    const prefix = containerPrefix(line);
    let text = line;
    if (prefix.indent > maxIndent && line.trim() !== '') {
      text = `${' '.repeat(maxIndent)}${text.slice(prefix.indentEnd)}`;
      indented.add(index + 1);
      prefix.markersStart += text.length - line.length;
      prefix.end += text.length - line.length;
    }
    if (prefix.markers > maxMarkers) {
      const kept = keepMarkers(text.slice(prefix.markersStart, prefix.end), maxMarkers);
      text = `${text.slice(0, prefix.markersStart)}${kept}${text.slice(prefix.end)}`;
      marked.add(index + 1);
    }
    // Code is not markdown: `**kwargs` a hundred times in a code block is no emphasis.
    const run = /^(`{3,}|~{3,})(.*)$/.exec(text.slice(prefix.end).trimStart());
    if (run) {
      // Stryker disable next-line StringLiteral: both groups always take part in a match
      const [, marks = '', after = ''] = run;
      if (fence === undefined) fence = marks;
      else if (marks[0] === fence[0] && marks.length >= fence.length && after.trim() === '')
        fence = undefined;
    }
    if (fence !== undefined || run) {
      if (text !== line) {
        lines[index] = text;
        changed = true;
      }
      continue;
    }
    // Emphasis and links are resolved per paragraph, and per cell in a table: count them there.
    const blank = text.trim() === '';
    if (blank) inTable = false;
    else if (tableDelimiterRow.test(text) && text.includes('|')) inTable = true;
    // A heading is a paragraph of one line: it starts a budget, and so does the line after it.
    const heading = /^ {0,3}#/.test(text);
    if (blank || inTable || prefix.markers > 0 || heading || afterHeading)
      budget = { runs: 0, open: 0, stray: 0 };
    afterHeading = heading;
    const kept = dropInlineMarks(text, budget);
    if (kept !== text) {
      text = kept;
      inline.add(index + 1);
    }
    if (text !== line) {
      lines[index] = text;
      changed = true;
    }
  }
  indented.report(diagnostics, `indented deeper than ${maxIndent} columns: read at ${maxIndent}`);
  marked.report(diagnostics, `more than ${maxMarkers} nested list or quote markers: the rest dropped`);
  inline.report(
    diagnostics,
    `more than ${maxInlineMarks} emphasis marks or unmatched brackets, or brackets nested deeper than ${maxMarkers}, in one paragraph: the rest dropped`,
  );
  return changed ? lines.join('\n') : markdown;
}

/** Where a line's container prefix ends: its indentation (tabs to the next multiple of 4) and its markers. */
function containerPrefix(line: string): {
  indent: number;
  indentEnd: number;
  markers: number;
  markersStart: number;
  end: number;
} {
  let index = 0;
  let indent = 0;
  while (line[index] === ' ' || line[index] === '\t') {
    indent = line[index] === '\t' ? indent + 4 - (indent % 4) : indent + 1;
    index++;
  }
  const indentEnd = index;
  let markers = 0;
  let end = index;
  for (;;) {
    const marker = containerMarker.exec(line.slice(end, end + 11));
    if (!marker) break;
    markers++;
    end += marker[0].length;
    while (line[end] === ' ' || line[end] === '\t') end++;
  }
  return { indent, indentEnd, markers, markersStart: indentEnd, end };
}

/** The first `count` markers of a run of markers, with the spacing they were written with. */
function keepMarkers(run: string, count: number): string {
  let kept = 0;
  let end = 0;
  while (kept < count) {
    const marker = containerMarker.exec(run.slice(end, end + 11));
    if (!marker) break;
    kept++;
    end += marker[0].length;
    while (run[end] === ' ' || run[end] === '\t') end++;
  }
  return run.slice(0, end);
}

/** What a paragraph has spent of its inline budget so far. */
interface InlineBudget {
  /** Emphasis delimiter runs. */
  runs: number;
  /** `[` not yet closed. */
  open: number;
  /** `]` that closed nothing. */
  stray: number;
}

/**
 * Drop what a paragraph has past its budget: emphasis runs past `maxInlineMarks`, `[` nested deeper than
 * `maxMarkers`, and `]` that close nothing past `maxInlineMarks` (each makes micromark look back through
 * the whole paragraph for its `[`).
 */
function dropInlineMarks(line: string, budget: InlineBudget): string {
  const { maxInlineMarks, maxMarkers } = nestingDefaults;
  // Stryker disable next-line BooleanLiteral: with nothing dropped the text is the line
  let over = false;
  const text = line.replace(inlineMark, (mark) => {
    if (mark.startsWith('\\')) return mark;
    if (mark === '[') {
      if (budget.open < maxMarkers) {
        budget.open++;
        return mark;
      }
    } else if (mark === ']') {
      if (budget.open > 0) {
        budget.open--;
        return mark;
      }
      if (++budget.stray <= maxInlineMarks) return mark;
    } else if (++budget.runs <= maxInlineMarks) {
      return mark;
    }
    over = true;
    // Dropped, not escaped: micromark spends as long on a character escape as on a delimiter.
    return '';
  });
  return over ? text : line;
}
