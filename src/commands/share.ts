import type { Paper } from '../catalog/types.ts';
import type { Reply } from './reply.ts';
import { viewOf } from './reply.ts';

/**
 * The message a Share button posts into the channel: the paper, and who shared it.
 *
 * @param paper The paper.
 * @param userId Slack id of the person who pressed Share.
 * @returns An in-channel reply without buttons.
 */
export function sharedPaperMessage(paper: Paper, userId: string): Reply {
  return {
    text: `${paper.title} (shared by @${userId})`,
    blocks: [
      { type: 'context', text: [{ user: userId }, ' shared a paper'] },
      { type: 'paper', paper: viewOf(paper), actions: [] },
    ],
    visibility: 'in_channel',
  };
}
