import type { Paper } from '../catalog/types.ts';

/**
 * A paper on two lines for a terminal: title with arXiv id and year, then its links.
 *
 * @param paper A paper.
 * @param indent Prefix of each line.
 * @param bullet What starts the first line (default: `-`).
 * @returns The text, without a final newline.
 */
export function describePaper(paper: Paper, indent = '', bullet = '-'): string {
  const facts = [
    paper.arxivId ? `arXiv ${paper.arxivId}` : undefined,
    paper.year ? String(paper.year) : undefined,
  ]
    .filter(Boolean)
    .join(', ');
  const links = paper.links
    .map((link) => `${link.label === 'Link' ? '' : `${link.label}: `}${link.url}`)
    .join('  ');
  const pad = ' '.repeat(bullet.length + 1);
  return `${indent}${bullet} ${paper.title}${facts ? ` (${facts})` : ''}\n${indent}${pad}${links}`;
}
