import { plainText } from '../commands/reply.ts';
import { answerSummary, matchNote, saysMore } from '../commands/search.ts';
import type { PaperSearch } from '../search/search.ts';
import { type CliIo, exitCodes, refuseEmptyList, writeJson } from './io.ts';
import { paperJson } from './list.ts';
import { describePaper } from './paper-text.ts';

/**
 * `optpaper search "<query>" [--json] [--limit N] [--section NAME]`: papers best first; empty when
 * nothing matches. For a question in several parts each result says which parts it matched
 * (`"matched"` in JSON); filters, parts found nowhere and words no paper uses are said too.
 *
 * @param search The search.
 * @param query The query.
 * @param options `json`, `limit`, `section` (a section filter, as `section:<name>` in the query).
 * @param io Output.
 * @returns The exit code: 0 even when nothing matches (an empty answer is an answer), 1 when the list
 *   has no papers at all.
 */
export function searchCommand(
  search: PaperSearch,
  query: string,
  options: { json: boolean; limit: number; section?: string },
  io: CliIo,
): number {
  if (refuseEmptyList(search.catalog, 'to search', io)) return exitCodes.failed;
  const found = search.answer(query, {
    limit: options.limit,
    ...(options.section === undefined ? {} : { section: options.section }),
  });
  const { hits } = found;
  if (options.json) {
    writeJson(io, {
      query: found.query,
      ...(found.sections.length > 0 ? { sections: found.sections.map((section) => section.name) } : {}),
      ...(found.years.length > 0 ? { years: found.years } : {}),
      ...(found.undated ? { undated: true } : {}),
      ...(found.unknownSections.length > 0 ? { unknownSections: found.unknownSections } : {}),
      ...(found.parts.length > 0 ? { parts: found.parts } : {}),
      ...(found.unmatched.length > 0 ? { unmatched: found.unmatched } : {}),
      ...(found.unknown.length > 0 ? { unknown: found.unknown } : {}),
      results: hits.map((hit) => ({
        ...paperJson(hit.paper),
        score: hit.score,
        ...(hit.matched ? { matched: hit.matched } : {}),
      })),
    });
    return exitCodes.ok;
  }
  if (hits.length === 0) {
    const suggestions = search.suggest(found.query);
    const what =
      found.unknownSections.length > 0
        ? `No section matches "${found.unknownSections.join('" or "')}".`
        : `No papers match "${found.query}"${found.sections.length + found.years.length > 0 ? ' with those filters' : ''}.`;
    io.stdout.write(`${what}${suggestions.length ? ` Closest: ${suggestions.join('; ')}.` : ''}\n`);
    return exitCodes.ok;
  }
  // Said when there is more to it than the words: filters, parts, words left out.
  if (saysMore(found)) io.stdout.write(`${answerSummary(found)}\n`);
  hits.forEach((hit, index) => {
    const bullet = `${index + 1}.`;
    const pad = ' '.repeat(bullet.length + 1);
    const note = matchNote(hit, found);
    io.stdout.write(
      `${describePaper(hit.paper, '', bullet)}\n${pad}${hit.paper.sections.join(' · ')} · score ${hit.score}\n` +
        (note ? `${pad}${plainText(note)}\n` : ''),
    );
  });
  return exitCodes.ok;
}
