import { describe, expect, it } from 'vitest';
import { cleanTitle } from '../../src/catalog/interpret.ts';
import { parseCatalog } from '../../src/catalog/parse.ts';
import type { Entry, Link } from '../../src/catalog/types.ts';

/** What the parser reads from one list item: the entry without its line and section, or undefined. */
function item(markdown: string): Omit<Entry, 'line' | 'section'> | undefined {
  const [entry] = parseCatalog(`## Papers\n- ${markdown}\n`).entries;
  if (!entry) return undefined;
  const { line: _line, section: _section, ...read } = entry;
  return read;
}

const A = 'https://example.org/a';
const B = 'https://example.org/b';
const C = 'https://example.org/c';
const titled = (url: string): Link => ({ label: 'Paper', url, kind: 'paper', host: 'example.org' });
const labelled = (label: string, url: string, kind: Link['kind'] = 'paper'): Link => ({
  label,
  url,
  kind,
  host: 'example.org',
});

describe('a prefix before a linked title', () => {
  it('is a venue with its year, which the year after the title does not replace', () => {
    expect(item(`ICML 2016 [Adam](${A}) (2015), Kingma`)).toStrictEqual({
      rawTitle: 'Adam',
      links: [titled(A)],
      description: 'Kingma',
      year: 2016,
    });
  });

  it('is a bold tag of one or two words, with separators around it', () => {
    expect(item(`**Very New** - [Adam](${A})`)).toStrictEqual({ rawTitle: 'Adam', links: [titled(A)] });
    expect(item(`**New** **Hot** [Adam](${A})`)).toStrictEqual({ rawTitle: 'Adam', links: [titled(A)] });
  });

  it('is not a bold run of three words: that is the title', () => {
    expect(item(`**Adam Is Here** [Adam](${A})`)).toStrictEqual({
      rawTitle: 'Adam Is Here',
      links: [labelled('Adam', A)],
      description: 'Adam',
    });
  });

  it('is not bold text followed by plain words', () => {
    expect(item(`**New** one [Adam](${A})`)).toStrictEqual({
      rawTitle: 'New',
      links: [labelled('Adam', A)],
      description: 'one Adam',
    });
  });

  it('counts only words with a letter or a digit towards the two of a tag', () => {
    expect(item(`**New** **!!** **Hot** [Adam](${A})`)).toStrictEqual({
      rawTitle: 'Adam',
      links: [titled(A)],
    });
  });

  it('is not taken before a label link or a bare URL', () => {
    expect(item(`2016 ICML [PDF](${A})`)).toStrictEqual({
      rawTitle: '2016 ICML',
      links: [labelled('PDF', A)],
    });
    expect(item(`2016 ICML ${A}`)).toStrictEqual({ rawTitle: '2016 ICML', links: [labelled('Link', A)] });
  });

  it('is a reference number of any length up to four digits', () => {
    expect(item(`[123] [Adam](${A})`)).toStrictEqual({ rawTitle: 'Adam', links: [titled(A)] });
  });

  it('drops search links before it looks for the prefix and the title', () => {
    expect(item(`[Search](https://www.google.com/search?q=adam) 2016 [Adam](${A})`)).toStrictEqual({
      rawTitle: 'Adam',
      links: [titled(A)],
      year: 2016,
    });
  });
});

describe('an item that starts with an image, which is dropped', () => {
  const logo = '![logo](https://example.org/logo.png)';

  it('reads a bold title after it', () => {
    expect(item(`${logo} **Adam** by Kingma [PDF](${A})`)).toStrictEqual({
      rawTitle: 'Adam',
      links: [labelled('PDF', A)],
      description: 'by Kingma',
    });
  });

  it('drops a bold tag after it, and keeps the links after the title', () => {
    expect(item(`${logo} **New** [Adam](${A}) [PDF](${B})`)).toStrictEqual({
      rawTitle: 'Adam',
      links: [titled(A), labelled('PDF', B)],
    });
  });

  it('takes the venue-like link after a label link as words, not as a label', () => {
    expect(item(`${logo} ${logo} [PDF](${A}) [ICML](${B}) Adam`)).toStrictEqual({
      rawTitle: 'ICML Adam',
      links: [labelled('PDF', A), labelled('ICML', B)],
    });
  });

  it('titles a bare URL after it by the URL', () => {
    expect(item(`${logo} https://arxiv.org/abs/1412.6980`)?.rawTitle).toBe('arxiv.org/abs/1412.6980');
  });
});

