import { describe, expect, it } from 'vitest';
import { parseCatalog } from '../../src/catalog/parse.ts';
import { type CommandContext, withSubscription } from '../../src/commands/context.ts';
import { runCommand } from '../../src/commands/dispatch.ts';
import { leadText } from '../../src/commands/presenters.ts';
import { fixedLibrary } from '../../src/library.ts';
import { createPresenterService } from '../../src/presenters/service.ts';
import { createSearch } from '../../src/search/search.ts';
import { createWeeklyService } from '../../src/weekly/service.ts';
import { replyMarkup } from '../support/markup.ts';
import { shippedCatalog } from '../support/shipped.ts';
import { weeklyFixture } from '../support/weekly.ts';

const sunday = new Date('2026-11-29T12:00:00Z');
const monday = (week: number) => new Date(Date.UTC(2026, 10, 30 + 7 * week, 9));

/** One search over the shipped list for every test (building it is the slow part). */
const library = fixedLibrary(createSearch(shippedCatalog()));
/** A list with no papers: nothing to post, so no coming turn. */
const emptyLibrary = fixedLibrary(createSearch(parseCatalog('#### Nothing yet\n')));

function setup(options: { presenters?: boolean; timeZone?: string; emptyList?: boolean } = {}) {
  const fixture = weeklyFixture({ library: options.emptyList ? emptyLibrary : library });
  const weekly = createWeeklyService({
    store: fixture.team,
    library: fixture.library,
    defaults: { cron: '0 9 * * 1', timeZone: 'UTC' },
  });
  const presenters = createPresenterService({ store: fixture.team, weekly });
  const context = (user = 'U0ALICE'): Promise<CommandContext> =>
    withSubscription({
      search: fixture.library.current(),
      channel: { id: 'C0READING' },
      user: { id: user },
      now: sunday,
      random: () => 0,
      weekly,
      ...(options.presenters === false ? {} : { presenters }),
    });
  const reply = async (text: string, user?: string) => runCommand(text, await context(user));
  const run = async (text: string, user?: string) => replyMarkup(await reply(text, user));
  const subscribe = () =>
    fixture.team.subscribe({
      channel: 'C0READING',
      cron: '0 9 * * 1',
      timeZone: options.timeZone ?? 'UTC',
      createdBy: 'U0ALICE',
      at: new Date('2026-11-20T00:00:00Z'),
    });
  /** The week's post went out: its leader's turn counts. */
  const posted = async (week: number, leader: string) => {
    await presenters.recordTurn('C0READING', monday(week), leader);
    const id = await fixture.team.claimFire({
      channel: 'C0READING',
      scheduledAt: monday(week),
      paperIds: ['sgd'],
      links: [],
      section: 'Books',
      cycle: 1,
      queued: false,
      at: monday(week),
    });
    await fixture.team.completeFire(id ?? 0, { messageTs: `${week}.0`, at: monday(week) });
  };
  return { ...fixture, run, reply, subscribe, posted };
}

const mention = (id: string) => `<@${id}|${id.toLowerCase()}>`;
const [ana, ben, chloe, dan, eve] = ['U0ANA', 'U0BEN', 'U0CHLOE', 'U0DAN', 'U0EVE'].map(mention);
const usage =
  'Set who leads the discussion, in turn: `/optpaper presenters @ana @ben @chloé`. Then `presenters` shows the order, `presenters swap @ana @ben` exchanges two places, `presenters skip @ana` (or `skip me`) makes someone miss their next turn, `presenters lead 48` tells the leader 48 hours before the post (`2 days`, `90 minutes` work too), `presenters clear` removes the list.';

