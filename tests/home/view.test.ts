import { describe, expect, it } from 'vitest';
import type { HomeChannel } from '../../src/home/data.ts';
import { homeReply } from '../../src/home/view.ts';
import { toSlackMessage } from '../../src/slack/blocks.ts';

const at = new Date('2026-12-07T09:00:00Z');
const view = {
  id: 'adam',
  title: 'ADAM',
  url: 'https://arxiv.org/abs/1412.6980',
  sections: [],
  otherLinks: [],
};

function channel(index: number): HomeChannel {
  return {
    channel: `C0GROUP${index}`,
    timeZone: 'UTC',
    current: { view, postedAt: at, thread: `https://slack.com/archives/C0GROUP${index}/p1` },
    next: [
      { at, view, leader: 'U0ANA' },
      { at, view },
      { at, view },
    ],
    progress: {
      cycle: 2,
      done: 3,
      total: 110,
      sections: [{ section: 'Popular Optimization algorithms', done: 3, total: 5 }],
    },
    votes: [{ slot: at, candidates: ['ADAM', 'NADAM'], mine: 'NADAM' }],
    presenting: { at, view },
    presenter: true,
  };
}

describe('the Home tab view', () => {
  it('stays within what Slack takes for many channels, and says how to see the rest', () => {
    const message = toSlackMessage(
      homeReply({ user: 'U0ANA', channels: Array.from({ length: 12 }, (_, i) => channel(i)) }),
    );
    expect(message.blocks.length).toBeLessThanOrEqual(50);
    expect(JSON.stringify(message.blocks.at(-1))).toContain(
      'The rest did not fit in one Slack message: /optpaper week in a channel shows its paper.',
    );
  });

  it('shows a channel’s vote with the person’s choice, the round and the progress by section', () => {
    const blocks = JSON.stringify(
      toSlackMessage(homeReply({ user: 'U0ANA', channels: [channel(1)] })).blocks,
    );
    expect(blocks).toContain('🗳 Vote open for Mon 7 Dec 2026: ADAM · NADAM. You voted for NADAM.');
    expect(blocks).toContain('Round 2: 3 of 110 readings. Popular Optimization algorithms 3/5');
    expect(blocks).toContain(
      '<#C0GROUP1> · this week: *<https://arxiv.org/abs/1412.6980|ADAM>* (since Mon 7 Dec 2026)',
    );
  });

  it('says what is wrong instead of listing channels', () => {
    const blocks = JSON.stringify(
      toSlackMessage(
        homeReply({ user: 'U0ANA', channels: [], problem: 'I could not read which channels you are in.' }),
      ).blocks,
    );
    expect(blocks).toContain('I could not read which channels you are in.');
    expect(blocks).not.toContain('None of the channels');
  });
});
