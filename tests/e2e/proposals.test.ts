import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startClockedBot, type TestBot, titleOf, weeklyPostsOf } from '../support/bot.ts';
import { commandBody, messageShortcutBody, postSigned, viewSubmissionBody } from '../support/signing.ts';
import { type RecordedCall, SlackApiStub } from '../support/slack-api-stub.ts';
import { until } from '../support/wait.ts';
import { TestClock } from '../support/weekly.ts';

const form = 'application/x-www-form-urlencoded';
const channel = 'C0PROPOSE';
/** Monday 7 January 2030, 09:00 UTC: the channel's first post. */
const slot = new Date('2030-01-07T09:00:00Z');
const week = 7 * 24 * 3_600_000;
const sharpMinima = 'Sharp Minima Can Generalize For Deep Nets';
const ours = 'https://example.org/papers/our-own.pdf';

let stub: SlackApiStub;
let started: TestBot;
const time = new TestClock();

beforeEach(async () => {
  stub = await new SlackApiStub().start();
  time.set(new Date('2030-01-02T12:00:00Z'));
  started = await startClockedBot(stub, time);
  await started.command('subscribe monday 9am UTC', channel);
});

afterEach(async () => {
  await started.bot.stop();
  await stub.close();
});

/** `/optpaper <text>` in the channel, with a response_url on the stand-in; the ack's body as text. */
async function command(text: string, user = 'U0ALICE'): Promise<string> {
  const response = await postSigned(
    started.url,
    commandBody({ text, channel_id: channel, user_id: user, response_url: stub.responseUrl('command') }),
    form,
  );
  return response.text();
}

interface View {
  callback_id: string;
  private_metadata: string;
  blocks: {
    type: string;
    block_id?: string;
    text?: { text: string };
    elements?: { text: string }[];
    element?: Record<string, unknown>;
  }[];
}
const viewOf = (call: RecordedCall | undefined) => call?.body.view as View;
const viewText = (view: View | undefined) =>
  (view?.blocks ?? [])
    .map((block) => block.text?.text ?? block.elements?.map((element) => element.text).join(' ') ?? '')
    .join('\n');

async function opened(count: number): Promise<View> {
  await until(() => stub.callsTo('views.open').length >= count, 5000, 'views.open');
  return viewOf(stub.callsTo('views.open')[count - 1]);
}

/** Submit the form; the ack's body (a response_action, or nothing when the form just closes). */
async function submit(view: View, values: Record<string, string> = {}, user = 'U0ALICE'): Promise<string> {
  const response = await postSigned(
    started.url,
    viewSubmissionBody(
      { callback_id: view.callback_id, private_metadata: view.private_metadata, values },
      { user_id: user },
    ),
    form,
  );
  expect(response.status).toBe(200);
  return response.text();
}

const channelPosts = () => stub.callsTo('chat.postMessage').filter((call) => call.body.channel === channel);
const weeklyPosts = () =>
  weeklyPostsOf(stub, channel).filter((call) =>
    JSON.stringify(call.body.blocks).includes('Paper of the week'),
  );
const textOf = (call: RecordedCall | undefined) => JSON.stringify(call?.body.blocks ?? []);

