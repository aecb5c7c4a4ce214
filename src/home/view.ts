import { commandText, defaultCommand } from '../commands/command-name.ts';
import type { Inline, Reply, ReplyBlock, RichText } from '../commands/reply.ts';
import { formatDay } from '../weekly/dates.ts';
import type { HomeChannel, HomeData } from './data.ts';

/**
 * Someone's Home tab as a platform-neutral reply: for each subscribed channel they are in, this
 * week's paper and its thread, the next papers (with who leads), whether they lead soon, open votes
 * and their own vote, and the progress through the list by section.
 *
 * @param home What to show.
 * @param command The slash command's name in this app (default: `/optpaper`).
 * @returns The reply (Slack publishes its blocks as the Home view; the shell prints it).
 */
export function homeReply(home: HomeData, command: string = defaultCommand): Reply {
  const blocks: ReplyBlock[] = [{ type: 'header', text: 'Your reading groups' }];
  if (home.problem) blocks.push({ type: 'text', text: [home.problem] });
  else if (home.channels.length === 0) {
    blocks.push({
      type: 'text',
      text: [
        'None of the channels you are in gets a paper of the week yet. In a channel, ',
        { text: commandText(command, 'subscribe'), code: true },
        ' starts one.',
      ],
    });
  }
  for (const channel of home.channels) blocks.push({ type: 'divider' }, ...channelBlocks(channel));
  blocks.push({
    type: 'context',
    text: ['Search the list anywhere with ', { text: commandText(command, '<words>'), code: true }, '.'],
  });
  const names = home.channels.map((channel) => `#${channel.channel}`).join(', ');
  return {
    text: home.channels.length > 0 ? `Your reading groups: ${names}` : 'Your reading groups',
    blocks,
    visibility: 'ephemeral',
    overflowHint: `${commandText(command, 'week')} in a channel shows its paper`,
  };
}

function channelBlocks(home: HomeChannel): ReplyBlock[] {
  const day = (at: Date) => formatDay(at, home.timeZone);
  const blocks: ReplyBlock[] = [];
  const title: Inline[] = [{ channel: home.channel }];
  if (home.current) {
    const { view, postedAt, thread } = home.current;
    title.push(
      ' · this week: ',
      view.url ? { text: view.title, url: view.url, bold: true } : { text: view.title, bold: true },
      ` (since ${day(postedAt)}) · `,
      { text: 'discussion thread', url: thread },
    );
  } else {
    title.push(' · nothing posted yet');
  }
  blocks.push({ type: 'text', text: title });
  if (home.presenting) {
    const { at, view } = home.presenting;
    blocks.push({
      type: 'text',
      text: [
        '🎤 You lead the discussion on ',
        { text: day(at), bold: true },
        ': ',
        view.url ? { text: view.title, url: view.url } : view.title,
        '.',
      ],
    });
  } else if (home.presenter) {
    blocks.push({
      type: 'context',
      text: ['You are in the list of discussion leaders; your turn is further off.'],
    });
  }
  for (const vote of home.votes) blocks.push({ type: 'text', text: voteLine(vote, day) });
  if (home.next.length > 0) {
    const next: Inline[] = ['Next: '];
    home.next.forEach((item, index) => {
      if (index > 0) next.push(' · ');
      next.push(
        `${day(item.at)} `,
        item.view.url ? { text: item.view.title, url: item.view.url } : item.view.title,
      );
      if (item.leader) next.push(' (led by ', { user: item.leader }, ')');
    });
    blocks.push({ type: 'text', text: next });
  }
  blocks.push({ type: 'context', text: progressLine(home) });
  return blocks;
}

function voteLine(vote: HomeChannel['votes'][number], day: (at: Date) => string): RichText {
  const line: Inline[] = [
    '🗳 ',
    vote.link
      ? { text: `Vote open for ${day(vote.slot)}`, url: vote.link }
      : `Vote open for ${day(vote.slot)}`,
    `: ${vote.candidates.join(' · ')}. `,
  ];
  line.push(vote.mine === undefined ? 'You have not voted yet.' : `You voted for ${vote.mine}.`);
  return line;
}

function progressLine(home: HomeChannel): RichText {
  const { cycle, done, total, sections } = home.progress;
  const bySection = sections
    .map((section) => `${section.section} ${section.done}/${section.total}`)
    .join(' · ');
  return [`Round ${cycle}: ${done} of ${total} readings. ${bySection}`];
}
