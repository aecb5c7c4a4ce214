import { describe, expect, it } from 'vitest';
import type { CommandContext } from '../../src/commands/context.ts';
import { runCommand } from '../../src/commands/dispatch.ts';
import { mentionReply } from '../../src/commands/mention.ts';
import { searchReply } from '../../src/commands/search.ts';
import { createSearch } from '../../src/search/search.ts';
import { toSlackMessage } from '../../src/slack/blocks.ts';
import { replyLines } from '../support/replies.ts';
import { shippedCatalog } from '../support/shipped.ts';

const context: CommandContext = {
  search: createSearch(shippedCatalog()),
  channel: { id: 'C0READING' },
  user: { id: 'U0ALICE' },
  now: new Date('2026-11-29T12:00:00Z'),
  random: () => 0,
};
const browse = 'Browse with /optpaper sections, or see /optpaper help.';

describe('/optpaper <words>', () => {
  it('answers with the five best papers, each with Share', () => {
    const reply = searchReply('sharp minima', context);
    expect(replyLines(reply)).toEqual([
      'Top 5 for “sharp minima”',
      '[Sharp Minima Can Generalize For Deep Nets] (Share)',
      '[The Generalization Mystery: Sharp vs Flat Minima] (Share)',
      '[Asymmetric Valleys: Beyond Sharp and Flat Local Minima] (Share)',
      '[Deep Learning without Poor Local Minima] (Share)',
      '[Adding One Neuron Can Eliminate All Bad Local Minima] (Share)',
    ]);
    expect(reply.text).toBe(
      '5 papers for “sharp minima”: Sharp Minima Can Generalize For Deep Nets; The Generalization Mystery: Sharp vs Flat Minima; ' +
        'Asymmetric Valleys: Beyond Sharp and Flat Local Minima; Deep Learning without Poor Local Minima; ' +
        'Adding One Neuron Can Eliminate All Bad Local Minima',
    );
    expect(reply.visibility).toBe('ephemeral');
  });

  it('says "Best match" and "1 paper" for a single result', () => {
    const reply = searchReply('saddle', context);
    expect(replyLines(reply)).toEqual([
      'Best match for “saddle”',
      '[How to escape saddle points efficiently.] (Share)',
    ]);
    expect(reply.text).toBe('1 paper for “saddle”: How to escape saddle points efficiently.');
  });

  it('names every word no paper mentions', () => {
    expect(replyLines(searchReply('minima of bananas', context))[0]).toBe(
      'Top 5 for “minima of bananas” · no paper mentions “bananas”',
    );
    expect(replyLines(searchReply('loss landscape kingma hinton', context))[0]).toBe(
      'Top 3 for “loss landscape kingma hinton” · no paper mentions “kingma” or “hinton”',
    );
  });

  it('offers the closest names in bold, joined with commas and a final "or", when nothing matches', () => {
    const reply = searchReply('initializaton of bananas', context);
    expect(replyLines(reply)).toEqual([
      'No papers match “initializaton of bananas”.',
      'Closest in the list: Initialization of Neural Network, On the importance of initialization and momentum in deep learning or PCA-Initialized Deep Neural Networks Applied To Document Image Analysis',
      browse,
    ]);
    expect(reply.text).toBe('No papers match “initializaton of bananas”.');
    expect(reply.blocks[1]).toEqual({
      type: 'text',
      text: [
        'Closest in the list: ',
        { text: 'Initialization of Neural Network', bold: true },
        ', ',
        { text: 'On the importance of initialization and momentum in deep learning', bold: true },
        ' or ',
        { text: 'PCA-Initialized Deep Neural Networks Applied To Document Image Analysis', bold: true },
      ],
    });
    expect(replyLines(searchReply('adam kingma smith', context))[1]).toBe('Closest in the list: ADAM');
  });

  it('offers only the way to browse when nothing is close', () => {
    expect(replyLines(searchReply('quantum chromodynamics', context))).toEqual([
      'No papers match “quantum chromodynamics”.',
      browse,
    ]);
  });

  it('says how to run a command that takes no words, above the results', () => {
    expect(replyLines(searchReply('skip connections', context, { alone: 'skip' })).slice(0, 3)).toEqual([
      'Searched, since /optpaper skip takes no words: send it alone to run it.',
      'Best match for “skip connections”',
      '[Skip Connections Eliminate Singularities] (Share)',
    ]);
  });

  it('asks "did you mean" instead of offering titles when the words look like a command', () => {
    expect(replyLines(searchReply('halp', context, { near: 'help' }))).toEqual([
      'No papers match “halp”.',
      'Did you mean /optpaper help?',
      browse,
    ]);
  });
});

