import { describe, expect, it } from 'vitest';
import { parseCatalog } from '../../src/catalog/parse.ts';
import { type CommandContext, withSubscription } from '../../src/commands/context.ts';
import { runCommand } from '../../src/commands/dispatch.ts';
import { readPauseDates } from '../../src/commands/pause.ts';
import { queueQueryReply, queueReply } from '../../src/commands/queue.ts';
import { countArgument, withWeekly } from '../../src/commands/weekly.ts';
import { fixedLibrary } from '../../src/library.ts';
import { createSearch } from '../../src/search/search.ts';
import { PendingPosts } from '../../src/weekly/pending.ts';
import { createWeeklyService } from '../../src/weekly/service.ts';
import { weeklyFixture } from '../support/weekly.ts';

// The weekly commands' whole replies (summary text, blocks with their emphasis, who sees them), where
// tests/commands/weekly-commands.test.ts reads them as plain lines.

const sunday = new Date('2026-11-29T12:00:00Z');
const channel = 'C0READING';

/** Two sections, three papers: small enough to empty a round, or to lose a paper from the list. */
const smallList =
  '## Alpha\n- [Alpha one](https://example.org/a1)\n- [Alpha two](https://example.org/a2)\n' +
  '## Beta\n- [Beta one](https://example.org/b1)\n';

function setup(options: { markdown?: string; timeZone?: string } = {}) {
  const fixture = weeklyFixture(
    options.markdown === undefined
      ? {}
      : { library: fixedLibrary(createSearch(parseCatalog(options.markdown))) },
  );
  const pending = new PendingPosts();
  const weekly = createWeeklyService({
    store: fixture.team,
    library: fixture.library,
    defaults: { cron: '0 9 * * 1', timeZone: options.timeZone ?? 'UTC' },
    pending,
  });
  let now = sunday;
  const context = (): Promise<CommandContext> =>
    withSubscription({
      search: fixture.library.current(),
      channel: { id: channel },
      user: { id: 'U0ALICE' },
      now,
      random: () => 0,
      weekly,
    });
  const run = async (text: string) => runCommand(text, await context());
  const setNow = (date: Date) => {
    now = date;
  };
  /** A post as the runner records it: claimed, then completed (or left as the test says). */
  const post = async (paperIds: string[], scheduledAt: Date, section = 'Alpha', finishedAt = scheduledAt) => {
    const id = await fixture.team.claimFire({
      channel,
      scheduledAt,
      paperIds,
      links: [],
      section,
      cycle: 1,
      queued: false,
      at: scheduledAt,
    });
    if (id === undefined) throw new Error('slot already claimed');
    await fixture.team.completeFire(id, {
      messageTs: `${scheduledAt.getTime() / 1000}.000100`,
      attempts: 1,
      at: finishedAt,
    });
    return id;
  };
  return { ...fixture, weekly, pending, run, context, setNow, post };
}

const subscribeHelp = {
  type: 'text',
  text: [
    'This channel does not get a paper of the week. Start it with ',
    { text: '/optpaper subscribe [day] [time] [time zone]', code: true },
    ', for example ',
    { text: '/optpaper subscribe monday 9:30 Europe/Paris', code: true },
    '.',
  ],
};
const notSubscribed = {
  text: 'This channel does not get a paper of the week.',
  blocks: [subscribeHelp],
  visibility: 'ephemeral',
};

