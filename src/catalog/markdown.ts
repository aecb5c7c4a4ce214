import type { Nodes, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

// remark-gfm turns the bare URLs of hand-written lists into links (autolink literals).
const processor = unified().use(remarkParse).use(remarkGfm).freeze();

/** Parsing knobs: lists longer than this are parsed a few hundred lines at a time. */
export const markdownDefaults = Object.freeze({
  /** Characters above which the list is parsed in pieces. */
  chunkAbove: 64 * 1024,
  /** Lines a piece holds at least; pieces end before a heading. */
  chunkLines: 500,
});

/**
 * Parse markdown into a tree. A long list is parsed in pieces cut before headings (never inside a
 * fenced code block), whose trees are joined with their line numbers shifted: micromark's memory
 * grows faster than the input, and a 100,000-entry list would otherwise need gigabytes.
 *
 * @param markdown The list.
 * @returns One tree, as if parsed whole.
 */
export function parseMarkdown(markdown: string): Root {
  if (markdown.length <= markdownDefaults.chunkAbove) return processor.parse(markdown);
  const pieces = splitBeforeHeadings(markdown, markdownDefaults.chunkLines);
  const { first, written } = planPieces(pieces.map((piece) => piece.text));
  const trees = pieces.map((piece, index) => (first[index] ? processor.parse(piece.text) : undefined));
  // Label → where it is defined: looked up by the labels a piece writes, so that a list defining
  // thousands of references costs one pass over each piece, not one per definition.
  const definedIn = new Map<string, Array<{ piece: number; source: string }>>();
  pieces.forEach((piece, index) => {
    const tree = trees[index];
    if (!tree) return;
    for (const { label, source } of definitionSources(tree, piece.text)) {
      const places = definedIn.get(label) ?? [];
      places.push({ piece: index, source });
      definedIn.set(label, places);
    }
  });
  const root: Root = { type: 'root', children: [] };
  pieces.forEach((piece, index) => {
    // A piece that names a label defined in another is parsed with those definitions after its text
    // (once, or a second time for a piece that others need too), and only its own nodes are kept.
    const needed: Array<{ source: string }> = [];
    for (const label of written[index] ?? []) {
      for (const place of definedIn.get(label) ?? []) if (place.piece !== index) needed.push(place);
    }
    let tree = trees[index];
    if (!tree || needed.length > 0) {
      const lines = piece.text.split('\n').length;
      tree = processor.parse(
        `${piece.text}\n\n${needed.map((definition) => definition.source).join('\n')}\n`,
      );
      tree.children = tree.children.filter((child) => (child.position?.start.line ?? 0) <= lines);
    }
    shiftLines(tree, piece.firstLine - 1);
    for (const child of tree.children) root.children.push(child);
  });
  return root;
}

/**
 * Which pieces of a long list to parse first. micromark makes `[Title][label]` a link only when the same
 * parse saw `[label]: url`, and awesome lists define their labels at the end, so most pieces need
 * definitions from another: those are parsed once, after the others, with the definitions they name.
 * First come the pieces that need no other, and those that define a label another piece writes (parsed
 * a second time only if they need one too). Read from the text alone: the labels a piece writes
 * (`[label]`), and those it may define (`[label]:` anywhere, a superset of its definitions: one can sit
 * in a quote or a list item, and a false one only costs a parse).
 *
 * @param texts The pieces, in order.
 * @returns Per piece: whether it is parsed first, and the labels it writes (lower case).
 */
export function planPieces(texts: readonly string[]): { first: boolean[]; written: Array<Set<string>> } {
  const labelsIn = (text: string, pattern: RegExp) =>
    new Set(Array.from(text.toLowerCase().matchAll(pattern), (match) => match[1] as string));
  const written = texts.map((text) => labelsIn(text, /\[([^[\]]+)\]/g));
  const definers = new Map<string, number[]>();
  texts.forEach((text, index) => {
    for (const label of labelsIn(text, /\[([^[\]]+)\]:/g))
      definers.set(label, [...(definers.get(label) ?? []), index]);
  });
  const needsOthers = texts.map(() => false);
  const provides = texts.map(() => false);
  written.forEach((labels, index) => {
    for (const label of labels) {
      for (const other of definers.get(label) ?? []) {
        if (other === index) continue;
        needsOthers[index] = true;
        provides[other] = true;
      }
    }
  });
  return { first: texts.map((_text, index) => !needsOthers[index] || provides[index] === true), written };
}

/** The link reference definitions of a tree: label in lower case, and as written (`[label]: url "title"`). */
function definitionSources(tree: Root, text: string): Array<{ label: string; source: string }> {
  const sources: Array<{ label: string; source: string }> = [];
  for (const node of nodesOf(tree)) {
    if (node.type === 'definition' && node.position)
      sources.push({
        label: (node.label ?? node.identifier).toLowerCase(),
        source: text.slice(node.position.start.offset, node.position.end.offset),
      });
  }
  return sources;
}

/**
 * Where a long list is cut: before a heading at least `minLines` lines after the last cut, never inside a
 * fenced code block.
 *
 * @param markdown The list.
 * @param minLines Lines a piece holds at least.
 * @returns The pieces, each with the line (1-based) it starts on.
 */
export function splitBeforeHeadings(
  markdown: string,
  minLines: number,
): Array<{ text: string; firstLine: number }> {
  const lines = markdown.split('\n');
  const pieces: Array<{ text: string; firstLine: number }> = [];
  let start = 0;
  let fence: string | undefined;
  lines.forEach((line, index) => {
    const run = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line);
    if (run) {
      const [, marks = '', after = ''] = run;
      // CommonMark: a fence closes on a run of the same character at least as long, with nothing after it.
      if (fence === undefined) fence = marks;
      else if (marks[0] === fence[0] && marks.length >= fence.length && after.trim() === '')
        fence = undefined;
      return;
    }
    if (fence === undefined && index - start >= minLines && /^#{1,6}(\s|$)/.test(line)) {
      pieces.push({ text: lines.slice(start, index).join('\n'), firstLine: start + 1 });
      start = index;
    }
  });
  pieces.push({ text: lines.slice(start).join('\n'), firstLine: start + 1 });
  return pieces;
}

/** Every node of a tree, parents before children, without recursion (however deep the tree). */
function* nodesOf(tree: Nodes): Generator<Nodes> {
  const stack: Nodes[] = [tree];
  for (let node = stack.pop(); node; node = stack.pop()) {
    yield node;
    if ('children' in node)
      for (let index = node.children.length - 1; index >= 0; index--)
        stack.push(node.children[index] as Nodes);
  }
}

function shiftLines(tree: Nodes, offset: number): void {
  for (const node of nodesOf(tree)) {
    if (!node.position) continue;
    node.position.start.line += offset;
    node.position.end.line += offset;
  }
}

/**
 * The link reference definitions of a document (`[arxiv]: https://…`), by normalised label, so that
 * reference-style links (`[Title][arxiv]`) resolve wherever the definition sits.
 *
 * @param tree The document.
 * @returns Label → URL.
 */
export function definitionsOf(tree: Root): Map<string, string> {
  const definitions = new Map<string, string>();
  for (const node of nodesOf(tree)) {
    if (node.type === 'definition' && !definitions.has(node.identifier))
      definitions.set(node.identifier, node.url);
  }
  return definitions;
}
