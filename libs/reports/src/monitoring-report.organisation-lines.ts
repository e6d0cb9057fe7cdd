import type { MonitoringReport } from './monitoring-report';
import type { ReportLine } from './monitoring-report.line';

const share = (part: number, whole: number): number | null => (whole > 0 ? Math.round((part / whole) * 1000) / 1000 : null);

/** The roadmap and the surveys as spreadsheet lines (section, indicator, value, share). */
export function organisationLines(r: MonitoringReport): ReportLine[] {
  const lines: ReportLine[] = [];
  const add = (section: string, indicator: string, value: number | string | null, s?: number | null) =>
    lines.push({ section, indicator, value, ...(s !== undefined ? { share: s } : {}) });
  const rm = r.roadmap;
  const sec = 'Дорожная карта на конец периода';
  add(sec, 'Состояние', rm.phaseTitle);
  add(sec, 'Текущий этап', rm.stage ? `${rm.stage.no}. ${rm.stage.title}` : '—');
  add(sec, 'Утверждена руководителем', rm.approvedOn ?? '—');
  for (const s of rm.stages) add(sec, `Этап ${s.no}. ${s.title}: выполнено обязательных мероприятий`, s.done, share(s.done, s.required));
  add(sec, 'Не выполнено (текущий этап и этап 7)', rm.missing.length ? rm.missing.map((m) => `${m.id} ${m.title}`).join('; ') : '—');
  for (const q of r.surveys) {
    const qs = `Анкетирование: ${q.title} (${q.clause})`;
    add(qs, 'Ответов за период', q.responses);
    if (q.questionnaire === 'program-quality') {
      add(qs, 'из них наставников', q.byRole.mentor);
      add(qs, 'из них наставляемых', q.byRole.mentee);
    }
    for (const question of q.questions) {
      if (question.average !== undefined) add(qs, `${question.text} — среднее`, question.average);
      else if (question.options) for (const o of question.options) add(qs, `${question.text} — ${o.title}`, o.count, share(o.count, question.answered));
      else add(qs, `${question.text} — ответили`, question.answered);
    }
  }
  return lines;
}