describe('context', () => {
  it('a request without a weekly service is not subscribed, and keeps everything else', async () => {
    const base = {
      search: createSearch(parseCatalog(smallList)),
      channel: { id: channel },
      user: { id: 'U0' },
    };
    const request = { ...base, now: sunday, random: () => 0 };
    expect(await withSubscription(request)).toEqual({ ...request, subscribed: false });
    // The dispatcher reads `schedule` as a search there; Read next (a button) still reaches the command.
    expect(await queueReply('alpha-one', await withSubscription(request))).toEqual({
      text: 'The paper of the week is not available here.',
      blocks: [{ type: 'text', text: ['The paper of the week is not available here.'] }],
      visibility: 'ephemeral',
    });
  });

  it('a database that cannot answer means not subscribed; weekly commands say what still works', async () => {
    const { run, context, store } = setup();
    await run('subscribe');
    expect((await context()).subscribed).toBe(true);
    await store.close();
    expect((await context()).subscribed).toBe(false);
    const unavailable = {
      text: 'The paper of the week is unavailable right now: my database cannot be used, and the operator has been alerted. Search still works: /optpaper <words>.',
      blocks: [
        {
          type: 'text',
          text: [
            'The paper of the week is unavailable right now: my database cannot be used, and the operator has been alerted. ',
            'Search still works: ',
            { text: '/optpaper <words>', code: true },
            '.',
          ],
        },
      ],
      visibility: 'ephemeral',
    };
    expect(await run('schedule')).toEqual(unavailable);
    expect(await run('week')).toEqual(unavailable);
  });

  it('withWeekly lets other errors through', async () => {
    const { context } = setup();
    await expect(
      withWeekly(await context(), () => {
        throw new RangeError('not a database problem');
      }),
    ).rejects.toThrow(RangeError);
  });
});

describe('countArgument', () => {
  it('reads a whole number, spaces around it allowed, and nothing else', () => {
    expect(countArgument('', 10, 30)).toBe(10);
    expect(countArgument(' 5 ', 10, 30)).toBe(5);
    expect(countArgument('99', 10, 30)).toBe(30);
    expect(countArgument('5x', 10, 30)).toBeUndefined();
    expect(countArgument('x5', 10, 30)).toBeUndefined();
    expect(countArgument('0', 10, 30)).toBeUndefined();
  });
});

describe('schedule', () => {
  it('the whole reply: schedule, next post, breaks of one day and of several, how to change it', async () => {
    const { run } = setup();
    await run('subscribe');
    await run('pause 2026-12-14');
    await run('pause 2026-12-21 2027-01-03');
    expect(await run('schedule')).toEqual({
      text: 'A paper of the week every Monday at 09:00 (UTC).',
      blocks: [
        { type: 'text', text: ['This channel gets a paper of the week every Monday at 09:00 (UTC).'] },
        {
          type: 'text',
          text: [
            'Next post: ',
            { text: 'Mon 30 Nov 2026, 09:00 UTC', bold: true },
            ' with ',
            {
              text: 'SGD · Momentum · RMSProp · Optimization',
              url: 'https://www.deeplearningbook.org/contents/optimization.html',
            },
            '.',
          ],
        },
        { type: 'text', text: ['Breaks: Mon 14 Dec 2026; Mon 21 Dec 2026 to Sun 3 Jan 2027.'] },
        {
          type: 'context',
          text: [
            'Change it with ',
            { text: '/optpaper subscribe [day] [time] [time zone]', code: true },
            ', stop it with ',
            { text: '/optpaper unsubscribe', code: true },
            '.',
          ],
        },
      ],
      visibility: 'ephemeral',
    });
  });

  it('with nothing left to post and no break: only the schedule and how to change it', async () => {
    const { run } = setup({ markdown: '' });
    await run('subscribe');
    expect((await run('schedule')).blocks.map((block) => block.type)).toEqual(['text', 'context']);
  });

  it('a post Slack took and the database did not record is said, the latest one', async () => {
    const { run, pending, team } = setup();
    await run('subscribe');
    const unrecorded = (day: number) => ({
      fireId: day,
      team: team.team,
      channel,
      scheduledAt: new Date(`2026-11-${day}T09:00:00Z`),
      messageTs: `17640000${day}.000100`,
      attempts: 1,
      postedAt: new Date(`2026-11-${day}T09:00:00Z`),
      error: `SQLITE_FULL ${day}`,
      paperIds: [],
      links: [],
      section: 'Alpha',
      cycle: 1,
    });
    for (const day of [16, 23, 30]) pending.add(unrecorded(day));
    expect((await run('schedule')).blocks[1]).toEqual({
      type: 'text',
      text: [
        '⚠️ The Mon 30 Nov 2026 post went out, but my database could not record it (SQLITE_FULL 30). ',
        'I keep it in memory and will not post that paper again; the operator has been alerted.',
      ],
    });
  });

  it('the last post failing: channel gone, another error, interrupted, still posting', async () => {
    const { run, team, store } = setup();
    await run('subscribe');
    const slot = new Date('2026-11-23T09:00:00Z');
    const claim = (scheduledAt: Date) =>
      team.claimFire({
        channel,
        scheduledAt,
        paperIds: ['batchnorm'],
        links: [],
        section: 'Normalization Methods',
        cycle: 1,
        queued: false,
        at: scheduledAt,
      });
    const problem = async () => (await run('schedule')).blocks[1];
    const first = await claim(slot);
    // Still being posted: nothing to say yet.
    expect(await problem()).toMatchObject({
      text: ['Next post: ', expect.anything(), ' with ', expect.anything(), '.'],
    });
    await team.failFire(first ?? 0, { error: 'channel_not_found', attempts: 1, at: slot });
    expect(await problem()).toEqual({
      type: 'text',
      text: [
        '⚠️ The Mon 23 Nov 2026 post failed: I am not in this channel. Invite me with ',
        { text: '/invite @optpaper', code: true },
        '; the paper stays next.',
      ],
    });
    const second = await claim(new Date('2026-11-24T09:00:00Z'));
    await team.failFire(second ?? 0, { error: 'ratelimited', attempts: 3, at: slot });
    expect(await problem()).toEqual({
      type: 'text',
      text: ['⚠️ The Tue 24 Nov 2026 post failed after 3 attempts (ratelimited); the paper stays next.'],
    });
    const third = await claim(new Date('2026-11-25T09:00:00Z'));
    await store.markInterrupted(third ?? 0, new Date('2026-11-25T10:00:00Z'));
    expect(await problem()).toEqual({
      type: 'text',
      text: [
        '⚠️ A restart interrupted the Wed 25 Nov 2026 post. If it did not appear here, its paper comes next time.',
      ],
    });
  });
});

