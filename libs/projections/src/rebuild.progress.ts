import type { EventStore, LogPosition } from '#libs/event-store';

/**
 * The log's last position, found by galloping then bisecting on `readAll(after, maxCount: 1)`:
 * the port has no "head" call, and positions only need to be ordered numbers for this to work.
 * `null` when the store refuses a made-up position (then the bar shows counts without a percentage).
 */
export async function lastPosition(store: EventStore): Promise<bigint | null> {
  const after = async (c: bigint) => (await store.readAll({ after: { commit: c, prepare: c }, maxCount: 1 })).length > 0;
  try {
    if (!(await after(-1n))) return null;
    let lo = -1n;
    let hi = 1n;
    while (await after(hi)) {
      lo = hi;
      hi *= 2n;
    }
    while (hi - lo > 1n) {
      const mid = (lo + hi) / 2n;
      if (await after(mid)) lo = mid;
      else hi = mid;
    }
    return hi;
  } catch {
    return null;
  }
}

/** A one-line progress bar on stderr (a plain line every 10 % when stderr is not a terminal). */
export function progressBar(total: bigint | null, write: (s: string) => void, isTty: boolean) {
  const started = performance.now();
  let lastDraw = 0;
  let lastDecile = -1;
  return (p: { position: LogPosition; events: number }, final = false) => {
    const now = performance.now();
    // The last position may be an event no projection reads, so a finished run shows 100 % itself.
    const fraction = final ? 1 : total && total > 0n ? Math.min(1, Number(p.position.commit) / Number(total)) : null;
    const rate = p.events / Math.max((now - started) / 1000, 1e-3);
    const bar = fraction === null ? '' : `[${'█'.repeat(Math.round(fraction * 30)).padEnd(30, '░')}] ${(fraction * 100).toFixed(1).padStart(5)}% `;
    const line = `${bar}событий: ${p.events.toLocaleString('ru-RU')}, в секунду: ${Math.round(rate).toLocaleString('ru-RU')}`;
    if (isTty) {
      if (final || now - lastDraw > 100) {
        write(`\r${line}\x1b[K${final ? '\n' : ''}`);
        lastDraw = now;
      }
    } else {
      const decile = fraction === null ? Math.floor(p.events / 100_000) : Math.floor(fraction * 10);
      if (final ? decile !== lastDecile || lastDecile < 0 : decile !== lastDecile) write(line + '\n');
      lastDecile = decile;
    }
  };
}
