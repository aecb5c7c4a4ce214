import type { RelevanceCase } from './relevance-cases.ts';

const adaptive = ['adam', 'adagrad', 'rmsprop', 'adabound', 'nadam', 'adamax'];
const sharpFlat = [
  'sharp-minima-can-generalize-for-deep-nets',
  'asymmetric-valleys-beyond-sharp-and-flat-local-minima',
  'the-generalization-mystery-sharp-vs-flat-minima',
  'a-reparameterization-invariant-flatness-measure-for-deep-neural-networks',
];
const generalization = [
  'understanding-deep-learning-requires-rethinking-generalization',
  'generalization-error-in-deep-learning',
  'the-generalization-mystery-sharp-vs-flat-minima',
  'sharp-minima-can-generalize-for-deep-nets',
  'theory-of-deep-learning-iii-explaining-the-non-overfitting-puzzle',
];
const lossSurfaces = [
  'the-loss-surfaces-of-multilayer-networks',
  'visualizing-the-loss-landscape-of-neural-nets',
  'the-loss-surface-of-deep-linear-networks-viewed-through-the-algebraic-geometry',
];
const continuation = [
  'parameter-continuation-methods-for-the-optimization-of-deep-neural-networks',
  'parameter-continuation-with-secant-approximation-for-deep-neural-networks-and',
  'hashnet-deep-learning-to-hash-by-continuation',
  'convergence-analysis-of-homotopy-sgd-for-non-convex-optimization',
];
const momentum = [
  'momentum',
  'why-momentum-really-works',
  'on-the-importance-of-initialization-and-momentum-in-deep-learning',
];

/** `all`: the asker wants each of these; `any`: one of these answers the question. */
const all = (query: string, ...expected: string[]): RelevanceCase => ({ query, expected, match: 'all' });
const any = (query: string, expected: readonly string[]): RelevanceCase => ({
  query,
  expected,
  match: 'any',
});

/**
 * Questions people ask of the list that are not a half-remembered title: two or more methods in one
 * question, comparisons, concepts of the field, years, section filters. The TUNING set: the search was
 * shaped on it. (A held-out set of the same kinds, written apart, is what judges it.)
 */
