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
