import { ACTIVITY_KIND_TITLES, formInSentence } from '#core/mentorship';
import { agreeing, shortName } from '#libs/russian-names';
import { nameAndPosition, personOf, type DocumentFacts } from '../document.facts';
import { BLANK, BLANK_DATE, ruDate, ruLongDate, type DocumentModel } from '../document.model';
import { formFileName, organisationHeading } from './document-parts';

const TITLE = 'Персонализированная программа наставничества';

/**
 * §3.6: the mentor draws up the program within 10 days of the order, the mentee acquaints with it. Printed
 * as drafted (or as last amended by mutual consent, §7.2): who, the form and term, the activities with their
 * due dates, the mentor's signature, and a line per mentee to sign and date the acquaintance.
 */
export function programDocument(f: DocumentFacts): DocumentModel {
  const { ctx } = f;
  const program = ctx.program;
  const mentor = personOf(f, ctx.mentorId);
  const mentees = ctx.mentees.map((m) => ({ id: m.personId, ...personOf(f, m.personId) }));
  const date = program?.amendedOn ?? program?.draftedOn;
  const org = f.organisation;
  return {
    kind: 'program',
    title: TITLE,
    status: program ? 'final' : 'draft',
    fileName: formFileName(TITLE, date),
    blocks: [
      ...organisationHeading(org),
      { type: 'title', text: TITLE },
      { type: 'paragraph', text: `Наставник: ${nameAndPosition(mentor)}.` },
      { type: 'paragraph', text: `${mentees.length > 1 ? 'Наставляемые' : 'Наставляемый'}: ${mentees.map(nameAndPosition).join('; ')}.` },
      { type: 'paragraph', text: `Форма наставничества: ${formInSentence(ctx.form)}. Направление: «${ctx.topic}».` },
      {
        type: 'paragraph',
        text: `Срок реализации: с ${ruDate(ctx.plannedStart)} по ${ruDate(ctx.plannedEnd)}`
          + `${ctx.order ? `; наставничество установлено приказом № ${ctx.order.number} от ${ruDate(ctx.order.date)}` : ''}.`,
      },
      { type: 'paragraph', text: 'План мероприятий (п. 3.6):', bold: true },
      {
        type: 'table',
        header: ['№', 'Мероприятие', 'Вид мероприятия', 'Срок', 'Отметка о выполнении'],
        widths: [6, 33, 27, 16, 18],
        rows: (program?.activities ?? []).map((a, i) => [String(i + 1), a.title, ACTIVITY_KIND_TITLES[a.kind], ruDate(a.due), '']),
      },
      ...(program?.amendedOn ? [{ type: 'paragraph' as const, text: `Программа скорректирована по обоюдному согласию наставника и наставляемых ${ruDate(program.amendedOn)} (п. 7.2).` }] : []),
      { type: 'paragraph', text: `Программа составлена: ${program ? ruLongDate(program.draftedOn) : BLANK_DATE}` },
      { type: 'signature', role: 'Наставник', name: program ? shortName(mentor.fullName) : BLANK },
      ...(org.curatorName ? [{ type: 'signature' as const, role: 'Куратор', name: shortName(org.curatorName) }] : []),
      { type: 'paragraph', text: `С программой ${mentees.length > 1 ? 'ознакомлены' : agreeing(mentees[0].fullName, 'ознакомлен')} (п. 3.6):` },
      {
        type: 'table',
        header: ['Наставляемый', 'Подпись', 'Дата'],
        widths: [50, 25, 25],
        rows: mentees.map((m) => [m.fullName, '', ctx.acknowledgements[m.id] ? ruDate(ctx.acknowledgements[m.id]) : '']),
      },
    ],
  };
}