describe('how the search replies look in Slack', () => {
  const rendered = (reply: ReturnType<typeof searchReply>) =>
    toSlackMessage(reply).blocks.map((block) => JSON.stringify(block));

  it('shows commands as code and the closest names in bold', () => {
    const noMatch = rendered(searchReply('adam kingma smith', context));
    expect(noMatch[1]).toContain('Closest in the list: *ADAM*');
    expect(noMatch[2]).toContain('Browse with `/optpaper sections`, or see `/optpaper help`.');
    expect(rendered(searchReply('halp', context, { near: 'help' }))[1]).toContain(
      'Did you mean `/optpaper help`?',
    );
    expect(rendered(searchReply('skip connections', context, { alone: 'skip' }))[0]).toContain(
      'Searched, since `/optpaper skip` takes no words: send it alone to run it.',
    );
  });
});

describe('a word that is not a command', () => {
  it.each([
    ['hep', 'help'],
    ['rnadom', 'random'],
    // Six letters allow two typos.
    ['rnadmo', 'random'],
    ['SECTONS', 'sections'],
    // One letter swapped from "section", two edits from "sections": the closer command.
    ['sectoin', 'section'],
  ])('"%s" gets "did you mean /optpaper %s"', async (text, command) => {
    expect(replyLines(await runCommand(text, context))).toContain(`Did you mean /optpaper ${command}?`);
  });

  it.each([
    // Five letters allow one typo, not two.
    'ranxm',
    // A weekly command is not offered where there is no paper of the week.
    'skpi',
    // Two words are a search.
    'hep me',
  ])('"%s" is searched without a "did you mean"', async (text) => {
    expect(replyLines(await runCommand(text, context)).join('\n')).not.toContain('Did you mean');
  });

  it('is searched: a subcommand name in capitals still runs the subcommand', async () => {
    expect(replyLines(await runCommand('SECTIONS', context))[0]).toBe('14 sections · 114 papers');
    expect(replyLines(await runCommand('search  sections', context))[0]).toBe('No papers match “sections”.');
  });
});

describe('@optpaper <words>', () => {
  it('answers in the thread with the three best papers, without buttons', () => {
    const reply = mentionReply('sharp minima', context);
    expect(replyLines(reply)).toEqual([
      'Papers for “sharp minima”',
      '[Sharp Minima Can Generalize For Deep Nets]',
      '[The Generalization Mystery: Sharp vs Flat Minima]',
      '[Asymmetric Valleys: Beyond Sharp and Flat Local Minima]',
    ]);
    expect(reply.text).toBe(
      'Papers for “sharp minima”: Sharp Minima Can Generalize For Deep Nets; The Generalization Mystery: Sharp vs Flat Minima; Asymmetric Valleys: Beyond Sharp and Flat Local Minima',
    );
    expect(reply.visibility).toBe('in_channel');
    expect(reply.blocks[1]).toMatchObject({
      type: 'paper',
      paper: { id: 'sharp-minima-can-generalize-for-deep-nets', url: 'https://arxiv.org/pdf/1703.04933.pdf' },
      actions: [],
    });
  });

  it('says when nothing matches, with the closest names when there are some', () => {
    const close = mentionReply('initializaton of bananas', context);
    expect(replyLines(close)).toEqual([
      'No papers match “initializaton of bananas”. Closest in the list: Initialization of Neural Network; On the importance of initialization and momentum in deep learning; PCA-Initialized Deep Neural Networks Applied To Document Image Analysis.',
    ]);
    expect(close.text).toBe('No papers match “initializaton of bananas”.');
    expect(close.visibility).toBe('in_channel');
    expect(replyLines(mentionReply('quantum chromodynamics', context))).toEqual([
      'No papers match “quantum chromodynamics”.',
    ]);
  });
});
