import type { PrintedOrganisation } from '#core/organisation';
import type { MonitoringReport } from './monitoring-report';
import { ruDate } from './monitoring-report.document';
import type { ReportLine } from './monitoring-report.line';
import { organisationLines } from './monitoring-report.organisation-lines';

const percent = (r: number | null) => (r === null ? null : r);

/** The report as the rows a curator reads in a spreadsheet; CSV and XLSX are both made from it. */
export function reportLines(r: MonitoringReport): ReportLine[] {
  const lines: ReportLine[] = [];
  const add = (section: string, indicator: string, value: number | string | null, share?: number | null) =>
    lines.push({ section, indicator, value, ...(share !== undefined ? { share } : {}) });
  const s = 'Участники';
  add(s, 'Наставников', r.participants.mentors);
  add(s, 'Наставляемых', r.participants.mentees);
  add(s, 'Всего педагогов (без повторов)', r.participants.people);
  for (const x of r.byState) add('Наставничества по состоянию на конец периода', x.title, x.count);
  for (const x of r.byForm) add('Наставничества по формам (п. 2.3)', x.title, x.mentorships);
  for (const x of r.byForm) add('Наставляемые по формам (п. 2.3)', x.title, x.mentees);
  add('Движение', 'Начато (приказ о закреплении)', r.started);
  add('Движение', 'Завершено', r.completed);
  add('Движение', 'Замен наставника', r.replacements);
  for (const x of r.completionsByReason) add('Завершения по основаниям (п. 7.1)', x.title, x.count);
  for (const x of r.replacementsByReason) add('Замены наставника по основаниям (п. 3.8)', x.title, x.count);
  for (const d of r.deadlines) {
    const sec = `Сроки: ${d.title} (${d.clause})`;
    add(sec, 'Всего со сроком в периоде', d.total);
    add(sec, 'В срок', d.onTime, percent(d.onTimeRate));
    add(sec, 'С опозданием', d.late);
    add(sec, 'Просрочено', d.overdue);
    add(sec, 'Срок не наступил', d.pending);
  }
  add('Оценка работы наставников наставляемыми', 'Средняя оценка (1–5)', r.mentorEvaluation.average);
  add('Оценка работы наставников наставляемыми', 'Число оценок', r.mentorEvaluation.count);
  add('Вовлечённость педагогов', 'Участвовали в наставничестве', r.engagement.participants, r.engagement.share);
  add('Вовлечённость педагогов', 'Педагогических работников', r.engagement.staff);
  add('Закрепление молодых специалистов', 'Молодых специалистов среди наставляемых', r.youngSpecialists.total);
  add('Закрепление молодых специалистов', 'Завершили наставничество', r.youngSpecialists.completed);
  add('Закрепление молодых специалистов', 'Закрепились в организации', r.youngSpecialists.retained, r.youngSpecialists.retentionRate);
  for (const x of r.statistics) add('Для форм статистического наблюдения', x.title, x.value);
  lines.push(...organisationLines(r));
  return lines;
}

/** The head of the data export: what, whose, for when (dates as dd.mm.yyyy), and the log position to build it again (`cli report --at`). */
export function reportHeader(r: MonitoringReport, organisation: PrintedOrganisation): [string, string][] {
  return [
    ['Отчёт', `${r.title} (${r.clause.replace('§', 'п. ')})`],
    ['Организация', organisation.fullName],
    ['Период', `${ruDate(r.period.from)} — ${ruDate(r.period.to)}`],
    ['Форма наставничества', r.formTitle],
    ['Статусы сроков на дату', ruDate(r.asOf)],
    ['Построен по позиции журнала', r.position ?? '—'],
  ];
}
