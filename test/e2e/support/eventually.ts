/**
 * Polls `probe` until `done` holds for its value, and returns that value. Past `ms` it returns the
 * last value seen, so the caller's own assertion on it fails with what was actually there (no
 * timing is asserted: a condition only has to hold at some point). `probe` may throw to give up.
 */
export async function eventually<T>(probe: () => Promise<T> | T, done: (value: T) => boolean, ms = 20_000, everyMs = 50): Promise<T> {
  for (const deadline = Date.now() + ms; ; ) {
    const value = await probe();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