describe('presenters: what the replies say, with their emphasis', () => {
  it('without leaders here, says so', async () => {
    const { run, subscribe } = setup({ presenters: false });
    await subscribe();
    expect(await run('presenters')).toBe('ephemeral: Discussion leaders are not available here.');
  });

  it('words it does not know get the usage, every command written as code', async () => {
    const { run, subscribe } = setup();
    await subscribe();
    expect(await run('presenters dance')).toBe(`ephemeral: ${usage}`);
    expect(await run('presenters')).toBe(`ephemeral: Nobody leads the discussion here yet. ${usage}`);
  });

  it('off, none and stop clear the list as clear does; with more words or a mention they do not', async () => {
    const { run, subscribe, team } = setup();
    await subscribe();
    for (const word of ['off', 'none', 'stop']) {
      await run(`presenters ${ana}`);
      expect(await run(`presenters ${word}`)).toBe(
        'in_channel: <@U0ALICE> removed the list of discussion leaders: weekly posts name nobody.',
      );
      expect(await team.presenters('C0READING')).toEqual([]);
    }
    await run(`presenters ${ana}`);
    expect(await run('presenters clear all')).toBe(`ephemeral: ${usage}`);
    expect(await run(`presenters clear ${ben}`)).toBe(`ephemeral: ${usage}`);
    expect(await team.presenters('C0READING')).toEqual(['U0ANA']);
  });

  it('names unlinked people back, a few and short', async () => {
    const { run, subscribe } = setup();
    await subscribe();
    const tail = 'mention people so that Slack links them (type @ and pick the name from the list).';
    expect(await run('presenters @ana')).toBe(`ephemeral: I cannot tell who @ana is: ${tail}`);
    const forty = `@${'a'.repeat(39)}`;
    const long = `@${'b'.repeat(45)}`;
    expect(await run(`presenters ${forty} ${long} @c @d @e @f @g`)).toBe(
      `ephemeral: I cannot tell who ${forty}, @${'b'.repeat(38)}…, @c, @d, @e and 2 more are: ${tail}`,
    );
    expect(await run('presenters  @a  @b  @c  @d  @e ')).toBe(
      `ephemeral: I cannot tell who @a, @b, @c, @d, @e are: ${tail}`,
    );
  });

  it('a list holds at most 52 people', async () => {
    const { run, subscribe, team } = setup();
    await subscribe();
    const people = (count: number) =>
      Array.from({ length: count }, (_, index) => mention(`U0P${String(index).padStart(2, '0')}`)).join(' ');
    expect(await run(`presenters ${people(53)}`)).toBe(
      'ephemeral: That is 53 people; a list holds at most 52.',
    );
    expect(await team.presenters('C0READING')).toEqual([]);
    await run(`presenters ${people(52)}`);
    expect(await team.presenters('C0READING')).toHaveLength(52);
  });

  it('swap takes exactly two different people; the swap is told in the channel, the next leader in bold', async () => {
    const { run, subscribe, team } = setup();
    await subscribe();
    expect(await run(`presenters ${ana} ${ben} ${chloe}`)).toBe(
      'in_channel: <@U0ALICE> set who leads the discussion, in turn: <@U0ANA>, <@U0BEN>, <@U0CHLOE>. First: <@U0ANA> on *Mon 30 Nov 2026* (SGD · Momentum · RMSProp · Optimization). Each leader gets a direct message 2 days before the post.',
    );
    const refused = 'ephemeral: Swap takes two people: /optpaper presenters swap @ana @ben';
    expect(await run(`presenters swap ${ana}`)).toBe(refused);
    expect(await run(`presenters swap ${ana} ${ana}`)).toBe(refused);
    expect(await run(`presenters swap ${ana} ${ben} ${chloe}`)).toBe(refused);
    expect(await run(`presenters swap now ${ana} ${ben}`)).toBe(`ephemeral: ${usage}`);
    expect(await team.presenters('C0READING')).toEqual(['U0ANA', 'U0BEN', 'U0CHLOE']);
    expect(await run(`presenters swap ${ana} ${ben}`)).toBe(
      'in_channel: <@U0ALICE> swapped <@U0ANA> and <@U0BEN> in the order. Next: <@U0BEN> on *Mon 30 Nov 2026* (SGD · Momentum · RMSProp · Optimization).',
    );
  });

  it('skip takes one person, or me alone', async () => {
    const { run, subscribe } = setup();
    await subscribe();
    await run(`presenters ${ana} ${ben} ${chloe}`);
    const refused = 'ephemeral: Skip takes one person: /optpaper presenters skip @ana (or skip me)';
    expect(await run(`presenters skip ${ana} ${ben}`)).toBe(refused);
    expect(await run('presenters skip me now', 'U0ANA')).toBe(refused);
    expect(await run('presenters skip', 'U0ANA')).toBe(refused);
    expect(await run(`presenters skip me ${ben}`, 'U0ANA')).toBe(
      'in_channel: <@U0BEN> misses their next turn leading the discussion (back the round after). Next: <@U0ANA> on *Mon 30 Nov 2026* (SGD · Momentum · RMSProp · Optimization).',
    );
    expect(await run(`presenters skip ${chloe}`, 'U0ANA')).toBe(
      'in_channel: <@U0CHLOE> misses their next turn leading the discussion (back the round after). Next: <@U0ANA> on *Mon 30 Nov 2026* (SGD · Momentum · RMSProp · Optimization).',
    );
  });

  it('lead: as people write it, within a minute and 14 days; never with a mention', async () => {
    const { run, subscribe, team } = setup();
    await subscribe();
    const lead = async () => (await team.subscription('C0READING'))?.presenterLeadMinutes;
    expect(await run('presenters lead 1 day')).toBe(
      'in_channel: <@U0ALICE> set the reminder: each discussion leader gets a direct message 1 day before the post.',
    );
    for (const [words, minutes] of [
      ['lead 1.25 hours', 75],
      ['lead 1.5', 90],
      ['lead 1 minute', 1],
      ['lead 14 days', 20_160],
      ['lead  2d', 2880],
    ] as const) {
      await run(`presenters ${words}`);
      expect(await lead()).toBe(minutes);
    }
    const refused =
      'ephemeral: Say how long before the post the leader is told, up to 14 days: /optpaper presenters lead 48 (hours), lead 2 days, lead 90 minutes';
    for (const words of [
      'lead 0',
      'lead 20161 minutes',
      'lead 1 5',
      'lead 36 hours please',
      'lead x36',
      'lead 1. hours',
    ])
      expect(await run(`presenters ${words}`)).toBe(refused);
    expect(await run(`presenters lead 36 ${ana}`)).toBe(`ephemeral: ${usage}`);
    expect(await lead()).toBe(2880);
  });

  it('leadText: days, hours or minutes, one without an s', () => {
    expect([1440, 2880, 60, 120, 90, 1, 2].map(leadText)).toEqual([
      '1 day',
      '2 days',
      '1 hour',
      '2 hours',
      '90 minutes',
      '1 minute',
      '2 minutes',
    ]);
  });

  it('the order: each person’s next turn (their first in the coming ones), led this round, skipping it, later', async () => {
    const { run, reply, subscribe, posted } = setup();
    await subscribe();
    await run(`presenters ${ana} ${ben} ${chloe}`);
    await run('presenters skip me', 'U0CHLOE');
    const shown = await reply('presenters');
    expect(replyMarkup(shown).split(' | ')).toEqual([
      'ephemeral: # Discussion leaders',
      '1. <@U0ANA> · leads Mon 30 Nov 2026\n2. <@U0BEN> · leads Mon 7 Dec 2026\n3. <@U0CHLOE> · skips this round',
      '> Coming:',
      '[sgd: SGD · Momentum · RMSProp · Optimization <https://www.deeplearningbook.org/contents/optimization.html> *Mon 30 Nov 2026* · led by <@U0ANA>]',
      '[batchnorm: BatchNorm <https://arxiv.org/abs/1502.03167> *Mon 7 Dec 2026* · led by <@U0BEN>]',
      '[convex-neural-networks: Convex Neural Networks <http://papers.nips.cc/paper/2800-convex-neural-networks.pdf> *Mon 14 Dec 2026* · led by <@U0ANA>]',
      '> Each leader gets a direct message 2 days before the post (change it: `/optpaper presenters lead <hours>`).',
    ]);
    expect(shown.text).toBe('Discussion leaders: 3; next: @U0ANA on Mon 30 Nov 2026');
    await run(`presenters ${ana} ${ben} ${chloe} ${dan} ${eve} ${mention('U0FRAN')} ${mention('U0GUS')}`);
    await posted(0, 'U0ANA');
    expect((await run('presenters')).split(' | ')).toEqual([
      'ephemeral: # Discussion leaders',
      [
        '1. <@U0ANA> · led this round',
        '2. <@U0BEN> · leads Mon 30 Nov 2026',
        '3. <@U0CHLOE> · skips this round',
        '4. <@U0DAN> · leads Mon 7 Dec 2026',
        '5. <@U0EVE> · leads Mon 14 Dec 2026',
        '6. <@U0FRAN> · leads Mon 21 Dec 2026',
        '7. <@U0GUS> · later this round',
      ].join('\n'),
      '> Coming:',
      '[batchnorm: BatchNorm <https://arxiv.org/abs/1502.03167> *Mon 30 Nov 2026* · led by <@U0BEN>]',
      '[convex-neural-networks: Convex Neural Networks <http://papers.nips.cc/paper/2800-convex-neural-networks.pdf> *Mon 7 Dec 2026* · led by <@U0DAN>]',
      '[curriculum-learning: Curriculum Learning <https://ronan.collobert.com/pub/matos/2009_curriculum_icml.pdf> *Mon 14 Dec 2026* · led by <@U0EVE>]',
      '[exact-solutions-to-the-nonlinear-dynamics-of-learning-in-deep-linear-neural: Exact solutions to the nonlinear dynamics of learning in deep linear neural networks <https://arxiv.org/abs/1312.6120> *Mon 21 Dec 2026* · led by <@U0FRAN>]',
      '> Each leader gets a direct message 2 days before the post (change it: `/optpaper presenters lead <hours>`).',
    ]);
  });

  it('dates in the channel’s time zone, not the default', async () => {
    const { run, reply, subscribe } = setup({ timeZone: 'Pacific/Kiritimati' });
    await subscribe();
    await run(`presenters ${ana}`);
    // 9:00 on Monday there is 19:00 on Sunday in UTC.
    expect(await run('presenters')).toBe(
      'ephemeral: # Discussion leaders | 1. <@U0ANA> · leads Mon 30 Nov 2026 | > Coming: | [sgd: SGD · Momentum · RMSProp · Optimization <https://www.deeplearningbook.org/contents/optimization.html> *Mon 30 Nov 2026* · led by <@U0ANA>] | > Each leader gets a direct message 2 days before the post (change it: `/optpaper presenters lead <hours>`).',
    );
    expect((await reply('presenters')).text).toBe('Discussion leaders: 1; next: @U0ANA on Mon 30 Nov 2026');
  });

  it('a list with no papers: the leaders, and no turn to name', async () => {
    const { run, reply, subscribe } = setup({ emptyList: true });
    await subscribe();
    expect(await run(`presenters ${ana} ${ben}`)).toBe(
      'in_channel: <@U0ALICE> set who leads the discussion, in turn: <@U0ANA>, <@U0BEN>. Each leader gets a direct message 2 days before the post.',
    );
    expect(await run(`presenters swap ${ana} ${ben}`)).toBe(
      'in_channel: <@U0ALICE> swapped <@U0ANA> and <@U0BEN> in the order.',
    );
    expect(await run('presenters')).toBe(
      'ephemeral: # Discussion leaders | 1. <@U0BEN> · later this round\n2. <@U0ANA> · later this round | > Each leader gets a direct message 2 days before the post (change it: `/optpaper presenters lead <hours>`).',
    );
    expect((await reply('presenters')).text).toBe('Discussion leaders: 2');
  });
});
