import { describe, expect, it } from 'vitest';
import { type CommandContext, withSubscription } from '../../src/commands/context.ts';
import { runCommand } from '../../src/commands/dispatch.ts';
import { createPresenterService } from '../../src/presenters/service.ts';
import { createWeeklyService } from '../../src/weekly/service.ts';
import { replyLines } from '../support/replies.ts';
import { weeklyFixture } from '../support/weekly.ts';

const sunday = new Date('2026-11-29T12:00:00Z');
const monday = (week: number) => new Date(Date.UTC(2026, 10, 30 + 7 * week, 9));

function setup() {
  const fixture = weeklyFixture();
  const weekly = createWeeklyService({
    store: fixture.team,
    library: fixture.library,
    defaults: { cron: '0 9 * * 1', timeZone: 'UTC' },
  });
  const changes: string[] = [];
  const presenters = createPresenterService({
    store: fixture.team,
    weekly,
    onChange: (channel) => changes.push(channel),
  });
  const context = (user = 'U0ALICE'): Promise<CommandContext> =>
    withSubscription({
      search: fixture.library.current(),
      channel: { id: 'C0READING' },
      user: { id: user },
      now: sunday,
      random: () => 0,
      weekly,
      presenters,
    });
  const reply = async (text: string, user?: string) => runCommand(text, await context(user));
  const run = async (text: string, user?: string) => replyLines(await reply(text, user)).join('\n');
  const subscribe = () =>
    fixture.team.subscribe({
      channel: 'C0READING',
      cron: '0 9 * * 1',
      timeZone: 'UTC',
      createdBy: 'U0ALICE',
      at: new Date('2026-11-20T00:00:00Z'),
    });
  return { ...fixture, presenters, run, reply, subscribe, changes };
}

const ana = '<@U0ANA|ana>';
const ben = '<@U0BEN|ben>';
const chloe = '<@U0CHLOE|chloé>';

