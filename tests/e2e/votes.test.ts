import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startClockedBot, type TestBot, titleOf, weeklyPostsOf } from '../support/bot.ts';
import { actionBody, commandBody, postSigned } from '../support/signing.ts';
import { type RecordedCall, SlackApiStub } from '../support/slack-api-stub.ts';
import { HeldSleeps, until } from '../support/wait.ts';
import { TestClock } from '../support/weekly.ts';

const form = 'application/x-www-form-urlencoded';
const channel = 'C0VOTE';
/** Monday 7 January 2030, 09:00 UTC: the channel's first post; its vote opens a day before. */
const slot = new Date('2030-01-07T09:00:00Z');
const hour = 3_600_000;
const later = (base: Date, ms: number) => new Date(base.getTime() + ms);
const [sgd, batchNorm, convex] = [
  'SGD · Momentum · RMSProp · Optimization',
  'BatchNorm',
  'Convex Neural Networks',
];

let stub: SlackApiStub;
let started: TestBot;
const time = new TestClock();
const sleeps = new HeldSleeps();

beforeEach(async () => {
  stub = await new SlackApiStub().start();
  time.set(new Date('2030-01-02T12:00:00Z'));
  sleeps.release();
  started = await startClockedBot(stub, time, { sleep: sleeps.sleep });
  expect(await started.command('subscribe monday 9am UTC', channel)).toContain('every Monday at 09:00');
});

afterEach(async () => {
  await started.bot.stop();
  await stub.close();
});

/** Vote messages the channel got (posts with Vote buttons). */
const voteMessages = () =>
  stub
    .callsTo('chat.postMessage')
    .filter(
      (call) => call.body.channel === channel && JSON.stringify(call.body.blocks).includes('cast_vote'),
    );

interface Block {
  type: string;
  text?: { text: string };
  elements?: { text: string }[];
  accessory?: { action_id: string; value: string; text: { text: string } };
}
const blocksOf = (call: RecordedCall | undefined) => (call?.body.blocks ?? []) as Block[];
const textOf = (call: RecordedCall | undefined) =>
  blocksOf(call)
    .map((block) => block.text?.text ?? block.elements?.map((element) => element.text).join(' ') ?? '')
    .join('\n');

/** The candidates of a vote message: title, the note (origin and votes), and the button's value. */
function candidatesOf(call: RecordedCall | undefined) {
  return blocksOf(call)
    .filter((block) => block.type === 'section' && /\*<[^|]+\|/.test(block.text?.text ?? ''))
    .map((block) => {
      const [heading = '', , note = ''] = block.text?.text.split('\n') ?? [];
      return { title: /\|([^>]+)>/.exec(heading)?.[1] ?? '', note, value: block.accessory?.value };
    });
}

const tsOf = (call: RecordedCall | undefined) => (call?.answer?.body as { ts?: string } | undefined)?.ts;
/** The weekly posts (top-level posts that are not a vote). */
const weeklyPosts = () =>
  weeklyPostsOf(stub, channel).filter((call) => !JSON.stringify(call.body.blocks).includes('cast_vote'));

const updates = () => stub.callsTo('chat.update').filter((call) => call.body.channel === channel);

async function openVote(): Promise<RecordedCall> {
  expect(await started.command('vote on', channel)).toContain('a vote opens 24 hours before each post');
  time.set(later(slot, -24 * hour));
  await started.bot.runner.maintain(time.now());
  const [message] = voteMessages();
  if (!message) throw new Error('no vote message');
  return message;
}

/**
 * Press a Vote button as Slack delivers it. The bot acknowledges at once and works on: wait for the
 * voter's answer (`answers`: how many they will have by then), or, for a press that answers nothing,
 * give it a moment.
 */
