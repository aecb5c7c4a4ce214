import Fuse from 'fuse.js';
import { describe, expect, it, vi } from 'vitest';
import { parseCatalog } from '../../src/catalog/parse.ts';
import { createSearch } from '../../src/search/search.ts';
import { shippedCatalog } from '../support/shipped.ts';

const search = createSearch(shippedCatalog());
const titles = (query: string, limit = 5) => search.search(query, { limit }).map((hit) => hit.paper.title);

describe('search on the shipped list', () => {
  it('When searching for "sharp minima" it puts "Sharp Minima Can Generalize For Deep Nets" first', () => {
    expect(titles('sharp minima')[0]).toBe('Sharp Minima Can Generalize For Deep Nets');
  });

  it('When searching for "loss landscape visualization" word order does not matter', () => {
    expect(titles('loss landscape visualization')[0]).toBe('Visualizing the Loss Landscape of Neural Nets');
  });

  it.each([
    ['curiculum learning', 'Curriculum Learning'],
    ['weight normalisation', 'Weight Norm'],
    [
      'neighborhood distillation',
      'Neighbourhood Distillation: On the Benefits of Non End-to-End Distillation',
    ],
    ['saddel points', 'How to escape saddle points efficiently.'],
    ['equilibirum models', 'Deep Equilibrium Models'],
  ])('When searching for "%s" (typo or spelling) it finds "%s" first', (query, title) => {
    expect(titles(query)[0]).toBe(title);
  });

  it('When searching for "rnn" it finds recurrent neural network papers', () => {
    const found = titles('rnn');
    expect(found).toHaveLength(5);
    for (const title of found) expect(title.toLowerCase()).toContain('recurrent');
  });

  it('When searching for "recurrent" it finds the RNN papers too', () => {
    expect(titles('recurrent')[0]).toBe('On the difficulty of training recurrent neural networks');
  });

  it.each([
    ['gan', 'On-line Adaptative Curriculum Learning for GANs'],
    ['generative adversarial networks', 'On-line Adaptative Curriculum Learning for GANs'],
    ['sde', 'Score-Based Generative Modeling Through Stochastic Differential Equations'],
    [
      'stochastic differential equations',
      'Score-Based Generative Modeling Through Stochastic Differential Equations',
    ],
    ['sgd', 'SGD'],
    ['kl', 'Cyclical Annealing Schedule: A Simple Approach to Mitigating KL Vanishing'],
    ['kullback leibler', 'Cyclical Annealing Schedule: A Simple Approach to Mitigating KL Vanishing'],
    ['rl', 'Automatic Curriculum Learning For Deep RL: A Short Survey'],
    ['bn', 'BatchNorm'],
    ['batch normalization', 'BatchNorm'],
    ['deq', 'Deep Equilibrium Models'],
  ])('When searching for "%s" it finds "%s" first', (query, title) => {
    expect(titles(query)[0]).toBe(title);
  });

  it.each(['nmt', 'neural machine translation'])(
    'When searching for "%s" the top 3 are the NMT papers',
    (query) => {
      expect(titles(query, 3).sort()).toEqual([
        'Denoising Neural Machine Translation Training with Trusted Data and Online Data Selection',
        'Learning a Multitask Curriculum for Neural Machine Translation.',
        'Reinforcement Learning based Curriculum Optimization for Neural Machine Translation',
      ]);
    },
  );

  it('When searching for "stochastic gradient descent" it finds the titles that say SGD', () => {
    expect(titles('stochastic gradient descent', 10)).toEqual(
      expect.arrayContaining([
        'SGD',
        'SGD Converges to Global Minimum in Deep Learning via Star-convex Path',
      ]),
    );
  });

  it('When searching for "reinforcement learning" it finds the title that says "Deep RL"', () => {
    expect(titles('reinforcement learning', 10)).toContain(
      'Automatic Curriculum Learning For Deep RL: A Short Survey',
    );
  });

  it.each([
    ['1412.6980', ['ADAM', 'ADAMAX']],
    ['arxiv:1703.04933', ['Sharp Minima Can Generalize For Deep Nets']],
    ['https://arxiv.org/pdf/1703.04933v2.pdf', ['Sharp Minima Can Generalize For Deep Nets']],
    ['https://distill.pub/2017/momentum/', ['Why Momentum really works?']],
  ])('When searching for "%s" it returns exactly the papers with that link', (query, expected) => {
    const hits = search.search(query);
    expect(hits.map((hit) => hit.paper.title)).toEqual(expected);
    expect(hits.every((hit) => hit.score === 1)).toBe(true);
  });

  it('When an arXiv id carries a version suffix ("1412.6980v2") it finds the papers of that id', () => {
    const hits = search.search('1412.6980v2');
    expect(hits.map((hit) => hit.paper.title)).toEqual(['ADAM', 'ADAMAX']);
    expect(hits.every((hit) => hit.score === 1)).toBe(true);
  });

  it.each([
    '1412.6980 1412.6980',
    '1412.6980 https://arxiv.org/abs/1412.6980v3',
    '1412.6980 adam',
    'adam 1412.6980 adamax',
  ])('When "%s" names a paper twice (an id, a link, its title) it is listed once', (query) => {
    expect(titles(query)).toEqual(['ADAM', 'ADAMAX']);
  });

  it.each(['banana bread recipe', 'zzqxv', 'the of and', '!!!', '', '   ', '🍌🍞', 'שלום עולם'])(
    'When searching for nonsense "%s" it returns nothing',
    (query) => {
      expect(search.search(query)).toEqual([]);
    },
  );

  it.each(['deep banana bread', 'stochastic banana bread', 'transformer'])(
    'When most of "%s" is not in the list it returns nothing',
    (query) => {
      expect(search.search(query)).toEqual([]);
    },
  );

  it.each([
    ['adam kingma', 'ADAM', ['kingma']],
    ['sharp minima hochreiter', 'Sharp Minima Can Generalize For Deep Nets', ['hochreiter']],
  ])(
    'When one word of "%s" is in no paper it finds "%s" from the others, and says so',
    (query, title, unknown) => {
      expect(titles(query)[0]).toBe(title);
      expect(search.unknownWords(query)).toEqual(unknown);
    },
  );

  it('When every word is in the list nothing is reported unknown', () => {
    expect(search.unknownWords('sharp minima')).toEqual([]);
    expect(search.unknownWords('banana bread recipe')).toEqual([]);
  });

  it('drops hits far weaker than the best, however many are asked for', () => {
    const hits = search.search('sharp minima', { limit: 50 });
    const best = hits[0]?.score ?? 0;
    expect(hits.length).toBeGreaterThan(3);
    expect(hits.length).toBeLessThan(20);
    for (const hit of hits) expect(hit.score).toBeGreaterThanOrEqual(best * 0.25 - 0.001);
  });

  it('finds papers by what their links are: a book, code, a blog post, a talk', () => {
    expect(titles('deep learning book').slice(0, 5).sort()).toEqual(
      expect.arrayContaining(['Momentum', 'Optimization', 'RMSProp', 'SGD']),
    );
    expect(titles('momentum blog')[0]).toBe('Why Momentum really works?');
    expect(titles('adabound code')[0]).toBe('AdaBound');
  });

  it('When searching for "adam" it finds ADAM first, then ADAMAX (a word a few letters longer)', () => {
    expect(titles('adam')).toEqual(['ADAM', 'ADAMAX']);
  });

  it('When the query carries Slack markup it searches the words', () => {
    expect(titles('<!channel> sharp minima')[0]).toBe('Sharp Minima Can Generalize For Deep Nets');
  });

  it('When the question is typed in full, filler words do not hide the answer', () => {
    expect(
      titles('what was that paper about sharp minima generalizing in deep nets I read last year')[0],
    ).toBe('Sharp Minima Can Generalize For Deep Nets');
  });

  it('When the query is 5,000 characters long it answers from its beginning', () => {
    const hits = search.search(`sharp minima ${'lorem ipsum '.repeat(420)}`);
    expect(hits[0]?.paper.title).toBe('Sharp Minima Can Generalize For Deep Nets');
  });

  it('finds titles written with accents and in capitals either way', () => {
    expect(titles('rubik’s cube')[0]).toBe('Solving Rubik’s Cube with a Robot Hand');
    expect(titles('SOLVING RUBIKS CUBE')[0]).toBe('Solving Rubik’s Cube with a Robot Hand');
  });

  it('returns distinct papers, best first, scores in (0, 1], at most the limit (default 5, at most 50)', () => {
    const hits = search.search('learning');
    expect(hits).toHaveLength(5);
    expect(new Set(hits.map((hit) => hit.paper.id)).size).toBe(5);
    for (const [index, hit] of hits.entries()) {
      expect(hit.score).toBeGreaterThan(0);
      expect(hit.score).toBeLessThanOrEqual(1);
      if (index > 0) expect(hit.score).toBeLessThanOrEqual(hits[index - 1]?.score ?? 1);
    }
    expect(search.search('curriculum', { limit: 2 })).toHaveLength(2);
    expect(search.search('learning', { limit: 500 }).length).toBeLessThanOrEqual(50);
  });
});

