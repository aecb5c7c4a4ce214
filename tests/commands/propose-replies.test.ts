import { describe, expect, it } from 'vitest';
import { type CommandContext, withSubscription } from '../../src/commands/context.ts';
import { runCommand } from '../../src/commands/dispatch.ts';
import { proposalHelp, proposalReply, submitProposal } from '../../src/commands/propose.ts';
import { fixedLibrary } from '../../src/library.ts';
import { createSearch } from '../../src/search/search.ts';
import { createWeeklyRunner } from '../../src/weekly/run-due.ts';
import { replyMarkup } from '../support/markup.ts';
import { shippedCatalog } from '../support/shipped.ts';
import { RecordingPoster, readingGroupServices, weeklyFixture } from '../support/weekly.ts';

const sunday = new Date('2026-11-29T12:00:00Z');
const monday = new Date('2026-11-30T09:00:00Z');
const sharp = 'https://arxiv.org/pdf/1703.04933.pdf';
const how =
  '`/optpaper propose sharp minima` proposes the best match in the list; `/optpaper propose <link> | <title>` proposes a paper the list does not have.';

/** One search over the shipped list for every test (building it is the slow part). */
const library = fixedLibrary(createSearch(shippedCatalog()));

function setup(options: { votes?: boolean } = {}) {
  const fixture = weeklyFixture({ library });
  const { weekly, votes } = readingGroupServices(fixture);
  const poster = new RecordingPoster();
  const runner = createWeeklyRunner({ ...fixture, post: poster.post, graceMs: 3_600_000 });
  const context = (user = 'U0ALICE', now = sunday): Promise<CommandContext> =>
    withSubscription({
      search: fixture.library.current(),
      channel: { id: 'C0READING' },
      user: { id: user },
      now,
      random: () => 0,
      weekly,
      ...(options.votes === false ? {} : { votes }),
    });
  const run = async (text: string, user?: string, now?: Date) =>
    replyMarkup(await runCommand(text, await context(user, now)));
  return { run, runner, context, votes };
}