describe('a first link that is not a label', () => {
  it('is the title even when a venue-like text and another link follow it', () => {
    expect(item(`[ICML](${A}) 2017 [Adam](${B})`)).toStrictEqual({
      rawTitle: 'ICML',
      links: [titled(A), labelled('Adam', B)],
      description: '2017 Adam',
    });
  });
});

describe('a bold title', () => {
  it('is every bold part before plain text, emphasis inside it included', () => {
    expect(item(`**Adam *and* Ba** by Kingma [PDF](${A})`)).toStrictEqual({
      rawTitle: 'Adam and Ba',
      links: [labelled('PDF', A)],
      description: 'by Kingma',
    });
  });

  it('ends at a link even when bold text follows the link at once', () => {
    expect(item(`**Adam**[PDF](${A})**more**`)).toStrictEqual({
      rawTitle: 'Adam',
      links: [labelled('PDF', A)],
      description: 'more',
    });
  });

  it('ends at the first plain text, and its links go to the links, their words to the description', () => {
    expect(item(`**Adam**, by [Kingma](${A}) **and Ba** [PDF](${B}) ${C}`)).toStrictEqual({
      rawTitle: 'Adam',
      links: [labelled('Kingma', A), labelled('PDF', B), labelled('Link', C)],
      description: 'by Kingma and Ba',
    });
  });

  it('ends at a link', () => {
    expect(item(`**Adam**[PDF](${A}) **more words**`)).toStrictEqual({
      rawTitle: 'Adam',
      links: [labelled('PDF', A)],
      description: 'more words',
    });
  });

  it('is not split at a year in it, as a plain title is', () => {
    expect(item(`**Deep learning (2015), LeCun** [PDF](${A})`)).toStrictEqual({
      rawTitle: 'Deep learning (2015), LeCun',
      links: [labelled('PDF', A)],
    });
  });
});

describe('a plain or linked title', () => {
  it('in plain text is split from the year and authors of a citation', () => {
    expect(item(`Deep learning (2015), LeCun et al. [PDF](${A})`)).toStrictEqual({
      rawTitle: 'Deep learning',
      links: [labelled('PDF', A)],
      description: 'LeCun et al.',
      year: 2015,
    });
  });

  it('in a link keeps a citation written in it', () => {
    expect(item(`[Deep learning (2015), LeCun](${A})`)).toStrictEqual({
      rawTitle: 'Deep learning (2015), LeCun',
      links: [titled(A)],
    });
  });

  it('ends at a label link, after which text describes it', () => {
    expect(item(`Adam [PDF](${A}) - Kingma [Code](${B})`)).toStrictEqual({
      rawTitle: 'Adam',
      links: [labelled('PDF', A), labelled('Code', B, 'code')],
      description: 'Kingma',
    });
  });

  it('ends at a venue link after it, labelled with the venue on one line', () => {
    expect(item(`Adam [ICML  2016](${A}) by Kingma`)).toStrictEqual({
      rawTitle: 'Adam',
      links: [labelled('ICML 2016', A)],
      description: 'by Kingma',
    });
  });

  it('keeps the words of a link inside it, and the link under its own words', () => {
    expect(item(`Adam by [Kingma  and Ba](${A}) [PDF](${B})`)).toStrictEqual({
      rawTitle: 'Adam by Kingma and Ba',
      links: [labelled('Kingma and Ba', A), labelled('PDF', B)],
    });
  });

  it('comes after a label link when nothing comes before it, without the description after a dash', () => {
    expect(item(`[PDF](${A}) Adam: a method – Kingma - Ba`)).toStrictEqual({
      rawTitle: 'Adam: a method',
      links: [labelled('PDF', A)],
      description: 'Kingma - Ba',
    });
  });

  it('after a label link, splits a title from its description at an em dash between spaces only', () => {
    expect(item(`[PDF](${A}) Adam-Net —Kingma — Ba`)).toStrictEqual({
      rawTitle: 'Adam-Net —Kingma',
      links: [labelled('PDF', A)],
      description: 'Ba',
    });
  });

  it('after a label link, takes a venue-like link as words of the text', () => {
    expect(item(`[PDF](${A}) [ICML](${B}) Adam`)).toStrictEqual({
      rawTitle: 'ICML Adam',
      links: [labelled('PDF', A), labelled('ICML', B)],
    });
  });

  it('of a bare URL alone is made from the URL', () => {
    expect(item('https://arxiv.org/abs/1412.6980')?.rawTitle).toBe('arxiv.org/abs/1412.6980');
  });

  it('is not made from a URL when there are two of them, or a label link', () => {
    expect(item(`${A} ${B}`)).toBeUndefined();
    expect(item(`[PDF](${A})`)).toBeUndefined();
  });
});

