import type { Paper } from '../catalog/types.ts';
import type { CommandContext } from './context.ts';
import { type Action, type ReplyBlock, type RichText, viewOf } from './reply.ts';

/**
 * A paper as a reply block, with its buttons: Share except in a direct message (there is no channel to
 * share into), Read next in a channel that gets a weekly paper.
 *
 * @param paper The paper.
 * @param context The request (its channel decides the buttons).
 * @param note Optional line of context.
 * @returns The block.
 */
export function paperBlock(paper: Paper, context: CommandContext, note?: RichText): ReplyBlock {
  const actions: Action[] = [];
  // Slack's direct-message ids start with D.
  if (!context.channel.id.startsWith('D'))
    actions.push({ id: 'share_paper', label: 'Share', value: paper.id });
  if (context.subscribed) {
    actions.push({ id: 'read_next', label: 'Read next', value: paper.id });
  }
  return { type: 'paper', paper: viewOf(paper, note), actions };
}

/**
 * Find a paper by id in the current catalog.
 *
 * @param context The request.
 * @param id A paper id (from a button).
 * @returns The paper, or `undefined` when the list no longer has it.
 */
export function paperById(context: CommandContext, id: string): Paper | undefined {
  return context.search.catalog.papers.find((paper) => paper.id === id);
}
