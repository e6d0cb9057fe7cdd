import { writeFileSync } from 'node:fs';
import { positionFromString, type EventStore } from '#libs/event-store';
import {
  activeGeneration, LiveProjector, createProjections, Projector, projectionsOptionsOf, ReadModelDatabase, ReadModels, rebuild, lastPosition, progressBar,
} from '#libs/projections';
import { monitoringReportCsv, monitoringReportHtml, MonitoringReportService, monitoringReportXlsx, reportDocument } from '#libs/reports';
import { organisationFromStore, organisationOptionsOf } from '#libs/organisation';
import { appConfigOf, type Clock, type Config } from '#libs/kernel';
import type { CommandLine } from './command-line';

type Out = (line: string) => void;
const fmt = (n: number) => Math.round(n).toLocaleString('ru-RU');

/** `project`: the projector as its own process (run the API with `PROJECTIONS=off`); stops on SIGTERM/SIGINT. */
export async function projectCommand(store: EventStore, config: Config, out: Out, err: Out): Promise<number> {
  const { file } = projectionsOptionsOf(config);
  const db = new ReadModelDatabase({ file });
  const live = new LiveProjector(store, db, createProjections(config.TIME_ZONE), { log: err });
  live.start();
  out(`Проекции обновляются из журнала в ${file}; остановка — Ctrl+C (SIGTERM).`);
  await new Promise<void>((resolve) => {
    process.once('SIGTERM', resolve);
    process.once('SIGINT', resolve);
    // Started by `start:cluster` (an IPC channel): when that process is gone, even by SIGKILL, stop too rather than live on orphaned.
    if (process.connected) process.once('disconnect', resolve);
  });
  await live.stop();
  db.close();
  return 0;
}

/** `rebuild`: every read model anew from the log, blue-green, with a progress bar on stderr. */
export async function rebuildCommand(store: EventStore, config: Config, out: Out): Promise<number> {
  const { file } = projectionsOptionsOf(config);
  const db = new ReadModelDatabase({ file });
  try {
    const bar = progressBar(await lastPosition(store), (s) => process.stderr.write(s), !!process.stderr.isTTY);
    let last = { position: { commit: 0n, prepare: 0n }, events: 0 };
    const result = await rebuild(store, db, createProjections(config.TIME_ZONE), {
      onProgress: (p) => bar((last = p)),
    });
    bar(last, true);
    out(`Модели чтения перестроены: событий ${fmt(result.events)} за ${result.seconds.toFixed(1)} с — ${fmt(result.eventsPerSecond)} в секунду. Активно поколение ${activeGeneration(db)}.`);
    return 0;
  } finally {
    db.close();
  }
}

/**
 * `report --from --to [--form] [--format json|csv|xlsx] [--out file] [--at position] [--org id] [--today date]`:
 * the monitoring report from read models built in memory from the log, up to `--at` (a report's
 * `position`) to reproduce its figures.
 */
export async function reportCommand(store: EventStore, processClock: Clock, settings: Config, f: CommandLine['flags'], out: Out): Promise<number> {
  const config = appConfigOf(settings);
  const clock: Clock = f.today ? { now: () => new Date(`${f.today}T12:00:00Z`) } : processClock;
  const rm = new ReadModels({ file: ':memory:', mode: 'off', waitMs: 0 }, store, clock, config);
  try {
    const projector = new Projector(store, rm.db, rm.projections, {
      generation: activeGeneration(rm.db)!, untilCaughtUp: true, untilPosition: f.at ? positionFromString(f.at) : undefined,
    });
    await projector.run();
    const reports = new MonitoringReportService(rm);
    const q = reports.parse({ userId: 'cli', orgId: f.org || config.defaultOrgId, roles: ['auditor'] }, { from: f.from, to: f.to, form: f.form, format: f.format });
    const orgId = f.org || config.defaultOrgId;
    const report = reports.build(orgId, q);
    const organisation = await organisationFromStore(store, orgId, rm.today(), organisationOptionsOf(settings));
    const body = q.format === 'json' ? JSON.stringify(report, null, 2)
      : q.format === 'html' ? monitoringReportHtml(reportDocument(report, organisation))
        : q.format === 'csv' ? monitoringReportCsv(report, organisation) : await monitoringReportXlsx(report, organisation);
    if (f.out) writeFileSync(f.out, body);
    else if (typeof body === 'string') out(body);
    else throw new Error('Для xlsx укажите --out <файл>');
    return 0;
  } finally {
    rm.onApplicationShutdown();
  }
}
