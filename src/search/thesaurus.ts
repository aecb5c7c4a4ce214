/**
 * A concept of the field, as a reader asks for it and as papers say it.
 *
 * - `names`: what people type for the concept ("adaptive learning rate"). They are one idea: a paper
 *   that says any name is found by every other name ("loss surface" and "loss landscape").
 * - `members`: words a paper about the concept uses without naming it ("adam", "rmsprop"). They reach
 *   the names, not the other way round: "adam" does not find RMSProp.
 *
 * Applied at index time: a paper that says a name or a member is indexed under the words of every name,
 * worth less than its own words (`conceptWeight` in expansion.ts).
 */
export interface Concept {
  readonly names: readonly string[];
  readonly members?: readonly string[];
}

/**
 * The thesaurus this project ships: a few concepts of optimization for deep learning that readers ask
 * for by a name the titles rarely use. Acronyms are in synonyms.ts; a list may bring concepts of its own
 * (a ```` ```thesaurus ```` block, see src/catalog/thesaurus.ts). Keep it small: each entry is a fact of
 * the field, not a patch for one query.
 */
export const fieldThesaurus: readonly Concept[] = Object.freeze([
  {
    // Optimizers that scale each parameter's step by its gradients' history.
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
  // One idea, several names.
  { names: ['loss surface', 'loss landscape', 'optimization landscape'] },
  {
    // The sharp-versus-flat debate: papers on either side, and the wide valleys Entropy-SGD looks for.
    names: ['flat minima', 'sharp minima', 'wide minima', 'wide valley', 'flatness', 'sharpness'],
  },
  {
    // What a model loses between its training data and new data.
    names: ['generalization gap'],
    members: ['generalization', 'generalize', 'generalization error', 'overfitting', 'memorization'],
  },
  {
    // Pascanu et al. named the problem in "On the difficulty of training recurrent neural networks".
    names: ['exploding gradient', 'vanishing gradient'],
    members: ['gradient clipping', 'difficulty of training recurrent'],
  },
  {
    // Momentum methods.
    names: ['heavy ball', 'nesterov momentum', 'accelerated gradient'],
    members: ['momentum', 'nesterov'],
  },
  {
    // A continuation (homotopy) method warm-starts each problem of a sequence from the last solution.
    names: ['warm start', 'warm-start'],
    members: ['continuation', 'homotopy'],
  },
  {
    // KL annealing in VAEs is also called KL warm-up.
    names: ['warm-up', 'warmup', 'warm up'],
    members: ['kl annealing', 'annealing schedule'],
  },
  {
    // Learning from easy to hard, under its other names.
    names: ['curriculum'],
    members: ['self-paced', 'starting small', 'shaping'],
  },
]);