describe('acronyms both ways on a list that uses the short forms', () => {
  const catalog = parseCatalog(`## Papers
- Regularizing RNNs with dropout [Link](https://example.org/1)
- GANs Trained by a Two Time-Scale Update Rule [Link](https://example.org/2)
- Effective Approaches to Attention-based NMT [Link](https://example.org/3)
- Neural SDEs for irregular time series [Link](https://example.org/4)
- Deep RL that Matters [Link](https://example.org/5)
- Fixup: training without BN [Link](https://example.org/6)
- Bounding the KL term [Link](https://example.org/7)
- Gradient noise in a cooking robot [Link](https://example.org/8)
`);
  const small = createSearch(catalog);

  it.each([
    ['recurrent neural networks', 'Regularizing RNNs with dropout'],
    ['generative adversarial networks', 'GANs Trained by a Two Time-Scale Update Rule'],
    ['neural machine translation', 'Effective Approaches to Attention-based NMT'],
    ['stochastic differential equations', 'Neural SDEs for irregular time series'],
    ['reinforcement learning', 'Deep RL that Matters'],
    ['batch normalization', 'Fixup: training without BN'],
    ['kullback leibler', 'Bounding the KL term'],
  ])('When searching for "%s" it finds "%s"', (query, title) => {
    expect(small.search(query)[0]?.paper.title).toBe(title);
  });
});