/** The link to a post's thread, as `post` records it. */
const thread = (scheduledAt: string) =>
  `https://slack.com/archives/${channel}/p${new Date(scheduledAt).getTime() / 1000}000100`;
const threadBlock = (scheduledAt: string) => ({
  type: 'text',
  text: [{ text: 'Open the discussion thread', url: thread(scheduledAt) }],
});

describe('week', () => {
  it('a paper of the list: since when in the channel’s zone, the paper with its section, its thread', async () => {
    // The default zone (New York) is a day behind the channel's (Paris) at the time of the post.
    const { run, post, setNow } = setup({ markdown: smallList, timeZone: 'America/New_York' });
    await run('subscribe Europe/Paris');
    await post(['alpha-one'], new Date('2026-11-30T08:00:00Z'), 'Alpha', new Date('2026-11-30T23:30:00Z'));
    setNow(new Date('2026-12-01T10:00:00Z'));
    expect(await run('week')).toEqual({
      text: 'This week: Alpha one',
      blocks: [
        { type: 'context', text: ['Paper of the week since Tue 1 Dec 2026'] },
        {
          type: 'paper',
          paper: {
            id: 'alpha-one',
            title: 'Alpha one',
            url: 'https://example.org/a1',
            sections: ['Alpha'],
            otherLinks: [],
          },
          actions: [],
        },
        threadBlock('2026-11-30T08:00:00Z'),
      ],
      visibility: 'ephemeral',
    });
  });

  it('papers gone from the list: those left are shown, in their sections; none left, the ids under the section posted from', async () => {
    const { run, post, setNow } = setup({ markdown: smallList });
    await run('subscribe');
    setNow(new Date('2026-12-22T10:00:00Z'));
    // Posted from a section since renamed: the paper shows the list's sections now.
    await post(['gone-a', 'beta-one'], new Date('2026-12-14T09:00:00Z'), 'Beta, before its rename');
    expect((await run('week')).blocks[1]).toEqual({
      type: 'paper',
      paper: {
        id: 'beta-one',
        title: 'Beta one',
        url: 'https://example.org/b1',
        sections: ['Beta'],
        otherLinks: [],
      },
      actions: [],
    });
    await post(['gone-a', 'gone-b'], new Date('2026-12-21T09:00:00Z'), 'Old section');
    expect(await run('week')).toEqual({
      text: 'This week: gone-a, gone-b',
      blocks: [
        { type: 'context', text: ['Paper of the week since Mon 21 Dec 2026'] },
        {
          type: 'paper',
          paper: { id: 'gone-a, gone-b', title: 'gone-a, gone-b', sections: ['Old section'], otherLinks: [] },
          actions: [],
        },
        threadBlock('2026-12-21T09:00:00Z'),
      ],
      visibility: 'ephemeral',
    });
  });

  it('a paper proposed from outside the list: in no section, with who proposed it', async () => {
    const { run, post, team, setNow } = setup({ markdown: smallList });
    await run('subscribe');
    const proposal = await team.propose({
      channel,
      title: 'Outside paper',
      url: 'https://example.com/o',
      by: 'U0BOB',
      at: sunday,
    });
    await post([`outside:${proposal.id}`], new Date('2026-11-30T09:00:00Z'), 'Alpha');
    setNow(new Date('2026-12-01T10:00:00Z'));
    expect((await run('week')).blocks[1]).toEqual({
      type: 'paper',
      paper: {
        id: `outside:${proposal.id}`,
        title: 'Outside paper',
        url: 'https://example.com/o',
        sections: [],
        otherLinks: [],
        note: ['Proposed by ', { user: 'U0BOB' }, ' · not in the list'],
      },
      actions: [],
    });
  });

  it('after unsubscribing, the last post is still shown, dated in the default zone', async () => {
    const { run, post, setNow } = setup({ markdown: smallList, timeZone: 'America/New_York' });
    await run('subscribe Europe/Paris');
    await post(['alpha-two'], new Date('2026-11-30T08:00:00Z'), 'Alpha', new Date('2026-12-01T02:00:00Z'));
    setNow(new Date('2026-12-01T10:00:00Z'));
    await run('unsubscribe');
    expect((await run('week')).blocks[0]).toEqual({
      type: 'context',
      text: ['Paper of the week since Mon 30 Nov 2026'],
    });
  });

  it('subscribed with an empty list: nothing posted, nothing coming', async () => {
    const { run } = setup({ markdown: '' });
    await run('subscribe');
    expect(await run('week')).toEqual({
      text: 'Nothing posted here yet.',
      blocks: [{ type: 'text', text: ['Nothing posted here yet.'] }],
      visibility: 'ephemeral',
    });
  });
});

