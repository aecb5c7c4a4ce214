import { describe, expect, it } from 'vitest';
import { parseCatalog } from '../../src/catalog/parse.ts';
import { cleanHeading, isInPageAnchor } from '../../src/catalog/sections.ts';
import type { Catalog } from '../../src/catalog/types.ts';

const list = (...lines: string[]): Catalog => parseCatalog(lines.join('\n'));
const notes = (catalog: Catalog): string[] =>
  catalog.diagnostics
    .filter((d) => ['skipped-section', 'empty-section', 'mojibake'].includes(d.code))
    .map((d) => `${d.line} ${d.severity} ${d.code} ${d.message}`);
const sectionNames = (catalog: Catalog) => catalog.sections.map((section) => section.name);

describe('housekeeping headings', () => {
  it.each([
    'Contribute',
    'Contributing',
    'Contribution',
    'Contributions',
    'Contributor',
    'Contributors',
    'How to contribute',
    'Ways to contribute',
    'Contributing guidelines',
    'Contribution guideline',
    'LICENSE',
    'Licenses',
    'Licence',
    'Licences',
    'Donate',
    'Donation',
    'Donations',
    'Sponsor',
    'Sponsors',
    'Sponsorship',
    'Backers',
    'Support',
    'Support us',
    'Support the project',
    'Support this project',
    'Support this list',
    'Support this work',
    'Acknowledgment',
    'Acknowledgements',
    'Credits',
    'Code of conduct',
    'Changelog',
    'Change log',
    'Contributing!',
    'If you like it, buy me a coffee',
  ])('"%s" holds no papers', (heading) => {
    const catalog = list(
      '## Papers',
      '- Adam [Link](https://example.org/adam)',
      `## ${heading}`,
      '- Dropout [Link](https://example.org/dropout)',
    );
    expect(sectionNames(catalog)).toEqual(['Papers']);
    expect(notes(catalog)).toEqual([`4 info skipped-section "${heading}" is housekeeping, not a section`]);
  });

  it.each([
    'Support Vector Machines',
    'Donation-based Learning',
    'Licensing models',
    'Credit assignment',
    'Sponsored search',
    'Our backers',
    'Contributions of deep learning',
    'Code of conduct for robots',
  ])('"%s" is a section', (heading) => {
    const catalog = list(`## ${heading}`, '- Dropout [Link](https://example.org/dropout)');
    expect(sectionNames(catalog)).toEqual([heading]);
  });
});

describe('donation links', () => {
  it.each([
    'https://ko-fi.com/x',
    'https://venmo.com/x',
    'https://paypal.me/x',
    'https://www.paypal.com/donate?x=1',
    'https://patreon.com/x',
    'https://buymeacoffee.com/x',
    'https://opencollective.com/x',
    'https://liberapay.com/x',
    'https://github.com/sponsors/x',
  ])('an item linking only to %s is no paper', (url) => {
    const catalog = list(
      '## Papers',
      '- Adam [Link](https://example.org/adam)',
      `- Support me [Donate](${url})`,
    );
    expect(catalog.entries.map((entry) => entry.rawTitle)).toEqual(['Adam']);
    expect(notes(catalog)).toEqual(['3 info skipped-section donation link is not a paper']);
  });

  it('an item with a paper link beside one is a paper', () => {
    const catalog = list('## Papers', '- Adam [Link](https://example.org/adam) [Tip](https://ko-fi.com/x)');
    expect(catalog.entries.map((entry) => entry.rawTitle)).toEqual(['Adam']);
    expect(notes(catalog)).toEqual([]);
  });
});

describe('empty sections', () => {
  it('are noted when nothing is under them and the next heading is not below them', () => {
    const catalog = list(
      '# Title',
      '## Empty',
      '## Parent',
      '### Child',
      '- Adam [Link](https://example.org/adam)',
      '## Prose',
      'Only words here.',
      '## With a link',
      'See [the site](https://example.org/site).',
      '## Last',
    );
    expect(notes(catalog)).toEqual([
      '2 info empty-section "Empty" holds no list items',
      '6 info empty-section "Prose" holds no list items',
      '10 info empty-section "Last" holds no list items',
    ]);
  });
});

describe('what counts as holding something', () => {
  it('is a list, even of prose, or a paragraph with a link or a reference link', () => {
    const catalog = list(
      '## Prose list',
      '- only words',
      '## With a reference',
      'See [the site][site].',
      '## Empty',
      '',
      '[site]: https://example.org/site',
    );
    expect(notes(catalog)).toEqual(['5 info empty-section "Empty" holds no list items']);
  });

  it('is the document title after a thematic break, even with nothing after the break', () => {
    const catalog = list('# Title', '## A', '- Adam [Link](https://example.org/adam)', '', '---', '');
    expect(notes(catalog)).toEqual([]);
  });
});

