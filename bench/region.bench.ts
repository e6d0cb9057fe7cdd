import { NestFactory } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppModule } from '../apps/api/src/app.module';
import { SqliteEventStore } from '#libs/event-store';
import { RegionRollup, RegisterIndex } from '#libs/region';
import { ReadModels } from '#libs/projections';
import { buildMonitoringReport, loadManyReportFacts } from '#libs/reports';
import { orderedMentorships, repeatableStep, TODAY } from './bench-app';
import { percentile, type Bench, type BenchRow } from './bench.types';
import { REGION_ID, writeRegionalLog } from './region-log';
import { entry } from '#testing/projections';

const ORGANISATIONS = Number(process.env.BENCH_REGION_ORGS || 2000);
const MENTORSHIPS = Number(process.env.BENCH_REGION_MENTORSHIPS || 25);
const CURATORS = Number(process.env.BENCH_REGION_CURATORS || 16);
const STEP_SECONDS = Number(process.env.BENCH_REGION_STEP_SECONDS || 10);
const READ_EVERY_MS = Number(process.env.BENCH_REGION_READ_EVERY_MS || 1000);
const PERIOD = { from: '2024-01-01', to: '2026-12-31' };

/**
 * A region at scale: `BENCH_REGION_ORGS` organisations × `BENCH_REGION_MENTORSHIPS` mentorships through
 * their lifecycles in one embedded store. Rebuilds every read model in a child process (its peak RSS is
 * the rebuild's), reads the coordinator's roll-up over all of them and over one municipality, and counts
 * steps per second of `BENCH_REGION_CURATORS` curators with and without the roll-up being read meanwhile.
 */