describe('propose: what the replies say, with their emphasis and links', () => {
  it('asks what to propose, with both ways written as code', async () => {
    const { run } = setup();
    await run('subscribe');
    expect(await run('propose')).toBe(`ephemeral: Say which paper: ${how}`);
    expect(await run('propose zzqx wvvk')).toBe(
      `ephemeral: No paper of the list matches “zzqx wvvk”. ${how}`,
    );
    expect(await run('propose https://example.org/ours.pdf')).toBe(
      'ephemeral: That link is not in the list: what is its title? Give it after the link: `/optpaper propose https://example.org/ours.pdf | <title>`.',
    );
    expect(proposalHelp('bad-link', 'ftp://x', { command: '/rg' })).toEqual({
      text: '“ftp://x” is not a link I can post (http or https, at most 2,000 characters). /rg propose sharp minima proposes the best match in the list; /rg propose <link> | <title> proposes a paper the list does not have.',
      blocks: [
        {
          type: 'text',
          text: [
            '“ftp://x” is not a link I can post (http or https, at most 2,000 characters). ',
            { text: '/rg propose sharp minima', code: true },
            ' proposes the best match in the list; ',
            { text: '/rg propose <link> | <title>', code: true },
            ' proposes a paper the list does not have.',
          ],
        },
      ],
      visibility: 'ephemeral',
    });
  });

  it('a channel that does not get a paper of the week is told so before anything is proposed, votes or not', async () => {
    const { run } = setup();
    const notSubscribed =
      'ephemeral: This channel does not get a paper of the week. Start it with `/optpaper subscribe [day] [time] [time zone]`, for example `/optpaper subscribe monday 9:30 Europe/Paris`.';
    expect(await run('propose')).toBe(notSubscribed);
    expect(await run('propose sharp minima')).toBe(notSubscribed);
  });

  it('without votes, neither the command nor the form proposes anything', async () => {
    const { run, context } = setup({ votes: false });
    await run('subscribe');
    expect(await run('propose')).toBe('ephemeral: Proposals are not available here.');
    const reply = await submitProposal(
      { kind: 'outside', url: 'https://example.org/ours.pdf', title: 'Ours' },
      await context(),
    );
    expect(replyMarkup(reply)).toBe('ephemeral: Proposals are not available here.');
  });

  it('names the proposed paper in bold, linked to its first link; queued, already queued, already posted', async () => {
    const { run, runner } = setup();
    await run('subscribe');
    expect(await run('propose sharp minima')).toBe(
      `in_channel: <@U0ALICE> proposed <${sharp}|*Sharp Minima Can Generalize For Deep Nets*>: it is next, and comes on *Mon 30 Nov 2026*.`,
    );
    expect(await run('propose sharp minima', 'U0BOB')).toBe(
      `ephemeral: <${sharp}|*Sharp Minima Can Generalize For Deep Nets*> is already queued: it comes on *Mon 30 Nov 2026*.`,
    );
    await runner.runDue(monday);
    expect(await run('propose sharp minima', 'U0BOB', monday)).toBe(
      `ephemeral: <${sharp}|*Sharp Minima Can Generalize For Deep Nets*> was already a paper of the week here (Mon 30 Nov 2026), and a reading is not posted twice in a round.`,
    );
  });

  it('with voting on: a candidate in the vote that opens next', async () => {
    const { run } = setup();
    await run('subscribe');
    await run('vote on 2 hours');
    expect(await run('propose sharp minima')).toBe(
      `in_channel: <@U0ALICE> proposed <${sharp}|*Sharp Minima Can Generalize For Deep Nets*>: it will be a candidate in the vote on the paper of Mon 30 Nov 2026, which opens *Mon 30 Nov 2026, 07:00 UTC*.`,
    );
  });

  it('a paper with no link (as the form may submit one) is named in bold, unlinked', async () => {
    const { run, context } = setup();
    await run('subscribe');
    const [hit] = (await context()).search.search('sharp minima', { limit: 1 });
    if (!hit) throw new Error('the shipped list has Sharp Minima');
    const reply = await submitProposal({ kind: 'list', paper: { ...hit.paper, links: [] } }, await context());
    expect(replyMarkup(reply)).toBe(
      'in_channel: <@U0ALICE> proposed *Sharp Minima Can Generalize For Deep Nets*: it is next, and comes on *Mon 30 Nov 2026*.',
    );
  });

  it('the rest of the outcomes, as proposing reports them', () => {
    const who = { user: { id: 'U0ALICE' } };
    const title = { text: 'Ours', bold: true };
    const at = new Date('2026-12-07T09:00:00Z');
    const say = (outcome: Parameters<typeof proposalReply>[0]) =>
      replyMarkup(proposalReply(outcome, title, who));
    expect(say({ status: 'not-subscribed' })).toContain(
      'ephemeral: This channel does not get a paper of the week.',
    );
    expect(say({ status: 'candidate', proposal: { id: 1, by: 'U0ALICE', at, title: 'Ours' } as never })).toBe(
      'in_channel: <@U0ALICE> proposed *Ours*: it will be a candidate in the next vote.',
    );
    expect(say({ status: 'queued', title: 'Ours', position: 3, timeZone: 'UTC' })).toBe(
      'in_channel: <@U0ALICE> proposed *Ours*: it is number 3 in the queue.',
    );
    expect(say({ status: 'already-queued', title: 'Ours', timeZone: 'UTC' })).toBe(
      'ephemeral: *Ours* is already queued.',
    );
    expect(say({ status: 'already-posted', title: 'Ours', timeZone: 'UTC' })).toBe(
      'ephemeral: *Ours* was already a paper of the week here, and a reading is not posted twice in a round.',
    );
    expect(say({ status: 'already-posted', title: 'Ours', at, timeZone: 'Asia/Tokyo' })).toBe(
      'ephemeral: *Ours* was already a paper of the week here (Mon 7 Dec 2026), and a reading is not posted twice in a round.',
    );
  });
});