describe('proposing a paper, end to end', () => {
  it('/optpaper propose <words> opens a form with the list’s paper; submitted, it is a candidate in the next vote', async () => {
    await command('vote on');
    expect(await command('propose sharp minima')).toBe('');
    await opened(1);
    const [call] = stub.callsTo('views.open');
    expect(call?.body.trigger_id).toBe('1.2.3');
    const view = viewOf(call);
    expect(view).toMatchObject({
      type: 'modal',
      callback_id: 'propose_paper',
      title: { type: 'plain_text', text: 'Propose a paper' },
      submit: { type: 'plain_text', text: 'Propose' },
    });
    expect(JSON.parse(view.private_metadata)).toEqual({
      channel,
      paperId: 'sharp-minima-can-generalize-for-deep-nets',
    });
    expect(viewText(view)).toContain(`*<https://arxiv.org/pdf/1703.04933.pdf|${sharpMinima}>*`);
    expect(viewText(view)).toContain(
      `For <#${channel}>: it will be a candidate in the vote on the paper of Mon 7 Jan 2030, which opens *Sun 6 Jan 2030, 09:00 UTC*.`,
    );

    expect(await submit(view)).toBe('');
    await until(() => channelPosts().length >= 1, 5000, 'the answer in the channel');
    expect(channelPosts()[0]?.body.text).toBe(
      `@U0ALICE proposed ${sharpMinima}: it will be a candidate in the vote on the paper of Mon 7 Jan 2030, which opens Sun 6 Jan 2030, 09:00 UTC.`,
    );
    expect(textOf(channelPosts()[0])).toContain('<@U0ALICE> proposed');

    time.set(new Date(slot.getTime() - 24 * 3_600_000));
    await started.bot.runner.maintain(time.now());
    const vote = channelPosts().find((post) => textOf(post).includes('cast_vote'));
    expect(textOf(vote)).toContain(
      `${sharpMinima}>*\\n_Poor Local Minima? and Sharp Minima_\\nProposed by <@U0ALICE> · *0 votes*`,
    );
    // The rotation's pick first, the proposal next, then the rotation's next pick from another section.
    expect([...textOf(vote).matchAll(/\|([^>]+)>\*/g)].map((match) => match[1])).toEqual([
      'SGD · Momentum · RMSProp · Optimization',
      sharpMinima,
      'BatchNorm',
    ]);
    // The same paper proposed again changes nothing, and the form says so.
    await command('propose sharp minima', 'U0BOB');
    const again = await submit(await opened(2), {}, 'U0BOB');
    expect(JSON.parse(again)).toMatchObject({ response_action: 'update' });
    expect(again).toContain(
      'was already proposed by <@U0ALICE> (Wed 2 Jan 2030): it is waiting for its turn.',
    );
  });

  it('a link the list lacks: a title and the link to confirm; queued where the channel does not vote, posted once, shown in history', async () => {
    expect(await command(`propose ${ours}`)).toBe('');
    const view = await opened(1);
    expect(JSON.parse(view.private_metadata)).toEqual({ channel });
    const inputs = view.blocks.filter((block) => block.type === 'input');
    expect(
      inputs.map((block) => [block.block_id, block.element?.type, block.element?.initial_value]),
    ).toEqual([
      ['title', 'plain_text_input', undefined],
      ['url', 'url_text_input', ours],
    ]);
    expect(viewText(view)).toContain(
      'this channel does not vote, so it joins the queue of papers to read next.',
    );

    // A missing title or a link that is not one are pointed out in the form, and nothing is stored.
    expect(JSON.parse(await submit(view, { title: '  ', url: ours }))).toEqual({
      response_action: 'errors',
      errors: { title: 'Give the paper a title.' },
    });
    expect(JSON.parse(await submit(view, { title: 'Ours', url: 'javascript:alert(1)' }))).toEqual({
      response_action: 'errors',
      errors: { url: 'Give a link that starts with https:// (or http://).' },
    });
    expect(await submit(view, { title: 'Our “own” <!channel> paper', url: ours })).toBe('');
    await until(() => channelPosts().length >= 1, 5000, 'the answer in the channel');
    const answer = textOf(channelPosts()[0]);
    expect(answer).toContain(
      `<@U0ALICE> proposed *<${ours}|Our “own” &lt;!channel&gt; paper>*: it is next, and comes on *Mon 7 Jan 2030*.`,
    );
    expect(answer).not.toContain('<!channel>');

    time.set(slot);
    await started.bot.runner.runDue(slot);
    const [post] = weeklyPosts();
    expect(titleOf(post)).toBe('Our “own” &lt;!channel&gt; paper');
    expect(textOf(post)).toContain(`*<${ours}|Our “own” &lt;!channel&gt; paper>*`);
    expect(textOf(post)).toContain('Proposed by <@U0ALICE> · not in the list, so it counts in no section');

    time.set(new Date(slot.getTime() + week));
    await started.bot.runner.runDue(time.now());
    expect(weeklyPosts().map(titleOf)).toEqual([
      'Our “own” &lt;!channel&gt; paper',
      'SGD · Momentum · RMSProp · Optimization',
    ]);

    const history = await command('history');
    expect(history).toContain('Our “own” &lt;!channel&gt; paper');
    expect(history).toContain(`_proposed, not in the list_ · <${ours}|${ours}>`);
    // Proposed again (another form of the same link): never posted twice.
    await command(`propose ${ours.replace('https://', 'http://')} | Again`);
    const again = await submit(await opened(2), { title: 'Again', url: ours.replace('https://', 'http://') });
    expect(again).toContain(
      'was already a paper of the week here (Mon 7 Jan 2030), and a reading is not posted twice in a round.',
    );
    time.set(new Date(slot.getTime() + 2 * week));
    await started.bot.runner.runDue(time.now());
    expect(weeklyPosts().map(titleOf)).not.toContain('Again');
  });

  it('the message shortcut proposes the message’s first link, its label as the title; a message without a link gets a clear answer', async () => {
    const shortcut = (text: string) =>
      postSigned(
        started.url,
        messageShortcutBody(
          'propose_from_message',
          { text, channel_id: channel },
          { response_url: stub.responseUrl('shortcut') },
        ),
        form,
      );
    expect(
      (await shortcut(`Worth a read: <${ours}|A Paper We Like> and <https://example.org/other>`)).status,
    ).toBe(200);
    const view = await opened(1);
    expect(stub.callsTo('views.open')[0]?.body.trigger_id).toBe('7.8.9');
    const inputs = view.blocks.filter((block) => block.type === 'input');
    expect(inputs.map((block) => block.element?.initial_value)).toEqual(['A Paper We Like', ours]);

    // A link of the list finds its paper (arXiv abs, pdf and version forms are one link).
    await shortcut('this one <https://arxiv.org/pdf/1703.04933v2.pdf>');
    expect(JSON.parse((await opened(2)).private_metadata)).toEqual({
      channel,
      paperId: 'sharp-minima-can-generalize-for-deep-nets',
    });

    await shortcut('no link here, just <!channel> words');
    await until(() => stub.callsTo('response:shortcut').length >= 1, 5000, 'the answer');
    expect(JSON.stringify(stub.callsTo('response:shortcut')[0]?.body)).toContain(
      'That message has no link to propose.',
    );
    expect(stub.callsTo('views.open')).toHaveLength(2);
  });

  it('answers without a form where there is nothing to propose or no paper of the week', async () => {
    expect(await command('propose')).toContain('Say which paper');
    expect(await command('propose zzqxv blorft')).toContain('No paper of the list matches “zzqxv blorft”.');
    const elsewhere = await postSigned(
      started.url,
      commandBody({
        text: 'propose sharp minima',
        channel_id: 'C0ELSEWHERE',
        response_url: stub.responseUrl('command'),
      }),
      form,
    );
    expect(await elsewhere.text()).toContain('This channel does not get a paper of the week.');
    expect(stub.callsTo('views.open')).toEqual([]);
  });
});
