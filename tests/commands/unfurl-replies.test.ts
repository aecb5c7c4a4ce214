import { describe, expect, it } from 'vitest';
import { type CommandContext, withSubscription } from '../../src/commands/context.ts';
import type { Reply } from '../../src/commands/reply.ts';
import { unfurlReply } from '../../src/commands/unfurl.ts';
import { fixedLibrary } from '../../src/library.ts';
import { createSearch } from '../../src/search/search.ts';
import { createWeeklyService } from '../../src/weekly/service.ts';
import { replyMarkup } from '../support/markup.ts';
import { shippedCatalog } from '../support/shipped.ts';
import { weeklyFixture } from '../support/weekly.ts';

const now = new Date('2026-12-10T12:00:00Z');
/** 23:30 in UTC, already Tuesday in Paris. */
const adamPost = new Date('2026-12-07T23:30:00Z');

/** One search over the shipped list for every test (building it is the slow part). */
const library = fixedLibrary(createSearch(shippedCatalog()));

async function setup(options: { subscribe?: boolean; timeZone?: string; weekly?: boolean } = {}) {
  const fixture = weeklyFixture({ library });
  const weekly = createWeeklyService({
    store: fixture.team,
    library: fixture.library,
    defaults: { cron: '0 9 * * 1', timeZone: 'UTC' },
  });
  if (options.subscribe !== false)
    await fixture.team.subscribe({
      channel: 'C0READING',
      cron: '30 0 * * 2',
      timeZone: options.timeZone ?? 'Europe/Paris',
      createdBy: 'U0ALICE',
      at: new Date('2026-11-01T00:00:00Z'),
    });
  /** A post of this channel: its papers by id, and the links it was posted with. */
  const posted = async (paperIds: string[], links: string[], at = adamPost) => {
    const id = await fixture.team.claimFire({
      channel: 'C0READING',
      scheduledAt: at,
      paperIds,
      links,
      section: 'Popular Optimization algorithms',
      cycle: 1,
      queued: false,
      at,
    });
    await fixture.team.completeFire(id ?? 0, { messageTs: '1765150200.000100', at });
  };
  const context = (): Promise<CommandContext> =>
    withSubscription({
      search: fixture.library.current(),
      channel: { id: 'C0READING' },
      user: { id: 'U0BOB' },
      now,
      random: () => 0,
      ...(options.weekly === false ? {} : { weekly }),
      workspaceUrl: 'https://readinggroup.slack.com/',
    });
  const unfurl = async (url: string) => unfurlReply(url, await context());
  const show = async (url: string) => {
    const reply = await unfurl(url);
    return reply ? `${reply.text} — ${replyMarkup(reply)}` : reply;
  };
  return { ...fixture, context, unfurl, show, posted };
}

const sections = (reply: Reply | undefined) =>
  reply?.blocks.flatMap((block) => (block.type === 'paper' ? [block.paper.sections] : []));

