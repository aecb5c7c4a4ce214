import { describe, expect, it } from 'vitest';
import { interpretItem } from '../../src/catalog/interpret.ts';
import {
  isVenuePrefix,
  leadingAcronym,
  splitCitation,
  unwrapTitle,
  yearIn,
} from '../../src/catalog/title-noise.ts';

describe('venue and date prefixes', () => {
  it.each([
    '2017 ICML',
    '[ICLR 2019]',
    "NeurIPS'18 -",
    'AAAI-20',
    '2017-06',
    '[25]',
    ':star: CVPR 2016',
    'arXiv 2020 |',
  ])('"%s" is a prefix, not part of a title', (text) => {
    expect(isVenuePrefix(text)).toBe(true);
  });

  it.each(['', 'Deep', 'Adam: A Method', '2017 was a year', 'the ICML paper', 'ResNet'])(
    '"%s" is not a prefix',
    (text) => {
      expect(isVenuePrefix(text)).toBe(false);
    },
  );
});

describe('years', () => {
  it.each([
    ['(2014)', 2014],
    ['2017-06', 2017],
    ['ICLR 2019', 2019],
    ['1950', 1950],
    ['v2.2017', undefined],
    ['12017', undefined],
    ['1949', undefined],
    ['2050', undefined],
    ['no year', undefined],
  ])('"%s" names the year %s', (text, year) => {
    expect(yearIn(text)).toBe(year);
  });
});

describe('acronyms after a title', () => {
  it.each([
    ['(SMG)', 'SMG', ''],
    ['(AdamW) - decoupled', 'AdamW', ' - decoupled'],
    [' (GANs)', 'GANs', ''],
    ['(K-FAC)', 'K-FAC', ''],
  ])('"%s" gives the alias %s', (text, acronym, rest) => {
    expect(leadingAcronym(text)).toEqual({ acronym, rest });
  });

  it.each(['(2015)', '(see below)', '(with code)', 'SMG', '(a)'])('"%s" is no alias', (text) => {
    expect(leadingAcronym(text)).toBeUndefined();
  });
});

describe('citations', () => {
  it('splits "Title (2015), authors" into its parts', () => {
    expect(splitCitation('Deep learning (2015), Y. LeCun et al.')).toEqual({
      title: 'Deep learning',
      year: 2015,
      authors: 'Y. LeCun et al.',
    });
  });

  it('leaves a year that ends the title in it', () => {
    expect(splitCitation('The importance of starting small (1993)')).toBeUndefined();
  });

  it.each([
    ['"Adam: A method for stochastic optimization."', 'Adam: A method for stochastic optimization'],
    ['“Curly quotes,”', 'Curly quotes'],
    ['[GAN zoo]', 'GAN zoo'],
    ['Plain title.', 'Plain title.'],
    ['[a] and [b]', '[a] and [b]'],
  ])('unwraps %s to %s', (title, unwrapped) => {
    expect(unwrapTitle(title)).toBe(unwrapped);
  });
});

const text = (value: string, strong = false) =>
  strong
    ? { type: 'text' as const, value, line: 1, strong: true }
    : { type: 'text' as const, value, line: 1 };
const link = (linkText: string, url: string) => ({
  type: 'link' as const,
  text: linkText,
  url,
  line: 1,
  bare: false,
});

describe('interpretItem', () => {
  it('takes the bold text as the title, the year after it as the year, the authors as description', () => {
    expect(
      interpretItem([
        text('Distilling the Knowledge', true),
        text(' (2015), G. Hinton et al. '),
        link('[pdf]', 'https://arxiv.org/pdf/1503.02531'),
      ]),
    ).toEqual({
      title: 'Distilling the Knowledge',
      year: 2015,
      description: 'G. Hinton et al.',
      links: [{ label: 'pdf', url: 'https://arxiv.org/pdf/1503.02531', kind: 'paper', host: 'arxiv.org' }],
    });
  });

  it('drops a venue prefix before a linked title, keeps its year and the acronym after it as an alias', () => {
    expect(
      interpretItem([
        text('2017 ICML '),
        link('Stochastic Gradient Monomials', 'https://example.org/smg'),
        text(' (SMG)'),
      ]),
    ).toEqual({
      title: 'Stochastic Gradient Monomials',
      year: 2017,
      aliases: ['SMG'],
      links: [{ label: 'Paper', url: 'https://example.org/smg', kind: 'paper', host: 'example.org' }],
    });
  });

  it.each([
    [[text('[ICLR 2019]', true), text(' ')], 2019],
    [[text('New', true), text(' ')], undefined],
    [[text('Oral', true), text(' – ')], undefined],
  ])('takes a bold tag or venue before a linked title for a prefix (%j)', (prefix, year) => {
    const read = interpretItem([...prefix, link('Neural ODEs', 'https://arxiv.org/abs/1806.07366')]);
    expect(read.title).toBe('Neural ODEs');
    expect(read.year).toBe(year);
  });

  it('keeps a bold title of three words or more before a link by its authors', () => {
    const read = interpretItem([
      text('Deep Residual Learning', true),
      text(' by '),
      link('He', 'https://example.org/he'),
      text(' '),
      link('[pdf]', 'https://arxiv.org/abs/1512.03385'),
    ]);
    expect(read.title).toBe('Deep Residual Learning');
    expect(read.description).toBe('by He');
  });

  it('does not take a lower-case lead-in for a venue: it stays in the title', () => {
    expect(interpretItem([text('see '), link('Adam', 'https://arxiv.org/abs/1412.6980')]).title).toBe(
      'see Adam',
    );
  });

  it('leaves search-engine links out of the links', () => {
    expect(
      interpretItem([
        text('Seq2seq', true),
        text(' - ('),
        link('Search', 'https://www.google.com/search?q=seq2seq'),
        text(') ('),
        link('PDF', 'https://arxiv.org/pdf/1409.3215'),
        text(')'),
      ]),
    ).toEqual({
      title: 'Seq2seq',
      links: [{ label: 'PDF', url: 'https://arxiv.org/pdf/1409.3215', kind: 'paper', host: 'arxiv.org' }],
    });
  });

  it('moves an acronym that ends a plain title into the aliases', () => {
    expect(
      interpretItem([text('Stochastic Weight Averaging (SWA) '), link('Link', 'https://example.org/swa')]),
    ).toMatchObject({
      title: 'Stochastic Weight Averaging',
      aliases: ['SWA'],
    });
  });

  it('labels a tag or venue link after a plain title with its text, out of the title', () => {
    expect(
      interpretItem([text('A Comprehensive Overview '), link('LLM', 'https://arxiv.org/abs/2307.06435')]),
    ).toEqual({
      title: 'A Comprehensive Overview',
      links: [{ label: 'LLM', url: 'https://arxiv.org/abs/2307.06435', kind: 'paper', host: 'arxiv.org' }],
    });
  });
});
