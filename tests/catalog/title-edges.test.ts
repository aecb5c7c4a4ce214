import { describe, expect, it } from 'vitest';
import {
  buildCasingLexicon,
  collapseWhitespace,
  isShouting,
  readableTitle,
  truncate,
} from '../../src/catalog/title.ts';

/** The lexicon of a list whose other titles teach nothing: the known acronyms only. */
const known = buildCasingLexicon([]);

describe('collapseWhitespace', () => {
  it('puts text broken over lines, tabs and runs of spaces on one line, trimmed', () => {
    expect(collapseWhitespace('  Adam:\n\ta   method \r\n for SGD  ')).toBe('Adam: a method for SGD');
  });
});

describe('truncate', () => {
  it('keeps a text of exactly the length, and cuts a longer one to the length with an ellipsis', () => {
    expect(truncate('abcde', 5)).toBe('abcde');
    expect(truncate('abcdef', 5)).toBe('abcd…');
    expect(truncate('abcdef', 5)).toHaveLength(5);
  });
});

describe('isShouting', () => {
  it('needs three words with letters: two capitalised words, or numbers between them, are a name', () => {
    expect(isShouting('ADAM OPTIMIZER')).toBe(false);
    expect(isShouting('ADAM 2 3 OPTIMIZER')).toBe(false);
    expect(isShouting('ADAM IS GOOD')).toBe(true);
  });

  it('allows one lower-case letter in ten, no more', () => {
    // 9 capitals, 1 lower-case letter: exactly nine in ten.
    expect(isShouting('ABC DEF GHIj')).toBe(true);
    // 8 capitals, 1 lower-case letter: fewer than nine in ten.
    expect(isShouting('ABC DEF GHj')).toBe(false);
  });

  it('calls a title in lower or mixed case, or with a few acronyms, not shouting', () => {
    expect(isShouting('adam is good')).toBe(false);
    expect(isShouting('Training GANs with SGD')).toBe(false);
  });
});

describe('buildCasingLexicon', () => {
  it('learns words with two capitals or more from titles that do not shout, and not from those that do', () => {
    const lexicon = buildCasingLexicon([
      'HashNet: Deep Learning to Hash',
      'Adam Is Here',
      'SKIP CONNECTIONS FOR WIDENETS',
    ]);
    expect(lexicon.get('HASHNET')).toBe('HashNet');
    expect(lexicon.has('ADAM')).toBe(false);
    expect(lexicon.has('DEEP')).toBe(false);
    expect(lexicon.has('WIDENETS')).toBe(false);
    expect(lexicon.has('SKIP')).toBe(false);
    expect(lexicon.has('')).toBe(false);
  });

  it('keeps the first spelling of a word, and the known acronyms over any the list uses', () => {
    const lexicon = buildCasingLexicon(['Deep ResNets work', 'Why RESNETS and GANS and SGDs fail']);
    expect(lexicon.get('RESNETS')).toBe('ResNets');
    expect(lexicon.get('GANS')).toBe('GANs');
    expect(lexicon.get('SGD')).toBe('SGD');
  });

  it('splits titles at anything that is neither a letter nor a digit', () => {
    const lexicon = buildCasingLexicon(['On ResNet-50/VGG16 and AlexNet']);
    expect(lexicon.get('RESNET')).toBe('ResNet');
    expect(lexicon.get('VGG16')).toBe('VGG16');
    expect(lexicon.get('ALEXNET')).toBe('AlexNet');
  });
});

describe('readableTitle', () => {
  it.each([
    'SGD',
    'GAN',
    'GANs',
    'RL',
    'NMT',
    'KL',
    'RNN',
    'RNNs',
    'LSTM',
    'BN',
    'SDE',
    'SDEs',
    'ODE',
    'ODEs',
    'PDE',
    'PDEs',
    'ReLU',
    'PCA',
    'DEQ',
    'CNN',
    'CNNs',
    'MLP',
    'NTK',
    'AI',
    'ML',
    'NLP',
    'II',
    'III',
    'IV',
  ])('keeps the acronym %s as it is known, even when the list writes it in capitals elsewhere', (acronym) => {
    const shouting = `TRAINING ${acronym.toUpperCase()} MODELS`;
    expect(readableTitle(shouting, known)).toBe(`Training ${acronym} Models`);
    // A title that does not shout writes the word in capitals: it must not replace the known form.
    const lexicon = buildCasingLexicon([`Notes on ${acronym.toUpperCase()} and Others`]);
    expect(readableTitle(shouting, lexicon)).toBe(`Training ${acronym} Models`);
  });

  it.each([
    'a',
    'an',
    'and',
    'as',
    'at',
    'but',
    'by',
    'for',
    'from',
    'in',
    'into',
    'nor',
    'of',
    'on',
    'onto',
    'or',
    'over',
    'per',
    'the',
    'to',
    'via',
    'vs',
    'with',
  ])('writes the small word "%s" in lower case inside a title, and capitalised at its start', (word) => {
    const upper = word.toUpperCase();
    expect(readableTitle(`LEARNING ${upper} GRADIENTS`, known)).toBe(`Learning ${word} Gradients`);
    expect(readableTitle(`${upper} DEEP GRADIENTS`, known)).toBe(
      `${word[0]?.toUpperCase()}${word.slice(1)} Deep Gradients`,
    );
  });

  it.each([
    ['ADAM: A METHOD FOR SGD', 'Adam: A Method for SGD'],
    ['WHY MOMENTUM? THE ANSWER', 'Why Momentum? The Answer'],
    ['IT WORKS! THE PROOF', 'It Works! The Proof'],
    ['PART ONE. THE PROOF', 'Part One. The Proof'],
    ['MOMENTUM — THE PROOF', 'Momentum — The Proof'],
    ['MOMENTUM – THE PROOF', 'Momentum – The Proof'],
  ])(
    'starts a new phrase after a colon, a full stop, a question or exclamation mark, or a dash: %s',
    (title, readable) => {
      expect(readableTitle(title, known)).toBe(readable);
    },
  );

  it('does not start a phrase after a hyphen, a comma or a parenthesis', () => {
    expect(readableTitle('SELF-THE GRADIENT, THE END (THE DATA)', known)).toBe(
      'Self-the Gradient, the End (the Data)',
    );
  });

  it('keeps apostrophes inside a word', () => {
    expect(readableTitle('WHY DON’T WE TRAIN IT’S NETS', known)).toBe('Why Don’t We Train It’s Nets');
    expect(readableTitle("WHY DON'T WE TRAIN", known)).toBe("Why Don't We Train");
  });

  it('makes a plural of a word the lexicon knows in the singular, and only for a final S', () => {
    const lexicon = buildCasingLexicon(['A Study of HashNet']);
    expect(readableTitle('TRAINING HASHNETS AND HASHNET TODAY', lexicon)).toBe(
      'Training HashNets and HashNet Today',
    );
    expect(readableTitle('TRAINING HASHNETX QUICKLY NOW', lexicon)).toBe('Training Hashnetx Quickly Now');
  });

  it('capitalises only the first letter of a word, digits and all', () => {
    expect(readableTitle('SCALING 3D NETWORKS FAST', known)).toBe('Scaling 3d Networks Fast');
  });

  it('returns a title that does not shout as it is', () => {
    expect(readableTitle('on the difficulty of training', known)).toBe('on the difficulty of training');
  });
});
