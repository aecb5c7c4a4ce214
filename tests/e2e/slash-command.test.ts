import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  actionBody,
  commandBody,
  mentionBody,
  postSigned,
  slackSignature,
  testSigningSecret,
} from '../support/signing.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

const form = 'application/x-www-form-urlencoded';

interface AckBody {
  response_type: string;
  text: string;
  blocks: Array<{
    type: string;
    text?: { text: string };
    accessory?: { action_id: string; value: string; text: { text: string } };
    elements?: Array<{ text?: string | { text: string }; action_id?: string; value?: string }>;
  }>;
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

function sectionTexts(body: AckBody): string[] {
  return body.blocks.flatMap((block) => (block.text ? [block.text.text] : []));
}

describe('/optpaper over HTTP', () => {
  it('answers a search in the ack: ephemeral blocks, the paper linked, its section, a Share button', async () => {
    const body = await command('sharp minima');
    expect(body.response_type).toBe('ephemeral');
    const first = body.blocks.find((block) => block.type === 'section');
    expect(first?.text?.text).toBe(
      '*<https://arxiv.org/pdf/1703.04933.pdf|Sharp Minima Can Generalize For Deep Nets>*\n' +
        '_Poor Local Minima? and Sharp Minima_ · arXiv 1703.04933 (2017)',
    );
    expect(first?.accessory).toMatchObject({
      action_id: 'share_paper:0',
      value: 'sharp-minima-can-generalize-for-deep-nets',
      text: { text: 'Share' },
    });
    expect(body.blocks.filter((block) => block.accessory?.action_id.startsWith('share_paper'))).toHaveLength(
      5,
    );
    // Nothing was posted: the answer travelled in the HTTP response.
    expect(app.stub.callsTo('chat.postMessage')).toEqual([]);
  });

  it('shows other links (code, talk) beside the paper', async () => {
    const body = await command('adabound');
    expect(sectionTexts(body)[0]).toContain('<https://github.com/Luolc/AdaBound|Github>');
  });

  it.each([
    ['<!channel> sharp minima', 'Sharp Minima Can Generalize For Deep Nets'],
    // Typed as characters, Slack sends it entity-encoded: it is shown as text, escaped again.
    ['&lt;!here&gt; zzqxv', 'No papers match “&lt;!here&gt; zzqxv”.'],
  ])('never echoes a live mention (%s)', async (text, expected) => {
    const body = await command(text);
    const all = JSON.stringify(body);
    expect(all).toContain(expected);
    expect(all).not.toMatch(/<!(channel|here|everyone)/);
  });

  it('escapes user text: <@U…> and <http://evil|text> come back inert', async () => {
    const body = await command('zzqxv <@U0BOSS> &lt;http://evil.example|click&gt; & co');
    const all = JSON.stringify(body);
    expect(all).not.toContain('<@U0BOSS>');
    expect(all).not.toContain('<http://evil.example');
    expect(all).toContain('&lt;http://evil.example|click&gt; &amp; co');
  });

  it.each([
    ['5,000 characters', 'x'.repeat(5000), /No papers match “x{79}…”/],
    ['emoji and right-to-left text', '🍌 שלום مرحبا', /No papers match “🍌 שלום مرحبا”/],
    ['only whitespace', '   \t  ', /optpaper: papers on optimization for deep learning/],
    ['an unknown subcommand', 'halp', /Did you mean `\/optpaper help`\?/],
  ])('answers %s clearly', async (_name, text, expected) => {
    const body = await command(text);
    expect(body.response_type).toBe('ephemeral');
    expect(JSON.stringify(body)).toMatch(expected);
  });

  it('lists sections with their counts, and a section page with Next', async () => {
    expect(sectionTexts(await command('sections')).join('\n')).toContain(
      '7\\. *Poor Local Minima? and Sharp Minima* — 8 papers'.replace('\\', ''),
    );
    const page = await command('section curriculum learning');
    const actions = page.blocks.find((block) => block.type === 'actions');
    expect(actions?.elements?.map((element) => element.action_id)).toEqual(['section_page:0']);
    expect(JSON.parse(actions?.elements?.[0]?.value ?? '{}')).toEqual({
      section: 'Continuation Methods and Curriculum Learning',
      page: 2,
    });
  });

  it.each([
    ['learning', 'Top 5 for “learning”'],
    ['section 4', 'Continuation Methods and Curriculum Learning'],
    ['sections', '14 sections · 114 papers'],
    ['help', 'optpaper: papers on optimization for deep learning'],
    ['random', 'Random pick from all 14 sections'],
    ['curriculum', 'Top 5 for “curriculum”'],
  ])("answers %s within Slack's limits, with what it should say first", async (text, first) => {
    const body = await command(text);
    expect(body.blocks.length).toBeGreaterThan(1);
    expect(body.blocks.length).toBeLessThanOrEqual(50);
    const textOf = (element?: { text?: string | { text: string } }) =>
      typeof element?.text === 'string' ? element.text : (element?.text?.text ?? '');
    const [opening] = body.blocks;
    expect(opening?.text?.text ?? textOf(opening?.elements?.[0])).toBe(first);
    for (const block of body.blocks) {
      const limit = block.type === 'header' ? 150 : 3000;
      expect(block.text?.text.length ?? 0).toBeLessThanOrEqual(limit);
      const buttons = [...(block.accessory ? [block.accessory] : []), ...(block.elements ?? [])].filter(
        (element) => element.action_id !== undefined,
      );
      for (const button of buttons) {
        expect(textOf(button).length).toBeLessThanOrEqual(75);
        expect(button.value?.length ?? 0).toBeLessThanOrEqual(2000);
      }
      if (block.type === 'context')
        for (const element of block.elements ?? []) expect(textOf(element).length).toBeLessThanOrEqual(2000);
    }
    expect(JSON.stringify(body.blocks).length).toBeLessThanOrEqual(12_000);
  });
});

/** The reply read as a person reads it: each block's text, in order. */
function lines(body: AckBody): string[] {
  return body.blocks.flatMap((block) =>
    block.text
      ? [block.text.text]
      : (block.elements ?? []).flatMap((element) =>
          element.text === undefined
            ? []
            : [typeof element.text === 'string' ? element.text : element.text.text],
        ),
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
});

describe('request verification', () => {
  const body = commandBody({ text: 'sharp minima' });

  it('refuses a forged signature with 401 and processes nothing', async () => {
    const before = app.stub.calls.length;
    const forged = commandBody({
      text: 'sharp minima',
      response_url: app.stub.responseUrl('forged-command'),
    });
    const response = await postSigned(app.eventsUrl, forged, form, {
      secret: 'not-the-signing-secret-000000000',
    });
    expect(response.status).toBe(401);
    // No search in the refusal, and nothing sent to Slack (not even to the command's response_url).
    expect(await response.text()).not.toContain('Sharp Minima');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(app.stub.calls.slice(before)).toEqual([]);
  });

  it('refuses a stale timestamp (over five minutes old) with 401', async () => {
    const response = await postSigned(app.eventsUrl, body, form, {
      timestamp: Math.floor(Date.now() / 1000) - 6 * 60,
    });
    expect(response.status).toBe(401);
  });

  it('refuses a request without signature headers with 401', async () => {
    const response = await postSigned(app.eventsUrl, body, form, { headers: {} });
    expect(response.status).toBe(401);
  });

  it('refuses a body changed after signing with 401', async () => {
    const timestamp = Math.floor(Date.now() / 1000);
    const headers = {
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': slackSignature(testSigningSecret, timestamp, body),
    };
    const response = await postSigned(app.eventsUrl, body.replace('sharp', 'other'), form, { headers });
    expect(response.status).toBe(401);
    expect(app.stub.calls).toEqual([]);
  });

  // A Share press and a mention post to Slack when they run: refused, they must post nothing.
  const posting = [
    [
      'a Share press',
      () =>
        actionBody(
          { action_id: 'share_paper:0', value: 'adam' },
          { response_url: app.stub.responseUrl('forged') },
        ),
      form,
    ],
    ['a mention', () => mentionBody({ text: '<@U0OPTBOT> adam' }), 'application/json'],
  ] as const;
  const forgeries = [
    ['a forged signature', { secret: 'not-the-signing-secret-000000000' }],
    ['a stale timestamp', { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 }],
    ['no signature headers', { headers: {} }],
  ] as const;
  for (const [what, bodyOf, type] of posting) {
    for (const [forgery, options] of forgeries) {
      it(`refuses ${what} with ${forgery}: 401, and nothing is posted`, async () => {
        const before = app.stub.calls.length;
        const response = await postSigned(app.eventsUrl, bodyOf(), type, options);
        expect(response.status).toBe(401);
        // Give a wrongly accepted request the time to post, then check it did not.
        await new Promise((resolve) => setTimeout(resolve, 100));
        expect(app.stub.calls.slice(before)).toEqual([]);
      });
    }
  }

  it('answers GET /healthz for load balancers', async () => {
    const response = await fetch(`${app.baseUrl}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      ok: true,
      papers: 114,
      list: { ok: true, papers: 114 },
      database: { ok: true, detail: 'none' },
      slack: { ok: true, mode: 'http', detail: 'POST /slack/events' },
    });
  });
});
