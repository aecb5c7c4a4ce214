import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandBody, mentionBody, postSigned } from '../support/signing.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

const form = 'application/x-www-form-urlencoded';

interface AckBody {
  response_type: string;
  text: string;
  blocks: Array<{ type: string; text?: { text: string }; elements?: Array<{ text?: string }> }>;
}

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.stop();
});

async function command(text: string): Promise<AckBody> {
  const response = await postSigned(app.eventsUrl, commandBody({ text }), form);
  expect(response.status).toBe(200);
  return (await response.json()) as AckBody;
}

/** The reply read as a person reads it: each block's text, in order. */
function lines(body: AckBody): string[] {
  return body.blocks.flatMap((block) =>
    block.text ? [block.text.text] : (block.elements ?? []).flatMap((element) => element.text ?? []),
  );
}

describe('/optpaper with a question, over HTTP, rendered as Block Kit', () => {
  it('"adam vs rmsprop": the best for each method, each saying which it matched', async () => {
    const body = await command('adam vs rmsprop');
    expect(lines(body).slice(0, 3)).toEqual([
      'Top 3 for “adam vs rmsprop” · no paper matches “adam” and “rmsprop” together: the best for each',
      '*<https://arxiv.org/abs/1412.6980|ADAM>*\n_Popular Optimization algorithms_ · arXiv 1412.6980 (2014)\n_matches “adam”_',
      '*<https://www.deeplearningbook.org/contents/optimization.html|RMSProp>*\n_Popular Optimization algorithms_\n' +
        '_matches “rmsprop”_',
    ]);
    expect(body.text).toBe('3 papers for “adam vs rmsprop”: ADAM; RMSProp; ADAMAX');
  });

  it('a paper that holds the whole question carries no note', async () => {
    const body = await command('curriculum and reinforcement learning');
    const [heading, first] = lines(body);
    expect(heading).toBe('Top 5 for “curriculum and reinforcement learning”');
    expect(first).not.toContain('matches');
  });

  it('"section:curriculum warm": the filter is said in words, the papers are of those sections', async () => {
    const body = await command('section:curriculum warm');
    const [heading, first] = lines(body);
    expect(heading).toBe(
      'Top 5 for “warm” in Continuation Methods and Curriculum Learning, Multi-Task Learning with curricula or ' +
        'Reinforcement Learning and Curriculum',
    );
    expect(first).toContain('|HashNet: Deep Learning to Hash by Continuation.>*');
  });

  it('a year alone lists its papers; a year no paper matches says so and offers the rest of the list', async () => {
    expect(lines(await command('2019'))[0]).toBe('Papers from 2019: 5 of 18, in list order');
    const none = lines(await command('batch normalization 2016'));
    expect(none[0]).toBe('No papers from 2016 match “batch normalization”.');
    expect(none[1]).toMatch(/^Closest in the list: .*\*BatchNorm\*/);
  });

  it('an unknown section is a clear answer', async () => {
    expect(lines(await command('section:zzqxv adam'))[0]).toBe('No section matches “zzqxv”.');
  });

  it('invisible characters are removed before matching and never echoed', async () => {
    const body = await command('sha\u200brp mi\u00adnima \u202e<!channel> vs flat\u2066');
    const all = JSON.stringify(body);
    expect(all).not.toMatch(/[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/);
    expect(all).not.toMatch(/<!channel>/);
    expect(lines(body)[0]).toMatch(/^Top 5 for “sharp minima vs flat”/);
  });

  it('@optpaper with two methods answers in the thread, saying which each matched', async () => {
    const response = await postSigned(
      app.eventsUrl,
      mentionBody({ text: '<@U0OPTBOT> sgd momentum' }),
      'application/json',
    );
    expect(response.status).toBe(200);
    await app.stub.waitFor((calls) => calls.some((call) => call.method === 'chat.postMessage'));
    const post = app.stub.callsTo('chat.postMessage')[0];
    const texts = ((post?.body.blocks ?? []) as AckBody['blocks']).flatMap((block) =>
      block.text ? [block.text.text] : (block.elements ?? []).flatMap((element) => element.text ?? []),
    );
    expect(texts[0]).toBe(
      'Top 3 for “sgd momentum” · no paper matches “sgd” and “momentum” together: the best for each',
    );
    expect(texts[1]).toContain('_matches “sgd”_');
    expect(texts[2]).toContain('_matches “momentum”_');
  });
});
