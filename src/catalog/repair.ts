import type { Inline } from './inline.ts';
import { isLabel } from './links.ts';
import { repairMojibakeReported } from './mojibake.ts';
import { collapseWhitespace, truncate } from './title.ts';
import type { Diagnostic } from './types.ts';

/** `… [Link (` at the end of a text, the remains of `[Link](url)` written `[Link (url)`. */
const openParenthesisedLabel = /\[\s*([\p{L} ]+?)\s*\(\s*$/u;
/** `… [Title] (` at the end of a text: `[Title](url)` written with a space, which leaves the URL bare. */
const spacedTitleLink = /\[([^[\]]*\S[^[\]]*)\]\s+\(\s*$/u;
/** The same mistake when the URL stayed in the text (no autolink literal extension). */
const parenthesisedLink = /\[\s*([\p{L} ]+?)\s*\(\s*(https?:\/\/[^\s)]+)\s*\)\]?/gu;

/**
 * Repair broken link syntax that hand-written lists are prone to, reporting every repair:
 * `[Link (https://…)` becomes a `Link` link to that URL, `[Title] (https://…)` a link titled `Title`,
 * and a stray `[` before a label link (`[[Link](…)`) is removed.
 *
 * @param inlines Text and links of one item.
 * @param diagnostics Receives one warning per repair.
 * @returns The repaired run.
 */
export function repairLinks(inlines: readonly Inline[], diagnostics: Diagnostic[]): Inline[] {
  return removeStrayBrackets(
    repairParenthesisedLinks(
      inlines.map((node) => repairBracketedUrl(node, diagnostics)),
      diagnostics,
    ),
    diagnostics,
  );
}

/**
 * Link repairs, then text repairs (mojibake, titles broken over lines), each reported: what every
 * item, table cell and paragraph goes through before it is read.
 *
 * @param raw Text and links as flattened.
 * @param diagnostics Receives one diagnostic per repair.
 * @returns The repaired run.
 */
export function repairInline(raw: readonly Inline[], diagnostics: Diagnostic[]): Inline[] {
  const inlines = repairLinks(raw, diagnostics);
  return inlines.map((node) => {
    // A link's text is the title of `- [Title](url)` items: repaired like any text (a URL never needs it).
    if (node.type === 'link') {
      return node.bare ? node : { ...node, text: repairMojibakeReported(node.text, node.line, diagnostics) };
    }
    const text = repairMojibakeReported(node.value, node.line, diagnostics);
    const lines = text.trim().split('\n').length;
    if (lines > 1) {
      diagnostics.push({
        line: node.line,
        severity: 'info',
        code: 'joined-lines',
        message: `text broken over ${lines} lines joined: "${truncate(collapseWhitespace(text), 80)}"`,
      });
    }
    return { ...node, value: text };
  });
}

/** `[LLM]([https://…)`: a bracket typed into the target, which no browser follows. */
function repairBracketedUrl(node: Inline, diagnostics: Diagnostic[]): Inline {
  if (node.type !== 'link' || !/^\[\s*https?:\/\//i.test(node.url)) return node;
  const url = node.url.replace(/^\[\s*/, '').replace(/\]$/, '');
  diagnostics.push(
    brokenLink(node.line, `"[${node.text}]([${url})" has a "[" before its URL: read as ${url}`),
  );
  return { ...node, url };
}

function repairParenthesisedLinks(run: readonly Inline[], diagnostics: Diagnostic[]): Inline[] {
  // The text after a repaired link is read again, as it may open the next broken link.
  const inlines = [...run];
  const out: Inline[] = [];
  for (let index = 0; index < inlines.length; index++) {
    const node = inlines[index] as Inline;
    const link = inlines[index + 1];
    const after = inlines[index + 2];
    const opening = node.type === 'text' ? openParenthesisedLabel.exec(node.value) : null;
    if (
      node.type === 'text' &&
      opening?.[1] &&
      isLabel(opening[1]) &&
      link?.type === 'link' &&
      link.bare &&
      (after === undefined || (after.type === 'text' && /^\s*\)/.test(after.value)))
    ) {
      const label = opening[1];
      out.push({ ...node, value: node.value.slice(0, opening.index) });
      out.push({ ...link, text: label, bare: false });
      diagnostics.push(
        brokenLink(link.line, `"[${label} (${link.url})" is missing "](": read as [${label}](…)`),
      );
      if (after?.type === 'text')
        inlines[index + 2] = { ...after, value: after.value.replace(/^\s*\)\]?/, '') };
      index += 1;
      continue;
    }
    const spaced = node.type === 'text' ? spacedTitleLink.exec(node.value) : null;
    if (
      node.type === 'text' &&
      spaced?.[1] &&
      link?.type === 'link' &&
      link.bare &&
      (after === undefined || (after.type === 'text' && /^\s*\)/.test(after.value)))
    ) {
      const text = spaced[1].trim();
      out.push({ ...node, value: node.value.slice(0, spaced.index) });
      out.push({ ...link, text, bare: false });
      diagnostics.push(
        brokenLink(link.line, `"[${text}] (${link.url})" has a space before "(": read as [${text}](…)`),
      );
      if (after?.type === 'text') inlines[index + 2] = { ...after, value: after.value.replace(/^\s*\)/, '') };
      index += 1;
      continue;
    }
    if (node.type === 'text') {
      out.push(...splitParenthesisedLinks(node, diagnostics));
      continue;
    }
    out.push(node);
  }
  return out;
}

function splitParenthesisedLinks(node: Inline & { type: 'text' }, diagnostics: Diagnostic[]): Inline[] {
  const out: Inline[] = [];
  let last = 0;
  for (const match of node.value.matchAll(parenthesisedLink)) {
    // Stryker disable next-line StringLiteral: both groups are required by the pattern: a match always has them
    const [whole, label = '', url = ''] = match;
    if (!isLabel(label)) continue;
    out.push({ ...node, value: node.value.slice(last, match.index) });
    out.push({ type: 'link', text: label, url, line: node.line, bare: false });
    diagnostics.push(brokenLink(node.line, `"[${label} (${url})" is missing "](": read as [${label}](…)`));
    last = match.index + whole.length;
  }
  if (last === 0) return [node];
  out.push({ ...node, value: node.value.slice(last) });
  return out;
}

function removeStrayBrackets(inlines: readonly Inline[], diagnostics: Diagnostic[]): Inline[] {
  const out = inlines.map((node) => ({ ...node }));
  for (let index = 0; index + 1 < out.length; index++) {
    const node = out[index] as Inline;
    const link = out[index + 1] as Inline;
    if (node.type !== 'text' || link.type !== 'link' || !isLabel(link.text)) continue;
    if (!/\[\s*$/.test(node.value)) continue;
    node.value = node.value.replace(/\[\s*$/, '');
    const after = out[index + 2];
    // `[[Link](url)]` closes the bracket it opened: drop both halves.
    if (after?.type === 'text') after.value = after.value.replace(/^\]/, '');
    diagnostics.push(brokenLink(link.line, `stray "[" before [${link.text}](${link.url}): removed`));
  }
  return out;
}

function brokenLink(line: number, message: string): Diagnostic {
  return { line, severity: 'warning', code: 'broken-link', message };
}