describe('history', () => {
  it('the whole reply: newest first, each linked to its thread, with its section or its outside link', async () => {
    const { run, post, team, setNow } = setup({ markdown: smallList, timeZone: 'America/New_York' });
    await run('subscribe Europe/Paris');
    const proposal = await team.propose({
      channel,
      title: 'Outside paper',
      url: 'https://example.com/o',
      by: 'U0BOB',
      at: sunday,
    });
    await post(['alpha-one'], new Date('2026-11-30T08:00:00Z'), 'Alpha', new Date('2026-11-30T23:30:00Z'));
    await post([`outside:${proposal.id}`], new Date('2026-12-07T08:00:00Z'), '');
    await post(['gone-a', 'beta-one'], new Date('2026-12-14T08:00:00Z'), 'Beta');
    setNow(new Date('2026-12-15T10:00:00Z'));
    expect(await run('history')).toEqual({
      text: 'Last 3 papers of the week',
      blocks: [
        { type: 'header', text: 'Last 3 papers of the week' },
        {
          type: 'text',
          text: [
            'Mon 14 Dec 2026 · ',
            { text: 'gone-a (no longer in the list) · Beta one', url: thread('2026-12-14T08:00:00Z') },
            ' — ',
            { text: 'Beta', italic: true },
            '\n',
            'Mon 7 Dec 2026 · ',
            { text: 'Outside paper', url: thread('2026-12-07T08:00:00Z') },
            ' — ',
            { text: 'proposed, not in the list', italic: true },
            ' · ',
            { text: 'https://example.com/o', url: 'https://example.com/o' },
            '\n',
            'Tue 1 Dec 2026 · ',
            { text: 'Alpha one', url: thread('2026-11-30T08:00:00Z') },
            ' — ',
            { text: 'Alpha', italic: true },
            '\n',
          ],
        },
      ],
      visibility: 'ephemeral',
    });
    expect((await run('history 1')).text).toBe('The last paper of the week');
    expect(await run('history ten')).toEqual({
      text: 'Give a number of posts, up to 30: /optpaper history 10',
      blocks: [{ type: 'text', text: ['Give a number of posts, up to 30: /optpaper history 10'] }],
      visibility: 'ephemeral',
    });
    // Unsubscribed, the history stays, dated in the default zone (New York: Mon 30 Nov, not Tue 1 Dec).
    await run('unsubscribe');
    expect((await run('history 3')).blocks[1]).toMatchObject({
      text: expect.arrayContaining(['Mon 30 Nov 2026 · ']),
    });
  });

  it('subscribed, nothing posted yet', async () => {
    const { run } = setup();
    await run('subscribe');
    expect(await run('history')).toEqual({
      text: 'Nothing posted here yet.',
      blocks: [{ type: 'text', text: ['Nothing posted here yet.'] }],
      visibility: 'ephemeral',
    });
    await run('unsubscribe');
    expect(await run('history')).toEqual(notSubscribed);
  });
});