async function press(
  value: string | undefined,
  user: string,
  actionTs: string,
  answers?: number,
): Promise<void> {
  const response = await postSigned(
    started.url,
    actionBody(
      { action_id: 'cast_vote:0', value: value ?? '' },
      { channel_id: channel, user_id: user, response_url: stub.responseUrl(user), action_ts: actionTs },
    ),
    form,
  );
  expect(response.status).toBe(200);
  if (answers === undefined) await new Promise((resolve) => setTimeout(resolve, 150));
  else await until(() => answersTo(user).length >= answers, 5000, `${user}'s answer`);
}

const answersTo = (user: string) => stub.callsTo(`response:${user}`).map((call) => JSON.stringify(call.body));

describe('voting on next week’s paper, end to end', () => {
  it('posts the vote a day before the post, once, with three candidates: the rotation’s pick, then other sections', async () => {
    const on = await started.command('vote on', channel);
    expect(on).toContain('"response_type":"in_channel"');
    expect(on).toContain('The first vote opens *Sun 6 Jan 2030, 09:00 UTC*');
    time.set(later(slot, -24 * hour - 60_000));
    await started.bot.runner.maintain(time.now());
    expect(voteMessages()).toEqual([]);

    time.set(later(slot, -24 * hour));
    await started.bot.runner.maintain(time.now());
    await started.bot.runner.maintain(later(time.now(), 60_000));
    expect(voteMessages()).toHaveLength(1);
    const [message] = voteMessages();
    expect(textOf(message)).toContain('Vote: the paper of Mon 7 Jan 2030');
    expect(textOf(message)).toContain('changeable until *Mon 7 Jan 2030, 09:00 UTC*');
    expect(candidatesOf(message)).toEqual([
      { title: sgd, note: 'Next in the rotation · *0 votes*', value: expect.stringMatching(/^\d+:sgd$/) },
      {
        title: batchNorm,
        note: 'Coming up in the rotation · *0 votes*',
        value: expect.stringMatching(/^\d+:batchnorm$/),
      },
      {
        title: convex,
        note: 'Coming up in the rotation · *0 votes*',
        value: expect.stringMatching(/^\d+:convex-neural-networks$/),
      },
    ]);
    const vote = await started.bot.store.team(started.bot.team).voteAt(channel, slot);
    expect(vote?.messageTs).toBe(tsOf(message));
  });

  it('counts ballots as they come (chat.update), one per person and changeable, a press delivered twice once; the winner is posted with its note', async () => {
    const message = await openVote();
    const [first, second, third] = candidatesOf(message).map((candidate) => candidate.value);
    await press(third, 'U0ALICE', '1.1', 1);
    await press(second, 'U0BOB', '1.2', 1);
    await press(third, 'U0CAROL', '1.3', 1);
    expect(candidatesOf(updates().at(-1)).map((candidate) => candidate.note)).toEqual([
      'Next in the rotation · *0 votes*',
      'Coming up in the rotation · *1 vote*',
      'Coming up in the rotation · *2 votes*',
    ]);
    expect(updates().at(-1)?.body.ts).toBe(tsOf(message));
    expect(answersTo('U0ALICE')).toEqual([
      expect.stringContaining('You voted for *<http://papers.nips.cc/paper/2800-convex-neural-networks.pdf|'),
    ]);

    // Bob changes his mind; Dave's press reaches the bot twice (same action_ts); Alice presses her choice again.
    await press(third, 'U0BOB', '1.4', 2);
    expect(answersTo('U0BOB').at(-1)).toContain('You changed your vote to');
    const before = updates().length;
    await press(first, 'U0DAVE', '1.5', 1);
    await press(first, 'U0DAVE', '1.5');
    await press(third, 'U0ALICE', '1.6');
    expect(updates()).toHaveLength(before + 1);
    expect(answersTo('U0DAVE')).toHaveLength(1);
    expect(answersTo('U0ALICE')).toHaveLength(1);
    expect(candidatesOf(updates().at(-1)).map((candidate) => candidate.note)).toEqual([
      'Next in the rotation · *1 vote*',
      'Coming up in the rotation · *0 votes*',
      'Coming up in the rotation · *3 votes*',
    ]);

    // /optpaper vote shows the vote with the person's own ballot; `vote 1` votes by number.
    const shown = await started.command('vote', channel);
    expect(shown).toContain('"response_type":"ephemeral"');
    expect(shown).toContain(
      'Your vote: *<http://papers.nips.cc/paper/2800-convex-neural-networks.pdf|Convex Neural Networks>*. Press another Vote to change it.',
    );
    expect(shown).toContain('"action_id":"cast_vote:0"');
    expect(await started.command('vote 9', channel)).toContain('This vote has candidates 1 to 3');
    const byNumber = await postSigned(
      started.url,
      commandBody({ text: 'vote 2', channel_id: channel, user_id: 'U0FRANK' }),
      form,
    );
    expect(JSON.stringify(await byNumber.json())).toContain(
      'You voted for *<https://arxiv.org/abs/1502.03167|BatchNorm>* (1 vote now).',
    );
    expect(candidatesOf(updates().at(-1)).map((candidate) => candidate.note)).toEqual([
      'Next in the rotation · *1 vote*',
      'Coming up in the rotation · *1 vote*',
      'Coming up in the rotation · *3 votes*',
    ]);

    time.set(slot);
    const [outcome] = await started.bot.runner.runDue(slot);
    expect(outcome?.status).toBe('posted');
    const [post] = weeklyPosts();
    expect(titleOf(post)).toBe(convex);
    expect(textOf(post)).toContain('Chosen by the channel’s vote: *3 of 5 votes*.');
    expect(textOf(post)).toContain('asked for by the channel');
    const closed = updates().at(-1);
    expect(textOf(closed)).toContain('Vote closed: the paper of Mon 7 Jan 2030');
    expect(textOf(closed)).toContain(`*${convex}* won with 3 of 5 votes: it is the paper of Mon 7 Jan 2030.`);
    expect(JSON.stringify(closed?.body.blocks)).not.toContain('cast_vote');

    await press(first, 'U0ERIN', '1.7', 1);
    expect(answersTo('U0ERIN')).toEqual([
      expect.stringContaining('The vote on the paper of Mon 7 Jan 2030 has closed.'),
    ]);
    // The losers stay where they were: the rotation's own pick is still next.
    expect(await started.command('upcoming 1', channel)).toContain(sgd);
  });

  it('edits the vote message again when Slack fails the edit (500, then 429), so the counts shown are the ballots', async () => {
    const message = await openVote();
    const [, , third] = candidatesOf(message).map((candidate) => candidate.value);
    stub.script(
      'chat.update',
      { status: 500, body: {} },
      { status: 429, headers: { 'retry-after': '1' }, body: { ok: false, error: 'ratelimited' } },
    );
    await press(third, 'U0ALICE', '3.1', 1);
    await until(() => updates().length === 3, 5000, 'the third attempt at the edit');
    const [failed, limited, landed] = updates();
    expect([failed?.answer?.status, limited?.answer?.status, landed?.answer?.status]).toEqual([
      500,
      429,
      undefined,
    ]);
    // The same edit each time: the message ts, and the one ballot.
    for (const attempt of [failed, limited, landed]) {
      expect(attempt?.body.ts).toBe(tsOf(message));
      expect(candidatesOf(attempt).map((candidate) => candidate.note)).toEqual([
        'Next in the rotation · *0 votes*',
        'Coming up in the rotation · *0 votes*',
        'Coming up in the rotation · *1 vote*',
      ]);
    }
    expect(started.logs.join('')).not.toContain('could not be updated');
  });

  it('gives up an edit waiting to retry when the bot stops: nothing is sent after the stop', async () => {
    const message = await openVote();
    const [first] = candidatesOf(message).map((candidate) => candidate.value);
    stub.script('chat.update', { status: 500, body: {} });
    sleeps.holding = true;
    // The voter is answered once the message is edited: here, once the edit is given up.
    await press(first, 'U0ALICE', '5.1');
    await until(() => sleeps.asked.length > 0, 5000, 'the wait before the second attempt');
    expect(updates()).toHaveLength(1);
    await started.bot.stop();
    await until(() => answersTo('U0ALICE').length === 1, 5000, 'the answer');
    expect(answersTo('U0ALICE')).toEqual([expect.stringContaining('You voted for')]);
    sleeps.release();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(updates()).toHaveLength(1);
    expect(started.logs.join('')).toContain(
      `votes: the vote message ${tsOf(message)} in ${channel} could not be updated after 1 attempt(s) (stopped: stopping after server: HTTP 500)`,
    );
  });

  it('logs an edit Slack refuses (message_not_found) once, without retrying it, and still counts the ballot', async () => {
    const message = await openVote();
    const [first] = candidatesOf(message).map((candidate) => candidate.value);
    stub.script('chat.update', { body: { ok: false, error: 'message_not_found' } });
    await press(first, 'U0ALICE', '4.1', 1);
    await until(() => started.logs.join('').includes('could not be updated'), 5000, 'the log line');
    expect(updates()).toHaveLength(1);
    expect(started.logs.join('')).toContain(
      `votes: the vote message ${tsOf(message)} in ${channel} could not be updated after 1 attempt(s) (refused: message_not_found)`,
    );
    expect(answersTo('U0ALICE')).toEqual([expect.stringContaining('You voted for')]);
  });

  it('gives a tie to the rotation’s order, and says so', async () => {
    const [, second, third] = candidatesOf(await openVote()).map((candidate) => candidate.value);
    await press(third, 'U0ALICE', '2.1', 1);
    await press(second, 'U0BOB', '2.2', 1);
    time.set(slot);
    await started.bot.runner.runDue(slot);
    const [post] = weeklyPosts();
    expect(titleOf(post)).toBe(batchNorm);
    expect(textOf(post)).toContain(
      'Chosen by the channel’s vote: *1 of 2 votes* (a tie, settled by the rotation’s order).',
    );
  });

  it('posts the rotation’s pick when nobody voted, as without a vote, and says so', async () => {
    await openVote();
    time.set(slot);
    await started.bot.runner.runDue(slot);
    const [post] = weeklyPosts();
    expect(titleOf(post)).toBe(sgd);
    expect(textOf(post)).toContain('Nobody voted: the rotation’s pick.');
    expect(textOf(post)).not.toContain('asked for by the channel');
    expect(textOf(updates().at(-1))).toContain(
      `Nobody voted: the rotation’s pick, *${sgd}*, is the paper of Mon 7 Jan 2030.`,
    );
    expect((await started.bot.store.team(started.bot.team).history(channel)).posted).toEqual([
      expect.objectContaining({ paperIds: ['sgd', 'momentum', 'rmsprop', 'optimization'] }),
    ]);
  });

  it('closes a vote without a winner when its post falls in a break, or voting is turned off', async () => {
    const message = await openVote();
    expect(await started.command('pause 2030-01-07', channel)).toContain('2030');
    await started.bot.runner.maintain(later(time.now(), 60_000));
    const closed = updates().at(-1);
    expect(closed?.body.ts).toBe(tsOf(message));
    expect(textOf(closed)).toContain(
      'This vote closed without a winner: Mon 7 Jan 2030 falls in a break, so nothing is posted that day.',
    );
    time.set(slot);
    expect(await started.bot.runner.runDue(slot)).toEqual([]);
    expect(weeklyPosts()).toEqual([]);

    // The next week's vote, then voting off: closed at once, and the rotation's pick goes out.
    time.set(later(slot, 6 * 24 * hour));
    await started.bot.runner.maintain(time.now());
    expect(voteMessages()).toHaveLength(2);
    expect(await started.command('vote off', channel)).toContain('Voting is off');
    expect(textOf(updates().at(-1))).toContain('This vote closed without a winner: voting was turned off');
    time.set(later(slot, 7 * 24 * hour));
    await started.bot.runner.runDue(time.now());
    const [post] = weeklyPosts();
    expect(titleOf(post)).toBe(sgd);
    expect(textOf(post)).not.toContain('vote');
  });
});
