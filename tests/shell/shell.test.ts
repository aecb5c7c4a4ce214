import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeArgs, runScript } from '../support/spawn.ts';

/** Split a non-interactive transcript into the reply of each echoed command. */
function transcript(stdout: string): Map<string, string> {
  const replies = new Map<string, string>();
  for (const chunk of stdout.split(/^> /m).slice(1)) {
    const [command = '', ...reply] = chunk.split('\n');
    replies.set(command, reply.join('\n').trim());
  }
  return replies;
}

describe('npm run shell, driven through stdin', () => {
  it('runs /optpaper, @optpaper and button presses through the same commands as Slack', async () => {
    const input = [
      '/optpaper sharp minima',
      'share 2',
      'share 9',
      '@optpaper rnn',
      '@optpaper',
      '/optpaper section 4',
      'next',
      'sharp minima',
      'quit',
      '/optpaper never reached',
    ].join('\n');
    const { code, stdout } = await runScript('src/cli.ts', ['shell'], { input });
    expect(code).toBe(0);
    const replies = transcript(stdout);

    const search = replies.get('/optpaper sharp minima') ?? '';
    expect(search).toMatch(
      /^Top 5 for “sharp minima”\n1\. Sharp Minima Can Generalize For Deep Nets\n {3}https:\/\/arxiv\.org\/pdf\/1703\.04933\.pdf\n {3}Poor Local Minima\? and Sharp Minima · arXiv 1703\.04933 \(2017\)\n {3}\[Share\]/,
    );
    expect(search).toContain('(press a button: share N)');

    expect(replies.get('share 2')).toBe(
      '(posted in the channel)\n@you shared a paper\n• The Generalization Mystery: Sharp vs Flat Minima\n' +
        '  https://www.inference.vc/sharp-vs-flat-minima-are-still-a-mystery-to-me/\n  Tutorials, Surveys and Blogs',
    );
    expect(replies.get('share 9')).toBe('The last reply has no button “share 9”. It has: share 1–5.');

    const mention = replies.get('@optpaper rnn') ?? '';
    expect(mention.split('\n').slice(0, 3)).toEqual([
      '(in the thread)',
      'Papers for “rnn”',
      '• On the difficulty of training recurrent neural networks',
    ]);
    expect(mention).not.toContain('[Share]');
    expect(replies.get('@optpaper')).toContain('Ask me for a paper: @optpaper sharp minima');

    expect(replies.get('/optpaper section 4')).toContain('Section 4 of 14 · 23 papers · page 1 of 3');
    expect(replies.get('next')).toContain('page 2 of 3');
    expect(replies.get('next')).toContain('11. Learning Combinations of Activation Functions.');
    // A line without the /optpaper prefix is a search too.
    expect(replies.get('sharp minima')).toContain('1. Sharp Minima Can Generalize For Deep Nets');
    expect(stdout).not.toContain('never reached');
  });

  it('answers hostile input clearly and keeps going', async () => {
    const input = [
      '/optpaper <!channel> zzqxv',
      `/optpaper ${'x'.repeat(5000)}`,
      '/optpaper 🍌 שלום',
      '/optpaper    ',
      '/optpaper halp',
    ].join('\n');
    const { code, stdout } = await runScript('src/cli.ts', ['shell'], { input });
    expect(code).toBe(0);
    const replies = [...transcript(stdout).values()];
    expect(replies[0]).toMatch(/^No papers match “zzqxv”\./);
    expect(replies[1]).toMatch(
      /^Your query was long: I searched its first 500 characters\.\nNo papers match “x{79}…”\./,
    );
    expect(replies[2]).toMatch(/^No papers match “🍌 שלום”\./);
    expect(replies[3]).toMatch(/^optpaper: papers on optimization for deep learning/);
    expect(replies[4]).toMatch(/^No papers match “halp”\.\nDid you mean \/optpaper help\?\nBrowse/);
  });
});