describe('/optpaper presenters', () => {
  it('sets the order from the mentions, in the channel, naming the first leader, their day and paper', async () => {
    const { run, reply, team, subscribe, changes } = setup();
    await subscribe();
    const answer = await reply(`presenters ${ana} ${ben} ${chloe} ${ana}`);
    expect(answer.visibility).toBe('in_channel');
    expect(replyLines(answer).join('\n')).toBe(
      '@U0ALICE set who leads the discussion, in turn: @U0ANA, @U0BEN, @U0CHLOE. ' +
        'First: @U0ANA on Mon 30 Nov 2026 (SGD · Momentum · RMSProp · Optimization). ' +
        'Each leader gets a direct message 2 days before the post.',
    );
    expect(await team.presenters('C0READING')).toEqual(['U0ANA', 'U0BEN', 'U0CHLOE']);
    expect(changes).toEqual(['C0READING']);
    expect(await run('presenters')).toBe(
      [
        'Discussion leaders',
        '1. @U0ANA · leads Mon 30 Nov 2026\n2. @U0BEN · leads Mon 7 Dec 2026\n3. @U0CHLOE · leads Mon 14 Dec 2026',
        'Coming:',
        '[SGD · Momentum · RMSProp · Optimization] Mon 30 Nov 2026 · led by @U0ANA',
        '[BatchNorm] Mon 7 Dec 2026 · led by @U0BEN',
        '[Convex Neural Networks] Mon 14 Dec 2026 · led by @U0CHLOE',
        'Each leader gets a direct message 2 days before the post (change it: /optpaper presenters lead <hours>).',
      ].join('\n'),
    );
  });

  it('swaps two places and skips a turn, saying who is next', async () => {
    const { run, team, subscribe } = setup();
    await subscribe();
    await run(`presenters ${ana} ${ben} ${chloe}`);
    expect(await run(`presenters swap ${ana} ${chloe}`)).toBe(
      '@U0ALICE swapped @U0ANA and @U0CHLOE in the order. Next: @U0CHLOE on Mon 30 Nov 2026 (SGD · Momentum · RMSProp · Optimization).',
    );
    expect(await team.presenters('C0READING')).toEqual(['U0CHLOE', 'U0BEN', 'U0ANA']);
    expect(await run('presenters skip me', 'U0CHLOE')).toBe(
      '@U0CHLOE misses their next turn leading the discussion (back the round after). Next: @U0BEN on Mon 30 Nov 2026 (SGD · Momentum · RMSProp · Optimization).',
    );
    expect((await run('presenters')).split('\n').slice(1, 4)).toEqual([
      '1. @U0CHLOE · skips this round',
      '2. @U0BEN · leads Mon 30 Nov 2026',
      '3. @U0ANA · leads Mon 7 Dec 2026',
    ]);
    expect(await run(`presenters skip ${ben}`)).toMatch(
      /^@U0BEN misses their next turn.* Next: @U0ANA on Mon 30 Nov/,
    );
  });

  it('sets how long before the post the leader is told', async () => {
    const { run, team, subscribe } = setup();
    await subscribe();
    expect(await run('presenters lead 36')).toBe(
      '@U0ALICE set the reminder: each discussion leader gets a direct message 36 hours before the post.',
    );
    expect((await team.subscription('C0READING'))?.presenterLeadMinutes).toBe(36 * 60);
    await run('presenters lead 3 days');
    expect((await team.subscription('C0READING'))?.presenterLeadMinutes).toBe(3 * 1440);
    await run('presenters lead 90 minutes');
    expect((await team.subscription('C0READING'))?.presenterLeadMinutes).toBe(90);
    expect(await run('presenters lead 30 days')).toMatch(/^Say how long before the post .* up to 14 days/);
    expect(await run('presenters lead soon')).toMatch(/^Say how long before the post/);
    expect((await team.subscription('C0READING'))?.presenterLeadMinutes).toBe(90);
  });

  it('answers bad input clearly and changes nothing', async () => {
    const { run, team, subscribe } = setup();
    expect(await run(`presenters ${ana}`)).toMatch(/^This channel does not get a paper of the week/);
    await subscribe();
    expect(await run('presenters @ana @ben')).toBe(
      'I cannot tell who @ana, @ben are: mention people so that Slack links them (type @ and pick the name from the list).',
    );
    expect(await run(`presenters swap ${ana}`)).toBe(
      'Swap takes two people: /optpaper presenters swap @ana @ben',
    );
    expect(await run(`presenters swap ${ana} ${ben}`)).toBe(
      'Both must be in the list to swap places; /optpaper presenters shows it.',
    );
    expect(await run(`presenters skip ${ana}`)).toBe('@U0ANA is not in the list of discussion leaders here.');
    expect(await run('presenters')).toMatch(/^Nobody leads the discussion here yet\. Set who leads/);
    expect(await run('presenters <!channel> dance')).toMatch(/^Set who leads the discussion, in turn/);
    expect(await team.presenters('C0READING')).toEqual([]);
    expect(await team.presenterTurns('C0READING')).toEqual([]);
  });

  it('clears the list', async () => {
    const { run, team, subscribe } = setup();
    await subscribe();
    await run(`presenters ${ana} ${ben}`);
    expect(await run('presenters clear')).toBe(
      '@U0ALICE removed the list of discussion leaders: weekly posts name nobody.',
    );
    expect(await team.presenters('C0READING')).toEqual([]);
  });

  it('counts a turn once its post went out, and moves on to the next leader', async () => {
    const { run, team, presenters, subscribe } = setup();
    await subscribe();
    await run(`presenters ${ana} ${ben}`);
    expect(await presenters.leaderOf('C0READING', monday(0))).toBe('U0ANA');
    await presenters.recordTurn('C0READING', monday(0), 'U0ANA');
    // Not posted yet: the turn does not count.
    expect(await presenters.leaderOf('C0READING', monday(1))).toBe('U0ANA');
    const id = await team.claimFire({
      channel: 'C0READING',
      scheduledAt: monday(0),
      paperIds: ['sgd'],
      links: [],
      section: 'Books',
      cycle: 1,
      queued: false,
      at: monday(0),
    });
    await team.completeFire(id ?? 0, { messageTs: '1.0', at: monday(0) });
    expect(await presenters.leaderOf('C0READING', monday(1))).toBe('U0BEN');
    expect(await presenters.leaderOf('C0READING', monday(0))).toBe('U0ANA');
  });
});
