import type { Catalog, Paper } from '../catalog/types.ts';
import { type CliIo, exitCodes, refuseEmptyList, writeJson } from './io.ts';
import { describePaper } from './paper-text.ts';

/**
 * `optpaper list [--json]`: every section and its papers, in list order; a paper in two sections is
 * listed under both.
 *
 * @param catalog The catalog.
 * @param options `json`: machine-readable output.
 * @param io Output.
 * @returns The exit code: 1 when the list has no papers.
 */
export function listCommand(catalog: Catalog, options: { json: boolean }, io: CliIo): number {
  if (refuseEmptyList(catalog, 'to list', io)) return exitCodes.failed;
  const byId = new Map(catalog.papers.map((paper) => [paper.id, paper]));
  const sections = catalog.sections.map((section) => ({
    name: section.name,
    papers: section.paperIds.map((id) => byId.get(id)).filter((paper): paper is Paper => paper !== undefined),
  }));
  if (options.json) {
    writeJson(io, {
      sections: sections.map((section) => ({ name: section.name, papers: section.papers.map(paperJson) })),
    });
    return exitCodes.ok;
  }
  sections.forEach((section, index) => {
    io.stdout.write(`${index > 0 ? '\n' : ''}${index + 1}. ${section.name} (${section.papers.length})\n`);
    for (const paper of section.papers) io.stdout.write(`${describePaper(paper, '   ')}\n`);
  });
  io.stdout.write(
    `\n${catalog.sections.length} sections, ${catalog.papers.length} papers, ${catalog.entries.length} entries\n`,
  );
  return exitCodes.ok;
}

/**
 * A paper as the CLI's JSON shows it.
 *
 * @param paper A paper.
 * @returns Its JSON form.
 */
export function paperJson(paper: Paper): Record<string, unknown> {
  return {
    id: paper.id,
    title: paper.title,
    rawTitle: paper.rawTitle,
    sections: paper.sections,
    links: paper.links.map(({ label, url, kind }) => ({ label, url, kind })),
    ...(paper.arxivId ? { arxivId: paper.arxivId } : {}),
    ...(paper.year ? { year: paper.year } : {}),
    ...(paper.description ? { description: paper.description } : {}),
    lines: paper.lines,
  };
}
