import type { webApi } from '@slack/bolt';
import { type HomeChannel, type HomeData, homeChannel } from '../../home/data.ts';
import { homeReply } from '../../home/view.ts';
import { StoreUnavailableError } from '../../store/types.ts';
import { asClientBlocks, toSlackMessage } from '../blocks.ts';
import type { SlackDeps } from '../deps.ts';
import { classify } from '../post.ts';

/** How many channels of a person are read at most (users.conversations pages of 200). */
const homeLimits = Object.freeze({ pageSize: 200, pages: 10 });

/** The channels a person is in, or why they could not be read. */
export type Memberships = { channels: ReadonlySet<string> } | { problem: string };

/**
 * The public and private channels a person is in (private ones where the bot is too), with
 * users.conversations: `channels:read` and `groups:read` are the least that answer it. Read once per
 * publish, never cached longer.
 *
 * @param client The workspace's Web API client.
 * @param user The person.
 * @returns Their channels, or a sentence saying why they could not be read.
 */
export async function memberships(client: webApi.WebClient, user: string): Promise<Memberships> {
  const channels = new Set<string>();
  let cursor: string | undefined;
  try {
    for (let page = 0; page < homeLimits.pages; page++) {
      const answer = await client.users.conversations({
        user,
        types: 'public_channel,private_channel',
        exclude_archived: true,
        limit: homeLimits.pageSize,
        ...(cursor ? { cursor } : {}),
      });
      for (const channel of answer.channels ?? []) if (channel.id) channels.add(channel.id);
      cursor = answer.response_metadata?.next_cursor || undefined;
      if (!cursor) break;
    }
  } catch (error) {
    const { failure, detail } = classify(error);
    return {
      problem:
        detail === 'missing_scope'
          ? 'I cannot see which channels you are in: this install of optpaper lacks the channels:read and groups:read scopes. Ask whoever installed it to reinstall it.'
          : `I could not read which channels you are in (${failure}: ${detail}). Open this tab again in a moment.`,
    };
  }
  return { channels };
}

/**
 * Publish someone's Home tab: each subscribed channel of the workspace they are in.
 *
 * @param client The workspace's Web API client.
 * @param deps Listener dependencies (services, store, clock).
 * @param target The workspace, the person, and their channels when already read.
 * @returns When Slack took the view (throws when it did not).
 */
export async function publishHome(
  client: webApi.WebClient,
  deps: SlackDeps,
  target: { team: string; user: string; memberships?: Memberships },
): Promise<void> {
  const home = await homeData(client, deps, target).catch((error: unknown) => {
    // The list and search need no database: the tab says what is wrong instead of staying stale.
    if (!(error instanceof StoreUnavailableError)) throw error;
    return {
      user: target.user,
      channels: [],
      problem:
        'The paper of the week is unavailable right now: my database cannot be used, and the operator has been alerted.',
    };
  });
  const { blocks } = toSlackMessage(homeReply(home, deps.command));
  await client.views.publish({
    user_id: target.user,
    view: { type: 'home', blocks: asClientBlocks(blocks) },
  });
}

/** What someone's Home tab shows: the workspace's subscribed channels they are in. */
async function homeData(
  client: webApi.WebClient,
  deps: SlackDeps,
  target: { team: string; user: string; memberships?: Memberships },
): Promise<HomeData> {
  const { team, user } = target;
  const weekly = deps.weeklyFor?.(team);
  const store = deps.store?.team(team);
  if (!weekly || !store)
    return { user, channels: [], problem: 'The paper of the week is not available here.' };
  const member = target.memberships ?? (await memberships(client, user));
  if ('problem' in member) return { user, channels: [], problem: member.problem };
  const presenters = deps.presentersFor?.(team);
  const workspaceUrl = deps.workspaceUrl?.(team);
  const place = {
    user,
    weekly,
    store,
    search: deps.library.current(),
    now: deps.clock(),
    ...(presenters ? { presenters } : {}),
    ...(workspaceUrl ? { workspaceUrl } : {}),
  };
  const channels: HomeChannel[] = [];
  for (const { channel } of await store.subscriptions()) {
    if (member.channels.has(channel)) channels.push(await homeChannel(channel, place));
  }
  return { user, channels };
}
