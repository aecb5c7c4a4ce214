/** How a column lines up: text to the left, figures to the right. */
export type Align = 'left' | 'right';

/**
 * A duration for people: three significant figures or so, with its unit.
 *
 * @param ms Milliseconds.
 * @returns `0.052 ms`, `4.21 ms`, `38.5 ms`, `412 ms`, `24.8 s`.
 */
export function duration(ms: number): string {
  if (ms >= 1000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 100) return `${ms.toFixed(0)} ms`;
  if (ms >= 10) return `${ms.toFixed(1)} ms`;
  if (ms >= 0.1) return `${ms.toFixed(2)} ms`;
  return `${ms.toFixed(3)} ms`;
}

/**
 * A size in MiB for people.
 *
 * @param mib Mebibytes.
 * @returns `812 MiB`, `3.14 GiB`.
 */
export function mebibytes(mib: number): string {
  return mib >= 1024 ? `${(mib / 1024).toFixed(2)} GiB` : `${mib.toFixed(0)} MiB`;
}

/**
 * A count with thousands separators.
 *
 * @param value A whole number.
 * @returns `100,000`.
 */
export function count(value: number): string {
  return value.toLocaleString('en-US');
}

/**
 * A share as a percentage.
 *
 * @param share 0–1.
 * @returns `97.2%`.
 */
export function percent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

/**
 * A plain-text table with aligned columns, for a terminal.
 *
 * @param headers Column titles.
 * @param rows Cells, row by row.
 * @param align Per column (default: the first column left, the others right).
 * @returns The table, lines joined with `\n`, indented by two spaces.
 */
export function textTable(
  headers: readonly string[],
  rows: readonly string[][],
  align?: readonly Align[],
): string {
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const alignOf = (column: number): Align => align?.[column] ?? (column === 0 ? 'left' : 'right');
  const line = (cells: readonly string[]) =>
    `  ${widths
      .map((width, column) => {
        const cell = cells[column] ?? '';
        return alignOf(column) === 'left' ? cell.padEnd(width) : cell.padStart(width);
      })
      .join('  ')
      .trimEnd()}`;
  const rule = `  ${widths.map((width) => '─'.repeat(width)).join('  ')}`;
  return [line(headers), rule, ...rows.map(line)].join('\n');
}

/**
 * A GitHub-flavoured markdown table.
 *
 * @param headers Column titles.
 * @param rows Cells, row by row.
 * @param align Per column (default: the first column left, the others right).
 * @returns The table, lines joined with `\n`.
 */
export function markdownTable(
  headers: readonly string[],
  rows: readonly string[][],
  align?: readonly Align[],
): string {
  const escapeCell = (cell: string) => cell.replace(/\|/g, '\\|');
  const alignOf = (column: number): Align => align?.[column] ?? (column === 0 ? 'left' : 'right');
  return [
    `| ${headers.map(escapeCell).join(' | ')} |`,
    `| ${headers.map((_, column) => (alignOf(column) === 'left' ? ':---' : '---:')).join(' | ')} |`,
    ...rows.map((row) => `| ${headers.map((_, column) => escapeCell(row[column] ?? '')).join(' | ')} |`),
  ].join('\n');
}
