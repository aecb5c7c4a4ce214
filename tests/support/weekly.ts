import type { Logger } from '@slack/bolt';
import { fixedLibrary, type Library } from '../../src/library.ts';
import { createLogger } from '../../src/logger.ts';
import { createSearch } from '../../src/search/search.ts';
import { type SlackMessage, toSlackMessage } from '../../src/slack/blocks.ts';
import type { PostResult } from '../../src/slack/post.ts';
import { openStore } from '../../src/store/sqlite.ts';
import type { Store, TeamStore } from '../../src/store/types.ts';
import { createVoteService, type VoteMessenger } from '../../src/votes/service.ts';
import { createWeeklyRunner, type Poster } from '../../src/weekly/run-due.ts';
import { createWeeklyService } from '../../src/weekly/service.ts';
import { shippedCatalog } from './shipped.ts';

/** A message the fake poster received. */
export interface Posted extends SlackMessage {
  channel: string;
  thread_ts?: string;
  ts: string;
  /** When it was posted (the faked clock in scheduler tests). */
  at: Date;
}

/**
 * A poster standing in for chat.postMessage in unit tests: records every message, answers with a ts,
 * or fails as scripted. (End-to-end tests use the real client against a stand-in server instead.)
 */
export class RecordingPoster {
  readonly posted: Posted[] = [];
  readonly #failures: PostResult[] = [];
  #ts = 1_700_000_000;
  /** When set, the next post reaches "Slack" and then never answers: a crash mid-post. */
  hangAfterNextPost = false;

  /** Answer the next posts with these failures, in order. */
  fail(...results: PostResult[]): void {
    this.#failures.push(...results);
  }

  readonly post: Poster = async (message) => {
    const failure = this.#failures.shift();
    if (failure) return failure;
    this.#ts += 1;
    const ts = `${this.#ts}.000100`;
    const { reply, ...target } = message;
    // Recorded as Slack would receive it: rendered by the real Block Kit renderer.
    this.posted.push({ ...target, ...toSlackMessage(reply), ts, at: new Date() });
    if (this.hangAfterNextPost) {
      this.hangAfterNextPost = false;
      return new Promise<PostResult>(() => {});
    }
    return { ok: true, ts, channel: message.channel, attempts: 1 };
  };

  /** Top-level posts (not thread replies). */
  get weeklyPosts(): Posted[] {
    return this.posted.filter((message) => message.thread_ts === undefined);
  }
}

/** The workspace the weekly tests post in. */
export const testTeam = 'T0TEAM';

/** A clock a test moves by hand; it starts at the epoch, behind every time a test passes to runDue. */
export class TestClock {
  #time = 0;
  readonly now = (): Date => new Date(this.#time);
  set(time: Date): void {
    this.#time = time.getTime();
  }
}

/** The shipped list as a library, a store in memory (and the test workspace's part of it), a logger that keeps its lines. */
export function weeklyFixture(options: { library?: Library; store?: Store } = {}): {
  library: Library;
  store: Store;
  team: TeamStore;
  logger: Logger;
  logs: string[];
  clock: () => Date;
  time: TestClock;
} {
  const logs: string[] = [];
  const store = options.store ?? openStore(':memory:');
  const time = new TestClock();
  return {
    library: options.library ?? fixedLibrary(createSearch(shippedCatalog())),
    store,
    team: store.team(testTeam),
    logger: createLogger({ sink: { write: (line: string) => logs.push(line) } }),
    logs,
    clock: time.now,
    time,
  };
}

type RunnerOptions = Omit<Parameters<typeof createWeeklyRunner>[0], 'store' | 'library' | 'logger' | 'post'>;

/**
 * A weekly runner over {@link weeklyFixture}, with its test clock and a {@link RecordingPoster}, and one
 * channel subscribed (C0READING, Mondays at 09:00 UTC, unless `subscription` says otherwise).
 */
export async function subscribedRunner(
  options: RunnerOptions & {
    library?: Library;
    store?: Store;
    subscription: { at: Date; channel?: string; cron?: string; createdBy?: string };
  },
) {
  const { library, store, subscription, ...runnerOptions } = options;
  const fixture = weeklyFixture({ ...(library ? { library } : {}), ...(store ? { store } : {}) });
  const poster = new RecordingPoster();
  const runner = createWeeklyRunner({ ...fixture, post: poster.post, ...runnerOptions });
  await fixture.team.subscribe({
    channel: subscription.channel ?? 'C0READING',
    cron: subscription.cron ?? '0 9 * * 1',
    timeZone: 'UTC',
    createdBy: subscription.createdBy ?? 'U0ALICE',
    at: subscription.at,
  });
  return { ...fixture, poster, runner };
}

/** A vote's message, where it is not the test's subject: it goes nowhere. */
export const nowhere: VoteMessenger = { post: async () => '1.0', update: async () => true };

/**
 * The weekly service (defaults: Mondays at 09:00 UTC) and the vote service of a {@link weeklyFixture}'s
 * workspace, as the commands get them.
 */
export function readingGroupServices(
  fixture: Pick<ReturnType<typeof weeklyFixture>, 'team' | 'library'>,
  messenger: VoteMessenger = nowhere,
) {
  const weekly = createWeeklyService({
    store: fixture.team,
    library: fixture.library,
    defaults: { cron: '0 9 * * 1', timeZone: 'UTC' },
  });
  const votes = createVoteService({ store: fixture.team, weekly, library: fixture.library, messenger });
  return { weekly, votes };
}

/** The title line of a weekly post (its first section block). */
export function postedTitle(message: SlackMessage): string {
  const section = message.blocks.find((block) => block.type === 'section') as
    | { text?: { text: string } }
    | undefined;
  return section?.text?.text.split('\n')[0] ?? '';
}
