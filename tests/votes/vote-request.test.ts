import { describe, expect, it } from 'vitest';
import { readVoteRequest } from '../../src/commands/vote.ts';

describe('readVoteRequest', () => {
  it('reads on, with a lead in hours (the default unit), minutes or days, and off, and a number', () => {
    expect(readVoteRequest('')).toEqual({ kind: 'show' });
    expect(readVoteRequest('on')).toEqual({ kind: 'on', leadMinutes: 1440 });
    expect(readVoteRequest('ON 12')).toEqual({ kind: 'on', leadMinutes: 720 });
    expect(readVoteRequest('on 2 days before')).toEqual({ kind: 'on', leadMinutes: 2880 });
    expect(readVoteRequest('on 90 minutes')).toEqual({ kind: 'on', leadMinutes: 90 });
    expect(readVoteRequest('on 1.5h')).toEqual({ kind: 'on', leadMinutes: 90 });
    expect(readVoteRequest('off')).toEqual({ kind: 'off' });
    expect(readVoteRequest('2')).toEqual({ kind: 'cast', number: 2 });
  });

  it('refuses a lead under an hour or over a week, and anything else', () => {
    for (const words of [
      'on 30 minutes',
      'on 8 days',
      'on 0',
      'on soon',
      'for sharp minima',
      'on 5 fortnights',
    ])
      expect(readVoteRequest(words)).toEqual({ kind: 'bad', words });
  });
});