describe('unfurlReply', () => {
  it('only a link of the list, looked up exactly, unfurls', async () => {
    const { show } = await setup();
    expect(await show('https://arxiv.org/abs/2101.00001')).toBeUndefined();
    expect(await show('adam a method for stochastic optimization')).toBeUndefined();
    expect(await show('https://example.org/adam.pdf')).toBeUndefined();
  });

  it('where nobody discussed it: the reading, and a Queue button in a channel that gets a paper of the week', async () => {
    const { show, unfurl } = await setup();
    expect(await show('https://arxiv.org/pdf/1412.6980v9.pdf')).toBe(
      'ADAM · ADAMAX — in_channel: [adam: ADAM · ADAMAX <https://arxiv.org/abs/1412.6980> One reading for 2 entries of the list, which all point to it.] (Queue=adam) | > Not discussed here yet: Queue makes it a coming paper of the week.',
    );
    expect(sections(await unfurl('https://arxiv.org/abs/1412.6980'))).toEqual([
      ['Popular Optimization algorithms'],
    ]);
    expect(await show('https://arxiv.org/abs/1502.03167')).toBe(
      'BatchNorm — in_channel: [batchnorm: BatchNorm <https://arxiv.org/abs/1502.03167>] (Queue=batchnorm) | > Not discussed here yet: Queue makes it a coming paper of the week.',
    );
    expect(sections(await unfurl('https://arxiv.org/abs/1502.03167'))).toEqual([['Normalization Methods']]);
  });

  it('in a channel without a paper of the week, or without the weekly service: the paper alone', async () => {
    expect(await (await setup({ subscribe: false })).show('https://arxiv.org/abs/1502.03167')).toBe(
      'BatchNorm — in_channel: [batchnorm: BatchNorm <https://arxiv.org/abs/1502.03167>]',
    );
    expect(await (await setup({ weekly: false })).show('https://arxiv.org/abs/1502.03167')).toBe(
      'BatchNorm — in_channel: [batchnorm: BatchNorm <https://arxiv.org/abs/1502.03167>]',
    );
  });

  it('discussed here: on which day, in the channel’s time zone, and a link to the thread', async () => {
    const { show, posted } = await setup();
    await posted(['adamax'], []);
    expect(await show('https://arxiv.org/abs/1412.6980')).toBe(
      'ADAM · ADAMAX — in_channel: [adam: ADAM · ADAMAX <https://arxiv.org/abs/1412.6980> One reading for 2 entries of the list, which all point to it.] | > Discussed here on *Tue 8 Dec 2026*: <https://readinggroup.slack.com/archives/C0READING/p1765150200000100|open the thread>',
    );
    expect(await show('https://arxiv.org/abs/1502.03167')).toBe(
      'BatchNorm — in_channel: [batchnorm: BatchNorm <https://arxiv.org/abs/1502.03167>] (Queue=batchnorm) | > Not discussed here yet: Queue makes it a coming paper of the week.',
    );
  });

  it('discussed under another id (renamed since): recognised by its link', async () => {
    const { show, posted } = await setup({ timeZone: 'UTC' });
    await posted(['adam-old-id'], ['https://arxiv.org/pdf/1412.6980v2.pdf']);
    expect(await show('https://arxiv.org/abs/1412.6980')).toBe(
      'ADAM · ADAMAX — in_channel: [adam: ADAM · ADAMAX <https://arxiv.org/abs/1412.6980> One reading for 2 entries of the list, which all point to it.] | > Discussed here on *Mon 7 Dec 2026*: <https://readinggroup.slack.com/archives/C0READING/p1765150200000100|open the thread>',
    );
  });

  it('another reading’s post is not this one', async () => {
    const { show, posted } = await setup();
    await posted(['batchnorm', 'layernorm'], ['https://arxiv.org/abs/1502.03167']);
    expect(await show('https://arxiv.org/abs/1412.6980')).toBe(
      'ADAM · ADAMAX — in_channel: [adam: ADAM · ADAMAX <https://arxiv.org/abs/1412.6980> One reading for 2 entries of the list, which all point to it.] (Queue=adam) | > Not discussed here yet: Queue makes it a coming paper of the week.',
    );
  });

  it('discussed in a channel that has stopped its paper of the week: the day in the default time zone', async () => {
    const { show, posted } = await setup({ subscribe: false });
    await posted(['adam'], []);
    expect(await show('https://arxiv.org/abs/1412.6980')).toBe(
      'ADAM · ADAMAX — in_channel: [adam: ADAM · ADAMAX <https://arxiv.org/abs/1412.6980> One reading for 2 entries of the list, which all point to it.] | > Discussed here on *Mon 7 Dec 2026*: <https://readinggroup.slack.com/archives/C0READING/p1765150200000100|open the thread>',
    );
  });

  it('a reading renamed in part: one of its ids is enough', async () => {
    const { show, posted } = await setup({ timeZone: 'UTC' });
    await posted(['adam', 'adamax-old-id'], []);
    expect(await show('https://arxiv.org/abs/1412.6980')).toMatch(
      /\| > Discussed here on \*Mon 7 Dec 2026\*: /,
    );
  });

  it('a reading’s sections, not only its first entry’s', async () => {
    const { unfurl } = await setup();
    expect(sections(await unfurl('https://www.deeplearningbook.org/contents/optimization.html'))).toEqual([
      ['Popular Optimization algorithms', 'Tutorials, Surveys and Blogs'],
    ]);
  });

  it('a database that cannot list the posts: unfurled as not discussed', async () => {
    const { context, store } = await setup();
    const request = await context();
    await store.close();
    const reply = await unfurlReply('https://arxiv.org/abs/1502.03167', request);
    expect(reply && replyMarkup(reply)).toBe(
      'in_channel: [batchnorm: BatchNorm <https://arxiv.org/abs/1502.03167>] (Queue=batchnorm) | > Not discussed here yet: Queue makes it a coming paper of the week.',
    );
  });
});
