import type { RelevanceCase } from './relevance-cases.ts';

/**
 * The kinds of question the held-out suite covers: several methods at once, a concept of the field,
 * a year, a section filter, a half-remembered title.
 */
export type HeldOutKind = 'methods' | 'concepts' | 'years' | 'sections' | 'titles';

const all = (query: string, ...expected: string[]): RelevanceCase =>
  Object.freeze({ query, expected: Object.freeze(expected), match: 'all' });
const any = (query: string, ...expected: string[]): RelevanceCase =>
  Object.freeze({ query, expected: Object.freeze(expected), match: 'any' });

/**
 * Held-out questions, by kind: written from the list alone, without looking at how search ranks,
 * so that they measure search instead of shaping it. Never tune search on them and never edit a
 * question after seeing the figures; add new questions instead.
 */
export const heldOutByKind: Readonly<Record<HeldOutKind, readonly RelevanceCase[]>> = Object.freeze({
  // Two or more methods named in one question: the asker wants every one of them.
  methods: Object.freeze([
    all('rmsprop vs adagrad', 'rmsprop', 'adagrad'),
    all('nadam compared to adamax', 'nadam', 'adamax'),
    all('Adam and AdaBound', 'adam', 'adabound'),
    all('plain sgd or sgd with momentum?', 'sgd', 'momentum'),
    all('batch norm vs spectral norm', 'batchnorm', 'spectral-norm'),
    all('weight normalisation or cosine normalisation', 'weight-norm', 'cosine-normalization'),
    all('adagrad/adam/rmsprop', 'adagrad', 'adam', 'rmsprop'),
    all(
      'batchnorm and gradient clipping',
      'batchnorm',
      'why-gradient-clipping-accelerates-training-a-theoretical-justification-for',
    ),
    all(
      'equilibrium propagation vs deep equilibrium models',
      'equilibrium-propagation-bridging-the-gap-between-energy-based-models-and',
      'deep-equilibrium-models',
    ),
    all(
      'self-paced curriculum vs teacher-student curriculum',
      'self-paced-curriculum-learning',
      'teacher-student-curriculum-learning',
    ),
    all('mollifying networks and noisy activations', 'mollifying-networks', 'noisy-activation-function'),
    all(
      'homotopy-SGD compared to parameter continuation methods',
      'convergence-analysis-of-homotopy-sgd-for-non-convex-optimization',
      'parameter-continuation-methods-for-the-optimization-of-deep-neural-networks',
    ),
  ]),

  // Concepts of the field in the asker's words, not the titles': any paper that answers will do.
  concepts: Object.freeze([
    any(
      'adaptive learning rate methods',
      'adagrad',
      'rmsprop',
      'adam',
      'adamax',
      'nadam',
      'adabound',
      'an-overview-of-gradient-descent-optimization-algorithms',
      'optimization-for-deep-learning-theory-and-algorithms',
      'why-gradient-clipping-accelerates-training-a-theoretical-justification-for',
    ),
    any(
      'geometry of the loss landscape',
      'the-loss-surfaces-of-multilayer-networks',
      'visualizing-the-loss-landscape-of-neural-nets',
      'the-loss-surface-of-deep-linear-networks-viewed-through-the-algebraic-geometry',
      'qualitatively-characterizing-neural-network-optimization-problems',
      'local-minima-in-training-of-neural-networks',
      'deep-learning-without-poor-local-minima',
      'how-regularization-affects-the-critical-points-in-linear-networks',
      'asymmetric-valleys-beyond-sharp-and-flat-local-minima',
      'adding-one-neuron-can-eliminate-all-bad-local-minima',
      'elimination-of-all-bad-local-minima-in-deep-learning',
      'depth-with-nonlinearity-creates-no-bad-local-minima-in-resnets',
      'sharp-minima-can-generalize-for-deep-nets',
      'a-reparameterization-invariant-flatness-measure-for-deep-neural-networks',
      'skip-connections-eliminate-singularities',
    ),
    any(
      'do flat minima generalize better?',
      'sharp-minima-can-generalize-for-deep-nets',
      'asymmetric-valleys-beyond-sharp-and-flat-local-minima',
      'a-reparameterization-invariant-flatness-measure-for-deep-neural-networks',
      'the-generalization-mystery-sharp-vs-flat-minima',
      'entropy-sgd-biasing-gradient-descent-into-wide-valleys',
    ),
    any(
      'generalization gap of deep nets',
      'understanding-deep-learning-requires-rethinking-generalization',
      'generalization-error-in-deep-learning',
      'theory-of-deep-learning-iii-explaining-the-non-overfitting-puzzle',
      'the-generalization-mystery-sharp-vs-flat-minima',
      'sharp-minima-can-generalize-for-deep-nets',
      'a-reparameterization-invariant-flatness-measure-for-deep-neural-networks',
      'asymmetric-valleys-beyond-sharp-and-flat-local-minima',
    ),
    any(
      'normalisation layers',
      'batchnorm',
      'weight-norm',
      'spectral-norm',
      'cosine-normalization',
      'l2-regularization-versus-batch-and-weight-normalization',
    ),
    any('gradient descent stuck at saddle points', 'how-to-escape-saddle-points-efficiently'),
    any(
      'exploding and vanishing gradients',
      'on-the-difficulty-of-training-recurrent-neural-networks',
      'why-gradient-clipping-accelerates-training-a-theoretical-justification-for',
      'resurrecting-the-sigmoid-in-deep-learning-through-dynamical-isometry-theory-and',
      'deep-learning-course-notes',
    ),
    any(
      'weight initialization schemes',
      'deep-learning-course-notes',
      'on-the-importance-of-initialization-and-momentum-in-deep-learning',
      'one-ticket-to-win-them-all-generalizing-lottery-ticket-initializations-across',
      'pca-initialized-deep-neural-networks-applied-to-document-image-analysis',
      'provable-benefit-of-orthogonal-initialization-in-optimizing-deep-linear-networks',
      'resurrecting-the-sigmoid-in-deep-learning-through-dynamical-isometry-theory-and',
      'exact-solutions-to-the-nonlinear-dynamics-of-learning-in-deep-linear-neural',
    ),
    any(
      'curricula for training rl agents',
      'teacher-student-curriculum-learning',
      'object-oriented-curriculum-generation-for-reinforcement-learning',
      'automatic-curriculum-learning-for-deep-rl-a-short-survey',
      'curriculum-learning-for-reinforcement-learning-domains-a-framework-and-survey',
      'evolutionary-population-curriculum-for-scaling-multi-agent-reinforcement',
      'solving-rubiks-cube-with-a-robot-hand',
    ),
    any(
      'memory capacity of recurrent networks',
      'understanding-and-controlling-memory-in-recurrent-neural-networks',
      'the-trade-off-between-long-term-memory-and-smoothness-for-recurrent-networks',
      'a-bio-inspired-bistable-recurrent-cell-allows-for-long-lasting-memory',
    ),
    any(
      'neural networks that model physical systems',
      'a-differentiable-physics-engine-for-deep-learning-in-robotics',
      'deep-hidden-physics-models-deep-learning-of-nonlinear-partial-differential',
      'deep-learning-for-universal-linear-embeddings-of-nonlinear-dynamics',
    ),
    any(
      'gradually smoothing the loss function',
      'mollifying-networks',
      'noisy-activation-function',
      'parameter-continuation-methods-for-the-optimization-of-deep-neural-networks',
      'parameter-continuation-with-secant-approximation-for-deep-neural-networks-and',
      'hashnet-deep-learning-to-hash-by-continuation',
      'convergence-analysis-of-homotopy-sgd-for-non-convex-optimization',
      'entropy-sgd-biasing-gradient-descent-into-wide-valleys',
      'curriculum-learning',
    ),
    any(
      'constrained training with lagrange multipliers',
      'a-primal-dual-formulation-for-deep-learning-with-constraints',
    ),
    any(
      'redundant parametrizations and symmetries',
      'how-degenerate-is-the-parametrization-of-neural-networks-with-the-relu',
      'skip-connections-eliminate-singularities',
      'sharp-minima-can-generalize-for-deep-nets',
      'a-reparameterization-invariant-flatness-measure-for-deep-neural-networks',
    ),
    any(
      'stabilizing gan training',
      'spectral-norm',
      'on-line-adaptative-curriculum-learning-for-gans',
      'parameter-continuation-with-secant-approximation-for-deep-neural-networks-and',
    ),
    any(
      'biologically plausible alternative to backprop',
      'equilibrium-propagation-bridging-the-gap-between-energy-based-models-and',
    ),
    any(
      'what happens in the first epochs of training',
      'the-break-even-point-on-optimization-trajectories-of-deep-neural-networks',
      'the-early-phase-of-neural-network-training',
    ),
  ]),

  // A bare year: any paper of that year (by the list's `year`); a topic and a year: the topic's papers of that year.
  years: Object.freeze([
    any(
      '2019',
      'adabound',
      'a-new-concept-of-convex-based-multiple-neural-networks-structure',
      'sgd-converges-to-global-minimum-in-deep-learning-via-star-convex-path',
      'solving-rubiks-cube-with-a-robot-hand',
      'on-the-power-of-curriculum-learning-in-training-deep-networks',
      'reinforcement-learning-based-curriculum-optimization-for-neural-machine',
      'cyclical-annealing-schedule-a-simple-approach-to-mitigating-kl-vanishing',
      'data-parameters-a-new-family-of-parameters-for-learning-a-differentiable',
      'understanding-and-controlling-memory-in-recurrent-neural-networks',
      'context-aware-machine-learning',
      'the-trade-off-between-long-term-memory-and-smoothness-for-recurrent-networks',
      'a-differentiable-physics-engine-for-deep-learning-in-robotics',
      'elimination-of-all-bad-local-minima-in-deep-learning',
      'asymmetric-valleys-beyond-sharp-and-flat-local-minima',
      'a-reparameterization-invariant-flatness-measure-for-deep-neural-networks',
      'how-degenerate-is-the-parametrization-of-neural-networks-with-the-relu',
      'learning-a-multitask-curriculum-for-neural-machine-translation',
      'optimization-for-deep-learning-theory-and-algorithms',
    ),
    any(
      '2014',
      'adam',
      'adamax',
      'learning-to-execute',
      'qualitatively-characterizing-neural-network-optimization-problems',
      'the-loss-surfaces-of-multilayer-networks',
      'avoiding-pathologies-in-very-deep-networks',
    ),
    any(
      'papers from 2020',
      'curriculum-labeling-self-paced-pseudo-labeling-for-semi-supervised-learning',
      'rethinking-curriculum-learning-with-incremental-labels-and-adaptive-compensation',
      'neighbourhood-distillation-on-the-benefits-of-non-end-to-end-distillation',
      'a-bio-inspired-bistable-recurrent-cell-allows-for-long-lasting-memory',
      'the-break-even-point-on-optimization-trajectories-of-deep-neural-networks',
      'the-early-phase-of-neural-network-training',
      'understanding-deep-learning-expected-spanning-dimension-and-controlling-the',
      'curriculum-learning-for-reinforcement-learning-domains-a-framework-and-survey',
      'automatic-curriculum-learning-for-deep-rl-a-short-survey',
    ),
    any(
      '2018 papers',
      'spectral-norm',
      'a-convergence-theory-for-deep-learning-via-over-parameterization',
      'curriculum-learning-by-transfer-learning-theory-and-experiments-with-deep',
      'on-line-adaptative-curriculum-learning-for-gans',
      'learning-combinations-of-activation-functions',
      'denoising-neural-machine-translation-training-with-trusted-data-and-online-data',
      'the-loss-surface-of-deep-linear-networks-viewed-through-the-algebraic-geometry',
      'depth-with-nonlinearity-creates-no-bad-local-minima-in-resnets',
      'object-oriented-curriculum-generation-for-reinforcement-learning',
      'generalization-error-in-deep-learning',
    ),
    any('adam 2014', 'adam', 'adamax'),
    any(
      'normalization 2017',
      'cosine-normalization',
      'l2-regularization-versus-batch-and-weight-normalization',
    ),
    any(
      'local minima 2019',
      'elimination-of-all-bad-local-minima-in-deep-learning',
      'asymmetric-valleys-beyond-sharp-and-flat-local-minima',
      'a-reparameterization-invariant-flatness-measure-for-deep-neural-networks',
    ),
    any(
      'memory in rnns 2019',
      'understanding-and-controlling-memory-in-recurrent-neural-networks',
      'the-trade-off-between-long-term-memory-and-smoothness-for-recurrent-networks',
    ),
    any(
      'survey 2020',
      'curriculum-learning-for-reinforcement-learning-domains-a-framework-and-survey',
      'automatic-curriculum-learning-for-deep-rl-a-short-survey',
    ),
    any('Curriculum Learning (2009)', 'curriculum-learning'),
    any('momentum 2017', 'why-momentum-really-works'),
    any(
      'loss surface 2014',
      'the-loss-surfaces-of-multilayer-networks',
      'qualitatively-characterizing-neural-network-optimization-problems',
    ),
    any('curriculum gan 2018', 'on-line-adaptative-curriculum-learning-for-gans'),
  ]),

  // A section filter (its name partial or fuzzy) and words: the papers of that section the words describe.
  sections: Object.freeze([
    any('section:normalization spectral', 'spectral-norm'),
    any(
      'section:"loss surfaces" linear networks',
      'the-loss-surface-of-deep-linear-networks-viewed-through-the-algebraic-geometry',
      'exact-solutions-to-the-nonlinear-dynamics-of-learning-in-deep-linear-neural',
      'how-regularization-affects-the-critical-points-in-linear-networks',
    ),
    any(
      'section:curriculum gans',
      'on-line-adaptative-curriculum-learning-for-gans',
      'parameter-continuation-with-secant-approximation-for-deep-neural-networks-and',
    ),
    any(
      'section:dynamics memory',
      'understanding-and-controlling-memory-in-recurrent-neural-networks',
      'the-trade-off-between-long-term-memory-and-smoothness-for-recurrent-networks',
      'a-bio-inspired-bistable-recurrent-cell-allows-for-long-lasting-memory',
    ),
    any(
      'section:"poor local minima" resnets',
      'depth-with-nonlinearity-creates-no-bad-local-minima-in-resnets',
    ),
    any(
      'section:initialization lottery ticket',
      'one-ticket-to-win-them-all-generalizing-lottery-ticket-initializations-across',
    ),
    any('section:degeneracy relu', 'how-degenerate-is-the-parametrization-of-neural-networks-with-the-relu'),
    any(
      'section:convergence linear networks',
      'a-convergence-analysis-of-gradient-descent-for-deep-linear-neural-networks',
    ),
    any('section:"multi-task" translation', 'learning-a-multitask-curriculum-for-neural-machine-translation'),
    any(
      'section:surveys curriculum',
      'curriculum-learning-for-reinforcement-learning-domains-a-framework-and-survey',
      'automatic-curriculum-learning-for-deep-rl-a-short-survey',
    ),
    any('section:"reinforcement learning" teacher student', 'teacher-student-curriculum-learning'),
    any('section:constrained deep learning', 'a-primal-dual-formulation-for-deep-learning-with-constraints'),
    any(
      'section:convexity star convex',
      'sgd-converges-to-global-minimum-in-deep-learning-via-star-convex-path',
    ),
    any('section:"popular optimization" adam', 'adam'),
    any('section:Tutorials momentum', 'why-momentum-really-works'),
  ]),

  // Titles as people half-remember them: words in any order, a typo, British spelling, an acronym.
  titles: Object.freeze([
    any('elimnation of bad local minima', 'elimination-of-all-bad-local-minima-in-deep-learning'),
    any(
      'power of curriculum learning paper',
      'on-the-power-of-curriculum-learning-in-training-deep-networks',
    ),
    any(
      'incremental labels adaptive compensation',
      'rethinking-curriculum-learning-with-incremental-labels-and-adaptive-compensation',
    ),
    any('automated curriculum for neural nets', 'automated-curriculum-learning-for-neural-networks'),
    any('Controlling memory in RNNs', 'understanding-and-controlling-memory-in-recurrent-neural-networks'),
    any('dynamics and bifurcations of neural nets', 'dynamics-and-bifurcation-of-neural-networks'),
    any(
      'discrete-time networks bifurcations with inputs',
      'bifurcations-in-discrete-time-neural-networks-controlling-complex-network',
    ),
    any(
      'analysis of gradient descent multilayer feedforward',
      'analysis-of-gradient-descent-learning-algorithms-for-multilayer-feedforward',
    ),
    any(
      'convex based multiple neural network structure',
      'a-new-concept-of-convex-based-multiple-neural-networks-structure',
    ),
    any(
      'parameter continuation methods optimisation',
      'parameter-continuation-methods-for-the-optimization-of-deep-neural-networks',
    ),
    any(
      'curriculum for RL domains framework',
      'curriculum-learning-for-reinforcement-learning-domains-a-framework-and-survey',
    ),
    any('NAdam paper', 'nadam'),
    any('AdaMax', 'adamax'),
    any('deep learning notes on initialisation', 'deep-learning-course-notes'),
    any('offconvex blog', 'offconvex-org'),
    any('deep learning book optimization chapter', 'optimization', 'sgd', 'momentum', 'rmsprop'),
    any('ICNN', 'input-convex-neural-networks'),
    any('mollifing networks', 'mollifying-networks'),
  ]),
});

/** Every held-out question, kind after kind. */
export const heldOutQueries: readonly RelevanceCase[] = Object.freeze(Object.values(heldOutByKind).flat());
