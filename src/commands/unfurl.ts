import { canonicalUrl } from '../catalog/links.ts';
import { formatDay, messageLink } from '../weekly/dates.ts';
import { readingView } from '../weekly/messages.ts';
import type { PostRecord } from '../weekly/service.ts';
import { readingsOf } from '../weekly/service.ts';
import type { CommandContext } from './context.ts';
import type { Reply, ReplyBlock } from './reply.ts';

/** Posts of a channel looked through for an earlier discussion: twenty years of weeks. */
const postsSearched = 1000;

/**
 * What a link to a paper of the list unfurls to: the paper (every entry of its reading), its
 * sections, and, when this channel had it as a paper of the week, when, with a link to that thread;
 * otherwise, in a channel that gets a paper of the week, a Queue button (what Read next does).
 *
 * @param url The link as posted (arXiv abs/pdf/version forms, OpenReview, any link of a paper).
 * @param context The channel and person who posted it.
 * @returns The unfurl, or `undefined` when the link is not one of the list's papers.
 */
export async function unfurlReply(url: string, context: CommandContext): Promise<Reply | undefined> {
  const { catalog } = context.search;
  // A link alone is looked up exactly (arXiv id, canonical link): never a fuzzy match.
  // Stryker disable next-line ObjectLiteral: hits come best first, so an exact one (score 1) is the first hit, limit or not.
  const paper = context.search.search(url, { limit: 1 }).find((hit) => hit.score === 1)?.paper;
  if (!paper) return undefined;
  // Every paper of a catalog is in one of its readings (groupReadings groups them all): the fallbacks
  // to the paper alone only satisfy the types, and no request reaches them.
  const reading = readingsOf(catalog).find((candidate) => candidate.paperIds.includes(paper.id));
  const papers = reading
    ? // Stryker disable next-line ArrayDeclaration: a reading's ids are all papers of its catalog.
      reading.paperIds.flatMap((id) => catalog.papers.find((candidate) => candidate.id === id) ?? [])
    : // Stryker disable next-line ArrayDeclaration: unreachable (see above).
      [paper];
  // Stryker disable next-line OptionalChaining: the reading is always found (see above).
  const view = readingView(papers, reading?.sections ?? paper.sections, paper.title);
  // Stryker disable next-line OptionalChaining,ArrayDeclaration: the reading is always found (see above).
  const paperIds = reading?.paperIds ?? [paper.id];
  // Stryker disable next-line OptionalChaining,ArrayDeclaration: the reading is always found (see above).
  const links = reading?.identityLinks ?? [];
  const blocks: ReplyBlock[] = [];
  const channel = context.channel.id;
  const weekly = context.weekly;
  const discussed = weekly
    ? (await weekly.posts(channel, postsSearched).catch(() => [])).find((post) =>
        namesReading(post, paperIds, links),
      )
    : undefined;
  if (discussed && weekly) {
    const timeZone =
      (await weekly.subscription(channel).catch(() => undefined))?.timeZone ?? weekly.defaults.timeZone;
    blocks.push(
      { type: 'paper', paper: view, actions: [] },
      {
        type: 'context',
        text: [
          'Discussed here on ',
          { text: formatDay(discussed.postedAt, timeZone), bold: true },
          ': ',
          { text: 'open the thread', url: messageLink(channel, discussed.messageTs, context.workspaceUrl) },
        ],
      },
    );
  } else if (context.subscribed) {
    blocks.push(
      { type: 'paper', paper: view, actions: [{ id: 'read_next', label: 'Queue', value: paper.id }] },
      { type: 'context', text: ['Not discussed here yet: Queue makes it a coming paper of the week.'] },
    );
  } else {
    blocks.push({ type: 'paper', paper: view, actions: [] });
  }
  return { text: view.title, blocks, visibility: 'in_channel' };
}

/** Whether a post was this reading: by paper id, or by a link (a paper renamed since). */
function namesReading(post: PostRecord, paperIds: readonly string[], links: readonly string[]): boolean {
  return (
    post.paperIds.some((id) => paperIds.includes(id)) ||
    post.links.some((link) => links.includes(canonicalUrl(link)))
  );
}
