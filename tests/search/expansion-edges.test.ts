import { describe, expect, it } from 'vitest';
import { Expansions, expansionDefaults } from '../../src/search/expansion.ts';
import { tokenize } from '../../src/search/text.ts';
import { type Concept, fieldThesaurus } from '../../src/search/thesaurus.ts';

/** A text's terms as the index hands them to the expansions: stop words and joined compounds dropped. */
const terms = (text: string) =>
  tokenize(text)
    .filter((token) => !token.stop && !token.joined)
    .map((token) => token.term);
// Built inside each test: a mutant that throws while building must fail a test, not the file's collection.
const unique = (values: readonly string[]) => [...new Set(values)].sort();
/** The distinct terms a text stands for at one weight. */
const addedAt = (expansions: Expansions, text: string, weight: number) =>
  unique(
    expansions
      .termsFor(terms(text))
      .filter((added) => added.weight === weight)
      .map((added) => added.term),
  );

describe('the worth of what a text stands for', () => {
  it('is 0.85 for an acronym and 0.6 for a concept', () => {
    expect(expansionDefaults).toEqual({ acronymWeight: 0.85, conceptWeight: 0.6 });
  });
});

describe('acronyms and their expansions (synonyms.ts), each saying all the others', () => {
  const expansions = () => new Expansions();
  const groups: ReadonlyArray<readonly string[]> = [
    ['rnn', 'recurrent neural network', 'recurrent network'],
    ['lstm', 'long short-term memory'],
    ['nmt', 'neural machine translation'],
    ['gan', 'generative adversarial network'],
    ['sde', 'stochastic differential equation'],
    ['ode', 'ordinary differential equation'],
    ['pde', 'partial differential equation'],
    ['sgd', 'stochastic gradient descent'],
    ['gd', 'gradient descent'],
    ['kl', 'kullback leibler', 'kullback-leibler'],
    ['rl', 'reinforcement learning'],
    ['marl', 'multi-agent reinforcement learning'],
    ['bn', 'batchnorm', 'batch norm', 'batch normalization'],
    ['weight norm', 'weight normalization'],
    ['spectral norm', 'spectral normalization'],
    ['layer norm', 'layer normalization'],
    ['deq', 'deep equilibrium'],
    ['relu', 'rectified linear unit'],
    ['pca', 'principal component analysis'],
    ['cnn', 'convolutional neural network', 'convnet'],
    ['mlp', 'multilayer perceptron', 'multi-layer perceptron'],
    ['ntk', 'neural tangent kernel'],
    ['dnn', 'deep neural network'],
    ['mtl', 'multi-task learning', 'multitask learning'],
    ['spl', 'self-paced learning'],
    ['icnn', 'input convex neural network'],
    ['resnet', 'residual network'],
    ['adam', 'adaptive moment estimation'],
    ['nag', 'nesterov accelerated gradient'],
    ['backprop', 'backpropagation'],
    ['autodiff', 'automatic differentiation'],
    ['init', 'initialization'],
    ['net', 'network'],
  ];

  it.each(groups.flatMap((group) => group.map((phrase) => [phrase, group] as const)))(
    'a text that says "%s" stands for every way of saying %j',
    (phrase, group) => {
      expect(addedAt(expansions(), phrase, 0.85)).toEqual(
        expect.arrayContaining(unique(group.flatMap((each) => terms(each)))),
      );
    },
  );

  it('adds the whole group once, in the group’s order, for each acronym a text says', () => {
    expect(expansions().termsFor(terms('an rnn, a recurrent network'))).toEqual(
      ['rnn', 'recurr', 'neural', 'network', 'recurr', 'network', 'net', 'network'].map((term) => ({
        term,
        weight: 0.85,
      })),
    );
  });

  it('needs the words of a phrase in order and side by side', () => {
    expect(expansions().termsFor(terms('descent gradient'))).toEqual([]);
    expect(expansions().termsFor(terms('gradient small descent'))).toEqual([]);
    expect(expansions().termsFor(terms('gradient methods'))).toEqual([]);
    expect(expansions().termsFor(terms('adaptive estimation'))).toEqual([]);
  });

  it('finds a phrase anywhere in the text, even at its very end', () => {
    expect(addedAt(expansions(), 'training with stochastic gradient descent', 0.85)).toEqual(
      unique(['sgd', 'stochast', 'gradient', 'descent', 'gd']),
    );
  });

  it('adds nothing for a text that says none of them', () => {
    expect(expansions().termsFor(terms('sharp minima'))).toEqual([]);
    expect(expansions().termsFor([])).toEqual([]);
  });
});