/** A reply of one line of plain text. */
const plain = (text: string, visibility = 'ephemeral') => ({
  text,
  blocks: [{ type: 'text', text: [text] }],
  visibility,
});
const sgdLink = {
  text: 'SGD · Momentum · RMSProp · Optimization',
  url: 'https://www.deeplearningbook.org/contents/optimization.html',
};
const inviteAndUpcoming = {
  type: 'context',
  text: [
    'I post into the channel, so I must be in it: ',
    { text: '/invite @optpaper', code: true },
    '. See what comes next with ',
    { text: '/optpaper upcoming', code: true },
    '.',
  ],
};

describe('subscribe and unsubscribe', () => {
  it('the whole reply, in the channel: schedule, first post, what to do', async () => {
    const { run } = setup();
    expect(await run('subscribe every 2 weeks friday')).toEqual({
      text: 'Subscribed: a paper of the week every Friday at 09:00 (UTC), every other week.',
      blocks: [
        {
          type: 'text',
          text: ['This channel now gets a paper of the week every Friday at 09:00 (UTC), every other week.'],
        },
        {
          type: 'text',
          text: ['First post: ', { text: 'Fri 4 Dec 2026, 09:00 UTC', bold: true }, ' with ', sgdLink, '.'],
        },
        inviteAndUpcoming,
      ],
      visibility: 'in_channel',
    });
  });

  it('words it cannot read: the error, with an example', async () => {
    const { run } = setup();
    expect(await run('subscribe blursday')).toEqual({
      text: '"blursday" is not a day, a time or a time zone: expected [day] [time] [time zone], such as `monday 9:30 Europe/Paris` or `fri 5pm`',
      blocks: [
        {
          type: 'text',
          text: [
            '"blursday" is not a day, a time or a time zone: expected [day] [time] [time zone], such as `monday 9:30 Europe/Paris` or `fri 5pm`. For example: ',
            { text: '/optpaper subscribe friday 4pm America/New_York', code: true },
          ],
        },
      ],
      visibility: 'ephemeral',
    });
  });

  it('an empty list: subscribed, with no first post to announce', async () => {
    const { run } = setup({ markdown: '' });
    expect((await run('subscribe')).blocks).toEqual([
      { type: 'text', text: ['This channel now gets a paper of the week every Monday at 09:00 (UTC).'] },
      inviteAndUpcoming,
    ]);
  });

  it('unsubscribe: said in the channel, with how to start again', async () => {
    const { run } = setup();
    await run('subscribe');
    expect(await run('unsubscribe')).toEqual({
      text: 'This channel will no longer get a paper of the week. Its history is kept: /optpaper subscribe continues where it left off.',
      blocks: [
        {
          type: 'text',
          text: [
            'This channel will no longer get a paper of the week. Its history is kept: ',
            { text: '/optpaper subscribe', code: true },
            ' continues where it left off.',
          ],
        },
      ],
      visibility: 'in_channel',
    });
  });
});

