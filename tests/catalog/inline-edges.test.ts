import type { List, Paragraph, PhrasingContent } from 'mdast';
import { describe, expect, it } from 'vitest';
import { flattenInline, type Inline, inlineText } from '../../src/catalog/inline.ts';
import { definitionsOf, parseMarkdown } from '../../src/catalog/markdown.ts';

/** The phrasing content of the first item of a list, parsed by the real parser, and the document's definitions. */
function firstItem(markdown: string): { nodes: PhrasingContent[]; definitions: Map<string, string> } {
  const tree = parseMarkdown(markdown);
  const list = tree.children[0] as List;
  const paragraph = list.children[0]?.children[0] as Paragraph;
  return { nodes: paragraph.children, definitions: definitionsOf(tree) };
}

function flat(markdown: string, withDefinitions = true): Inline[] {
  const { nodes, definitions } = firstItem(markdown);
  return withDefinitions ? flattenInline(nodes, 1, definitions) : flattenInline(nodes, 1);
}

/** The run in a short form: `"text"`, `*bold*` and `<text url>` (`<bare url>` for a bare URL). */
const shown = (inlines: readonly Inline[]) =>
  inlines.map((node) =>
    node.type === 'text'
      ? node.strong
        ? `*${node.value}*`
        : node.value
      : `<${node.bare ? 'bare' : node.text} ${node.url}>`,
  );

describe('flattenInline: links', () => {
  it('reads a link with its text, a bare URL, an <autolink> and an e-mail address as links, with their lines', () => {
    expect(flat('- Title\n  https://x.org/a and <https://y.org> <me@x.org> [Code](https://c.org)')).toEqual([
      { type: 'text', value: 'Title\n', line: 1 },
      { type: 'link', text: 'https://x.org/a', url: 'https://x.org/a', line: 2, bare: true },
      { type: 'text', value: ' and ', line: 2 },
      { type: 'link', text: 'https://y.org', url: 'https://y.org', line: 2, bare: true },
      { type: 'text', value: ' ', line: 2 },
      { type: 'link', text: 'me@x.org', url: 'mailto:me@x.org', line: 2, bare: true },
      { type: 'text', value: ' ', line: 2 },
      { type: 'link', text: 'Code', url: 'https://c.org', line: 2, bare: false },
    ]);
  });

  it('calls a mailto: link with other text a titled link', () => {
    expect(flat('- [Mail me](mailto:me@x.org)')).toEqual([
      { type: 'link', text: 'Mail me', url: 'mailto:me@x.org', line: 1, bare: false },
    ]);
  });

  it('drops badge links (only an image inside), images, and links with an empty or blank target', () => {
    expect(shown(flat('- A [![b](i.png)](https://b.org)B ![i](j.png)C [x]()D [y](< >)E'))).toEqual([
      'A ',
      'B ',
      'C ',
      'D ',
      'E',
    ]);
  });

  it('keeps a link around an image and text, with the text only', () => {
    expect(flat('- [![logo](i.png) Adam](https://a.org)')).toEqual([
      { type: 'link', text: ' Adam', url: 'https://a.org', line: 1, bare: false },
    ]);
  });
});

describe('flattenInline: links without text', () => {
  it('keeps a link with no text at all, as a titled link with an empty text', () => {
    expect(flat('- A [](https://x.org/e)')).toEqual([
      { type: 'text', value: 'A ', line: 1 },
      { type: 'link', text: '', url: 'https://x.org/e', line: 1, bare: false },
    ]);
  });

  it('keeps a struck-through link a link, and drops an image given by reference', () => {
    expect(flat('- ~~[Adam](https://a.org)~~ ![logo][a]\n\n[a]: https://a.org/logo.png')).toEqual([
      { type: 'link', text: 'Adam', url: 'https://a.org', line: 1, bare: false },
      { type: 'text', value: ' ', line: 1 },
    ]);
  });
});

