import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { ReadModels, parseQuery, templateFromRow, forbidden } from '#libs/projections';
import { ACTIVITY_KIND_TITLES, FORM_TITLES, mentoringForm } from '#core/mentorship';
import { requireBankReader, type ProgramTemplate } from '#core/programs';
import type { Actor } from '#core/people';

export const templateListParams = z.strictObject({
  form: mentoringForm.optional().describe('Форма наставничества'),
  retired: z.enum(['true', 'false']).default('false').describe('Показывать исключённые из банка'),
  after: z.string().optional(),
});

/** A template as the API shows it: with the Russian words of its vocabulary and whether it is a best case. */
export function templateDto(t: ProgramTemplate, bestCase = false) {
  return {
    id: t.templateId, title: t.title, topic: t.topic, form: t.form, formTitle: FORM_TITLES[t.form], durationDays: t.durationDays,
    sourceMentorshipId: t.sourceMentorshipId, savedOn: t.date, retired: t.retired ?? null, bestCase,
    activities: t.activities.map((a) => ({ ...a, kindTitle: ACTIVITY_KIND_TITLES[a.kind] })),
  };
}

/** The program bank (§3.4) and the curator's best cases (§8.1), from the read models. */
@Injectable()
export class ProgramBankQuery {
  constructor(private readonly rm: ReadModels) {}

  templates(actor: Actor, rawQuery: unknown) {
    requireBankReader(actor);
    const q = parseQuery(templateListParams, rawQuery);
    const rows = this.rm.prepare(
      `SELECT t.*, b.subject_id IS NOT NULL AS best FROM ${this.rm.table('program_templates')} t
       LEFT JOIN ${this.rm.table('best_cases')} b ON b.subject_id = t.id AND b.withdrawn_on IS NULL
       WHERE t.org_id = ? AND (? IS NULL OR t.form = ?) AND (? = 'true' OR t.retired_on IS NULL)
       ORDER BY t.saved_on DESC, t.title`,
    ).all(actor.orgId, q.form ?? null, q.form ?? null, q.retired) as (Record<string, string | number | null> & { best: number })[];
    return rows.map((r) => templateDto(templateFromRow(r), r.best === 1));
  }

  /** Every best case of the organisation, withdrawn ones included, for the curator's page. */
  bestCases(actor: Actor) {
    if (!actor.roles.some((r) => ['admin', 'head', 'curator', 'methodist', 'auditor'].includes(r))) {
      throw forbidden('Отбор лучших кейсов видят заведующий, куратор, методический совет и аудитор.', '§3.4, §8.1');
    }
    const rows = this.rm.prepare(
      `SELECT subject_id, subject, title, summary, topic, form, duration_days, completed_on, marked_on, withdrawn_on, withdrawn_reason
       FROM ${this.rm.table('best_cases')} WHERE org_id = ? ORDER BY marked_on DESC, title`,
    ).all(actor.orgId) as Record<string, string | number | null>[];
    return rows.map((r) => ({
      subjectId: r.subject_id, subject: r.subject, title: r.title, summary: r.summary, topic: r.topic, form: r.form,
      formTitle: FORM_TITLES[r.form as ProgramTemplate['form']], durationDays: r.duration_days, completedOn: r.completed_on,
      markedOn: r.marked_on, withdrawn: r.withdrawn_on ? { date: r.withdrawn_on, reason: r.withdrawn_reason } : null,
    }));
  }
}
