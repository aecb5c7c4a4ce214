/**
 * Wait until a condition holds, checking every few milliseconds.
 *
 * @param condition Checked until it returns true (it may be async).
 * @param timeoutMs Give up after this long.
 * @param what What is awaited, for the error.
 */
export async function until(
  condition: () => boolean | Promise<boolean>,
  timeoutMs = 5000,
  what = 'a condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * Retry waits the test releases: while held, every `sleep` waits until {@link HeldSleeps.release}, so a
 * test can act (stop the bot) while a retry is pending. Not held, a sleep returns at once.
 */
export class HeldSleeps {
  holding = false;
  /** The waits asked for so far, in ms, held or not. */
  readonly asked: number[] = [];
  private readonly waiting: (() => void)[] = [];

  readonly sleep = (ms: number): Promise<void> => {
    this.asked.push(ms);
    return this.holding ? new Promise((resolve) => this.waiting.push(resolve)) : Promise.resolve();
  };

  /** End every wait held so far, and hold no more. */
  release(): void {
    this.holding = false;
    for (const resolve of this.waiting.splice(0)) resolve();
  }
}
