import { describe, expect, it } from 'vitest';
import { readSectionFilters, readYears, splitParts, stripInvisible } from '../../src/search/query.ts';

describe('characters a reader cannot see', () => {
  it('removes every zero-width, bidi, soft-hyphen and other invisible character', () => {
    const invisible = [
      '\u00ad',
      '\u061c',
      '\u180e',
      '\u200b',
      '\u200c',
      '\u200d',
      '\u200e',
      '\u200f',
      '\u202a',
      '\u202b',
      '\u202c',
      '\u202d',
      '\u202e',
      '\u2060',
      '\u2064',
      '\u2066',
      '\u2069',
      '\ufeff',
    ];
    expect(stripInvisible(`x${invisible.join('x')}x`)).toBe('x'.repeat(invisible.length + 1));
  });

  it('keeps the visible neighbours of those ranges: spaces, separators, superscripts', () => {
    const visible = '\u00ac\u061b\u180d\u200a\u2010\u2028\u202f\u205f\u206a\u2070\ufefe';
    expect(stripInvisible(visible)).toBe(visible);
  });
});

describe('section filters in a query', () => {
  it.each([
    ['section:optim adam', ['optim'], '  adam'],
    ['adam section: "deep learning" x', ['deep learning'], 'adam   x'],
    ['section:“curly words” y', ['curly words'], '  y'],
    ['section:"unclosed words', ['unclosed words'], ' '],
    ['section:“unclosed', ['unclosed'], ' '],
    ['SECTION:Foo bar', ['Foo'], '  bar'],
    ['section:a section:b', ['a', 'b'], '   '],
    ['a section:  "  spaced  " b', ['spaced'], 'a   b'],
    ['section:"a"b', ['a'], ' b'],
  ])('reads "%s" as the sections %j and the rest %j', (query, names, rest) => {
    expect(readSectionFilters(query)).toEqual({ names, rest });
  });

  it('takes an empty filter out of the query but asks for no section', () => {
    expect(readSectionFilters('section:')).toEqual({ names: [], rest: ' ' });
    expect(readSectionFilters('section:"" a')).toEqual({ names: [], rest: '  a' });
  });

  it('reads no filter inside a word', () => {
    expect(readSectionFilters('xsection:foo')).toEqual({ names: [], rest: 'xsection:foo' });
    expect(readSectionFilters('sections:foo')).toEqual({ names: [], rest: 'sections:foo' });
  });
});

describe('years in a query', () => {
  it.each([
    ['sharp minima 2017', [2017], 'sharp minima  '],
    ['2019', [2019], ' '],
    ['2017-2019', [2017, 2018, 2019], ' '],
    ['2019 – 2017', [2017, 2018, 2019], ' '],
    ['2019-2019', [2019], ' '],
    ['2017 - 2018 2017', [2017, 2018], '   '],
    ['2019 2017', [2017, 2019], '   '],
    ['2019-', [2019], ' -'],
    ['1999-2001a', [1999], ' -2001a'],
    ['2018,2019', [2018, 2019], ' , '],
  ])('reads "%s" as the years %j and the rest %j', (query, years, rest) => {
    expect(readYears(query)).toEqual({ years, rest });
  });

  it('knows the years 1950 to 2049 only', () => {
    expect(readYears('1950 1949 2049 2050')).toEqual({ years: [1950, 2049], rest: '  1949   2050' });
    expect(readYears('1960 2000 2035').years).toEqual([1960, 2000, 2035]);
  });

  it.each(['2003.04960', 'x2019', '2019x', '2019.5', 'v.2019', '20190', '12019', 'é2019'])(
    'reads no year in "%s"',
    (query) => {
      expect(readYears(query)).toEqual({ years: [], rest: query });
    },
  );
});

describe('the parts of a question', () => {
  it.each([
    ['adam vs rmsprop', ['adam', 'rmsprop']],
    ['adam vs. rmsprop', ['adam', 'rmsprop']],
    ['adam VERSUS sgd', ['adam', 'sgd']],
    ['sgd compared to adam', ['sgd', 'adam']],
    ['sgd compared  with adam', ['sgd', 'adam']],
    ['adam/rmsprop', ['adam', 'rmsprop']],
    ['adam & adagrad', ['adam', 'adagrad']],
    ['sgd, adam; nag', ['sgd', 'adam', 'nag']],
    ['rock and roll', ['rock', 'roll']],
    ['adam AND sgd', ['adam', 'sgd']],
    ['adam or  sgd', ['adam', 'sgd']],
    ['vs adam', ['adam']],
    ['adam vs', ['adam']],
    ['a / / b', ['a', 'b']],
  ])('splits "%s" into %j', (query, parts) => {
    expect(splitParts(query)).toEqual(parts);
  });

  it.each([
    ['sand castles', ['sand castles']],
    ['adamvs rmsprop', ['adamvs rmsprop']],
    ['adam vsrmsprop', ['adam vsrmsprop']],
    ['sgd comparedto adam', ['sgd comparedto adam']],
    ['orange andromeda', ['orange andromeda']],
    ['x   y', ['x y']],
    [' deep\tnets ', ['deep nets']],
  ])('keeps "%s" whole, its spaces made single', (query, parts) => {
    expect(splitParts(query)).toEqual(parts);
  });

  it('keeps only the parts with a letter or a digit', () => {
    expect(splitParts('  ,  ')).toEqual([]);
    expect(splitParts('compared to')).toEqual([]);
    expect(splitParts('-- / 7')).toEqual(['7']);
    expect(splitParts('é / ?')).toEqual(['é']);
  });
});
