import type { PaperSearch } from '../search/search.ts';
import { type CliIo, exitCodes, writeJson } from './io.ts';
import { paperJson } from './list.ts';
import { describePaper } from './paper-text.ts';

/**
 * `optpaper search "<query>" [--json] [--limit N]`: papers best first; empty when nothing matches.
 *
 * @param search The search.
 * @param query The query.
 * @param options `json`, `limit`.
 * @param io Output.
 * @returns The exit code: 0 even when nothing matches (an empty answer is an answer), 1 when the list
 *   has no papers at all.
 */
export function searchCommand(
  search: PaperSearch,
  query: string,
  options: { json: boolean; limit: number },
  io: CliIo,
): number {
  if (search.catalog.papers.length === 0) {
    // An empty answer would read as "nothing matches" when nothing could: the list itself is the problem.
    io.stderr.write('optpaper: the paper list has no papers to search; `optpaper check` says why\n');
    return exitCodes.failed;
  }
  const hits = search.search(query, { limit: options.limit });
  if (options.json) {
    writeJson(io, { query, results: hits.map((hit) => ({ ...paperJson(hit.paper), score: hit.score })) });
    return exitCodes.ok;
  }
  if (hits.length === 0) {
    const suggestions = search.suggest(query);
    io.stdout.write(
      `No papers match "${query}".${suggestions.length ? ` Closest: ${suggestions.join('; ')}.` : ''}\n`,
    );
    return exitCodes.ok;
  }
  hits.forEach((hit, index) => {
    const bullet = `${index + 1}.`;
    const pad = ' '.repeat(bullet.length + 1);
    io.stdout.write(
      `${describePaper(hit.paper, '', bullet)}\n${pad}${hit.paper.sections.join(' · ')} · score ${hit.score}\n`,
    );
  });
  return exitCodes.ok;
}
