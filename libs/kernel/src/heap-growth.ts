import { setFlagsFromString } from 'node:v8';

/**
 * How far V8 lets the old generation grow past what survived the last full collection
 * (`HEAP_GROWING_PERCENT`, default 20; `0` leaves V8's own choice). V8's default grows it up to
 * fourfold while requests allocate fast: under a steady step load the API's live heap is ~100 MB,
 * but the heap grew to 400 MB of garbage before a full collection (RSS over 500 MB in the soak).
 * This is a growth factor, not a limit: if the live data really grows, the heap grows with it and
 * nothing fails for want of memory; collections only come sooner. Read at each full collection,
 * so setting it at start-up, before the app allocates much, takes effect. The config checks the value.
 */
export function tuneHeapGrowth(config: { HEAP_GROWING_PERCENT: number }): number {
  const percent = config.HEAP_GROWING_PERCENT;
  if (percent > 0) setFlagsFromString(`--heap-growing-percent=${percent}`);
  return percent;
}