export const questionQueries: readonly RelevanceCase[] = Object.freeze([
  // Two or more methods, with and without connectors.
  all('sgd momentum', 'sgd', 'momentum'),
  all('adam vs rmsprop', 'adam', 'rmsprop'),
  all('adam and adagrad', 'adam', 'adagrad'),
  all('batchnorm or weight norm', 'batchnorm', 'weight-norm'),
  all('adam/rmsprop', 'adam', 'rmsprop'),
  all('adagrad & rmsprop', 'adagrad', 'rmsprop'),
  all('sgd versus adam', 'sgd', 'adam'),
  all('adabound compared to adam', 'adabound', 'adam'),
  all('nadam compared with adamax', 'nadam', 'adamax'),
  all('spectral norm vs batch normalization', 'spectral-norm', 'batchnorm'),
  all('rmsprop adagrad', 'rmsprop', 'adagrad'),
  all('cosine normalization or weight normalisation', 'cosine-normalization', 'weight-norm'),
  all('sgd, adam and rmsprop', 'sgd', 'adam', 'rmsprop'),
  all('momentum vs nesterov vs adam', 'momentum', 'adam'),
  all('curriculum learning vs self paced learning', 'curriculum-learning', 'self-paced-curriculum-learning'),
  all(
    'deep equilibrium models and equilibrium propagation',
    'deep-equilibrium-models',
    'equilibrium-propagation-bridging-the-gap-between-energy-based-models-and',
  ),
  all(
    'batch norm vs gradient clipping',
    'batchnorm',
    'why-gradient-clipping-accelerates-training-a-theoretical-justification-for',
  ),
  all('adam vs sgd generalization', 'adam', 'sgd'),
  all(
    'orthogonal initialization or lottery ticket',
    'provable-benefit-of-orthogonal-initialization-in-optimizing-deep-linear-networks',
    'one-ticket-to-win-them-all-generalizing-lottery-ticket-initializations-across',
  ),
  all(
    'entropy-sgd vs sharp minima',
    'entropy-sgd-biasing-gradient-descent-into-wide-valleys',
    'sharp-minima-can-generalize-for-deep-nets',
  ),
  all('adamm vs rmsprob', 'adam', 'rmsprop'),
  // Comparisons a title makes itself.
  any('l2 regularization vs batch normalization', [
    'l2-regularization-versus-batch-and-weight-normalization',
  ]),
  any('sharp vs flat minima', sharpFlat),
  // Concepts of the field.
  any('adaptive learning rate', adaptive),
  any('adaptive optimizers', adaptive),
  any('adaptive gradient methods', adaptive),
  any('loss surface', lossSurfaces),
  any('loss landscape', lossSurfaces),
  any('loss landscape geometry', lossSurfaces),
  any('flat minima', sharpFlat),
  any('wide valleys flat minima', ['entropy-sgd-biasing-gradient-descent-into-wide-valleys', ...sharpFlat]),
  any('sharpness', sharpFlat),
  any('generalization gap', generalization),
  any('overfitting', generalization),
  any('exploding gradients', [
    'on-the-difficulty-of-training-recurrent-neural-networks',
    'why-gradient-clipping-accelerates-training-a-theoretical-justification-for',
  ]),
  any('vanishing gradients in rnns', ['on-the-difficulty-of-training-recurrent-neural-networks']),
  any('heavy ball momentum', momentum),
  any('nesterov', momentum),
  any('homotopy methods', continuation),
  any('warm start', continuation),
  any('kl warmup', ['cyclical-annealing-schedule-a-simple-approach-to-mitigating-kl-vanishing']),
  any('shaping', ['flexible-shaping-how-learning-in-small-steps-helps']),
  // Years.
  any('sharp minima 2017', ['sharp-minima-can-generalize-for-deep-nets']),
  any('2009', ['curriculum-learning']),
  any('curriculum learning 2009', ['curriculum-learning']),
  any('1993', ['learning-and-development-in-neural-networks-the-importance-of-starting-small']),
  any('adam 2014', ['adam']),
  any('loss surface 2018', [
    'the-loss-surface-of-deep-linear-networks-viewed-through-the-algebraic-geometry',
  ]),
  any('curriculum survey 2020', [
    'curriculum-learning-for-reinforcement-learning-domains-a-framework-and-survey',
    'automatic-curriculum-learning-for-deep-rl-a-short-survey',
  ]),
  any('bad local minima 2019', ['elimination-of-all-bad-local-minima-in-deep-learning']),
  any('2015 batch normalization', ['batchnorm']),
  any('recurrent memory 2020', ['a-bio-inspired-bistable-recurrent-cell-allows-for-long-lasting-memory']),
  // Section filters.
  any(
    'section:curriculum warm',
    continuation
      .slice(0, 3)
      .concat('cyclical-annealing-schedule-a-simple-approach-to-mitigating-kl-vanishing'),
  ),
  any('section:normalization clipping', [
    'why-gradient-clipping-accelerates-training-a-theoretical-justification-for',
  ]),
  any('section:"sharp minima" flat', [
    'asymmetric-valleys-beyond-sharp-and-flat-local-minima',
    'a-reparameterization-invariant-flatness-measure-for-deep-neural-networks',
  ]),
  any('section:tutorials momentum', ['why-momentum-really-works']),
  any('section:initialization momentum', [
    'on-the-importance-of-initialization-and-momentum-in-deep-learning',
  ]),
  any('section:degeneracy initialization', [
    'provable-benefit-of-orthogonal-initialization-in-optimizing-deep-linear-networks',
  ]),
  any('section:rnn memory', [
    'understanding-and-controlling-memory-in-recurrent-neural-networks',
    'a-bio-inspired-bistable-recurrent-cell-allows-for-long-lasting-memory',
    'the-trade-off-between-long-term-memory-and-smoothness-for-recurrent-networks',
  ]),
  any('section:convergence sgd', ['convergence-analysis-of-homotopy-sgd-for-non-convex-optimization']),
  any('section:12', ['a-primal-dual-formulation-for-deep-learning-with-constraints']),
  any('section:"multi-task" translation', ['learning-a-multitask-curriculum-for-neural-machine-translation']),
  any('section:reinforcement teacher', ['teacher-student-curriculum-learning']),
  any('section:surveys curriculum 2020', [
    'curriculum-learning-for-reinforcement-learning-domains-a-framework-and-survey',
    'automatic-curriculum-learning-for-deep-rl-a-short-survey',
  ]),
]);
