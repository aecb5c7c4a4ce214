import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCatalog } from '../../src/catalog/parse.ts';
import { fixedLibrary } from '../../src/library.ts';
import { createSearch } from '../../src/search/search.ts';
import { createWeeklyService } from '../../src/weekly/service.ts';
import { actionBody, mentionBody, postSigned } from '../support/signing.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { HeldSleeps, until } from '../support/wait.ts';
import { weeklyFixture } from '../support/weekly.ts';

let app: TestApp;
beforeEach(async () => {
  app = await startTestApp();
});
afterEach(async () => {
  await app.stop();
});

const sharpMinima = 'sharp-minima-can-generalize-for-deep-nets';

async function pressShare(paperId: string, responseName: string): Promise<string> {
  const response = await postSigned(
    app.eventsUrl,
    actionBody(
      { action_id: 'share_paper:0', value: paperId },
      { response_url: app.stub.responseUrl(responseName) },
    ),
    'application/x-www-form-urlencoded',
  );
  expect(response.status).toBe(200);
  await app.stub.waitFor((calls) => calls.some((call) => call.method === `response:${responseName}`));
  return String(app.stub.callsTo(`response:${responseName}`)[0]?.body.text);
}

describe('Share of a paper whose title carries Slack markup', () => {
  it('tells the sharer with the title escaped: no live mention', async () => {
    const catalog = parseCatalog(
      '## Traps\n- [Why x < y & <@U0BOB> <!channel> matter](https://example.org/trap)\n',
    );
    const hostile = await startTestApp({ library: fixedLibrary(createSearch(catalog)) });
    try {
      await postSigned(
        hostile.eventsUrl,
        actionBody(
          { action_id: 'share_paper:0', value: catalog.papers[0]?.id ?? '' },
          { response_url: hostile.stub.responseUrl('trap') },
        ),
        'application/x-www-form-urlencoded',
      );
      await hostile.stub.waitFor((calls) => calls.some((call) => call.method === 'response:trap'));
      const told = JSON.stringify(hostile.stub.callsTo('response:trap')[0]?.body);
      expect(told).toContain(
        'Shared ✓ “Why x &lt; y &amp; &lt;@U0BOB&gt; &lt;!channel&gt; matter” is in the channel now.',
      );
      expect(told).not.toMatch(/<@U0BOB>|<!channel>/);
      const posted = JSON.stringify(hostile.stub.callsTo('chat.postMessage')[0]?.body);
      expect(posted).not.toMatch(/<@U0BOB>|<!channel>/);
    } finally {
      await hostile.stop();
    }
  });
});