describe('sections written twice', () => {
  it('are one section, their papers in the order of the first place', () => {
    const catalog = list(
      '## Papers',
      '- Adam [Link](https://example.org/adam)',
      '## Other',
      '- SGD [Link](https://example.org/sgd)',
      '## Papers',
      '- Dropout [Link](https://example.org/dropout)',
    );
    expect(catalog.papers.map((paper) => paper.id)).toEqual(['adam', 'dropout', 'sgd']);
    expect(catalog.entries.map((entry) => entry.line)).toEqual([2, 6, 4]);
  });
});

describe('section names', () => {
  it('name a heading written under two parents with its parent the second time', () => {
    const catalog = list(
      '## Vision',
      '### Papers',
      '- Adam [Link](https://example.org/adam)',
      '## Language',
      '### Papers',
      '- Dropout [Link](https://example.org/dropout)',
      '## Vision',
      '### Papers',
      '- SGD [Link](https://example.org/sgd)',
    );
    expect(catalog.sections.map((section) => [section.name, section.line, section.paperIds])).toEqual([
      ['Papers', 2, ['adam', 'sgd']],
      ['Language › Papers', 5, ['dropout']],
    ]);
  });

  it('repair the mojibake of a heading, with a warning at its line', () => {
    const catalog = list(
      '## Papers',
      '- Adam [Link](https://example.org/adam)',
      '## CafÃ©',
      '- SGD [Link](https://example.org/sgd)',
    );
    expect(sectionNames(catalog)).toEqual(['Papers', 'Café']);
    expect(notes(catalog)).toEqual(['3 warning mojibake mojibake repaired: "CafÃ©" → "Café"']);
  });

  it.each([
    [':rocket: Papers :', 'Papers'],
    ['Papers ::', 'Papers'],
    ['  2.2   Optimization ', '2.2 Optimization'],
    ['Time: a review', 'Time: a review'],
  ])('clean %j to %j', (heading, name) => {
    expect(cleanHeading(heading)).toBe(name);
  });
});

describe('groups of <details> blocks', () => {
  it('are named by the text of their summary, and an empty summary is no group', () => {
    const catalog = list(
      '## Papers',
      '',
      '<details><summary class="big"><b>Older</b><br>papers</summary>',
      '',
      '- SGD [Link](https://example.org/sgd)',
      '',
      '</details>',
      '',
      '<details><summary> </summary>',
      '',
      '- Adam [Link](https://example.org/adam)',
      '',
      '</details>',
    );
    expect(catalog.entries.map((entry) => entry.section)).toEqual(['Papers › Older papers', 'Papers']);
  });

  it('end at </details>, and other html keeps the group open', () => {
    const catalog = list(
      '## Papers',
      '',
      '<details><summary>Older</summary>',
      '',
      '- SGD [Link](https://example.org/sgd)',
      '',
      '<br>',
      '',
      '- Momentum [Link](https://example.org/momentum)',
      '',
      '</DETAILS>',
      '',
      '- Adam [Link](https://example.org/adam)',
    );
    expect(catalog.entries.map((entry) => entry.section)).toEqual([
      'Papers › Older',
      'Papers › Older',
      'Papers',
    ]);
  });

  it('end at the next heading', () => {
    const catalog = list(
      '## Papers',
      '',
      '<details><summary>Older</summary>',
      '',
      '- SGD [Link](https://example.org/sgd)',
      '',
      '## More',
      '- Adam [Link](https://example.org/adam)',
    );
    expect(catalog.entries.map((entry) => entry.section)).toEqual(['Papers › Older', 'More']);
  });
});

describe('lists that are no section', () => {
  it('a list before the first heading is noted', () => {
    const catalog = list(
      '- Adam [Link](https://example.org/adam)',
      '',
      '## Papers',
      '- SGD [Link](https://example.org/sgd)',
    );
    expect(notes(catalog)).toEqual(['1 info skipped-section list before the first heading is not a section']);
    expect(sectionNames(catalog)).toEqual(['Papers']);
  });

  it('a list that links both into the page and out of it is read', () => {
    const catalog = list('## Papers', '- [Top](#top)', '- Adam [Link](https://example.org/adam)');
    expect(catalog.entries.map((entry) => entry.rawTitle)).toEqual(['Adam']);
    expect(notes(catalog)).toEqual([]);
  });
});

describe('isInPageAnchor', () => {
  it.each(['#top', './#top', 'README.md#top', 'readme.MD#top', 'read-me.md#top', ' #top'])(
    '%j is in the page',
    (url) => {
      expect(isInPageAnchor(url)).toBe(true);
    },
  );

  it.each(['https://example.org/#top', 'docs/README.md#top', 'top', '.#top'])('%j is not', (url) => {
    expect(isInPageAnchor(url)).toBe(false);
  });
});
