import { describe, expect, it } from 'vitest';
import { readUserText, userMentions } from '../../src/commands/input.ts';

describe('text from an escaped slash command', () => {
  it('reads what Slack escapes (people, channels, links, entities) as the plain text a search wants', () => {
    expect(
      readUserText(
        'sharp minima <@U0ANA|ana> <#C0READING|reading-group> <https://arxiv.org/abs/1412.6980|arxiv.org/abs/1412.6980> <mailto:a@b.org|a@b.org> &lt;!channel&gt; &amp; co',
      ),
    ).toBe('sharp minima #reading-group https://arxiv.org/abs/1412.6980 a@b.org <!channel> & co');
    expect(readUserText('<!channel> <!here> adam')).toBe('adam');
  });

  it('gives the people a text mentions, in order, repeats kept', () => {
    expect(userMentions('presenters <@U0ANA|ana> <@W0BEN> <!channel> <@U0ANA|ana> @chloé <#C0X|x>')).toEqual([
      'U0ANA',
      'W0BEN',
      'U0ANA',
    ]);
    expect(userMentions('no one here')).toEqual([]);
  });
});

describe('mentions inside words and far into a long text', () => {
  it('leaves a space where a mention stood, so the words around it stay apart', () => {
    expect(readUserText('adam<@U0ANA|ana>rmsprop')).toBe('adam rmsprop');
    expect(readUserText('adam<!here>rmsprop')).toBe('adam rmsprop');
  });

  it('finds a mention 1,500 characters in, and none past the first 4,000 characters', () => {
    expect(userMentions(`${'x'.repeat(1500)} <@U0ANA|ana>`)).toEqual(['U0ANA']);
    expect(userMentions(`${'x'.repeat(3990)} <@U0ANA|ana> <@U0BEN>`)).toEqual([]);
    expect(userMentions(`${'x'.repeat(3980)} <@U0ANA|ana>`)).toEqual(['U0ANA']);
  });
});
