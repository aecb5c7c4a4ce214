import { commandText } from '../commands/command-name.ts';
import type { Reply, RichText } from '../commands/reply.ts';
import { formatWhen } from '../weekly/dates.ts';
import { pickView } from '../weekly/messages.ts';
import type { Pick } from '../weekly/rotation.ts';

/**
 * The line a weekly post gets when the channel has discussion leaders.
 *
 * @param user This week's leader.
 * @returns The line.
 */
export function leaderNote(user: string): RichText {
  return ['Discussion led by ', { user }, '.'];
}

/**
 * The direct message that tells someone they lead the coming discussion: where, when, the paper and
 * its links, and how to hand the turn on.
 *
 * @param notice The channel, the slot and its zone, the rotation's pick, whether the channel votes,
 *   and the slash command's name in this app (default: `/optpaper`).
 * @returns The message.
 */
export function presenterNotice(notice: {
  channel: string;
  slot: Date;
  timeZone: string;
  pick: Pick;
  voting: boolean;
  command?: string;
}): Reply {
  const { command } = notice;
  const view = pickView(notice.pick);
  const when = formatWhen(notice.slot, notice.timeZone);
  const voting: RichText = [
    'The channel votes on this week’s paper: this is the rotation’s pick, and the vote may choose another. ',
    { text: commandText(command, 'week'), code: true },
    ' in the channel shows the paper once it is posted.',
  ];
  return {
    text: `You lead the discussion of the paper of the week on ${when}: ${view.title}`,
    blocks: [
      {
        type: 'text',
        text: [
          'You lead the discussion of the paper of the week in ',
          { channel: notice.channel },
          ' on ',
          { text: when, bold: true },
          notice.voting ? '. The paper is being voted on; the rotation’s pick:' : ':',
        ],
      },
      { type: 'paper', paper: view, actions: [] },
      ...(notice.voting ? [{ type: 'context' as const, text: voting }] : []),
      {
        type: 'context',
        text: [
          'Cannot make it? In the channel, ',
          { text: commandText(command, 'presenters skip me'), code: true },
          ' hands your turn on (you lead next round), or ',
          { text: commandText(command, 'presenters swap @you @someone'), code: true },
          ' exchanges places.',
        ],
      },
    ],
    visibility: 'in_channel',
  };
}
