/**
 * Where a run's latency tail went, from the server's own Prometheus metrics read before and after it:
 * GC pauses by kind, the event loop's delay, group commits (time to disk, appends per commit).
 * Only what the server counts itself; a process of the cluster answers for itself alone.
 */
type Samples = Map<string, number>;

export async function scrapeMetrics(baseUrl: string): Promise<Samples> {
  const text = await fetch(`${baseUrl}/api/metrics`).then((r) => (r.ok ? r.text() : ''), () => '');
  const out: Samples = new Map();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const at = line.lastIndexOf(' ');
    out.set(line.slice(0, at), Number(line.slice(at + 1)));
  }
  return out;
}

const diff = (a: Samples, b: Samples, key: string) => (b.get(key) ?? 0) - (a.get(key) ?? 0);

/** The upper bound of the bucket where the q-quantile of a histogram's observations between two scrapes falls. */
function quantile(a: Samples, b: Samples, name: string, q: number, labels = ''): number | undefined {
  const prefix = `${name}_bucket{${labels}${labels ? ',' : ''}le="`;
  const buckets = [...b.keys()].filter((k) => k.startsWith(prefix)).map((k) => ({ le: k.slice(prefix.length, -2), n: diff(a, b, k) }));
  const total = buckets.find((x) => x.le === '+Inf')?.n ?? 0;
  if (!total) return undefined;
  const hit = buckets.filter((x) => x.le !== '+Inf').map((x) => ({ le: Number(x.le), n: x.n })).sort((x, y) => x.le - y.le).find((x) => x.n >= q * total);
  return hit ? hit.le : Infinity;
}

const ms = (s: number | undefined) => (s === undefined ? '–' : s === Infinity ? '> 2.5 s' : `≤ ${+(s * 1000).toFixed(1)} ms`);

/** The kinds of `nodejs_gc_duration_seconds` (prom-client's names for V8's collections). */
const GC_KINDS = ['minor', 'major', 'incremental', 'weakcb'];

/** One line: GC pauses by kind (count, total, mean), event-loop delay now, group commits' p50/p99 bucket and appends each. */
export function tailLine(a: Samples, b: Samples, seconds: number): string {
  const kinds = GC_KINDS.map((kind) => {
    const n = diff(a, b, `nodejs_gc_duration_seconds_count{kind="${kind}"}`);
    const sum = diff(a, b, `nodejs_gc_duration_seconds_sum{kind="${kind}"}`);
    return n ? `${kind} ${n}× ${(sum * 1000).toFixed(0)} ms (mean ${((sum / n) * 1000).toFixed(2)} ms)` : '';
  }).filter(Boolean);
  const gcShare = ((GC_KINDS.reduce((s, k) => s + diff(a, b, `nodejs_gc_duration_seconds_sum{kind="${k}"}`), 0) / seconds) * 100).toFixed(1);
  const commits = diff(a, b, 'event_store_commit_duration_seconds_count');
  const appends = diff(a, b, 'event_store_commit_appends_sum');
  const lag = (k: string) => `${((b.get(k) ?? NaN) * 1000).toFixed(1)} ms`;
  return [
    `GC ${gcShare} % of the main thread's time: ${kinds.join(', ') || 'none'}`,
    `event-loop delay (last window) p50 ${lag('nodejs_eventloop_lag_p50_seconds')}, p99 ${lag('nodejs_eventloop_lag_p99_seconds')}, max ${lag('nodejs_eventloop_lag_max_seconds')}`,
    commits ? `group commits ${commits} (${(appends / commits).toFixed(1)} appends each), to disk p50 ${ms(quantile(a, b, 'event_store_commit_duration_seconds', 0.5))}, p99 ${ms(quantile(a, b, 'event_store_commit_duration_seconds', 0.99))}` : 'no group commits counted (EventStoreDB, or another process writes)',
  ].join('; ');
}