const bench: Bench = async (log) => {
  const dir = mkdtempSync(join(tmpdir(), 'mentorship-bench-region-'));
  const rows: BenchRow[] = [];
  const scale = `${ORGANISATIONS.toLocaleString('en-US')} organisations × ${MENTORSHIPS}`;
  try {
    let store = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
    let t = performance.now();
    const written = await writeRegionalLog(store, ORGANISATIONS, MENTORSHIPS);
    log(`log: ${written.toLocaleString('en-US')} events written in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    await store.close();

    log(`load average before the rebuild: ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
    const r = JSON.parse(execFileSync(process.execPath, [join(__dirname, 'region-rebuild.child.js'), dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }));
    log(`rebuild: ${r.events.toLocaleString('en-US')} events in ${r.seconds.toFixed(1)} s, ${Math.round(r.eventsPerSecond).toLocaleString('en-US')} events/s, peak RSS ${Math.round(r.maxRssMb)} MB`);
    rows.push({ bench: 'region', case: `rebuild of every read model, ${written.toLocaleString('en-US')} events, throughput`, value: r.eventsPerSecond, unit: 'events/s', target: '≥ 100,000/s' });
    rows.push({ bench: 'region', case: 'rebuild, peak RSS of its process', value: r.maxRssMb, unit: 'MB', target: '≤ 400 MB' });

    store = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
    const app = await NestFactory.createApplicationContext(
      AppModule.forRoot({
        store,
        clock: { now: () => new Date(`${TODAY}T09:00:00+03:00`) },
        config: { ORG_ID: 'bench', DATA_DIR: dir, AUDIT_SEALER: 'off', REMINDER_INTERVAL_MS: 0 },
        projections: { mode: 'off', file: join(dir, 'readmodels.sqlite') },
      }),
      { logger: false },
    );
    try {
      const rollup = app.get(RegionRollup);
      const region = { kind: 'region' as const, regionId: REGION_ID };
      t = performance.now();
      const first = await rollup.build(region, PERIOD);
      const firstMs = performance.now() - t;
      log(`roll-up: ${first.organisations.length} organisations, ${first.totals.mentorships.toLocaleString('en-US')} mentorships in the period; the first after start ${firstMs.toFixed(0)} ms (reads the whole log's metadata once)`);
      rows.push({ bench: 'region', case: `coordinator's roll-up, all ${scale}, the first after the process started`, value: firstMs, unit: 'ms' });
      for (const [label, territory, runs, fresh] of [
        [`all ${scale}, every report built`, region, 5, 'everything'],
        [`all ${scale}, after a change elsewhere: each organisation's figures kept`, region, 20, 'rollup'],
        [`all ${scale}, again with nothing changed (cached)`, region, 50, undefined],
        ['one municipality (1/40 of them), every report built', { kind: 'municipality' as const, regionId: REGION_ID, municipalityId: 'mun-0' }, 40, 'everything'],
      ] as const) {
        const times: number[] = [];
        for (let i = 0; i < runs; i++) {
          t = performance.now();
          await rollup.build(territory, PERIOD, fresh);
          times.push(performance.now() - t);
        }
        times.sort((a, b) => a - b);
        log(`roll-up, ${label}: p50 ${percentile(times, 50).toFixed(1)} ms, max ${times[times.length - 1].toFixed(1)} ms`);
        rows.push({ bench: 'region', case: `coordinator's roll-up, ${label}, p50`, value: percentile(times, 50), unit: 'ms', target: label.startsWith('all') && fresh ? '≤ 200 ms' : undefined });
      }

      // A step in one kindergarten: an event of org-00000 past what its kept figures were built at, so its report (only) is built again.
      const marker = entry('reminder-org-00000', 'BenchMarker', { note: 'a step' }, 'org-00000', TODAY);
      await store.append(marker.streamId, [marker.event], 'any');
      const one: number[] = [];
      for (let i = 0; i < 20; i++) {
        t = performance.now();
        await rollup.build(region, PERIOD, 'rollup');
        one.push(performance.now() - t);
      }
      one.sort((a, b) => a - b);
      log(`roll-up, all, after a step in one organisation: p50 ${percentile(one, 50).toFixed(1)} ms`);
      rows.push({ bench: 'region', case: `coordinator's roll-up, all ${scale}, after a step in one organisation (its report built again), p50`, value: percentile(one, 50), unit: 'ms', target: '≤ 200 ms' });

      // Where the time of one roll-up over all goes: the facts read from SQLite, the reports built from them.
      const rm = app.get(ReadModels);
      const orgIds = (await app.get(RegisterIndex).within(region)).map((o) => o.orgId);
      const split = { facts: [] as number[], build: [] as number[] };
      for (let i = 0; i < 3; i++) {
        t = performance.now();
        const facts = rm.db.snapshot(() => loadManyReportFacts(rm, orgIds, { ...PERIOD, today: TODAY }));
        split.facts.push(performance.now() - t);
        t = performance.now();
        for (const f of facts.values()) buildMonitoringReport(f, { ...PERIOD, today: TODAY });
        split.build.push(performance.now() - t);
      }
      for (const k of ['facts', 'build'] as const) split[k].sort((a, b) => a - b);
      log(`roll-up over all, of which: facts read ${percentile(split.facts, 50).toFixed(0)} ms, reports built ${percentile(split.build, 50).toFixed(0)} ms`);
      rows.push({ bench: 'region', case: '… of which the facts read from SQLite (eight queries), p50', value: percentile(split.facts, 50), unit: 'ms' });
      rows.push({ bench: 'region', case: '… of which the reports built (pure), p50', value: percentile(split.build, 50), unit: 'ms' });

      const bus = app.get(CommandBus);
      const ids = await orderedMentorships(bus, CURATORS);
      /** Steps for STEP_SECONDS; meanwhile the roll-up over all is built (every report, or from kept figures) every `everyMs` (0: back to back), or never. */
      const steps = async (everyMs: number | null, mode: 'rollup' | 'everything' = 'everything') => {
        let done = 0;
        let reads = 0;
        const started = performance.now();
        const until = started + STEP_SECONDS * 1000;
        const reader = everyMs !== null ? (async () => {
          while (performance.now() < until) {
            await rollup.build(region, PERIOD, mode);
            reads++;
            const next = started + reads * everyMs;
            await new Promise((resolve) => (everyMs && next > performance.now() ? setTimeout(resolve, next - performance.now()) : setImmediate(resolve)));
          }
        })() : Promise.resolve();
        await Promise.all(ids.map(async (id) => {
          while (performance.now() < until) {
            await bus.execute(repeatableStep(id));
            done++;
          }
        }));
        await reader;
        return { perSec: done / STEP_SECONDS, reads };
      };
      const quiet = await steps(null);
      const paced = await steps(READ_EVERY_MS);
      const busy = await steps(0);
      const kept = await steps(0, 'rollup');
      log(`steps: ${Math.round(quiet.perSec)}/s alone, ${Math.round(paced.perSec)}/s with a roll-up every ${READ_EVERY_MS} ms, ${Math.round(busy.perSec)}/s with roll-ups back to back (${busy.reads}), ${Math.round(kept.perSec)}/s with roll-ups back to back from kept figures (${kept.reads})`);
      rows.push({ bench: 'region', case: `steps, ${CURATORS} curators, alone`, value: quiet.perSec, unit: 'steps/s' });
      rows.push({ bench: 'region', case: `steps, ${CURATORS} curators, a roll-up over all built every ${READ_EVERY_MS} ms`, value: paced.perSec, unit: 'steps/s', note: `${paced.reads} roll-ups in ${STEP_SECONDS} s, same process` });
      rows.push({ bench: 'region', case: `steps, ${CURATORS} curators, roll-ups over all back to back`, value: busy.perSec, unit: 'steps/s', note: `${busy.reads} roll-ups in ${STEP_SECONDS} s, same process` });
      rows.push({ bench: 'region', case: `steps, ${CURATORS} curators, roll-ups over all back to back, organisations' figures kept`, value: kept.perSec, unit: 'steps/s', note: `${kept.reads} roll-ups in ${STEP_SECONDS} s, same process` });
    } finally {
      await app.close();
      await store.close();
    }
    log(`load average after: ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

export default bench;