describe('upcoming', () => {
  it('not subscribed: the default schedule, said so, and a summary of the dates', async () => {
    const { run } = setup();
    expect(await run('upcoming 2')).toEqual({
      text: 'Next papers of the week: Mon 30 Nov 2026: SGD · Momentum · RMSProp · Optimization; Mon 7 Dec 2026: BatchNorm',
      blocks: [
        { type: 'header', text: 'Next 2 papers of the week' },
        {
          type: 'context',
          text: [
            'This channel is not subscribed: dates follow the default schedule. ',
            { text: '/optpaper subscribe', code: true },
            ' to start.',
          ],
        },
        {
          type: 'paper',
          paper: {
            id: 'sgd',
            title: 'SGD · Momentum · RMSProp · Optimization',
            url: 'https://www.deeplearningbook.org/contents/optimization.html',
            sections: ['Popular Optimization algorithms', 'Tutorials, Surveys and Blogs'],
            otherLinks: [],
            note: [{ text: 'Mon 30 Nov 2026', bold: true }, ' · section 1 of 14'],
          },
          actions: [],
        },
        {
          type: 'paper',
          paper: {
            id: 'batchnorm',
            title: 'BatchNorm',
            url: 'https://arxiv.org/abs/1502.03167',
            arxivId: '1502.03167',
            year: 2015,
            sections: ['Normalization Methods'],
            otherLinks: [],
            note: [{ text: 'Mon 7 Dec 2026', bold: true }, ' · section 2 of 14'],
          },
          actions: [],
        },
      ],
      visibility: 'ephemeral',
    });
  });

  it('subscribed: dates in the channel’s zone (Monday 00:30 in Paris is Sunday in UTC)', async () => {
    const { run } = setup();
    await run('subscribe monday 0:30 Europe/Paris');
    expect((await run('upcoming 1')).text).toBe(
      'Next papers of the week: Mon 30 Nov 2026: SGD · Momentum · RMSProp · Optimization',
    );
  });
});

describe('skip', () => {
  it('the whole reply, in the channel: what was skipped, what comes next and when', async () => {
    const { run } = setup();
    await run('subscribe');
    expect(await run('skip')).toEqual({
      text: 'Skipped SGD · Momentum · RMSProp · Optimization.',
      blocks: [
        {
          type: 'text',
          text: [
            'Skipped SGD · Momentum · RMSProp · Optimization: it moves to the end of this round.',
            ' Next up, ',
            { text: 'Mon 30 Nov 2026', bold: true },
            ': ',
            { text: 'AdaGrad', url: 'http://www.jmlr.org/papers/volume12/duchi11a/duchi11a.pdf' },
            '.',
          ],
        },
      ],
      visibility: 'in_channel',
    });
  });

  it('the last reading of a round stays next, its date in bold', async () => {
    const { run } = setup({ markdown: '## A\n- [Alpha one](https://example.org/a1)\n' });
    await run('subscribe');
    expect((await run('skip')).blocks).toEqual([
      {
        type: 'text',
        text: [
          'Alpha one is the last reading left in this round, so it stays next',
          ': ',
          { text: 'Mon 30 Nov 2026', bold: true },
          '.',
        ],
      },
    ]);
  });

  it('an empty list: nothing to skip', async () => {
    const { run } = setup({ markdown: '' });
    await run('subscribe');
    expect(await run('skip')).toEqual({
      text: 'There is nothing to skip: the list is empty.',
      blocks: [],
      visibility: 'ephemeral',
    });
  });
});

