import type { Logger } from '@slack/bolt';
import cron, { type ScheduledTask } from 'node-cron';
import type { Store } from '../store/types.ts';
import type { WeeklyRunner } from './run-due.ts';

/** Cron tasks that trigger the weekly runner, one per distinct schedule. */
export interface WeeklyScheduler {
  /** Create the tasks of the current subscriptions and start them. */
  start(): Promise<void>;
  /** Subscriptions changed: add, drop or re-time tasks. */
  refresh(): Promise<void>;
  /** Stop every task and wait for a post in flight. */
  stop(): Promise<void>;
}

/**
 * Wire node-cron to the runner. Cron is only a trigger: each task calls `runner.runDue(now)`, which
 * decides what is due from the store, so a task firing twice, late, or for several channels at once
 * never posts twice.
 *
 * @param options The store (subscriptions), the runner, the clock and a logger.
 * @returns The scheduler.
 */
export function createScheduler(options: {
  store: Store;
  runner: WeeklyRunner;
  clock: () => Date;
  logger: Logger;
}): WeeklyScheduler {
  const { store, runner, clock, logger } = options;
  const tasks = new Map<string, ScheduledTask>();
  let running = false;
  let inFlight: Promise<unknown> = Promise.resolve();

  const fire = (slot: Date) => {
    // node-cron passes the slot it fired for; a timer that fires a hair early must still see it due.
    const now = new Date(Math.max(clock().getTime(), slot.getTime()));
    inFlight = runner
      .runDue(now)
      .catch((error: unknown) => logger.error('weekly: a scheduled run failed:', error));
  };

  let refreshing: Promise<void> = Promise.resolve();
  const refreshNow = async () => {
    if (!running) return;
    const wanted = new Map<string, { cron: string; timeZone: string }>();
    for (const { cron: expression, timeZone } of await store.allSubscriptions()) {
      wanted.set(`${expression}|${timeZone}`, { cron: expression, timeZone });
    }
    for (const [key, task] of tasks) {
      if (!wanted.has(key)) {
        void task.destroy();
        tasks.delete(key);
      }
    }
    for (const [key, { cron: expression, timeZone }] of wanted) {
      if (tasks.has(key)) continue;
      const task = cron.createTask(expression, (context) => fire(context.date), {
        timezone: timeZone,
        // Stryker disable next-line StringLiteral: the name only labels the task (node-cron reads it for distributed runs, which are off).
        name: `weekly ${key}`,
      });
      void task.start();
      tasks.set(key, task);
    }
    logger.debug(`weekly: ${tasks.size} schedule(s) armed`);
  };
  // One refresh at a time, in order: two subscriptions in quick succession must not race.
  const refresh = () => {
    refreshing = refreshing.then(refreshNow).catch((error: unknown) => {
      logger.error('weekly: could not read the subscriptions to arm their schedules:', error);
    });
    return refreshing;
  };

  return {
    start() {
      running = true;
      return refresh();
    },
    refresh,
    async stop() {
      running = false;
      await refreshing;
      await Promise.all([...tasks.values()].map((task) => task.destroy()));
      tasks.clear();
      await inFlight;
    },
  };
}
