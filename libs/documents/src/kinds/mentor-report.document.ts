import { ACTIVITY_KIND_TITLES, FORM_TITLES } from '#core/mentorship';
import { COMPLETION_REASON_TITLES } from '#libs/reports';
import { personOf, type DocumentFacts } from '../document.facts';
import { BLANK, BLANK_DATE, ruDate, ruLongDate, shortName, type Block, type DocumentModel } from '../document.model';
import { formFileName, organisationHeading } from './document-parts';

const TITLE = 'Отчёт наставника о выполнении персонализированной программы наставничества';

/** The facts every report starts with: who, in which form, on what, by which order, and how it ended (`mentees: false` when the report is a mentee's own). */
export function reportHeader(f: DocumentFacts, { mentees = true } = {}): Block[] {
  const { ctx } = f;
  return [
    { type: 'paragraph', text: `Наставник: ${personOf(f, ctx.mentorId).fullName}.` },
    ...(mentees ? [{ type: 'paragraph' as const, text: `Наставляемые: ${ctx.mentees.map((m) => personOf(f, m.personId).fullName).join(', ')}.` }] : []),
    { type: 'paragraph', text: `Форма наставничества: ${FORM_TITLES[ctx.form]}. Направление: «${ctx.topic}».` },
    { type: 'paragraph', text: `Срок: с ${ruDate(ctx.plannedStart)} по ${ruDate(ctx.plannedEnd)}${ctx.order ? `; приказ № ${ctx.order.number} от ${ruDate(ctx.order.date)}` : ''}.` },
    ...(ctx.completion
      ? [{ type: 'paragraph' as const, text: `Наставничество завершено ${ruDate(ctx.completion.date)}: ${COMPLETION_REASON_TITLES[ctx.completion.reason].toLocaleLowerCase('ru')} (п. 7.1).` }]
      : []),
  ];
}

/** §3.6: within 10 days of completion the mentor reports on the program's fulfilment, with recommendations. */
export function mentorReport(f: DocumentFacts): DocumentModel {
  const { ctx } = f;
  const report = ctx.mentorReport;
  const activities = ctx.program?.activities ?? [];
  return {
    kind: 'mentor-report',
    title: TITLE,
    status: report ? 'final' : 'draft',
    fileName: formFileName(TITLE, report?.date),
    blocks: [
      ...organisationHeading(f.organisation),
      { type: 'title', text: TITLE },
      ...reportHeader(f),
      { type: 'paragraph', text: 'Выполнение плана мероприятий:', bold: true },
      {
        type: 'table',
        header: ['№', 'Мероприятие', 'Вид (п. 3.6)', 'Срок', 'Выполнено'],
        widths: [6, 32, 28, 17, 17],
        rows: activities.map((a, i) => [String(i + 1), a.title, ACTIVITY_KIND_TITLES[a.kind], ruDate(a.due), a.doneOn ? ruDate(a.doneOn) : 'не выполнено']),
      },
      { type: 'paragraph', text: 'Выполнение программы наставляемым:', bold: true },
      { type: 'paragraph', text: report?.text ?? BLANK },
      { type: 'paragraph', text: 'Рекомендации по дальнейшему профессиональному развитию:', bold: true },
      { type: 'paragraph', text: report?.recommendations ?? BLANK },
      { type: 'paragraph', text: `Дата: ${report ? ruLongDate(report.date) : BLANK_DATE}` },
      { type: 'signature', role: 'Наставник', name: shortName(personOf(f, ctx.mentorId).fullName) },
    ],
  };
}
