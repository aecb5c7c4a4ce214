import type { Table, TableCell } from 'mdast';
import { type Inline, inlineText } from './inline.ts';
import { cleanTitle, type ItemReading } from './interpret.ts';
import { isLabel, isSearchLink, makeLink } from './links.ts';
import { inlinesOf, notAPaper, type ReadContext, toEntry } from './reading.ts';
import { isInPageAnchor } from './sections.ts';
import { collapseWhitespace, truncate } from './title.ts';
import { splitTrailingAcronym, unwrapTitle, yearIn } from './title-noise.ts';
import type { Entry, Link } from './types.ts';

/** Header names of the column that holds the title, and of the one that holds the year. */
const titleHeader = /^(?:titles?|papers?|names?|articles?|publications?|works?)$/i;
const yearHeader = /^(?:years?|dates?|when|time)$/i;

/** A column: its header and what its cells are for. */
interface Column {
  header: string;
  role: 'title' | 'year' | 'other';
}

/**
 * Read a GFM table: one paper per row. The title is the cell of the title column (`Title`, `Paper`…),
 * else the first cell whose link is not a label (`| 2017-06 | [Title](url) |`); the links are every link
 * of the row (search engines left out, a link in a `Code` column is code); the year comes from the year
 * column; the other cells' text is the description. A table with no link at all is not a list of papers.
 *
 * @param table The table (its first row is the header).
 * @param section The section it is filed under.
 * @param context Diagnostics and link definitions.
 * @returns One entry per readable row.
 */
export function readTable(table: Table, section: string, context: ReadContext): Entry[] {
  const [head, ...rows] = table.children;
  // Stryker disable next-line OptionalChaining: a table parsed from text always has a position.
  const line = table.position?.start.line ?? 0;
  // Stryker disable next-line ConditionalExpression,ArrayDeclaration: a GFM table always has its header row.
  if (!head) return [];
  const columns: Column[] = head.children.map((cell) => {
    const header = collapseWhitespace(cellText(cell, context));
    return { header, role: titleHeader.test(header) ? 'title' : yearHeader.test(header) ? 'year' : 'other' };
  });
  const read = rows.map((row) => {
    // Stryker disable next-line OptionalChaining: a row parsed from text always has a position.
    const rowLine = row.position?.start.line ?? line;
    return { line: rowLine, cells: row.children.map((cell) => inlinesOf(cell.children, rowLine, context)) };
  });
  const linked = read.some((row) => row.cells.some((cell) => cell.some((node) => isPaperLink(node))));
  if (!linked) {
    context.diagnostics.push(notAPaper(line, 'a table without links is not a list of papers'));
    return [];
  }
  const entries: Entry[] = [];
  for (const { line: rowLine, cells } of read) {
    const reading = readRow(cells, columns);
    if (reading.title !== '' && reading.links.length > 0) {
      entries.push(toEntry(reading, rowLine, section));
      continue;
    }
    const text = cells
      .map((cell) => inlineText(cell))
      .filter(Boolean)
      .join(' | ');
    if (text === '') continue;
    context.diagnostics.push({
      line: rowLine,
      severity: 'error',
      code: 'unreadable-item',
      message: `row ${reading.title === '' ? 'has no title' : 'has no link'}: "${truncate(text, 80)}"`,
    });
  }
  return entries;
}

function readRow(cells: readonly Inline[][], columns: readonly Column[]): ItemReading {
  const titleColumn = columns.findIndex((column) => column.role === 'title');
  // Without a title column, `titleColumn` is -1: there is no cell there, and the first linked cell is the title.
  const titleCell = cells[titleColumn]?.some((node) => node.type === 'link' || node.value.trim() !== '')
    ? titleColumn
    : cells.findIndex((cell) => cell.some((node) => isPaperLink(node) && !isLabel(node.text)));
  const links: Link[] = [];
  const described: string[] = [];
  let title = '';
  let year: number | undefined;
  const aliases: string[] = [];
  cells.forEach((cell, index) => {
    // A row may have more cells than the header: those are of no column.
    // Stryker disable next-line StringLiteral: no header is a label, and any role but title and year reads alike.
    const column: Column = columns[index] ?? { header: '', role: 'other' };
    if (index === titleCell) {
      const titleLink = cell.find((node) => isPaperLink(node) && !isLabel(node.text));
      const trailing = splitTrailingAcronym(
        cleanTitle(titleLink?.type === 'link' ? titleLink.text : inlineText(cell)),
      );
      title = unwrapTitle(trailing.title);
      if (trailing.acronym) aliases.push(trailing.acronym);
    } else if (column.role === 'year') {
      year ??= yearIn(inlineText(cell));
    } else if (!cell.some((node) => node.type === 'link')) {
      const text = cleanTitle(inlineText(cell));
      if (text !== '') described.push(text);
    }
    for (const node of cell) {
      if (!isPaperLink(node)) continue;
      const label = isLabel(node.text) ? node.text : isLabel(column.header) ? column.header : node.text;
      links.push(makeLink(node.bare ? 'Link' : label, node.url));
    }
  });
  const description = described.join(' · ');
  return {
    title,
    links,
    ...(description ? { description } : {}),
    ...(year ? { year } : {}),
    ...(aliases.length > 0 ? { aliases } : {}),
  };
}

function isPaperLink(node: Inline): node is Inline & { type: 'link' } {
  return node.type === 'link' && !isSearchLink(node.url) && !isInPageAnchor(node.url);
}

/** A header cell's text. Its repairs are not reported (it is no paper), so its line does not matter. */
function cellText(cell: TableCell, context: ReadContext): string {
  // Stryker disable next-line ArrayDeclaration: the diagnostics of a header are thrown away, whatever they hold.
  return inlineText(inlinesOf(cell.children, 0, { ...context, diagnostics: [] }));
}