describe('queue', () => {
  it('queued is said in the channel, with its place; already queued only to the person asking', async () => {
    const { run } = setup();
    await run('subscribe');
    expect(await run('queue sharp minima')).toEqual(
      plain(
        'Sharp Minima Can Generalize For Deep Nets is next: it will be the paper of the week on Mon 30 Nov 2026.',
        'in_channel',
      ),
    );
    expect(await run('queue adam')).toEqual(
      plain(
        'ADAM is number 2 in the queue: it will be the paper of the week on Mon 7 Dec 2026.',
        'in_channel',
      ),
    );
    expect(await run('queue adam')).toEqual(plain('ADAM was already queued: it comes on Mon 7 Dec 2026.'));
  });

  it('a paper no longer in the list (Read next on an old message), words of only spaces, not subscribed', async () => {
    const { run, context } = setup();
    expect(await queueReply('sgd', await context())).toEqual(notSubscribed);
    await run('subscribe');
    expect(await queueReply('no-such-paper', await context())).toEqual(
      plain('That paper is no longer in the list.'),
    );
    expect(await queueQueryReply('   ', await context())).toEqual(
      plain('Say which paper: /optpaper queue sharp minima'),
    );
  });
});

describe('pause and resume', () => {
  it('the whole reply, in the channel: one day is "on", the next post, how to end it', async () => {
    const { run } = setup();
    await run('subscribe');
    expect(await run('pause 2026-12-07')).toEqual({
      text: 'Paused on Mon 7 Dec 2026.',
      blocks: [
        {
          type: 'text',
          text: [
            'No paper of the week here on Mon 7 Dec 2026: those posts are skipped, and the rotation waits.',
          ],
        },
        {
          type: 'text',
          text: ['Next post: ', { text: 'Mon 30 Nov 2026, 09:00 UTC', bold: true }, ' with ', sgdLink, '.'],
        },
        {
          type: 'context',
          text: ['End the break early with ', { text: '/optpaper resume', code: true }, '.'],
        },
      ],
      visibility: 'in_channel',
    });
    expect(await run('resume')).toEqual({
      text: 'The break is over.',
      blocks: [
        { type: 'text', text: ['The break is over: the paper of the week goes on.'] },
        {
          type: 'text',
          text: ['Next post: ', { text: 'Mon 30 Nov 2026, 09:00 UTC', bold: true }, ' with ', sgdLink, '.'],
        },
      ],
      visibility: 'in_channel',
    });
  });

  it('usage, with the examples as code', async () => {
    const { run } = setup();
    await run('subscribe');
    const usage = [
      'Say when, as dates: ',
      { text: '/optpaper pause 2026-12-21 2027-01-04', code: true },
      ' (both days included), ',
      { text: '/optpaper pause until 2027-01-04', code: true },
      ' or one day: ',
      { text: '/optpaper pause 2026-12-24', code: true },
      '.',
    ];
    expect((await run('pause 2026-12-07 2026-12-08 2026-12-09')).blocks).toEqual([
      { type: 'text', text: usage },
    ]);
  });

  it('an empty list: paused and resumed with no next post to announce', async () => {
    const { run } = setup({ markdown: '' });
    await run('subscribe');
    expect((await run('pause 2026-12-07 to 2026-12-13')).blocks.map((block) => block.type)).toEqual([
      'text',
      'context',
    ]);
    expect((await run('resume')).blocks).toEqual([
      { type: 'text', text: ['The break is over: the paper of the week goes on.'] },
    ]);
  });

  it('not subscribed: how to subscribe', async () => {
    const { run } = setup();
    expect(await run('pause 2026-12-07')).toEqual(notSubscribed);
    expect(await run('resume')).toEqual(notSubscribed);
  });

  it('readPauseDates: "until", "to", today, at most a year, only plain dates', () => {
    const today = '2026-11-29';
    expect(readPauseDates('until 2027-01-10', today)).toEqual({ startsOn: today, endsOn: '2027-01-10' });
    expect(readPauseDates(' 2026-12-07   TO  2026-12-20 ', today)).toEqual({
      startsOn: '2026-12-07',
      endsOn: '2026-12-20',
    });
    // Ending today still pauses today's post.
    expect(readPauseDates(today, today)).toEqual({ startsOn: today, endsOn: today });
    expect(readPauseDates('2026-12-01 2027-11-30', today)).toEqual({
      startsOn: '2026-12-01',
      endsOn: '2027-11-30',
    });
    expect(readPauseDates('2026-12-01 2027-12-02', today)).toEqual({
      error: 'a break is at most a year; to stop the paper of the week, unsubscribe',
    });
    expect(readPauseDates('2026-12-01 2026-12-02 2026-12-03', today)).toEqual({ error: 'usage' });
    // Date.parse reads an expanded year; the list's dates are four digits.
    expect(readPauseDates('+002026-12-07', today)).toEqual({
      error: '"+002026-12-07" is not a date: write it as YYYY-MM-DD',
    });
    expect(readPauseDates('2026-13-01', today)).toEqual({
      error: '"2026-13-01" is not a date: write it as YYYY-MM-DD',
    });
  });
});

