import type { ReplacementReason } from '#core/mentorship';
import { withName } from '#libs/russian-names';
import { nameAndPosition, personOf, type DocumentFacts } from '../document.facts';
import { BLANK, ruDate, type DocumentModel } from '../document.model';
import { controlClause, headSignature, orderFileName, orderHeading } from './document-parts';

const TITLE = 'О замене наставника';
const lower = (s: string) => s.toLocaleLowerCase('ru');

/** §3.8, as the order words each case: «В связи с …». */
const BECAUSE: Record<ReplacementReason, string> = {
  'contract-terminated': 'прекращением трудового договора с наставником',
  transferred: 'переводом на иную должность (профессию) или в другое структурное подразделение',
  'mentor-request': 'просьбой наставника',
  'mentee-request': 'просьбой наставляемого',
  'mentor-not-fulfilling': 'неисполнением наставником функций наставничества или своих должностных обязанностей',
  other: 'возникновением обстоятельств, препятствующих осуществлению наставничества',
};

/** The head's order replacing the mentor (§3.8), with the new mentor's written consent (§3.2). */
export function replacementOrder(f: DocumentFacts): DocumentModel {
  const { ctx } = f;
  const done = ctx.replacement;
  const request = ctx.replacementRequests[ctx.replacementRequests.length - 1];
  const reason = done?.reason ?? request?.reason;
  const oldMentor = personOf(f, ctx.mentorId);
  const newMentor = done ? personOf(f, done.newMentorId) : { fullName: BLANK, position: BLANK };
  const mentees = ctx.mentees.map((m) => personOf(f, m.personId));
  const whom = `${mentees.length > 1 ? 'наставляемые' : 'наставляемый'}: ${mentees.map((m) => m.fullName).join(', ')}`;
  const from = done ? ruDate(done.date) : BLANK;
  const issued = done && { number: done.orderNumber, date: done.date };
  const replaced = f.events.find((e) => e.type === 'MentorReplaced');
  const consent = replaced?.type === 'MentorReplaced' ? replaced.data.newMentorConsentRef : undefined;
  return {
    kind: 'replacement-order',
    title: TITLE,
    status: done ? 'final' : 'draft',
    fileName: orderFileName(TITLE, issued),
    blocks: [
      ...orderHeading(f.organisation, TITLE, issued),
      {
        type: 'paragraph',
        text: `В связи с ${reason ? BECAUSE[reason] : BLANK}${request?.note ? ` (${request.note})` : ''}, `
          + 'в соответствии с п. 3.8 Положения о системе наставничества педагогических работников',
      },
      { type: 'paragraph', text: 'ПРИКАЗЫВАЮ:', bold: true },
      {
        type: 'numbered',
        items: [
          withName(oldMentor.fullName, 'accusative',
            (n) => `Освободить ${n} (должность — ${lower(oldMentor.position)}) от обязанностей наставника с ${from} (${whom}).`,
            () => `Освободить от обязанностей наставника с ${from}: ${nameAndPosition(oldMentor)} (${whom}).`),
          withName(newMentor.fullName, 'accusative',
            (n) => `Назначить наставником ${n} (должность — ${lower(newMentor.position)}) с ${from} с письменного согласия${consent ? ` (${consent})` : ''} (${whom}).`,
            () => `Назначить наставником с ${from} с письменного согласия${consent ? ` (${consent})` : ''}: ${nameAndPosition(newMentor)} (${whom}).`),
          `Наставничество по направлению «${ctx.topic}» продолжить до ${ruDate(ctx.plannedEnd)}; новому наставнику при необходимости уточнить персонализированную программу наставничества (п. 7.2).`,
          controlClause(f.organisation),
        ],
      },
      ...(request ? [{ type: 'paragraph' as const, text: `Основание: обращение от ${ruDate(request.date)}.` }] : []),
      headSignature(f.organisation),
      { type: 'paragraph', text: 'С приказом ознакомлены:' },
      { type: 'table', header: ['ФИО', 'Подпись', 'Дата'], widths: [50, 25, 25], rows: [oldMentor, newMentor, ...mentees].map((p) => [p.fullName, '', '']) },
    ],
  };
}
