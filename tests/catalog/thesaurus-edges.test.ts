import { describe, expect, it } from 'vitest';
import { parseCatalog } from '../../src/catalog/parse.ts';
import { thesaurusLimits } from '../../src/catalog/thesaurus.ts';
import type { Catalog } from '../../src/catalog/types.ts';

const papers = '## Papers\n- Adam [Link](https://example.org/adam)\n';

/** A list whose thesaurus block holds `lines`, after one paper. */
function withThesaurus(lines: readonly string[], fence = 'thesaurus'): Catalog {
  return parseCatalog(`${papers}\n\`\`\`${fence}\n${lines.join('\n')}\n\`\`\`\n`);
}

/** The thesaurus warnings of a catalog, as [line, message]. */
function thesaurusWarnings(catalog: Catalog): Array<[number, string]> {
  return catalog.diagnostics
    .filter((diagnostic) => diagnostic.message.startsWith('thesaurus'))
    .map((diagnostic) => [diagnostic.line, diagnostic.message]);
}

const usage = '(write "name = other name" or "name: word, word")';
const oneThing = `thesaurus line not read: it names one thing only ${usage}`;
const emptyOrLong = `thesaurus line not read: a name or word is empty, or longer than 80 characters ${usage}`;

describe('the lines of a list thesaurus', () => {
  it('skips blank lines and comments without a warning, and counts their lines', () => {
    const catalog = withThesaurus(['', '   ', '# sgd = gradient descent', 'adam = adaptive moments']);
    // The paper list takes lines 1–2, a blank line 3, the fence 4: the block's lines start at 5.
    expect(catalog.thesaurus).toEqual([{ names: ['adam', 'adaptive moments'], members: [], line: 8 }]);
    expect(thesaurusWarnings(catalog)).toEqual([]);
  });

  it('collapses the spaces inside a phrase and trims those around it', () => {
    expect(
      withThesaurus(['  loss \t  surface =   loss landscape  : sharp   minima , flat minima']).thesaurus,
    ).toEqual([
      { names: ['loss surface', 'loss landscape'], members: ['sharp minima', 'flat minima'], line: 5 },
    ]);
  });

  it('reads a line that ends with a colon as names without members', () => {
    expect(withThesaurus(['adam = adaptive moments:']).thesaurus).toEqual([
      { names: ['adam', 'adaptive moments'], members: [], line: 5 },
    ]);
  });

  it('reads digits as words: a phrase only needs a letter or a digit', () => {
    expect(withThesaurus(['3 = three']).thesaurus).toEqual([{ names: ['3', 'three'], members: [], line: 5 }]);
  });

  it('reports a line with members but no name', () => {
    const catalog = withThesaurus([': adam, rmsprop', ': adam = rmsprop']);
    expect(catalog.thesaurus).toBeUndefined();
    expect(thesaurusWarnings(catalog)).toEqual([
      [5, oneThing],
      [6, oneThing],
    ]);
  });

  it('reports a name alone, with or without a colon after it', () => {
    const catalog = withThesaurus(['adam', 'adam:']);
    expect(catalog.thesaurus).toBeUndefined();
    expect(thesaurusWarnings(catalog)).toEqual([
      [5, oneThing],
      [6, oneThing],
    ]);
  });

  it('reports an empty name or member, and a phrase of punctuation only', () => {
    const catalog = withThesaurus(['adam = ', 'adam: sgd,', 'adam = --', '= adam', ': adam,,sgd']);
    expect(catalog.thesaurus).toBeUndefined();
    expect(thesaurusWarnings(catalog)).toEqual([
      [5, emptyOrLong],
      [6, emptyOrLong],
      [7, emptyOrLong],
      [8, emptyOrLong],
      [9, emptyOrLong],
    ]);
  });

  it('takes a phrase of exactly the longest length and reports one a character longer', () => {
    const longest = 'x'.repeat(thesaurusLimits.phraseLength);
    const catalog = withThesaurus([`adam = ${longest}`, `sgd = ${longest}y`]);
    expect(catalog.thesaurus).toEqual([{ names: ['adam', longest], members: [], line: 5 }]);
    expect(thesaurusWarnings(catalog)).toEqual([[6, emptyOrLong]]);
  });

  it('reports each warning as an unreadable item, for check', () => {
    expect(withThesaurus(['adam']).diagnostics).toContainEqual({
      line: 5,
      severity: 'warning',
      code: 'unreadable-item',
      message: oneThing,
    });
  });
});

describe('the blocks of a list thesaurus', () => {
  it('reads a block whose language is written in capitals', () => {
    expect(withThesaurus(['adam = adaptive moments'], 'Thesaurus').thesaurus).toEqual([
      { names: ['adam', 'adaptive moments'], members: [], line: 5 },
    ]);
  });

  it.each(['text', ''])('leaves other code blocks alone ("```%s")', (fence) => {
    const catalog = withThesaurus(['adam = adaptive moments'], fence);
    expect(catalog.thesaurus).toBeUndefined();
    expect(thesaurusWarnings(catalog)).toEqual([]);
  });

  it('has no thesaurus when a block holds only comments', () => {
    expect(withThesaurus(['# nothing yet']).thesaurus).toBeUndefined();
  });

  it('reads a block nested in a quote and joins the lines of every block in order', () => {
    const catalog = parseCatalog(
      `${papers}\n> \`\`\`thesaurus\n> adam = adaptive moments\n> \`\`\`\n\n\`\`\`thesaurus\nsgd = gradient descent\n\`\`\`\n`,
    );
    expect(catalog.thesaurus).toEqual([
      { names: ['adam', 'adaptive moments'], members: [], line: 5 },
      { names: ['sgd', 'gradient descent'], members: [], line: 9 },
    ]);
  });

  it('files its warnings among the others by line', () => {
    const catalog = parseCatalog(
      '```thesaurus\nadam\n```\n\n## Papers\n- Adam [Link](https://example.org/adam)\n- A paper without a link (2015)\n',
    );
    expect(catalog.diagnostics.map((diagnostic) => diagnostic.line)).toEqual([2, 7]);
  });
});

describe('the limits of a list thesaurus', () => {
  const lines = (count: number, text: (n: number) => string) =>
    Array.from({ length: count }, (_, n) => text(n));

  it('takes as many lines as the limit and reports each line past it', () => {
    const catalog = withThesaurus(lines(thesaurusLimits.entries + 2, (n) => `idea ${n} = notion ${n}`));
    expect(catalog.thesaurus).toHaveLength(thesaurusLimits.entries);
    expect(catalog.thesaurus?.at(-1)?.names).toEqual([
      `idea ${thesaurusLimits.entries - 1}`,
      `notion ${thesaurusLimits.entries - 1}`,
    ]);
    const past = `thesaurus has more than ${thesaurusLimits.entries} lines: the rest is left out`;
    expect(thesaurusWarnings(catalog)).toEqual([
      [5 + thesaurusLimits.entries, past],
      [6 + thesaurusLimits.entries, past],
    ]);
  });

  it('reports no more warnings than the limit', () => {
    const catalog = withThesaurus(lines(thesaurusLimits.entries + 1, (n) => `idea ${n}`));
    const warnings = thesaurusWarnings(catalog);
    expect(warnings).toHaveLength(thesaurusLimits.entries);
    expect(warnings.at(-1)?.[0]).toBe(4 + thesaurusLimits.entries);
  });
});