describe('a queued paper from outside the list', () => {
  it('upcoming says who proposed it; skip takes it out of the queue', async () => {
    const { run, team } = setup();
    await run('subscribe');
    const proposal = await team.propose({
      channel,
      title: 'Outside paper',
      url: 'https://example.com/o',
      by: 'U0BOB',
      at: sunday,
    });
    // As a vote won by the proposal queues it.
    await team.enqueue(channel, `outside:${proposal.id}`, { by: 'U0BOB', at: sunday });
    expect((await run('upcoming 1')).blocks[1]).toEqual({
      type: 'paper',
      paper: {
        id: `outside:${proposal.id}`,
        title: 'Outside paper',
        url: 'https://example.com/o',
        sections: [],
        otherLinks: [],
        note: [
          { text: 'Mon 30 Nov 2026', bold: true },
          ' · proposed by ',
          { user: 'U0BOB' },
          ', not in the list',
        ],
      },
      actions: [],
    });
    expect((await run('skip')).blocks[0]).toEqual({
      type: 'text',
      text: [
        'Skipped Outside paper: it leaves the queue (propose it again to bring it back).',
        ' Next up, ',
        { text: 'Mon 30 Nov 2026', bold: true },
        ': ',
        sgdLink,
        '.',
      ],
    });
  });
});

describe('upcoming with an empty list', () => {
  it('says there is no paper to come, rather than a header over nothing', async () => {
    const { run } = setup({ markdown: '# Nothing here yet\n' });
    await run('subscribe');
    expect(await run('upcoming')).toEqual(
      plain('The list has no papers: there is no paper of the week to come.', 'ephemeral'),
    );
  });
});

describe('a channel paused for two years', () => {
  it('has no date to give: skip names no next post, queue names no day', async () => {
    const { run } = setup();
    await run('subscribe');
    // Two breaks of a year each, back to back: more weeks than the schedule looks ahead.
    await run('pause 2026-11-30 2027-11-29');
    await run('pause 2027-11-30 2028-11-27');
    expect((await run('upcoming 1')).blocks).toEqual([
      {
        type: 'text',
        text: [
          'No paper of the week in sight: this channel’s breaks cover every week the schedule looks ahead to. ',
          { text: '/optpaper resume', code: true },
          ' ends them.',
        ],
      },
    ]);
    expect(await run('skip')).toEqual({
      text: 'Skipped SGD · Momentum · RMSProp · Optimization.',
      blocks: [
        {
          type: 'text',
          text: ['Skipped SGD · Momentum · RMSProp · Optimization: it moves to the end of this round.'],
        },
      ],
      visibility: 'in_channel',
    });
    expect(await run('queue sharp minima')).toEqual(
      plain(
        'Sharp Minima Can Generalize For Deep Nets is next: it will be the paper of the week.',
        'in_channel',
      ),
    );
  });
});