describe('the index', () => {
  it('is built once per catalog; queries never rebuild it', () => {
    const createIndex = vi.spyOn(Fuse, 'createIndex');
    try {
      const built = createSearch(shippedCatalog());
      // One index each: papers and section names (suggestions use the same two).
      expect(createIndex).toHaveBeenCalledTimes(2);
      for (const query of ['sharp minima', 'curiculum', 'rnn', '1412.6980', 'zzqxv']) {
        built.search(query);
        built.findSection(query);
        built.suggest(query);
      }
      expect(createIndex).toHaveBeenCalledTimes(2);
      expect(built.search('sharp minima')[0]?.paper.title).toBe('Sharp Minima Can Generalize For Deep Nets');
    } finally {
      createIndex.mockRestore();
    }
  });
});

describe('sections and suggestions', () => {
  it.each([
    ['7', 'Poor Local Minima? and Sharp Minima'],
    ['tutorials, surveys and blogs', 'Tutorials, Surveys and Blogs'],
    ['sharp minima', 'Poor Local Minima? and Sharp Minima'],
    ['rnn', 'Dynamics, Bifurcations and RNNs difficulty to train'],
    ['initialisation', 'Initialization of Neural Network'],
    ['degenracy', 'Degeneracy of Neural Networks'],
  ])('When looking for section "%s" it finds "%s"', (name, section) => {
    expect(search.findSection(name)?.name).toBe(section);
  });

  it.each([
    ['12', 'Constrained Optimization for Deep Learning'],
    ['14', 'Tutorials, Surveys and Blogs'],
  ])('When looking for section "%s" (two digits) it finds section %s', (name, section) => {
    expect(search.findSection(name)?.name).toBe(section);
    expect(search.findSections(name).map((found) => found.name)).toEqual([section]);
  });

  it.each(['0', '15', 'zzqxv', ''])('When looking for section "%s" it finds none', (name) => {
    expect(search.findSection(name)).toBeUndefined();
  });

  it('suggests close titles and sections for a query that found nothing', () => {
    expect(search.search('sharpp minimaa generalise nets deep')[0]?.paper.title).toBe(
      'Sharp Minima Can Generalize For Deep Nets',
    );
    expect(search.suggest('initializaton of bananas')).toEqual([
      'Initialization of Neural Network',
      'On the importance of initialization and momentum in deep learning',
      'PCA-Initialized Deep Neural Networks Applied To Document Image Analysis',
    ]);
    expect(search.suggest('batch norm bananas')).toEqual([
      'BatchNorm',
      'L2 Regularization versus Batch and Weight Normalization',
    ]);
    expect(search.suggest('zzqxv')).toEqual([]);
  });

  it.each(['kingma', 'transformer', '<!channel>'])(
    'suggests nothing for "%s", which no paper is about (rather than titles that share its letters)',
    (query) => {
      expect(search.suggest(query)).toEqual([]);
    },
  );
});

describe('an acronym the list wrote after a title', () => {
  it('finds the paper by it, though the title no longer carries it', () => {
    const catalog = parseCatalog(
      '## Opt\n- 2017 ICML [Stochastic Gradient Methods with Momentum](https://arxiv.org/abs/1701.00001) (SMG)\n- [Adam](https://arxiv.org/abs/1412.6980)\n',
    );
    expect(catalog.papers[0]?.title).toBe('Stochastic Gradient Methods with Momentum');
    expect(
      createSearch(catalog)
        .search('smg')
        .map((hit) => hit.paper.title),
    ).toEqual(['Stochastic Gradient Methods with Momentum']);
  });
});
