import type { Reply, RichText } from '../../src/commands/reply.ts';

/**
 * Rich text with its emphasis and links kept, for tests that check them: `*bold*`, `` `code` ``,
 * `_italic_`, `<url|text>`, `<@U…>`, `<#C…>`. (`replyLines` shows only the words.)
 *
 * @param text Rich text.
 * @returns One string.
 */
export function markup(text: RichText): string {
  return text
    .map((run) => {
      if (typeof run === 'string') return run;
      if ('user' in run) return `<@${run.user}>`;
      if ('channel' in run) return `<#${run.channel}>`;
      let shown = run.text;
      if (run.code) shown = `\`${shown}\``;
      if (run.italic) shown = `_${shown}_`;
      if (run.bold) shown = `*${shown}*`;
      return run.url ? `<${run.url}|${shown}>` : shown;
    })
    .join('');
}

/**
 * A reply as `visibility: block | block…`, its texts as `markup` shows them; a paper as
 * `[id: title <url>]` with its buttons as `(label=value)`.
 *
 * @param reply A reply.
 * @returns One string.
 */
export function replyMarkup(reply: Reply): string {
  const blocks = reply.blocks.map((block) => {
    switch (block.type) {
      case 'header':
        return `# ${block.text}`;
      case 'text':
        return markup(block.text);
      case 'context':
        return `> ${markup(block.text)}`;
      case 'paper': {
        const { paper } = block;
        const note = paper.note ? ` ${markup(paper.note)}` : '';
        const buttons = block.actions.map((action) => ` (${action.label}=${action.value})`).join('');
        return `[${paper.id}: ${paper.title} <${paper.url ?? ''}>${note}]${buttons}`;
      }
      case 'actions':
        return block.actions.map((action) => `(${action.label}=${action.value})`).join(' ');
      default:
        return block.type;
    }
  });
  return `${reply.visibility}: ${blocks.join(' | ')}`;
}
