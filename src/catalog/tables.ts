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
  const line = table.position?.start.line ?? 0;
  if (!head) return [];
  const columns: Column[] = head.children.map((cell) => {
    const header = collapseWhitespace(cellText(cell, context));
    return { header, role: titleHeader.test(header) ? 'title' : yearHeader.test(header) ? 'year' : 'other' };
  });
  const cells = rows.map((row) =>
    row.children.map((cell) => inlinesOf(cell.children, row.position?.start.line ?? line, context)),
  );
  const linked = cells.some((row) => row.some((cell) => cell.some((node) => isPaperLink(node))));
  if (!linked) {
    context.diagnostics.push(notAPaper(line, 'a table without links is not a list of papers'));
    return [];
  }
  const entries: Entry[] = [];
  rows.forEach((row, index) => {
    const rowLine = row.position?.start.line ?? line;
    const read = readRow(cells[index] ?? [], columns);
    if (read.title !== '' && read.links.length > 0) {
      entries.push(toEntry(read, rowLine, section));
      return;
    }
    const text = (cells[index] ?? [])
      .map((cell) => inlineText(cell))
      .filter(Boolean)
      .join(' | ');
    if (text === '') return;
    context.diagnostics.push({
      line: rowLine,
      severity: 'error',
      code: 'unreadable-item',
      message: `row ${read.title === '' ? 'has no title' : 'has no link'}: "${truncate(text, 80)}"`,
    });
  });
  return entries;
}

function readRow(cells: readonly Inline[][], columns: readonly Column[]): ItemReading {
  const titleColumn = columns.findIndex((column) => column.role === 'title');
  const titleCell =
    titleColumn >= 0 && cells[titleColumn]?.some((node) => node.type === 'link' || node.value.trim() !== '')
      ? titleColumn
      : cells.findIndex((cell) => cell.some((node) => isPaperLink(node) && !isLabel(node.text)));
  const links: Link[] = [];
  const described: string[] = [];
  let title = '';
  let year: number | undefined;
  const aliases: string[] = [];
  cells.forEach((cell, index) => {
    const column = columns[index] ?? { header: '', role: 'other' };
    if (index === titleCell) {
      const titleLink = cell.find((node) => isPaperLink(node) && !isLabel(node.text));
      const trailing = splitTrailingAcronym(
        cleanTitle(titleLink?.type === 'link' ? titleLink.text : inlineText(cell)),
      );
      title = unwrapTitle(trailing.title);
      if (trailing.acronym) aliases.push(trailing.acronym);
    } else if (column.role === 'year') {
      year ??= yearIn(inlineText(cell));
    } else {
      const text = cleanTitle(
        cell
          .filter((node) => node.type === 'text')
          .map((node) => node.value)
          .join(''),
      );
      if (text !== '' && !cell.some((node) => node.type === 'link')) described.push(text);
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

function cellText(cell: TableCell, context: ReadContext): string {
  return inlineText(
    inlinesOf(cell.children, cell.position?.start.line ?? 0, { ...context, diagnostics: [] }),
  );
}
