import type { Paper } from '../catalog/types.ts';
import { type Reply, type RichText, textReply, viewOf } from './reply.ts';

/**
 * The message a Share button posts into the channel: the paper, and who shared it.
 *
 * @param paper The paper.
 * @param userId Slack id of the person who pressed Share.
 * @returns An in-channel reply without buttons.
 */
export function sharedPaperMessage(paper: Paper, userId: string): Reply {
  return {
    // The notification text: a mention cannot be written in it (it is escaped like all text).
    text: `Shared paper: ${paper.title}`,
    blocks: [
      { type: 'context', text: [{ user: userId }, ' shared a paper'] },
      { type: 'paper', paper: viewOf(paper), actions: [] },
    ],
    visibility: 'in_channel',
  };
}

/** How the post of a shared paper went, as the Slack layer reports it. */
export type ShareResult =
  | { ok: true }
  | { ok: false; failure: 'ratelimited' | 'server' | 'network' | 'refused' | 'stopped'; error: string };

/**
 * What the sharer is told after pressing Share: that it worked, or why not and what to do.
 *
 * @param result The post's outcome.
 * @param title The paper's title.
 * @param channel The channel id (a direct message starts with `D`).
 * @returns An ephemeral reply.
 */
export function shareOutcomeReply(result: ShareResult, title: string, channel: string): Reply {
  return textReply(shareOutcomeText(result, title, channel));
}

function shareOutcomeText(result: ShareResult, title: string, channel: string): RichText {
  const quoted = `“${title}”`;
  if (result.ok) return [`Shared ✓ ${quoted} is in the channel now.`];
  switch (result.error) {
    case 'not_in_channel':
    case 'channel_not_found':
      // A bot cannot be invited into a direct message: there, Share has nowhere to post.
      return channel.startsWith('D')
        ? [`I cannot post ${quoted} into a direct message. Share it from a channel I am in.`]
        : [
            `I could not post ${quoted}: I am not a member of this channel. Invite me with `,
            { text: '/invite @optpaper', code: true },
            ' and press Share again.',
          ];
    case 'is_archived':
      return ['I could not post: this channel is archived.'];
    case 'restricted_action':
    case 'restricted_action_read_only_channel':
      return ['I could not post: this channel only lets some members post.'];
  }
  switch (result.failure) {
    case 'ratelimited':
      return ['Slack is rate-limiting me right now. Please press Share again in a minute.'];
    case 'stopped':
      // Stopping while waiting out a rate limit (the only failure Share retries): certainly not posted.
      return [`I am restarting and did not post ${quoted}. Please press Share again in a minute.`];
    case 'server':
    case 'network':
      return [
        `Slack did not confirm the post (${result.error}). Check the channel before pressing Share again, so it is not posted twice.`,
      ];
    default:
      return [`I could not post ${quoted} (${result.error}).`];
  }
}
