import { describe, expect, it } from 'vitest';
import type { Inline } from '../../src/catalog/inline.ts';
import { repairInline, repairLinks } from '../../src/catalog/repair.ts';
import type { Diagnostic } from '../../src/catalog/types.ts';

const text = (value: string, line = 3): Inline => ({ type: 'text', value, line });
const link = (url: string, label = url, line = 3): Inline => ({
  type: 'link',
  text: label,
  url,
  line,
  bare: label === url,
});

/** Repair a run; the repaired run and the messages of what was reported. */
function repaired(inlines: Inline[]): { out: Inline[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  return { out: repairLinks(inlines, diagnostics), diagnostics };
}

const broken = (message: string, line = 3): Diagnostic => ({
  line,
  severity: 'warning',
  code: 'broken-link',
  message,
});

describe('repairLinks: a "[" typed into the target', () => {
  it('takes the bracket and a closing one off the URL, whatever the case and spacing', () => {
    expect(repaired([link('[ HTTPS://arxiv.org/abs/1412.6980]', 'LLM')])).toEqual({
      out: [link('HTTPS://arxiv.org/abs/1412.6980', 'LLM')],
      diagnostics: [
        broken(
          '"[LLM]([HTTPS://arxiv.org/abs/1412.6980)" has a "[" before its URL: read as HTTPS://arxiv.org/abs/1412.6980',
        ),
      ],
    });
    expect(repaired([link('[http://x.org/a', 'Paper')]).out).toEqual([link('http://x.org/a', 'Paper')]);
    // Only the bracket closing the URL goes.
    expect(repaired([link('[https://x.org/a]b]', 'Paper')]).out).toEqual([
      link('https://x.org/a]b', 'Paper'),
    ]);
  });

  it('leaves a URL with a bracket elsewhere, or a bracket before something not http(s), alone', () => {
    const run = [
      link('https://x.org/[a]', 'Paper'),
      link('https://x.org/?u=[https://y.org', 'Paper'),
      link('[ftp://x.org/a]', 'Paper'),
      text('[https://x.org'),
    ];
    expect(repaired(run)).toEqual({ out: run, diagnostics: [] });
  });
});

describe('repairLinks: "[Link (url)" missing its "]("', () => {
  it('makes the bare URL after "[Link (" a Link link and drops the ")]" after it', () => {
    expect(
      repaired([text('Adam [ Link  ( '), link('https://arxiv.org/abs/1412.6980'), text(' )] and more')]),
    ).toEqual({
      out: [
        text('Adam '),
        { type: 'link', text: 'Link', url: 'https://arxiv.org/abs/1412.6980', line: 3, bare: false },
        text(' and more'),
      ],
      diagnostics: [broken('"[Link (https://arxiv.org/abs/1412.6980)" is missing "](": read as [Link](…)')],
    });
  });

  it('repairs it at the end of the item too, where nothing follows the URL', () => {
    expect(
      repaired([text('Adam [Code ('), link('https://github.com/x/adam', 'https://github.com/x/adam', 4)]),
    ).toEqual({
      out: [
        text('Adam '),
        { type: 'link', text: 'Code', url: 'https://github.com/x/adam', line: 4, bare: false },
      ],
      diagnostics: [broken('"[Code (https://github.com/x/adam)" is missing "](": read as [Code](…)', 4)],
    });
  });

  it('reads the next node after a repair from where the repair ended', () => {
    const { out } = repaired([
      text('A [Link ('),
      link('https://x.org/a'),
      text(') then [Code ('),
      link('https://x.org/b'),
      text(')'),
    ]);
    expect(out.map((node) => (node.type === 'text' ? node.value : `<${node.text} ${node.url}>`))).toEqual([
      'A ',
      '<Link https://x.org/a>',
      ' then ',
      '<Code https://x.org/b>',
      '',
    ]);
  });

  it.each([
    [
      'a title, not a label, before the "("',
      [text('Adam [Adam Paper ('), link('https://x.org/a'), text(')')],
    ],
    ['a link with its own text', [text('Adam [Link ('), link('https://x.org/a', 'Adam'), text(')')]],
    [
      'text after the URL that does not close the "("',
      [text('Adam [Link ('), link('https://x.org/a'), text(' ok')],
    ],
    ['a link after the URL', [text('Adam [Link ('), link('https://x.org/a'), link('https://x.org/b')]],
    [
      'a ")" later in the text after the URL',
      [text('Adam [Link ('), link('https://x.org/a'), text(' see (a)')],
    ],
    ['nothing after the "("', [text('Adam [Link (')]],
    ['something after the "("', [text('Adam [Link ( x'), link('https://x.org/a'), text(')')]],
  ])('leaves the run as it is for %s', (_name, run) => {
    expect(repaired(run)).toEqual({ out: run, diagnostics: [] });
  });
});

describe('repairLinks: "[Title] (url)" with a space before the "("', () => {
  it('makes the bare URL a link titled by the bracketed text, trimmed, and drops the ")" only', () => {
    expect(
      repaired([
        text('See [ Adam: A Method ]  ( '),
        link('https://arxiv.org/abs/1412.6980'),
        text(' )] (2014)'),
      ]),
    ).toEqual({
      out: [
        text('See '),
        {
          type: 'link',
          text: 'Adam: A Method',
          url: 'https://arxiv.org/abs/1412.6980',
          line: 3,
          bare: false,
        },
        text('] (2014)'),
      ],
      diagnostics: [
        broken(
          '"[Adam: A Method] (https://arxiv.org/abs/1412.6980)" has a space before "(": read as [Adam: A Method](…)',
        ),
      ],
    });
  });

  it('repairs it at the end of the item, and skips the URL it used', () => {
    const { out, diagnostics } = repaired([
      text('[Adam] ('),
      link('https://x.org/a'),
      text('), [B] ('),
      link('https://x.org/b'),
    ]);
    expect(out).toEqual([
      text(''),
      { type: 'link', text: 'Adam', url: 'https://x.org/a', line: 3, bare: false },
      text(', '),
      { type: 'link', text: 'B', url: 'https://x.org/b', line: 3, bare: false },
    ]);
    expect(diagnostics.map((d) => d.message)).toEqual([
      '"[Adam] (https://x.org/a)" has a space before "(": read as [Adam](…)',
      '"[B] (https://x.org/b)" has a space before "(": read as [B](…)',
    ]);
  });

  it.each([
    ['brackets with only spaces', [text('See [ ] ('), link('https://x.org/a')]],
    ['no space before the "("', [text('See [Adam]('), link('https://x.org/a')]],
    ['a link with its own text', [text('See [Adam] ('), link('https://x.org/a', 'Adam')]],
    [
      'text after the URL that does not close the "("',
      [text('See [Adam] ('), link('https://x.org/a'), text('x)')],
    ],
    ['a link after the URL', [text('See [Adam] ('), link('https://x.org/a'), link('https://x.org/b')]],
    [
      'a ")" later in the text after the URL',
      [text('See [Adam] ('), link('https://x.org/a'), text(' see (a)')],
    ],
    ['nothing after the "("', [text('See [Adam] (')]],
    ['text after the "("', [text('See [Adam] ( x'), link('https://x.org/a')]],
  ])('leaves the run as it is for %s', (_name, run) => {
    expect(repaired(run)).toEqual({ out: run, diagnostics: [] });
  });
});

describe('repairLinks: "[Link (url)" left in the text (no bare link made of it)', () => {
  it('cuts every labelled one out of the text as a link, keeping the text around them', () => {
    expect(
      repaired([
        text(
          'Adam [Link (https://x.org/a)] and [ Code ( http://x.org/b ) ] end [Adam Paper (https://x.org/c)] [Pdf(https://x.org/d)',
          5,
        ),
      ]),
    ).toEqual({
      out: [
        text('Adam ', 5),
        { type: 'link', text: 'Link', url: 'https://x.org/a', line: 5, bare: false },
        text(' and ', 5),
        { type: 'link', text: 'Code', url: 'http://x.org/b', line: 5, bare: false },
        text(' ] end [Adam Paper (https://x.org/c)] ', 5),
        { type: 'link', text: 'Pdf', url: 'https://x.org/d', line: 5, bare: false },
        text('', 5),
      ],
      diagnostics: [
        broken('"[Link (https://x.org/a)" is missing "](": read as [Link](…)', 5),
        broken('"[Code (http://x.org/b)" is missing "](": read as [Code](…)', 5),
        broken('"[Pdf (https://x.org/d)" is missing "](": read as [Pdf](…)', 5),
      ],
    });
  });

  it('needs an http(s) URL and its ")"', () => {
    const run = [text('Adam [Link (ftp://x.org/a)] and [Link (https://x.org/b')];
    expect(repaired(run)).toEqual({ out: run, diagnostics: [] });
  });
});

describe('repairLinks: a stray "[" before a label link', () => {
  it('removes the "[" and spaces after it, and the "]" that closes it', () => {
    const run = [text('Adam [ '), link('https://x.org/a', 'Link', 7), text('] (2014)')];
    expect(repaired(run)).toEqual({
      out: [text('Adam '), link('https://x.org/a', 'Link', 7), text(' (2014)')],
      diagnostics: [broken('stray "[" before [Link](https://x.org/a): removed', 7)],
    });
    // The run it was given is left as it was.
    expect(run).toEqual([text('Adam [ '), link('https://x.org/a', 'Link', 7), text('] (2014)')]);
  });

  it('removes it before a label link that ends the item, or is followed by another link', () => {
    expect(repaired([text('Adam ['), link('https://x.org/a', 'Link')]).out).toEqual([
      text('Adam '),
      link('https://x.org/a', 'Link'),
    ]);
    expect(
      repaired([text('Adam ['), link('https://x.org/a', 'Link'), link('https://x.org/b', 'Code')]).out,
    ).toEqual([text('Adam '), link('https://x.org/a', 'Link'), link('https://x.org/b', 'Code')]);
  });

  it('keeps a "[" before a title link, one not at the end of the text, and a last "["', () => {
    const run = [
      text('Adam ['),
      link('https://x.org/a', 'Adam'),
      text('[x '),
      link('https://x.org/b', 'Link'),
      text(' and ['),
    ];
    expect(repaired(run)).toEqual({ out: run, diagnostics: [] });
  });

  it('removes only the "[" at the end of the text', () => {
    expect(repaired([text('Adam [x ['), link('https://x.org/a', 'Link')]).out).toEqual([
      text('Adam [x '),
      link('https://x.org/a', 'Link'),
    ]);
  });

  it('keeps a "]" that is not first after the link', () => {
    expect(repaired([text('A ['), link('https://x.org/a', 'Link'), text(' ]')]).out).toEqual([
      text('A '),
      link('https://x.org/a', 'Link'),
      text(' ]'),
    ]);
  });
});

describe('repairInline', () => {
  it('repairs mojibake in text and in a titled link, and never in a bare URL', () => {
    const diagnostics: Diagnostic[] = [];
    const out = repairInline(
      [
        text('RUBIKâ€™S '),
        link('https://x.org/a', 'cafÃ© crÃ¨me'),
        { type: 'link', text: 'https://x.org/cafÃ©', url: 'https://x.org/cafÃ©', line: 3, bare: true },
      ],
      diagnostics,
    );
    expect(out).toEqual([
      text('RUBIK’S '),
      link('https://x.org/a', 'café crème'),
      { type: 'link', text: 'https://x.org/cafÃ©', url: 'https://x.org/cafÃ©', line: 3, bare: true },
    ]);
    expect(diagnostics.map((d) => `${d.line} ${d.code} ${d.message}`)).toEqual([
      '3 mojibake mojibake repaired: "RUBIKâ€™S" → "RUBIK’S"',
      '3 mojibake mojibake repaired: "cafÃ© crÃ¨me" → "café crème"',
    ]);
  });

  it('reports text broken over lines, by its number of lines, and keeps the text as written', () => {
    const diagnostics: Diagnostic[] = [];
    const out = repairInline(
      [text('\nAdaptive subgradient\n  methods for\nonline learning\n', 9)],
      diagnostics,
    );
    expect(out).toEqual([text('\nAdaptive subgradient\n  methods for\nonline learning\n', 9)]);
    expect(diagnostics).toEqual([
      {
        line: 9,
        severity: 'info',
        code: 'joined-lines',
        message: 'text broken over 3 lines joined: "Adaptive subgradient methods for online learning"',
      },
    ]);
  });

  it('cuts a long joined text to 80 characters in the report, and says nothing of one line with line ends around it', () => {
    const diagnostics: Diagnostic[] = [];
    repairInline([text(`${'word '.repeat(30)}\nend`), text('\n one line \n')], diagnostics);
    expect(diagnostics.map((d) => d.message)).toEqual([
      `text broken over 2 lines joined: "${'word '.repeat(16).trimEnd()}…"`,
    ]);
  });

  it('repairs links before reading text', () => {
    const diagnostics: Diagnostic[] = [];
    expect(repairInline([text('Adam [Link ('), link('https://x.org/a'), text(')')], diagnostics)).toEqual([
      text('Adam '),
      { type: 'link', text: 'Link', url: 'https://x.org/a', line: 3, bare: false },
      text(''),
    ]);
    expect(diagnostics.map((d) => d.code)).toEqual(['broken-link']);
  });
});