describe('Share', () => {
  it('posts the paper into the channel with chat.postMessage, naming who shared it, and tells the sharer', async () => {
    const told = await pressShare(sharpMinima, 'share');
    const [post] = app.stub.callsTo('chat.postMessage');
    expect(post?.body.channel).toBe('C0READING');
    expect(post?.authorization).toBe('Bearer xoxb-test-token');
    const blocks = JSON.stringify(post?.body.blocks);
    expect(blocks).toContain('<@U0ALICE> shared a paper');
    expect(blocks).toContain(
      '<https://arxiv.org/pdf/1703.04933.pdf|Sharp Minima Can Generalize For Deep Nets>',
    );
    expect(blocks).toContain('Poor Local Minima? and Sharp Minima');
    expect(blocks).not.toContain('share_paper');
    expect(told).toBe('Shared ✓ “Sharp Minima Can Generalize For Deep Nets” is in the channel now.');
  });

  it('when the bot stops during a slow post, the post and the answer to the sharer still finish', async () => {
    app.stub.script('chat.postMessage', {
      delayMs: 400,
      body: { ok: true, channel: 'C0READING', ts: '1700000000.000100' },
    });
    const acked = await postSigned(
      app.eventsUrl,
      actionBody(
        { action_id: 'share_paper:0', value: sharpMinima },
        { response_url: app.stub.responseUrl('slow') },
      ),
      'application/x-www-form-urlencoded',
    );
    expect(acked.status).toBe(200);
    await app.stub.waitFor((calls) => calls.some((call) => call.method === 'chat.postMessage'));
    await app.running.stop();
    expect(String(app.stub.callsTo('response:slow')[0]?.body.text)).toMatch(/^Shared/);
  });

  it('tells the sharer how to invite the bot when it is not in the channel', async () => {
    app.stub.script('chat.postMessage', { body: { ok: false, error: 'not_in_channel' } });
    const told = await pressShare(sharpMinima, 'refused');
    expect(told).toContain('Invite me with /invite @optpaper and press Share again');
    expect(app.stub.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('in a direct message, says Share cannot post there instead of asking for an invite', async () => {
    app.stub.script('chat.postMessage', { body: { ok: false, error: 'channel_not_found' } });
    await postSigned(
      app.eventsUrl,
      actionBody(
        { action_id: 'share_paper:0', value: sharpMinima },
        { channel_id: 'D0ALICE', response_url: app.stub.responseUrl('dm') },
      ),
      'application/x-www-form-urlencoded',
    );
    await app.stub.waitFor((calls) => calls.some((call) => call.method === 'response:dm'));
    expect(String(app.stub.callsTo('response:dm')[0]?.body.text)).toBe(
      'I cannot post “Sharp Minima Can Generalize For Deep Nets” into a direct message. Share it from a channel I am in.',
    );
  });

  it('retries a rate-limited post and posts it once', async () => {
    app.stub.script('chat.postMessage', {
      status: 429,
      headers: { 'retry-after': '1' },
      body: { ok: false, error: 'ratelimited' },
    });
    const told = await pressShare(sharpMinima, 'limited');
    expect(app.stub.callsTo('chat.postMessage')).toHaveLength(2);
    expect(told).toBe('Shared ✓ “Sharp Minima Can Generalize For Deep Nets” is in the channel now.');
  });

  it('gives up a rate-limited post waiting to retry when the bot stops, and tells the sharer it was not posted', async () => {
    const sleeps = new HeldSleeps();
    sleeps.holding = true;
    const stopping = new AbortController();
    const stopped = await startTestApp({ sleep: sleeps.sleep, stopping: stopping.signal });
    try {
      stopped.stub.script('chat.postMessage', {
        status: 429,
        headers: { 'retry-after': '1' },
        body: { ok: false, error: 'ratelimited' },
      });
      await postSigned(
        stopped.eventsUrl,
        actionBody(
          { action_id: 'share_paper:0', value: sharpMinima },
          { response_url: stopped.stub.responseUrl('stopping') },
        ),
        'application/x-www-form-urlencoded',
      );
      await until(() => sleeps.asked.length > 0, 5000, 'the wait Slack asked for');
      expect(sleeps.asked).toEqual([1000]);
      stopping.abort();
      await stopped.stub.waitFor((calls) => calls.some((call) => call.method === 'response:stopping'));
      sleeps.release();
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(stopped.stub.callsTo('chat.postMessage')).toHaveLength(1);
      expect(stopped.stub.callsTo('response:stopping').map((call) => call.body.text)).toEqual([
        'I am restarting and did not post “Sharp Minima Can Generalize For Deep Nets”. Please press Share again in a minute.',
      ]);
      expect(stopped.logs.join('')).toContain(
        `share of ${sharpMinima} in C0READING failed: stopped stopping after ratelimited: ratelimited`,
      );
    } finally {
      await stopped.stop();
    }
  });

  it('does not retry a 500 (the post may have gone through): the sharer is told to check first', async () => {
    app.stub.script('chat.postMessage', { status: 500, body: { ok: false, error: 'internal_error' } });
    const told = await pressShare(sharpMinima, 'failed');
    expect(app.stub.callsTo('chat.postMessage')).toHaveLength(1);
    expect(told).toBe(
      'Slack did not confirm the post (HTTP 500). Check the channel before pressing Share again, so it is not posted twice.',
    );
    expect(app.logs.join('')).toContain(`share of ${sharpMinima} in C0READING failed: server HTTP 500`);
  });

  it('replaces the results again when the response_url fails (502, then 503), posting the paper once', async () => {
    app.stub.script('response:flaky', { status: 502, body: {} }, { status: 503, body: {} });
    await pressShare(sharpMinima, 'flaky');
    await app.stub.waitFor((calls) => calls.filter((call) => call.method === 'response:flaky').length === 3);
    const replacements = app.stub.callsTo('response:flaky');
    expect(
      replacements.map((call) => [call.answer?.status ?? 200, call.body.replace_original, call.body.text]),
    ).toEqual(
      [502, 503, 200].map((status) => [
        status,
        true,
        'Shared ✓ “Sharp Minima Can Generalize For Deep Nets” is in the channel now.',
      ]),
    );
    expect(app.stub.callsTo('chat.postMessage')).toHaveLength(1);
    expect(app.logs.join('')).not.toContain('could not be told');
  });

  it('logs a response_url that keeps failing, saying the Share button stays', async () => {
    app.stub.script('response:gone', ...Array.from({ length: 4 }, () => ({ status: 404, body: {} })));
    await pressShare(sharpMinima, 'gone');
    await app.stub.waitFor(() => app.logs.join('').includes('could not be told'));
    expect(app.stub.callsTo('response:gone')).toHaveLength(4);
    expect(app.stub.callsTo('chat.postMessage')).toHaveLength(1);
    expect(app.logs.join('')).toContain(
      `share of ${sharpMinima} in C0READING: the sharer could not be told (network: `,
    );
    expect(app.logs.join('')).toContain(
      'their Share button stays, and a press after 30 s would share it again',
    );
  });

  it('says so when the paper left the list since the button was shown', async () => {
    const told = await pressShare('a-paper-that-was-removed', 'gone');
    expect(told).toBe('That paper is no longer in the list.');
    expect(app.stub.callsTo('chat.postMessage')).toEqual([]);
  });
});

describe('Read next', () => {
  it('makes the paper the next weekly pick of the channel and tells the channel', async () => {
    await app.stop();
    const { library, store, team } = weeklyFixture();
    const weekly = createWeeklyService({
      store: team,
      library,
      defaults: { cron: '0 9 * * 1', timeZone: 'UTC' },
    });
    await weekly.subscribe('C0READING', weekly.defaults, 'U0ALICE', new Date('2026-11-29T12:00:00Z'));
    app = await startTestApp({
      library,
      store,
      weeklyFor: (key) =>
        key === team.team
          ? weekly
          : createWeeklyService({ store: store.team(key), library, defaults: weekly.defaults }),
      clock: () => new Date('2026-11-29T12:00:00Z'),
    });
    await postSigned(
      app.eventsUrl,
      actionBody(
        { action_id: 'read_next:1', value: sharpMinima },
        { response_url: app.stub.responseUrl('next') },
      ),
      'application/x-www-form-urlencoded',
    );
    await app.stub.waitFor((calls) => calls.some((call) => call.method === 'response:next'));
    const [reply] = app.stub.callsTo('response:next');
    expect(reply?.body).toMatchObject({
      response_type: 'in_channel',
      replace_original: false,
      text: 'Sharp Minima Can Generalize For Deep Nets is next: it will be the paper of the week on Mon 30 Nov 2026.',
    });
    expect((await team.queue('C0READING')).map((entry) => entry.paperId)).toEqual([sharpMinima]);
  });
});

describe('Previous/Next on a section', () => {
  it('replaces the listing with the next page', async () => {
    const value = JSON.stringify({ section: 'Continuation Methods and Curriculum Learning', page: 3 });
    await postSigned(
      app.eventsUrl,
      actionBody({ action_id: 'section_page:1', value }, { response_url: app.stub.responseUrl('page') }),
      'application/x-www-form-urlencoded',
    );
    await app.stub.waitFor((calls) => calls.some((call) => call.method === 'response:page'));
    const [reply] = app.stub.callsTo('response:page');
    expect(reply?.body.replace_original).toBe(true);
    const blocks = JSON.stringify(reply?.body.blocks);
    expect(blocks).toContain('page 3 of 3');
    expect(blocks).toContain('Cyclical Annealing Schedule: A Simple Approach to Mitigating KL Vanishing');
    expect(blocks).not.toContain('Next ▶');
  });
});

describe('@optpaper mentions', () => {
  async function mention(event: Parameters<typeof mentionBody>[0]) {
    const response = await postSigned(app.eventsUrl, mentionBody(event), 'application/json');
    expect(response.status).toBe(200);
    await app.stub.waitFor((calls) => calls.some((call) => call.method === 'chat.postMessage'));
    return app.stub.callsTo('chat.postMessage')[0]?.body ?? {};
  }

  it('with two methods, says which each paper matched', async () => {
    const posted = await mention({ text: '<@U0OPTBOT> sgd momentum' });
    const texts = (
      (posted.blocks ?? []) as Array<{ text?: { text: string }; elements?: Array<{ text?: string }> }>
    ).flatMap((block) =>
      block.text ? [block.text.text] : (block.elements ?? []).flatMap((e) => e.text ?? []),
    );
    expect(texts[0]).toBe(
      'Top 3 for “sgd momentum” · no paper matches “sgd” and “momentum” together: the best for each',
    );
    expect(texts[1]).toMatch(/\|SGD>\*\n.*\n_matches “sgd”_$/);
    expect(texts[2]).toMatch(/\|Momentum>\*\n.*\n_matches “momentum”_$/);
  });

  it('answers in the thread it was mentioned in, with the top 3', async () => {
    const posted = await mention({
      text: '<@U0OPTBOT> bad local minima',
      ts: '1700000200.000300',
      thread_ts: '1700000100.000100',
    });
    expect(posted.thread_ts).toBe('1700000100.000100');
    expect(posted.channel).toBe('C0READING');
    const papers = (posted.blocks as Array<{ type: string; text?: { text: string } }>).filter(
      (block) => block.type === 'section',
    );
    expect(papers).toHaveLength(3);
    const titles = papers.map((block) => block.text?.text ?? '').join('\n');
    expect(titles).toContain('Adding One Neuron Can Eliminate All Bad Local Minima');
    expect(titles).toContain('Elimination of All Bad Local Minima in Deep Learning');
    expect(JSON.stringify(posted.blocks)).not.toContain('share_paper');
  });

  it('starts a thread under a top-level mention', async () => {
    const posted = await mention({ text: '<@U0OPTBOT> rnn', ts: '1700000300.000400' });
    expect(posted.thread_ts).toBe('1700000300.000400');
    expect(JSON.stringify(posted.blocks)).toContain(
      'On the difficulty of training recurrent neural networks',
    );
  });

  it('answers a bare mention with short help', async () => {
    const posted = await mention({ text: '<@U0OPTBOT>', ts: '1700000400.000500' });
    expect(JSON.stringify(posted.blocks)).toContain('Ask me for a paper');
  });

  it('never turns mention text into a live mention', async () => {
    const posted = await mention({ text: '<@U0OPTBOT> <!channel> zzqxv', ts: '1700000500.000600' });
    expect(JSON.stringify(posted)).not.toContain('<!channel>');
    expect(JSON.stringify(posted.blocks)).toContain('No papers match “zzqxv”.');
  });
});
