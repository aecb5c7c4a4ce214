import { relative } from 'node:path';
import type { Catalog, Diagnostic } from '../catalog/types.ts';
import { type CliIo, exitCodes, writeJson } from './io.ts';

/**
 * `optpaper check [FILE] [--json] [--strict]`: lint a list. Every repair, every unreadable item and
 * every duplicate, with its line, like a compiler; exit 1 on errors (and on warnings with --strict).
 *
 * @param catalog The parsed list.
 * @param file Its path, for the `file:line:` prefix.
 * @param options `json`, `strict`.
 * @param io Output.
 * @returns The exit code.
 */
export function checkCommand(
  catalog: Catalog,
  file: string,
  options: { json: boolean; strict: boolean },
  io: CliIo,
): number {
  const counts = {
    errors: catalog.diagnostics.filter((d) => d.severity === 'error').length,
    warnings: catalog.diagnostics.filter((d) => d.severity === 'warning').length,
    notes: catalog.diagnostics.filter((d) => d.severity === 'info').length,
  };
  const failed = counts.errors > 0 || (options.strict && counts.warnings > 0);
  if (options.json) {
    writeJson(io, {
      file,
      ok: !failed,
      sections: catalog.sections.length,
      entries: catalog.entries.length,
      papers: catalog.papers.length,
      ...counts,
      diagnostics: catalog.diagnostics,
    });
  } else {
    // Relative to where the user typed the command (npm runs scripts from the package root).
    const from = io.env.INIT_CWD || process.cwd();
    const shown = file.startsWith(from) ? relative(from, file) || file : file;
    for (const diagnostic of catalog.diagnostics) io.stdout.write(`${formatDiagnostic(shown, diagnostic)}\n`);
    io.stdout.write(
      `${shown}: ${catalog.sections.length} sections, ${catalog.entries.length} entries, ${catalog.papers.length} papers; ` +
        `${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')}, ${plural(counts.notes, 'note')}\n`,
    );
  }
  return failed ? exitCodes.failed : exitCodes.ok;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function formatDiagnostic(file: string, diagnostic: Diagnostic): string {
  const label = diagnostic.severity === 'info' ? 'note' : diagnostic.severity;
  return `${file}:${diagnostic.line}: ${label}: ${diagnostic.message} [${diagnostic.code}]`;
}
