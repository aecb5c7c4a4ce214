import { describe, expect, it } from 'vitest';
import { runCommand } from '../../src/commands/dispatch.ts';
import { queryLimits, searchableQuery, searchWithin } from '../../src/commands/query-limit.ts';
import { textReply } from '../../src/commands/reply.ts';
import { createSearch } from '../../src/search/search.ts';
import { replyMarkup } from '../support/markup.ts';
import { shippedCatalog } from '../support/shipped.ts';

const max = queryLimits.maxQueryLength;
const word = (length: number, letter = 'a') => letter.repeat(length);

describe('searchableQuery', () => {
  it('keeps a query of the limit as it is', () => {
    expect(max).toBe(500);
    const query = `${word(250)} ${word(249, 'b')}`;
    expect(searchableQuery(query)).toEqual({ query, cut: false });
  });

  it('cuts one character over the limit, at the last space when it is in the last fifth', () => {
    const query = `${word(450)} ${word(50, 'b')}`;
    expect(query).toHaveLength(501);
    expect(searchableQuery(query)).toEqual({ query: word(450), cut: true });
  });

  it('a space at 401 is in the last fifth; one at 400 is not, and the cut is at the limit', () => {
    expect(searchableQuery(`${word(401)} ${word(200, 'b')}`)).toEqual({ query: word(401), cut: true });
    expect(searchableQuery(`${word(400)} ${word(200, 'b')}`)).toEqual({
      query: `${word(400)} ${word(99, 'b')}`,
      cut: true,
    });
    expect(searchableQuery(word(700))).toEqual({ query: word(500), cut: true });
  });

  it('trims what the cut leaves', () => {
    expect(searchableQuery(`${word(420)}    ${word(200, 'b')}`)).toEqual({ query: word(420), cut: true });
    expect(searchableQuery(`${word(300)} ${word(199, 'b')}  ${word(100, 'c')}`)).toEqual({
      query: `${word(300)} ${word(199, 'b')}`,
      cut: true,
    });
  });
});

describe('searchWithin', () => {
  it('answers the searchable part, and says so first when it was cut', async () => {
    const asked: string[] = [];
    const answer = (query: string) => {
      asked.push(query);
      return textReply([`${query.length} characters`]);
    };
    expect(replyMarkup(await searchWithin('adam', answer))).toBe('ephemeral: 4 characters');
    const cut = await searchWithin(`${word(450)} ${word(100, 'b')}`, answer);
    expect(asked).toEqual(['adam', word(450)]);
    expect(cut.text).toBe('Your query was long: I searched its first 500 characters. 450 characters');
    expect(replyMarkup(cut)).toBe(
      'ephemeral: > Your query was long: I searched its first 500 characters. | 450 characters',
    );
  });

  it('a long search through the dispatcher', async () => {
    const search = createSearch(shippedCatalog());
    const context = {
      search,
      channel: { id: 'C0READING' },
      user: { id: 'U0ALICE' },
      now: new Date(0),
      random: () => 0,
    };
    const reply = await runCommand(`search batch normalization ${'zzqx '.repeat(120)}`, context);
    expect(reply.text).toMatch(/^Your query was long: I searched its first 500 characters\. /);
    expect(replyMarkup(reply).split(' | ')[0]).toBe(
      'ephemeral: > Your query was long: I searched its first 500 characters.',
    );
  });
});