describe('the shipped thesaurus (thesaurus.ts): names reach each other, members reach the names', () => {
  const expansions = () => new Expansions(fieldThesaurus);
  const concepts: ReadonlyArray<{ names: readonly string[]; members: readonly string[] }> = [
    {
      names: ['adaptive learning rate', 'adaptive optimizer', 'adaptive gradient method', 'adaptive method'],
      members: [
        'adam',
        'adamax',
        'nadam',
        'adamw',
        'amsgrad',
        'adagrad',
        'adadelta',
        'rmsprop',
        'adabound',
        'adaptive moment estimation',
      ],
    },
    { names: ['loss surface', 'loss landscape', 'optimization landscape'], members: [] },
    {
      names: ['flat minima', 'sharp minima', 'wide minima', 'wide valley', 'flatness', 'sharpness'],
      members: [],
    },
    {
      names: ['generalization gap'],
      members: ['generalization', 'generalize', 'generalization error', 'overfitting', 'memorization'],
    },
    {
      names: ['exploding gradient', 'vanishing gradient'],
      members: ['gradient clipping', 'difficulty of training recurrent'],
    },
    { names: ['heavy ball', 'nesterov momentum', 'accelerated gradient'], members: ['momentum', 'nesterov'] },
    { names: ['warm start', 'warm-start'], members: ['continuation', 'homotopy'] },
    { names: ['warm-up', 'warmup', 'warm up'], members: ['kl annealing', 'annealing schedule'] },
    { names: ['curriculum'], members: ['self-paced', 'starting small', 'shaping'] },
  ];

  it.each(
    concepts.flatMap((concept) =>
      [...concept.names, ...concept.members].map((phrase) => [phrase, concept.names] as const),
    ),
  )('a text that says "%s" stands for the names %j, worth 0.6', (phrase, names) => {
    expect(addedAt(expansions(), phrase, 0.6)).toEqual(unique(names.flatMap((name) => terms(name))));
  });

  it('does not lead from a name to the members', () => {
    expect(addedAt(expansions(), 'adaptive learning rate', 0.6)).not.toContain('rmsprop');
    expect(addedAt(expansions(), 'curriculum', 0.6)).toEqual(['curriculum']);
    expect(addedAt(expansions(), 'exploding gradient', 0.6)).not.toContain('clip');
  });

  it('holds these concepts and no other', () => {
    expect(fieldThesaurus.map((concept) => [concept.names, concept.members ?? []])).toEqual(
      concepts.map((concept) => [concept.names, concept.members]),
    );
  });
});

describe('a list’s own concepts', () => {
  it('skips a name with no words but keeps the names after it', () => {
    const concepts: Concept[] = [{ names: ['the', 'protein folding', 'structure prediction'] }];
    const expansions = new Expansions(concepts);
    expect(addedAt(expansions, 'structure prediction', 0.6)).toEqual(
      unique(['protein', 'fold', 'structur', 'predict']),
    );
    expect(addedAt(expansions, 'protein folding', 0.6)).toEqual(
      unique(['protein', 'fold', 'structur', 'predict']),
    );
  });

  it('weighs concepts and acronyms as asked', () => {
    const expansions = new Expansions([{ names: ['alpha'], members: ['beta'] }], {
      acronymWeight: 0.5,
      conceptWeight: 0.25,
    });
    expect(expansions.termsFor(terms('beta sgd'))).toEqual([
      { term: 'alpha', weight: 0.25 },
      { term: 'sgd', weight: 0.5 },
      { term: 'stochast', weight: 0.5 },
      { term: 'gradient', weight: 0.5 },
      { term: 'descent', weight: 0.5 },
    ]);
  });

  it('reads a concept without members as names only', () => {
    const expansions = new Expansions([{ names: ['alpha', 'gamma'] }]);
    expect(expansions.termsFor(terms('gamma'))).toEqual([
      { term: 'alpha', weight: 0.6 },
      { term: 'gamma', weight: 0.6 },
    ]);
  });
});
