import { tokenize } from './text.ts';

/**
 * Ways of saying one thing: acronyms and their expansions, and short forms. A document that says any
 * of them is indexed under all of them, so "rnn" finds "recurrent neural networks" and "recurrent"
 * finds "RNNs", without expanding queries.
 */
const groups: ReadonlyArray<readonly string[]> = Object.freeze([
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
]);

/** Each group as term sequences (stop words and joined compounds dropped), analysed like any text. */
const analysed: ReadonlyArray<ReadonlyArray<readonly string[]>> = groups.map((group) =>
  group.map((phrase) =>
    tokenize(phrase)
      .filter((token) => !token.stop && !token.joined)
      .map((token) => token.term),
  ),
);

/** Phrases by their first term, so that a text is checked only against phrases it can start. */
const byFirstTerm = new Map<string, Array<{ group: number; phrase: readonly string[] }>>();
analysed.forEach((group, index) => {
  for (const phrase of group) {
    const [first] = phrase;
    if (first === undefined) continue;
    const entries = byFirstTerm.get(first) ?? [];
    entries.push({ group: index, phrase });
    byFirstTerm.set(first, entries);
  }
});

/**
 * The terms a text also stands for: for every synonym group that the text mentions, the terms of
 * the group's other ways of saying it.
 *
 * @param terms The text's terms, in order, stop words removed.
 * @returns Terms to add (may repeat terms already present).
 */
export function synonymTerms(terms: readonly string[]): string[] {
  const mentioned = new Set<number>();
  terms.forEach((term, start) => {
    for (const { group, phrase } of byFirstTerm.get(term) ?? []) {
      if (!mentioned.has(group) && phrase.every((word, offset) => terms[start + offset] === word))
        mentioned.add(group);
    }
  });
  return [...mentioned].flatMap((group) => (analysed[group] ?? []).flat());
}
