import type { Paragraph } from 'mdast';
import type { Inline } from './inline.ts';
import { cleanTitle } from './interpret.ts';
import { isLabel, isSearchLink, makeLink } from './links.ts';
import { inlinesOf, type ReadContext, toEntry } from './reading.ts';
import { collapseWhitespace, truncate } from './title.ts';
import { unwrapTitle } from './title-noise.ts';
import type { Entry, Link } from './types.ts';

/** `[25]`, `25.`, `(25)` at the start of a paragraph: a reference number, not a title. */
const referenceNumber = /^\s*(?:\[\d{1,4}\]|\(\d{1,4}\)|\d{1,4}[.)])\s*/;
/** A quoted title: straight or curly quotes around at least two words. */
const quotedTitle = /["“]\s*([^"“”]*\S\s+\S[^"“”]*?)\s*["”]/;
const yearInParentheses = /\(\s*((?:19|20)\d{2})[a-z]?\s*\)/;

/**
 * Read a paragraph written as a citation: `**[25]** Kingma, Diederik, and Jimmy Ba. "**Adam: A method
 * for stochastic optimization**." (2014). [[pdf]](url)`. The title is the quoted text, else the first bold
 * text that is not a reference number, without its quotes and full stop (also when it breaks over two
 * lines); the year is the one in parentheses; the authors and venue are the description. A paragraph
 * without a reference number, a year in parentheses or a quoted title is prose, and is not read; one
 * that reads as a citation but has no link, or no title, is an error.
 *
 * @param paragraph A top-level paragraph of a section.
 * @param section The section it is filed under.
 * @param context Diagnostics and link definitions.
 * @returns The entry, or `undefined` for prose and for what could not be read.
 */
export function readParagraph(
  paragraph: Paragraph,
  section: string,
  context: ReadContext,
): Entry | undefined {
  // Stryker disable next-line OptionalChaining: a paragraph of a parsed document always has its position
  const line = paragraph.position?.start.line ?? 0;
  const inlines = inlinesOf(paragraph.children, line, context).filter(
    (node) => node.type !== 'link' || !isSearchLink(node.url),
  );
  const { text, strong } = citationText(inlines);
  const numbered = referenceNumber.test(text);
  // On one line, as the bold runs are: a bold title broken over lines is then found in it.
  const body = collapseWhitespace(text.replace(referenceNumber, ''));
  const quoted = quotedTitle.exec(body);
  // `**Note:**` leads a sentence in; `**[3]**` and `**(2014)**` are not titles either.
  const bold = strong.find(
    (run) => !referenceNumber.test(run) && !/^\s*\(?\d{4}\)?\s*$/.test(run) && !/:\s*$/.test(run),
  );
  const titleText = quoted?.[1] ?? bold;
  const links = linksOf(inlines);
  const year = yearInParentheses.exec(body)?.[1];
  if (!numbered && !year && !quoted) return undefined;
  if (titleText === undefined || links.length === 0) {
    if (titleText === undefined && !numbered) return undefined;
    const problem = links.length === 0 ? 'has no link' : 'has links but no title';
    context.diagnostics.push({
      line,
      severity: 'error',
      code: 'unreadable-item',
      message: `paragraph ${problem}: "${truncate(collapseWhitespace(text), 80)}"`,
    });
    return undefined;
  }
  const title = unwrapTitle(cleanTitle(titleText)).replace(/[.,]$/, '');
  const at = body.indexOf(quoted?.[0] ?? titleText);
  // "et al." keeps its full stop; a list of authors ending a sentence does not.
  const before = cleanTitle(body.slice(0, at)).replace(/(?<!\bal)[.,]$/, '');
  const after = cleanTitle(
    body.slice(at + (quoted?.[0] ?? titleText).length).replace(yearInParentheses, ' '),
  ).replace(/^[.,\s]+|[.,\s]+$/g, '');
  const description = [before, after].filter(Boolean).join(' · ');
  return toEntry(
    {
      title,
      links,
      ...(description ? { description } : {}),
      ...(year ? { year: Number(year) } : {}),
    },
    line,
    section,
  );
}

/** The paragraph's text up to its first label link, and its bold runs. */
function citationText(inlines: readonly Inline[]): { text: string; strong: string[] } {
  let text = '';
  const strong: string[] = [];
  let previousStrong = false;
  for (const node of inlines) {
    if (node.type === 'link') {
      if (isLabel(node.text) || node.bare) break;
      text += node.text;
      previousStrong = false;
      continue;
    }
    text += node.value;
    if (node.strong && node.value.trim() !== '') {
      // A bold title broken by a line break or a nested emphasis is one run.
      if (previousStrong) strong[strong.length - 1] += node.value;
      else strong.push(node.value);
    }
    previousStrong = node.strong === true;
  }
  return { text, strong: strong.map(collapseWhitespace) };
}

function linksOf(inlines: readonly Inline[]): Link[] {
  return inlines.flatMap((node) => {
    if (node.type !== 'link') return [];
    if (isLabel(node.text) || node.bare) return [makeLink(node.bare ? 'Link' : node.text, node.url)];
    return [{ ...makeLink(node.text, node.url), label: collapseWhitespace(node.text) }];
  });
}