describe('the first hour in the shell (issue 13)', () => {
  it('presses a button by typing what it says, and keeps the last buttons across replies without any', async () => {
    const input = [
      '/optpaper subscribe',
      '/optpaper sharp minima',
      'Read next 1',
      '/optpaper zzqxv',
      'help',
      'read-next 2',
      'share 2',
      'next',
      '/optpaper section 4',
      'next page',
      'Previous page',
      'NEXT',
      'https://arxiv.org/abs/1502.03167',
      'queue 1',
    ].join('\n');
    const { code, stdout } = await runScript('src/cli.ts', ['shell'], { input });
    expect(code).toBe(0);
    const replies = [...stdout.split(/^> /m).slice(1)].map((chunk) => chunk.trim());
    const reply = (command: string) => replies.find((chunk) => chunk.startsWith(`${command}\n`)) ?? '';

    expect(reply('/optpaper sharp minima')).toContain('   [Share] [Read next]');
    expect(reply('/optpaper sharp minima')).toContain('(press a button: share N, read next N)');
    expect(reply('Read next 1')).toMatch(
      /^Read next 1\nSharp Minima Can Generalize For Deep Nets is next: it will be the paper of the week on Mon \d+ \w+ \d{4}\.$/,
    );
    // A search with no results and the help have no buttons: the search's are still there.
    expect(reply('read-next 2')).toContain(
      'The Generalization Mystery: Sharp vs Flat Minima is number 2 in the queue',
    );
    expect(reply('share 2')).toBe(
      'share 2\n(posted in the channel)\n@you shared a paper\n• The Generalization Mystery: Sharp vs Flat Minima\n' +
        '  https://www.inference.vc/sharp-vs-flat-minima-are-still-a-mystery-to-me/\n  Tutorials, Surveys and Blogs',
    );
    expect(reply('next')).toBe(
      'next\nThe last reply has no button “next”. It has: share 1–5, read next 1–5.',
    );
    expect(reply('next page')).toContain('page 2 of 3');
    expect(reply('Previous page')).toContain('page 1 of 3');
    expect(reply('NEXT')).toContain('page 2 of 3');
    // The unfurl's button says Queue: `queue 1` presses it.
    expect(reply('https://arxiv.org/abs/1502.03167')).toContain('   [Queue]\n');
    expect(reply('https://arxiv.org/abs/1502.03167')).toContain('(press a button: queue N)');
    expect(reply('queue 1')).toMatch(
      /^queue 1\nBatchNorm is number 3 in the queue: it will be the paper of the week on Mon \d+ \w+ \d{4}\.$/,
    );
  });

  it('numbers the papers of a section across its pages, and share 12 shares the twelfth', async () => {
    const input = ['/optpaper section 4', 'next', 'share 12', 'share 1', 'next', 'share 23'].join('\n');
    const { code, stdout } = await runScript('src/cli.ts', ['shell'], { input });
    expect(code).toBe(0);
    const [, first, second, twelfth, one, third, last] = stdout.split(/^> /m).map((chunk) => chunk.trim());
    expect(first).toContain('\n10. HashNet: Deep Learning to Hash by Continuation.\n');
    expect(second?.split('\n').slice(0, 5)).toEqual([
      'next',
      'Continuation Methods and Curriculum Learning',
      '────────────────────────────────────────────',
      'Section 4 of 14 · 23 papers · page 2 of 3',
      '11. Learning Combinations of Activation Functions.',
    ]);
    expect(second).toContain(
      '\n12. Learning and development in neural networks: The importance of starting small (1993)\n',
    );
    expect(second).toContain('\n20. Entropy-SGD: Biasing Gradient Descent into Wide Valleys\n');
    expect(twelfth).toContain(
      '(posted in the channel)\n@you shared a paper\n• Learning and development in neural networks: The importance of starting small (1993)',
    );
    expect(one).toBe('share 1\nThe last reply has no button “share 1”. It has: share 11–20, previous, next.');
    expect(third).toContain(
      '\n23. Cyclical Annealing Schedule: A Simple Approach to Mitigating KL Vanishing\n',
    );
    expect(last).toContain('@you shared a paper\n• Cyclical Annealing Schedule');
  });

  it('shows replies without Slack markup: links, code, bold, channels and people as a terminal reads them', async () => {
    const input = [
      '/optpaper subscribe',
      '/optpaper skip',
      '/optpaper schedule',
      '/optpaper presenters @ana @me',
      'wait',
      'home',
      '/optpaper help',
    ].join('\n');
    const { code, stdout } = await runScript('src/cli.ts', ['shell'], { input });
    expect(code).toBe(0);
    // The spawned shell runs on the real clock: dates read DAY.
    const [, subscribe, skip, schedule, , waited, home] = stdout
      .replace(/\b[A-Z][a-z]{2} \d{1,2} [A-Z][a-z]{2} \d{4}\b/g, 'DAY')
      .split(/^> /m)
      .map((chunk) => chunk.trim());
    expect(subscribe).toBe(
      [
        '/optpaper subscribe',
        'This channel now gets a paper of the week every Monday at 09:00 (UTC).',
        'First post: DAY, 09:00 UTC with SGD · Momentum · RMSProp · Optimization (https://www.deeplearningbook.org/contents/optimization.html).',
        'I post into the channel, so I must be in it: /invite @optpaper. See what comes next with /optpaper upcoming.',
      ].join('\n'),
    );
    expect(skip).toBe(
      '/optpaper skip\nSkipped SGD · Momentum · RMSProp · Optimization: it moves to the end of this round. ' +
        'Next up, DAY: AdaGrad (http://www.jmlr.org/papers/volume12/duchi11a/duchi11a.pdf).',
    );
    expect(schedule).toContain(
      'Change it with /optpaper subscribe [day] [time] [time zone], stop it with /optpaper unsubscribe.',
    );
    // @ana, typed in the shell, is named in what the week prints too (her direct message, the post).
    expect(waited).toContain('(direct message to @ana)');
    expect(waited).toContain('Discussion led by @ana.');
    expect(home).toContain(
      '#reading-group · this week: AdaGrad (http://www.jmlr.org/papers/volume12/duchi11a/duchi11a.pdf)',
    );
    for (const chunk of [subscribe, skip, schedule, waited, home]) {
      expect(chunk).not.toMatch(/<https?:|<#C|<@U|&amp;|&lt;|`|\*\w/);
    }
  });
});

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

describe('a reading group’s week in the shell', () => {
  it('votes on the next paper, proposes papers (one outside the list), and `wait` runs the vote and the post', async () => {
    const input = [
      '/optpaper subscribe monday 9am UTC',
      '/optpaper vote on 24',
      '/optpaper propose sharp minima',
      'propose https://example.org/ours.pdf',
      'propose https://example.org/ours.pdf | Our Own Paper',
      '/optpaper vote',
      'vote 3',
      'vote 2',
      'wait',
      '/optpaper history',
    ].join('\n');
    const { code, stdout } = await runScript('src/cli.ts', ['shell'], { input });
    expect(code).toBe(0);
    const [, subscribe, on, proposed, untitled, outside, shown, third, second, waited, history] = stdout
      .split(/^> /m)
      .map((chunk) => chunk.trim());
    expect(subscribe).toContain('This channel now gets a paper of the week every Monday at 09:00 (UTC).');
    expect(on).toMatch(
      /a vote opens 24 hours before each post.*The first vote opens Sun \d+ \w+ \d{4}, 09:00 UTC\./s,
    );
    expect(proposed).toMatch(
      /^\/optpaper propose sharp minima\n@you proposed Sharp Minima Can Generalize For Deep Nets \(https:\/\/arxiv\.org\/pdf\/1703\.04933\.pdf\): it will be a candidate in the vote on the paper of Mon /,
    );
    expect(untitled).toContain('That link is not in the list: what is its title? Give it after the link:');
    expect(outside).toContain(
      '@you proposed Our Own Paper (https://example.org/ours.pdf): it will be a candidate',
    );
    // The shell has no scheduler: `/optpaper vote` opens the vote on the next post at once.
    expect(shown).toMatch(/^\/optpaper vote\n\(posted in the channel\)\nVote: the paper of Mon /);
    expect(shown).toContain(
      '1. SGD · Momentum · RMSProp · Optimization\n   https://www.deeplearningbook.org/contents/optimization.html\n   Popular Optimization algorithms\n   Next in the rotation · 0 votes\n   [Vote]',
    );
    expect(shown).toContain('2. Sharp Minima Can Generalize For Deep Nets');
    expect(shown).toContain(
      '3. Our Own Paper\n   https://example.org/ours.pdf\n   Proposed by @you · not in the list · 0 votes\n   [Vote]',
    );
    expect(shown).toContain('You have not voted yet');
    expect(shown).toContain('(press a button: vote N)');
    expect(third).toContain('(the vote in the channel now reads)');
    expect(third).toContain('Proposed by @you · not in the list · 1 vote');
    expect(third).toContain('You voted for Our Own Paper');
    expect(second).toContain('You changed your vote to Sharp Minima Can Generalize For Deep Nets');
    expect(waited).toMatch(/^wait\n\(time passes: it is now Mon \d+ \w+ \d{4}, 09:00 UTC\)/);
    expect(waited).toContain('Sharp Minima Can Generalize For Deep Nets won with 1 of 1 vote');
    expect(waited).toContain(
      '(posted in the channel)\nPaper of the week\n─────────────────\n• Sharp Minima Can Generalize For Deep Nets',
    );
    expect(waited).toContain('Chosen by the channel’s vote: 1 of 1 vote · proposed by @you.');
    expect(waited).toContain(
      '(in the thread)\nThis thread is for Sharp Minima Can Generalize For Deep Nets.',
    );
    expect(history).toMatch(
      /The last paper of the week\n─+\nMon \d+ \w+ \d{4} · Sharp Minima Can Generalize For Deep Nets/,
    );
  });
});

// `script` (util-linux) gives the child a terminal, as a person running `npm start` has.
const hasScript = spawnSync('script', ['--version']).status === 0;

describe('npm start without credentials, in a terminal', () => {
  it.skipIf(!hasScript)('opens the local shell, with the paper of the week in memory', async () => {
    const input = ['/optpaper subscribe friday 5pm', '/optpaper sharp minima', 'quit', ''].join('\n');
    const { stdout } = await new Promise<{ stdout: string }>((resolve) => {
      const child = spawn(
        'script',
        ['-qec', `${process.execPath} ${nodeArgs('src/main.ts').join(' ')}`, '/dev/null'],
        {
          cwd: mkdtempSync(join(tmpdir(), 'optpaper-')),
          env: { PATH: process.env.PATH ?? '', TERM: 'dumb' },
        },
      );
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
      });
      // Typed once the prompt is up, as a person would.
      const typed = setInterval(() => {
        if (out.includes('optpaper>')) {
          clearInterval(typed);
          child.stdin.end(input);
        }
      }, 50);
      const deadline = setTimeout(() => child.kill('SIGKILL'), 15_000);
      child.on('close', () => {
        clearTimeout(deadline);
        clearInterval(typed);
        resolve({ stdout: out });
      });
    });
    expect(stdout).toContain('No Slack credentials in the environment: opening the local shell');
    expect(stdout).toContain('optpaper shell: 114 papers in 14 sections.');
    expect(stdout).toContain('This channel now gets a paper of the week every Friday at 17:00 (UTC).');
    expect(stdout).toContain('1. Sharp Minima Can Generalize For Deep Nets');
    expect(stdout).toContain('[Share] [Read next]');
  });
});