describe('flattenInline: reference links', () => {
  const document =
    '- [Adam][arxiv], [https://r.org][plain], [![i](j.png)][arxiv] and [![i](j.png) Adam][arxiv]\n\n[arxiv]: https://arxiv.org/abs/1412.6980\n[plain]: https://r.org';

  it('resolves [Title][label] to the link the label defines; an image-only one is dropped, one with text kept', () => {
    expect(flat(document)).toEqual([
      { type: 'link', text: 'Adam', url: 'https://arxiv.org/abs/1412.6980', line: 1, bare: false },
      { type: 'text', value: ', ', line: 1 },
      { type: 'link', text: 'https://r.org', url: 'https://r.org', line: 1, bare: true },
      { type: 'text', value: ', ', line: 1 },
      { type: 'text', value: ' and ', line: 1 },
      { type: 'link', text: ' Adam', url: 'https://arxiv.org/abs/1412.6980', line: 1, bare: false },
    ]);
  });

  it('reads a reference to a label it was not given as its text, in bold when bold', () => {
    expect(shown(flat(document, false))).toEqual(['Adam', ', ', 'https://r.org', ', ', '', ' and ', ' Adam']);
    const { nodes } = firstItem('- **[Adam][arxiv]**\n\n[arxiv]: https://arxiv.org/abs/1412.6980');
    expect(flattenInline(nodes, 1)).toEqual([{ type: 'text', value: 'Adam', line: 1, strong: true }]);
  });
});

describe('flattenInline: emphasis, code, HTML and breaks', () => {
  it('marks bold text, bold inside emphasis and emphasis inside bold as strong; emphasis and struck text alone are not', () => {
    expect(flat('- **bold _em_ x** *it **in** it* ~~del~~ `code` <span>h</span>')).toEqual([
      { type: 'text', value: 'bold ', line: 1, strong: true },
      { type: 'text', value: 'em', line: 1, strong: true },
      { type: 'text', value: ' x', line: 1, strong: true },
      { type: 'text', value: ' ', line: 1 },
      { type: 'text', value: 'it ', line: 1 },
      { type: 'text', value: 'in', line: 1, strong: true },
      { type: 'text', value: ' it', line: 1 },
      { type: 'text', value: ' ', line: 1 },
      { type: 'text', value: 'del', line: 1 },
      { type: 'text', value: ' ', line: 1 },
      { type: 'text', value: 'code', line: 1 },
      { type: 'text', value: ' ', line: 1 },
      { type: 'text', value: 'h', line: 1 },
    ]);
  });

  it('keeps a link inside bold as a link, and a ~~struck~~ bold as bold', () => {
    expect(flat('- **[Adam](https://a.org) ~~old~~**')).toEqual([
      { type: 'link', text: 'Adam', url: 'https://a.org', line: 1, bare: false },
      { type: 'text', value: ' ', line: 1, strong: true },
      { type: 'text', value: 'old', line: 1, strong: true },
    ]);
  });

  it('drops footnote references and HTML tags, and makes a hard break a line end', () => {
    expect(flat('- A[^1] <b>B</b>\\\n  C\n\n[^1]: note')).toEqual([
      { type: 'text', value: 'A', line: 1 },
      { type: 'text', value: ' ', line: 1 },
      { type: 'text', value: 'B', line: 1 },
      { type: 'text', value: '\n', line: 1 },
      { type: 'text', value: 'C', line: 2 },
    ]);
  });

  it('gives a node without a position the line of the node before it, or the first line', () => {
    const nodes: PhrasingContent[] = [
      { type: 'text', value: 'a' },
      { type: 'text', value: 'b', position: { start: { line: 4, column: 1 }, end: { line: 4, column: 2 } } },
      { type: 'link', url: 'https://x.org', children: [{ type: 'text', value: 'x' }] },
    ];
    expect(flattenInline(nodes, 2)).toEqual([
      { type: 'text', value: 'a', line: 2 },
      { type: 'text', value: 'b', line: 4 },
      { type: 'link', text: 'x', url: 'https://x.org', line: 4, bare: false },
    ]);
  });
});

describe('inlineText', () => {
  it('joins text and link texts on one line', () => {
    expect(
      inlineText([
        { type: 'text', value: '  Adam:\n a ', line: 1 },
        { type: 'link', text: 'method  for', url: 'https://a.org', line: 1, bare: false },
        { type: 'text', value: ' SGD ', line: 1 },
      ]),
    ).toBe('Adam: a method for SGD');
  });
});
