import type { PhrasingContent } from 'mdast';
import { toString as textOf } from 'mdast-util-to-string';
import { collapseWhitespace } from './title.ts';

/** The text of a list item as a flat run of text and links: what the repair and entry stages read. */
export type Inline =
  | {
      type: 'text';
      value: string;
      line: number;
      /** Written in bold (`**…**`, `__…__`): lists set titles in bold among authors and years. */
      strong?: boolean;
    }
  | {
      type: 'link';
      text: string;
      url: string;
      line: number;
      /** A bare URL (`https://…` in running text, or `<https://…>`): its text is the URL itself. */
      bare: boolean;
    };

/**
 * Flatten phrasing content into text and links. Emphasis and code become their text; images and
 * badge links (a link around an image only) are dropped: they are decoration, not content.
 *
 * @param nodes The children of a list item's paragraph.
 * @param startLine Line of the paragraph: nodes made by transforms (autolink literals) carry no position.
 * @param definitions Link reference definitions, to resolve `[Title][label]` as a link.
 * @returns Text and links in reading order.
 */
export function flattenInline(
  nodes: readonly PhrasingContent[],
  startLine: number,
  definitions: ReadonlyMap<string, string> = new Map(),
  strong = false,
): Inline[] {
  const out: Inline[] = [];
  let line = startLine;
  const text = (value: string): Inline =>
    strong ? { type: 'text', value, line, strong: true } : { type: 'text', value, line };
  for (const node of nodes) {
    line = node.position?.start.line ?? line;
    switch (node.type) {
      case 'link': {
        if (node.children.length > 0 && node.children.every((child) => child.type === 'image')) break;
        // `[:outbox_tray:]()`: an empty target is decoration, not a link (nor a title).
        if (node.url.trim() === '') break;
        const text = textOf(node, { includeImageAlt: false });
        out.push({
          type: 'link',
          text,
          url: node.url,
          line,
          bare: text === node.url || `mailto:${text}` === node.url,
        });
        break;
      }
      case 'strong':
        out.push(...flattenInline(node.children, line, definitions, true));
        break;
      case 'emphasis':
      case 'delete':
        out.push(...flattenInline(node.children, line, definitions, strong));
        break;
      case 'linkReference': {
        const url = definitions.get(node.identifier);
        const label = textOf(node, { includeImageAlt: false });
        if (url && !node.children.every((child) => child.type === 'image')) {
          out.push({ type: 'link', text: label, url, line, bare: label === url });
        } else if (!url) {
          out.push(text(label));
        }
        break;
      }
      case 'image':
      case 'imageReference':
      case 'html':
      case 'footnoteReference':
        break;
      case 'break':
        out.push(text('\n'));
        break;
      default:
        // Stryker disable next-line ObjectLiteral,BooleanLiteral: only leaves (text, inline code) get here, with no image inside to take an alt from
        out.push(text(textOf(node, { includeImageAlt: false })));
    }
  }
  return out;
}

/**
 * The words of a run as a reader sees them: text and link texts, on one line.
 *
 * @param inlines Text and links.
 * @returns Their text, whitespace collapsed.
 */
export function inlineText(inlines: readonly Inline[]): string {
  return collapseWhitespace(inlines.map((node) => (node.type === 'text' ? node.value : node.text)).join(''));
}
