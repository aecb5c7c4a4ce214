import type { Nodes, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import {
  definitionsOf,
  markdownDefaults,
  parseMarkdown,
  planPieces,
  splitBeforeHeadings,
} from '../../src/catalog/markdown.ts';
import { parseCatalog } from '../../src/catalog/parse.ts';

/** The whole text parsed at once by remark, as parseMarkdown must read it. */
const whole = (markdown: string): Root => unified().use(remarkParse).use(remarkGfm).parse(markdown);

/** A tree as lines can show it: each node's type, first and last line, and value; offsets left out. */
function outline(node: Nodes): unknown {
  return {
    type: node.type,
    lines: node.position ? [node.position.start.line, node.position.end.line] : undefined,
    ...('value' in node ? { value: node.value } : {}),
    ...('url' in node ? { url: node.url } : {}),
    ...('children' in node ? { children: node.children.map(outline) } : {}),
  };
}

/**
 * A fenced code block of `count` lines of 121 characters: 540 of them pass the size above which a list is
 * cut, and the line count a piece holds at least, at a fraction of what as many list items cost to parse.
 */
const filler = (count: number) => ['```text', ...Array.from({ length: count }, () => 'x'.repeat(121)), '```'];

describe('parseMarkdown of a list that fits in one piece', () => {
  it('gives the tree remark gives, up to the size of one piece', () => {
    const short = '## A\n\n- [Adam](https://arxiv.org/abs/1412.6980)\n';
    expect(parseMarkdown(short)).toEqual(whole(short));
    // Exactly the size of one piece, in more lines than a piece holds at least, with a heading to cut before.
    let text = ['## A', ...filler(510), '## B', '- [Adam](https://arxiv.org/abs/1412.6980) '].join('\n');
    expect(text.length).toBeLessThan(markdownDefaults.chunkAbove);
    text += 'x'.repeat(markdownDefaults.chunkAbove - text.length);
    expect(parseMarkdown(text)).toEqual(whole(text));
    // One character more: cut in two, the same nodes on the same lines.
    text += 'x';
    expect(parseMarkdown(text).children.map(outline)).toEqual(whole(text).children.map(outline));
  });
});

describe('parseMarkdown of a list cut in pieces', () => {
  // Lines 1–543: a heading and a code block; a cut may fall at line 501 or later, before a heading.
  const head = ['## A', ...filler(540)];

  it('cuts only before a heading, and never inside a fenced code block however its fences are written', () => {
    const markdown = [
      ...head,
      'A paragraph at line 543',
      '#hashtag, not a heading',
      '####### seven marks, not a heading',
      '````python',
      '```',
      '# inside: a shorter fence does not close it',
      '```` trailing',
      '# inside: a fence with text after it does not close it',
      '~~~~',
      '# inside: a fence of tildes does not close it',
      '   `````',
      '#',
      '~~~',
      '## inside a tilde fence',
      '~~~~~~ ',
      '## B',
      '- [Adam](https://arxiv.org/abs/1412.6980)',
    ].join('\n');
    expect(markdown.length).toBeGreaterThan(markdownDefaults.chunkAbove);
    const tree = parseMarkdown(markdown);
    expect(tree.children.map(outline)).toEqual(whole(markdown).children.map(outline));
    expect(tree.children.map((node) => node.type)).toEqual([
      'heading',
      'code',
      'paragraph',
      'code',
      'heading',
      'code',
      'heading',
      'list',
    ]);
  });

  it('keeps every node’s lines those of the whole file, down to the text of a link', () => {
    const markdown = [
      ...head,
      '',
      '## B',
      '',
      '- Last [Link](https://example.org/last)',
      '',
      '> - quoted *item*',
    ].join('\n');
    const tree = parseMarkdown(markdown);
    expect(tree.children.map(outline)).toEqual(whole(markdown).children.map(outline));
    expect(tree.children.at(-1)?.position?.start.line).toBe(549);
  });

  it('resolves a reference link whose definition is in another piece, whatever the case of its label', () => {
    const markdown = [
      '## A',
      '- [Adam][Adam-paper]',
      '- [Ba] in short',
      ...filler(540),
      '## B',
      '- [Layer normalization][ln]',
      '',
      '[adam-paper]: https://arxiv.org/abs/1412.6980 "Adam"',
      '[ln]: https://arxiv.org/abs/1607.06450',
      '[ba]: https://example.org/ba',
    ].join('\n');
    const catalog = parseCatalog(markdown);
    expect(
      catalog.papers.map((paper) => [paper.title, paper.lines, paper.links.map((link) => link.url)]),
    ).toEqual([
      ['Adam', [2], ['https://arxiv.org/abs/1412.6980']],
      ['Ba', [3], ['https://example.org/ba']],
      ['Layer normalization', [547], ['https://arxiv.org/abs/1607.06450']],
    ]);
    // The definitions are read again for the first piece, but its tree holds only its own nodes.
    const tree = parseMarkdown(markdown);
    expect(tree.children.map((node) => node.type)).toEqual([
      'heading',
      'list',
      'code',
      'heading',
      'list',
      'definition',
      'definition',
      'definition',
    ]);
  });

  it('finds a definition in a quote or a list item of another piece, and each piece reads those of the others', () => {
    const markdown = [
      '## A',
      '> [quoted]: https://example.org/quoted',
      '',
      '- [listed]: https://example.org/listed',
      '',
      '- [Back][later]',
      ...filler(540),
      '## B',
      '- [Quoted paper][quoted]',
      '- [Listed paper][listed]',
      '- [Nowhere][missing]',
      '',
      '[later]: https://example.org/later',
    ].join('\n');
    // micromark makes `[Title][label]` a reference only when its parse saw the label defined.
    const references = (node: Nodes): string[] => [
      ...(node.type === 'linkReference' ? [node.identifier] : []),
      ...('children' in node ? node.children.flatMap(references) : []),
    ];
    expect(references(parseMarkdown(markdown))).toEqual(['later', 'quoted', 'listed']);
    expect(parseMarkdown(markdown).children.map(outline)).toEqual(whole(markdown).children.map(outline));
  });

  it('parses a piece planned last as it is when the definition it seemed to need is none', () => {
    const markdown = ['## A', '- [Adam][x]', ...filler(540), '## B', 'See `[x]: not a definition`.'].join(
      '\n',
    );
    expect(parseMarkdown(markdown).children.map(outline)).toEqual(whole(markdown).children.map(outline));
  });
});

describe('planPieces', () => {
  const plan = (texts: string[]) => {
    const { first, written } = planPieces(texts);
    return { first, written: written.map((labels) => [...labels]) };
  };

  it('parses last, once, a piece that only needs definitions from others', () => {
    expect(plan(['- [Adam][Adam paper]', 'prose', '[adam paper]: https://example.org/adam'])).toEqual({
      first: [false, true, true],
      written: [['adam', 'adam paper'], [], ['adam paper']],
    });
  });

  it('parses first a piece that defines what it writes, or what another writes even if it needs one too', () => {
    expect(plan(['[a]: u\n- [A][a]', '[b]: v\n- [B][c]', '[c]: w\n- [C][b]']).first).toEqual([
      true,
      true,
      true,
    ]);
    expect(plan(['- [A][a]', '- [B][a]', '> [a]: u']).first).toEqual([false, false, true]);
    expect(plan(['- [A][a]', '- [a]: u', '[a]: v']).first).toEqual([false, true, true]);
  });

  it('parses first every piece of a list without reference links', () => {
    expect(plan(['- [A](u)', '- [B](v)']).first).toEqual([true, true]);
    expect(plan([]).first).toEqual([]);
  });
});

describe('definitionsOf', () => {
  it('finds definitions at any depth, keeping the first of one label', () => {
    const tree = parseMarkdown(
      '> - [quoted]: https://example.org/quoted\n\n[Arxiv]: https://arxiv.org/abs/1\n[arxiv]: https://arxiv.org/abs/2\n',
    );
    expect([...definitionsOf(tree)]).toEqual([
      ['quoted', 'https://example.org/quoted'],
      ['arxiv', 'https://arxiv.org/abs/1'],
    ]);
  });
});

describe('splitBeforeHeadings', () => {
  /** The first line of each piece, and its text with lines joined by "/". */
  const cuts = (lines: string[], minLines = 1) =>
    splitBeforeHeadings(lines.join('\n'), minLines).map(
      (piece) => `${piece.firstLine}:${piece.text.split('\n').join('/')}`,
    );

  it('cuts before a heading once a piece holds at least the lines it must', () => {
    expect(cuts(['a', 'b', '# H1', 'c', '## H2', 'd', 'e', '### H3'], 3)).toEqual([
      '1:a/b/# H1/c',
      '5:## H2/d/e',
      '8:### H3',
    ]);
    expect(cuts(['a', 'b', '# H1', 'c', '## H2', 'd', 'e', '### H3'], 2)).toEqual([
      '1:a/b',
      '3:# H1/c',
      '5:## H2/d/e',
      '8:### H3',
    ]);
  });

  it('counts the lines of a piece from the last cut', () => {
    expect(cuts(['a', 'b', '# H1', '# H2', 'c', '# H3'], 2)).toEqual(['1:a/b', '3:# H1/# H2/c', '6:# H3']);
  });

  it('cuts before headings of one to six marks, with or without text, and nothing else', () => {
    expect(cuts(['a', '#hashtag', '####### seven', '#', 'b', '######\tsix', 'c', '#  two spaces'])).toEqual([
      '1:a/#hashtag/####### seven',
      '4:#/b',
      '6:######\tsix/c',
      '8:#  two spaces',
    ]);
  });

  it('never cuts inside a fenced code block, whatever closes it or does not', () => {
    expect(
      cuts([
        '````',
        '# in',
        '```',
        '# in: shorter',
        '```` x',
        '# in: text after',
        '~~~~',
        '# in: tildes',
        '   `````  ',
        '# out',
        '~~~',
        '# in a tilde fence',
        '~~~',
        '# out again',
      ]),
    ).toEqual([
      '1:````/# in/```/# in: shorter/```` x/# in: text after/~~~~/# in: tildes/   `````  ',
      '10:# out/~~~/# in a tilde fence/~~~',
      '14:# out again',
    ]);
  });

  it('takes no fence from a line indented four spaces, text before backticks, inline code or one tilde', () => {
    expect(cuts(['    ```', '# a', 'x ```', '# b', '`code`', '# c', '~x', '# d'])).toEqual([
      '1:    ```',
      '2:# a/x ```',
      '4:# b/`code`',
      '6:# c/~x',
      '8:# d',
    ]);
  });

  it('gives a long list one root, whose nodes it holds', () => {
    const tree = parseMarkdown(['## A', ...filler(540), '## B'].join('\n'));
    expect(tree.type).toBe('root');
    expect(tree.children.map((node) => node.type)).toEqual(['heading', 'code', 'heading']);
  });
});