describe('what follows a title', () => {
  it('a year in parentheses is the year, and a short name in parentheses an alias', () => {
    expect(item(`[Adam](${A}) ( 2015b ). (ADAM) - Kingma`)).toStrictEqual({
      rawTitle: 'Adam',
      links: [titled(A)],
      description: 'Kingma',
      year: 2015,
      aliases: ['ADAM'],
    });
  });

  it('a short name ending the title and one after it are both aliases', () => {
    expect(item(`Adaptive Moments (ADAM) [PDF](${A}) (AdaM)`)).toStrictEqual({
      rawTitle: 'Adaptive Moments',
      links: [labelled('PDF', A)],
      aliases: ['ADAM', 'AdaM'],
    });
  });

  it('a year in parentheses needs no comma after it, and takes only the spaces after it', () => {
    expect(item(`[Adam](${A}) (2015) Kingma`)).toStrictEqual({
      rawTitle: 'Adam',
      links: [titled(A)],
      description: 'Kingma',
      year: 2015,
    });
    expect(item(`[Adam](${A}) (2015)th edition`)).toStrictEqual({
      rawTitle: 'Adam',
      links: [titled(A)],
      description: 'th edition',
      year: 2015,
    });
  });

  it('empty parentheses and brackets become a space; brackets with words stay', () => {
    expect(item(`[Adam](${A}) Kingma([PDF](${B}))Ba [] [ ] [x] ( )`)).toStrictEqual({
      rawTitle: 'Adam',
      links: [titled(A), labelled('PDF', B)],
      description: 'Kingma Ba [x]',
    });
  });

  it('a year not at the start of the rest stays in the description', () => {
    expect(item(`[Adam](${A}) Kingma (2015)`)).toStrictEqual({
      rawTitle: 'Adam',
      links: [titled(A)],
      description: 'Kingma (2015)',
    });
  });

  it('empty parentheses and brackets left by links, and separators, are no description', () => {
    expect(item(`[Adam](${A}) - ([PDF](${B})) [[Code](${C})] ; .`)).toStrictEqual({
      rawTitle: 'Adam',
      links: [titled(A), labelled('PDF', B), labelled('Code', C, 'code')],
    });
  });

  it('separators of every kind before the description are taken off', () => {
    expect(item(`[Adam](${A}) – — : | , ; . Kingma`)).toStrictEqual({
      rawTitle: 'Adam',
      links: [titled(A)],
      description: 'Kingma',
    });
  });

  it('the quotes around a title are taken off', () => {
    expect(item(`"Adam: a method." [PDF](${A})`)?.rawTitle).toBe('Adam: a method');
  });
});

describe('cleanTitle', () => {
  it.each([
    ['- : Adam ; , (', 'Adam'],
    ['| Adam |', 'Adam'],
    ['— Adam –', 'Adam'],
    ['Adam [', 'Adam'],
    ['  Adam\n  method  ', 'Adam method'],
    ['(Adam)', '(Adam)'],
    [', ; Adam - : —', 'Adam'],
    ['–Adam|', 'Adam'],
  ])('cleans %j to %j', (text, clean) => {
    expect(cleanTitle(text)).toBe(clean);
  });
});
