import { addDays } from '#core/shared';
import { formInSentence } from '#core/mentorship';
import { withName } from '#libs/russian-names';
import { nameAndPosition, personOf, type DocumentFacts } from '../document.facts';
import { BLANK, ruDate, type DocumentModel } from '../document.model';
import { controlClause, headSignature, orderFileName, orderHeading } from './document-parts';

const TITLE = 'О закреплении наставнических пар';

/** The head's order fixing a pair or group (§3.3, §3.7, §6.2), with the participants' written consents as its basis (§3.2). */
export function pairsOrder(f: DocumentFacts): DocumentModel {
  const { ctx } = f;
  const order = ctx.order;
  const mentor = personOf(f, ctx.mentorId);
  const mentees = ctx.mentees.map((m) => ({ id: m.personId, ...personOf(f, m.personId) }));
  const group = mentees.length > 1;
  const term = `с ${ruDate(ctx.plannedStart)} по ${ruDate(ctx.plannedEnd)}`;
  const programTask = `${order ? `в срок до ${ruDate(addDays(order.date, 10))}` : 'в течение 10 дней со дня издания приказа'} `
    + `составить персонализированную программу наставничества и ознакомить с ней ${group ? 'наставляемых' : 'наставляемого'} (п. 3.6)`;
  const consents = [ctx.mentorId, ...mentees.map((m) => m.id)].map((id) => {
    const c = ctx.consents[id];
    return `${personOf(f, id).fullName} — ${c ? `${c.documentRef} от ${ruDate(c.date)}` : BLANK}`;
  });
  return {
    kind: 'pairs-order',
    title: TITLE,
    status: order ? 'final' : 'draft',
    fileName: orderFileName(TITLE, order),
    blocks: [
      ...orderHeading(f.organisation, TITLE, order),
      {
        type: 'paragraph',
        text: 'В соответствии с Положением о системе наставничества педагогических работников (пп. 3.2, 3.3, 3.7, 6.2), '
          + `на основании письменного согласия ${group ? 'участников наставнической группы' : 'участников наставнической пары'}`,
      },
      { type: 'paragraph', text: 'ПРИКАЗЫВАЮ:', bold: true },
      {
        type: 'numbered',
        items: [
          `Закрепить ${group ? 'наставническую группу' : 'наставническую пару'} (форма наставничества: ${formInSentence(ctx.form)}; направление: «${ctx.topic}»):`,
        ],
      },
      {
        type: 'table',
        header: ['№', 'Наставник', 'Наставляемый', 'Срок наставничества'],
        widths: [6, 33, 33, 28],
        rows: mentees.map((m, i) => [String(i + 1), nameAndPosition(mentor), nameAndPosition(m), term]),
      },
      {
        type: 'numbered',
        items: [
          `Установить срок наставничества ${term}.`,
          withName(mentor.fullName, 'dative',
            (n) => `Наставнику (${n}) ${programTask}.`,
            (n) => `Наставнику ${programTask} (наставник: ${n}).`, { short: true }),
          controlClause(f.organisation),
        ],
      },
      { type: 'paragraph', text: `Основание: письменные согласия — ${consents.join('; ')}.` },
      headSignature(f.organisation),
      { type: 'paragraph', text: 'С приказом ознакомлены:' },
      {
        type: 'table',
        header: ['ФИО', 'Подпись', 'Дата'],
        widths: [50, 25, 25],
        rows: [mentor, ...mentees].map((p) => [p.fullName, '', '']),
      },
    ],
  };
}
