import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { mentoringForm } from '#core/mentorship';
import { businessDate, DomainError } from '#core/shared';
import type { Actor, Role } from '#core/people';
import { positionToString } from '#libs/event-store';
import { nextTurn } from '#libs/kernel';
import { ReadModels, parseQuery, readYourWrites, requireRole } from '#libs/projections';
import { buildMonitoringReport, type MonitoringReport } from './monitoring-report';
import { loadReportFacts } from './monitoring-report.facts';
import { loadManyReportFacts } from './monitoring-report.many';
import { ruDate } from './monitoring-report.document';

/** §3.4: the curator with the head runs the monitoring; the methodical council takes part; auditors read everything. */
export const REPORT_READERS: readonly Role[] = ['curator', 'head', 'methodist', 'auditor'];

export const monitoringParams = z.strictObject({
  from: businessDate.describe('Начало периода'),
  to: businessDate.describe('Конец периода'),
  form: mentoringForm.optional().describe('Форма наставничества (п. 2.3)'),
  format: z.enum(['json', 'html', 'csv', 'xlsx']).default('json').describe('Формат: json, html (для печати), csv (данные) или xlsx'),
  ...readYourWrites,
});
export type MonitoringParams = z.infer<typeof monitoringParams>;

/** Organisations read and built between two turns of the event loop in a roll-up: about 50–100 ms of work on this machine under load. */
const ROLLUP_SLICE = 200;

@Injectable()
export class MonitoringReportService {
  constructor(private readonly rm: ReadModels) {}

  parse(actor: Actor, rawQuery: unknown): MonitoringParams {
    requireRole(actor, REPORT_READERS, 'Отчёт о мониторинге формируют куратор и заведующий; его видят методический совет и аудитор.', '§3.4');
    const q = parseQuery(monitoringParams, rawQuery);
    if (q.from > q.to) {
      throw new DomainError({ kind: 'invalid', code: 'invalid-period', message: `Начало периода ${ruDate(q.from)} позже его конца ${ruDate(q.to)}.` });
    }
    return q;
  }

  /** Figures and the log position they were built from, read in one snapshot of the read models. */
  build(orgId: string, q: Pick<MonitoringParams, 'from' | 'to' | 'form'>, stale = false): MonitoringReport {
    const today = this.rm.today();
    return this.rm.db.snapshot(() => {
      const position = this.rm.status.position();
      const facts = loadReportFacts(this.rm, { orgId, from: q.from, to: q.to, form: q.form, today });
      const report = buildMonitoringReport(facts, { from: q.from, to: q.to, form: q.form, today });
      return { ...report, orgId, position: position ? positionToString(position) : null, stale };
    });
  }

  /**
   * Each organisation's report for the period (all forms), a slice of organisations at a time: each
   * slice's facts read in one snapshot with one query per kind of fact, its reports built, then the
   * event loop let go, so steps are not held up for the whole region. Organisations are independent:
   * each report is consistent in itself, as each curator's is.
   */
  async buildMany(orgIds: readonly string[], q: Pick<MonitoringParams, 'from' | 'to'>): Promise<Map<string, MonitoringReport>> {
    const today = this.rm.today();
    const reports = new Map<string, MonitoringReport>();
    for (let i = 0; i < orgIds.length; i += ROLLUP_SLICE) {
      if (i > 0) await nextTurn();
      this.rm.db.snapshot(() => {
        const position = this.rm.status.position();
        const at = position ? positionToString(position) : null;
        for (const [orgId, f] of loadManyReportFacts(this.rm, orgIds.slice(i, i + ROLLUP_SLICE), { from: q.from, to: q.to, today })) {
          reports.set(orgId, { ...buildMonitoringReport(f, { from: q.from, to: q.to, today }), orgId, position: at, stale: false });
        }
      });
    }
    return reports;
  }
}
