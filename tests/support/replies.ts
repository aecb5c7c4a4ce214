import { plainText, type Reply } from '../../src/commands/reply.ts';

/**
 * A reply as lines a test can compare: headers and texts as plain text, each paper as `[Title]`,
 * followed by its note and its buttons when it has them (`[Title] Mon 7 Dec 2026 (Share)`).
 *
 * @param reply A platform-neutral reply.
 * @returns One line per block (dividers and button rows by their type).
 */
export function replyLines(reply: Reply): string[] {
  return reply.blocks.map((block) => {
    switch (block.type) {
      case 'header':
        return block.text;
      case 'text':
      case 'context':
        return plainText(block.text);
      case 'paper': {
        const note = block.paper.note ? ` ${plainText(block.paper.note)}` : '';
        return `[${block.paper.title}]${note}${block.actions.map((action) => ` (${action.label})`).join('')}`;
      }
      default:
        return block.type;
    }
  });
}
