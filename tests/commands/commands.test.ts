import { describe, expect, it } from 'vitest';
import type { CommandContext } from '../../src/commands/context.ts';
import { runCommand } from '../../src/commands/dispatch.ts';
import type { Reply } from '../../src/commands/reply.ts';
import { createSearch } from '../../src/search/search.ts';
import { replyLines } from '../support/replies.ts';
import { shippedCatalog } from '../support/shipped.ts';

const search = createSearch(shippedCatalog());
const context = (random = 0): CommandContext => ({
  search,
  channel: { id: 'C0READING' },
  user: { id: 'U0ALICE' },
  now: new Date('2026-11-29T12:00:00Z'),
  random: () => random,
});

/** A reply as lines, papers without their buttons. */
const read = (reply: Reply) => replyLines(reply).map((line) => line.replace(/ \((Share|Read next)\)/g, ''));

describe('/optpaper subcommands', () => {
  it('random: one paper, picked by the injected randomness, with Share', async () => {
    const first = await runCommand('random', context(0));
    expect(read(first)).toEqual(['Random pick from all 14 sections', '[SGD]']);
    const last = await runCommand('random', context(0.999));
    expect(read(last)).toEqual([
      'Random pick from all 14 sections',
      '[The Generalization Mystery: Sharp vs Flat Minima]',
    ]);
    expect(first.blocks[1]).toMatchObject({ actions: [{ id: 'share_paper', label: 'Share', value: 'sgd' }] });
  });

  it('search: says which words no paper mentions when it answers from the others', async () => {
    const reply = await runCommand('adam kingma', context());
    expect(read(reply)).toEqual([
      'Top 2 for “adam kingma” · no paper mentions “kingma”',
      '[ADAM]',
      '[ADAMAX]',
    ]);
  });

  it('search in a direct message: no Share button, since there is no channel to share into', async () => {
    const inChannel = await runCommand('sharp minima', context());
    expect(inChannel.blocks[1]).toMatchObject({ actions: [{ id: 'share_paper' }] });
    const inDm = await runCommand('sharp minima', { ...context(), channel: { id: 'D0ALICE' } });
    expect(inDm.blocks[1]).toMatchObject({ type: 'paper', actions: [] });
  });

  it('random <section>: from that section only, named fuzzily', async () => {
    const reply = await runCommand('random sharp minima', context(0.5));
    expect(read(reply)).toEqual([
      'Random pick from “Poor Local Minima? and Sharp Minima”',
      '[Depth with Nonlinearity Creates No Bad Local Minima in ResNets]',
    ]);
  });

  it('random <unknown section> and section <unknown>: say so and list the sections', async () => {
    for (const text of ['random zzqxv', 'section zzqxv']) {
      const lines = read(await runCommand(text, context()));
      expect(lines[0]).toBe('No section matches “zzqxv”. The sections are:');
      expect(lines[1]).toBe('14 sections · 114 papers');
    }
  });

  it('section without a name lists the sections', async () => {
    expect(read(await runCommand('section', context()))[0]).toBe('14 sections · 114 papers');
  });

  it('section <n>: the section, counted, without a pager when it fits one page', async () => {
    expect(read(await runCommand('section 7', context()))).toEqual([
      'Poor Local Minima? and Sharp Minima',
      'Section 7 of 14 · 8 papers',
      '[Adding One Neuron Can Eliminate All Bad Local Minima]',
      '[Deep Learning without Poor Local Minima]',
      '[Elimination of All Bad Local Minima in Deep Learning]',
      '[How to escape saddle points efficiently.]',
      '[Depth with Nonlinearity Creates No Bad Local Minima in ResNets]',
      '[Sharp Minima Can Generalize For Deep Nets]',
      '[Asymmetric Valleys: Beyond Sharp and Flat Local Minima]',
      '[A Reparameterization-Invariant Flatness Measure for Deep Neural Networks]',
    ]);
  });

  it('search <words> searches words that would otherwise name a subcommand', async () => {
    expect(read(await runCommand('random matrix', context()))[0]).toMatch(/^No section matches/);
    expect(read(await runCommand('search sections', context()))[0]).toBe('No papers match “sections”.');
    expect(read(await runCommand('search skip connections', context()))[1]).toBe(
      '[Skip Connections Eliminate Singularities]',
    );
  });

  it('weekly subcommands are plain searches where there is no paper of the week', async () => {
    expect(read(await runCommand('skip connections', context()))[1]).toBe(
      '[Skip Connections Eliminate Singularities]',
    );
    expect(read(await runCommand('help', context())).join('\n')).not.toContain('/optpaper subscribe');
  });

  it('help lists the subcommands with examples, and says what @optpaper does in a thread', async () => {
    const help = read(await runCommand('help', context())).join('\n');
    expect(help).toContain("/optpaper section <number or name> — a section's papers");
    expect(help).toContain(
      '@optpaper <words> in a channel or a thread answers there with the three best matches',
    );
    expect(help).toContain('Try /optpaper sharp minima, /optpaper curiculum learning');
  });

  it('an unknown word close to a subcommand is searched, with a "did you mean"', async () => {
    expect(read(await runCommand('sectoins', context()))).toContain('Did you mean /optpaper sections?');
    expect(read(await runCommand('radnom', context()))).toContain('Did you mean /optpaper random?');
  });

  it('a search that finds nothing offers the closest names and the way to browse', async () => {
    expect(read(await runCommand('initializaton of bananas', context()))).toEqual([
      'No papers match “initializaton of bananas”.',
      expect.stringMatching(/^Closest in the list: .*Initialization of Neural Network/),
      'Browse with /optpaper sections, or see /optpaper help.',
    ]);
  });
});
