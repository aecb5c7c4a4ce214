import { withSubscription } from '../../src/commands/context.ts';
import { unfurlReply } from '../../src/commands/unfurl.ts';
import { homeChannel } from '../../src/home/data.ts';
import { homeReply } from '../../src/home/view.ts';
import { fixedLibrary } from '../../src/library.ts';
import { createLogger } from '../../src/logger.ts';
import { presenterExtension } from '../../src/presenters/extension.ts';
import { createPresenterService } from '../../src/presenters/service.ts';
import { createSearch } from '../../src/search/search.ts';
import { toSlackMessage } from '../../src/slack/blocks.ts';
import { openStore } from '../../src/store/sqlite.ts';
import { pickToPosted, upcomingPicks } from '../../src/weekly/rotation.ts';
import { createWeeklyService, readingsOf } from '../../src/weekly/service.ts';
import { shippedCatalog } from '../support/shipped.ts';
import { duration, markdownTable, textTable } from './format.ts';
import { summarize } from './stats.ts';
import type { Suite } from './suite.ts';

/** The workspace measured: channels a person is in, a year of posts each, three leaders each. */
const shape = Object.freeze({ channels: 10, postsPerChannel: 52, presenters: 3, runs: 50 });

/**
 * The reading group's paths on the shipped list, in process (SQLite in memory): one person's Home
 * tab over ten subscribed channels with a year of history, the unfurl of a link in such a channel,
 * and the presenters' minute of bookkeeping over those channels when nobody is due.
 */
export const runReadingGroupBench: Suite = async ({ print }) => {
  const team = 'T0BENCH';
  const store = openStore(':memory:');
  const catalog = shippedCatalog();
  const library = fixedLibrary(createSearch(catalog));
  const weekly = createWeeklyService({
    store: store.team(team),
    library,
    defaults: { cron: '0 9 * * 1', timeZone: 'UTC' },
  });
  const presenters = createPresenterService({ store: store.team(team), weekly });
  const scoped = store.team(team);
  const start = new Date('2025-01-06T09:00:00Z');
  const channels = Array.from({ length: shape.channels }, (_, index) => `C0BENCH${index}`);
  for (const channel of channels) {
    await scoped.subscribe({ channel, cron: '0 9 * * 1', timeZone: 'UTC', createdBy: 'U0', at: start });
    await scoped.setPresenters(channel, ['U0ANA', 'U0BEN', 'U0CHLOE'].slice(0, shape.presenters));
    const picks = upcomingPicks(
      catalog,
      readingsOf(catalog),
      await scoped.history(channel),
      shape.postsPerChannel,
    );
    for (const [week, pick] of picks.entries()) {
      const slot = new Date(start.getTime() + week * 7 * 86_400_000);
      const id = await scoped.claimFire({
        channel,
        scheduledAt: slot,
        ...pickToPosted(pick),
        queued: false,
        at: slot,
      });
      await scoped.completeFire(id ?? 0, { messageTs: `${slot.getTime() / 1000}.000100`, at: slot });
      await scoped.recordPresenterTurn(channel, {
        slot,
        user: ['U0ANA', 'U0BEN', 'U0CHLOE'][week % 3] ?? 'U0ANA',
      });
    }
  }
  const now = new Date(start.getTime() + shape.postsPerChannel * 7 * 86_400_000 - 86_400_000);
  const search = library.current();
  const measure = async (run: () => Promise<unknown>) => {
    const samples: number[] = [];
    for (let index = 0; index < shape.runs; index++) {
      const begin = performance.now();
      await run();
      samples.push(performance.now() - begin);
    }
    return summarize(samples);
  };
  const home = await measure(async () => {
    const parts = [];
    for (const channel of channels)
      parts.push(
        await homeChannel(channel, { user: 'U0ANA', weekly, presenters, store: scoped, search, now }),
      );
    toSlackMessage(homeReply({ user: 'U0ANA', channels: parts }));
  });
  const context = await withSubscription({
    search,
    channel: { id: channels[0] ?? '' },
    user: { id: 'U0ANA' },
    now,
    random: () => 0,
    weekly,
  });
  const unfurl = await measure(async () => {
    await unfurlReply('https://arxiv.org/pdf/1412.6980v9.pdf', context);
  });
  const extension = presenterExtension({
    store,
    presentersFor: () => presenters,
    weeklyFor: () => weekly,
    post: async () => ({ ok: true, ts: '1.0', channel: 'U0', attempts: 1 }),
    logger: createLogger({ sink: { write: () => true } }),
  });
  // Four days before the next post: nobody is due, the common case of every minute.
  const quiet = new Date(now.getTime() - 3 * 86_400_000);
  const maintain = await measure(async () => {
    await extension.maintain?.(quiet);
  });
  await store.close();
  const rows = [
    [`Home tab, ${shape.channels} channels (data + Block Kit)`, home],
    ['unfurl of one link (a year of posts searched)', unfurl],
    [`presenters' bookkeeping, ${shape.channels} subscriptions`, maintain],
  ] as const;
  const cells = rows.map(([name, figures]) => [
    name,
    duration(figures.p50),
    duration(figures.p99),
    duration(figures.max),
  ]);
  const headers = ['path', 'p50', 'p99', 'max'];
  print(textTable(headers, cells));
  return { markdown: markdownTable(headers, cells) };
};
