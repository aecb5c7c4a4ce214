import { describe, expect, it } from 'vitest';
import { createSearch } from '../../src/search/search.ts';
import {
  checkedLink,
  cleanTitle,
  firstLink,
  proposalOfLink,
  readProposal,
} from '../../src/votes/proposals.ts';
import { shippedCatalog } from '../support/shipped.ts';

const search = createSearch(shippedCatalog());
const kind = (request: ReturnType<typeof readProposal>) =>
  request.kind === 'list' ? `list ${request.paper.id}` : JSON.stringify(request);

describe('readProposal', () => {
  it('finds a paper of the list by its words, or by any form of one of its links', () => {
    expect(kind(readProposal('sharp minima', search))).toBe('list sharp-minima-can-generalize-for-deep-nets');
    expect(kind(readProposal('https://arxiv.org/abs/1703.04933v2', search))).toBe(
      'list sharp-minima-can-generalize-for-deep-nets',
    );
    expect(kind(readProposal('this one: https://arxiv.org/pdf/1703.04933.pdf.', search))).toBe(
      'list sharp-minima-can-generalize-for-deep-nets',
    );
  });

  it('takes a link the list lacks with its title (after `|`, or around the link), and asks for a title when there is none', () => {
    expect(readProposal('https://example.org/p.pdf | Our  Own\tPaper', search)).toEqual({
      kind: 'outside',
      url: 'https://example.org/p.pdf',
      title: 'Our Own Paper',
    });
    expect(readProposal('Our Own Paper https://example.org/p.pdf', search)).toEqual({
      kind: 'outside',
      url: 'https://example.org/p.pdf',
      title: 'Our Own Paper',
    });
    expect(readProposal('https://example.org/p.pdf', search)).toEqual({
      kind: 'untitled',
      url: 'https://example.org/p.pdf',
    });
  });

  it('says why there is nothing to propose: no words, no match, a link that is not one', () => {
    expect(readProposal('   ', search)).toEqual({ kind: 'none', reason: 'empty', words: '' });
    expect(readProposal('zzqxv blorft', search)).toEqual({
      kind: 'none',
      reason: 'no-match',
      words: 'zzqxv blorft',
    });
    expect(proposalOfLink('https://localhost/x', 'T', search)).toEqual({
      kind: 'none',
      reason: 'bad-link',
      words: 'https://localhost/x',
    });
  });
});

describe('firstLink', () => {
  it('reads the first link of a message as Slack formats it, with its label when it is a title', () => {
    expect(firstLink('see <https://example.org/a|A Paper &amp; More> and <https://example.org/b>')).toEqual({
      url: 'https://example.org/a',
      label: 'A Paper & More',
    });
    expect(firstLink('<https://example.org/a|https://example.org/a>')).toEqual({
      url: 'https://example.org/a',
    });
    expect(firstLink('bare https://example.org/c, then text')).toEqual({ url: 'https://example.org/c' });
    expect(firstLink('<!channel> no link <@U123>')).toBeUndefined();
  });
});

describe('checkedLink and cleanTitle', () => {
  it('accept http(s) links with a host, and nothing else', () => {
    expect(checkedLink(' https://example.org/p ')).toBe('https://example.org/p');
    expect(checkedLink('javascript:alert(1)')).toBeUndefined();
    expect(checkedLink('ftp://example.org/p')).toBeUndefined();
    expect(checkedLink(`https://example.org/${'x'.repeat(2000)}`)).toBeUndefined();
  });

  it('collapse whitespace and control characters, and cut a title at 300 characters', () => {
    expect(cleanTitle('  A title\n\twith   gaps ')).toBe('A title with gaps');
    expect(cleanTitle('A\u0007B')).toBe('A B');
    expect(cleanTitle('🍌'.repeat(400))).toBe(`${'🍌'.repeat(299)}…`);
  });
});
