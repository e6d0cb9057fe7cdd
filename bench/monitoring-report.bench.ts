import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '#libs/event-store';
import { appConfigOf, defaultConfig } from '#libs/kernel';
import { rebuild, ReadModels } from '#libs/projections';
import { writeSyntheticLog } from '#testing/projections';
import { MonitoringReportService } from '#libs/reports';
import { percentile, type Bench, type BenchRow } from './bench.types';

const MENTORSHIPS = Number(process.env.BENCH_REPORT_MENTORSHIPS || 10_000);

/** The monitoring report (§3.4) from read models holding 10k mentorships of one organisation. */
const bench: Bench = async (log) => {
  const dir = mkdtempSync(join(tmpdir(), 'mentorship-bench-report-'));
  const store = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
  const clock = { now: () => new Date('2026-11-24T09:00:00+03:00') };
  const rm = new ReadModels({ file: join(dir, 'readmodels.sqlite'), mode: 'off', waitMs: 0 }, store, clock, {
    ...appConfigOf(defaultConfig()), defaultOrgId: 'bench',
  });
  try {
    const events = await writeSyntheticLog(store, { mentorships: MENTORSHIPS });
    await rebuild(store, rm.db, rm.projections);
    const n = (rm.prepare(`SELECT COUNT(*) AS n FROM ${rm.table('mentorships')}`).get() as { n: number }).n;
    log(`${n.toLocaleString('en-US')} mentorships from ${events.toLocaleString('en-US')} events`);
    const reports = new MonitoringReportService(rm);
    const rows: BenchRow[] = [];
    for (const [label, q] of [
      ['whole period, all forms', { from: '2024-01-01', to: '2026-12-31' }],
      ['one year, one form', { from: '2025-01-01', to: '2025-12-31', form: 'teacher-teacher' as const }],
    ] as const) {
      const times: number[] = [];
      for (let i = 0; i < 60; i++) {
        const t = performance.now();
        reports.build('bench', q);
        times.push(performance.now() - t);
      }
      times.splice(0, 10); // warm-up
      times.sort((a, b) => a - b);
      rows.push({ bench: 'monitoring report', case: `${n.toLocaleString('en-US')} mentorships, ${label}, p50`, value: percentile(times, 50), unit: 'ms', target: '≤ 50 ms' });
      rows.push({ bench: 'monitoring report', case: `${n.toLocaleString('en-US')} mentorships, ${label}, p95`, value: percentile(times, 95), unit: 'ms' });
    }
    return rows;
  } finally {
    rm.onApplicationShutdown();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
};

export default bench;
