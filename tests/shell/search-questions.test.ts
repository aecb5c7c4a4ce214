import { describe, expect, it } from 'vitest';
import { runScript } from '../support/spawn.ts';

/** Split a non-interactive transcript into the reply of each echoed command. */
function transcript(stdout: string): Map<string, string> {
  const replies = new Map<string, string>();
  for (const chunk of stdout.split(/^> /m).slice(1)) {
    const [command = '', ...reply] = chunk.split('\n');
    replies.set(command, reply.join('\n').trim());
  }
  return replies;
}

describe('questions in the shell (npm run shell, driven through stdin)', () => {
  it('two methods, a section filter, a year and invisible characters, rendered as text', async () => {
    const input = [
      '/optpaper adam vs rmsprop',
      'section:"sharp minima" flat',
      '/optpaper 2019',
      '/optpaper sha\u200brp minima 2017',
    ].join('\n');
    const { code, stdout } = await runScript('src/cli.ts', ['shell'], { input });
    expect(code).toBe(0);
    const replies = transcript(stdout);

    expect(replies.get('/optpaper adam vs rmsprop')?.split('\n').slice(0, 10)).toEqual([
      'Top 3 for “adam vs rmsprop” · no paper matches “adam” and “rmsprop” together: the best for each',
      '1. ADAM',
      '   https://arxiv.org/abs/1412.6980',
      '   Popular Optimization algorithms · arXiv 1412.6980 (2014)',
      '   matches “adam”',
      '   [Share]',
      '2. RMSProp',
      '   https://www.deeplearningbook.org/contents/optimization.html',
      '   Popular Optimization algorithms',
      '   matches “rmsprop”',
    ]);

    const filtered = replies.get('section:"sharp minima" flat') ?? '';
    expect(filtered.split('\n')[0]).toBe('Top 3 for “flat” in Poor Local Minima? and Sharp Minima');
    expect(filtered).toContain('1. Asymmetric Valleys: Beyond Sharp and Flat Local Minima');
    expect(filtered).not.toContain('Generalization Mystery');

    expect(replies.get('/optpaper 2019')?.split('\n')[0]).toBe('Papers from 2019: 5 of 18, in list order');
    // The echoed command and the reply carry no zero-width space.
    const invisible = [...replies].find(([command]) => command.startsWith('/optpaper sha'));
    expect(invisible?.[1].split('\n').slice(0, 2)).toEqual([
      'Best match for “sharp minima” from 2017',
      '1. Sharp Minima Can Generalize For Deep Nets',
    ]);
    expect(invisible?.[1]).not.toContain('\u200b');
  });
});
