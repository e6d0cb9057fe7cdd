import { formInSentence } from '#core/mentorship';
import type { PrintedOrganisation } from '#core/organisation';
import { agreeing, positionIn, shortName, shortNameIn, withName } from '#libs/russian-names';
import { personOf, type DocumentFacts } from '../document.facts';
import { BLANK_DATE, ruDate, ruLongDate, type DocumentModel } from '../document.model';
import { formFileName } from './document-parts';

/** «Заведующему МКДОУ … / Савельевой Л. М.»; when the position or the name does not decline, «Кому:» and the nominative. */
function addressee(org: PrintedOrganisation): string[] {
  const position = positionIn(org.headPosition, 'dative');
  const head = org.headName ? shortNameIn(org.headName, 'dative') : null;
  if (position && (!org.headName || head)) return [`${position} ${org.shortName}`, ...(head ? [head] : [])];
  return [`Кому: ${org.headPosition} ${org.shortName}`, ...(org.headName ? [shortName(org.headName)] : [])];
}

/**
 * The written consent to take part (§3.2 for the mentor, §3.7 for both), and for the mentor to the
 * additional duties the order fixing the pair lays on them (§3.3). A draft until it is recorded.
 */
export function consentDocument(f: DocumentFacts, as: 'mentor' | 'mentee'): DocumentModel {
  const { ctx } = f;
  const personId = as === 'mentor' ? ctx.mentorId : f.personId!;
  const person = personOf(f, personId);
  const recorded = ctx.consents[personId];
  const final = !!recorded?.given && !recorded.inherited;
  const counterpart = as === 'mentor'
    ? `Наставляемые: ${ctx.mentees.map((m) => personOf(f, m.personId).fullName).join(', ')}.`
    : `Наставник: ${personOf(f, ctx.mentorId).fullName}.`;
  const role = as === 'mentor' ? 'наставника' : 'наставляемого';
  const title = `Согласие ${role} на участие в наставничестве`;
  return {
    kind: as === 'mentor' ? 'mentor-consent' : 'mentee-consent',
    title,
    status: final ? 'final' : 'draft',
    fileName: formFileName(title, final ? recorded.date : undefined),
    blocks: [
      {
        type: 'right',
        lines: [
          ...addressee(f.organisation),
          withName(person.fullName, 'genitive', (n) => `от ${n}`, (n) => `от сотрудника: ${n}`),
          `должность: ${person.position.toLocaleLowerCase('ru')}`,
        ],
      },
      { type: 'title', text: 'СОГЛАСИЕ' },
      { type: 'center', text: 'на участие в системе наставничества педагогических работников' },
      {
        type: 'paragraph',
        text: `Я, ${person.fullName}, добровольно даю согласие на участие в персонализированной программе наставничества в качестве ${role}`
          + (as === 'mentor' ? ' и на возложение на меня дополнительных обязанностей, связанных с наставнической деятельностью' : '')
          + ' (пп. 3.2, 3.3, 3.7 Положения о системе наставничества педагогических работников).',
      },
      { type: 'paragraph', text: counterpart },
      { type: 'paragraph', text: `Форма наставничества: ${formInSentence(ctx.form)}. Направление: «${ctx.topic}».` },
      { type: 'paragraph', text: `Срок наставничества: с ${ruDate(ctx.plannedStart)} по ${ruDate(ctx.plannedEnd)}.` },
      {
        type: 'paragraph',
        text: as === 'mentor'
          ? `С Положением о системе наставничества, правами и обязанностями наставника (раздел 4) ${agreeing(person.fullName, 'ознакомлен')}.`
          : `С Положением о системе наставничества, правами и обязанностями наставляемого (раздел 5) ${agreeing(person.fullName, 'ознакомлен')}.`,
      },
      { type: 'paragraph', text: `Дата: ${final ? ruLongDate(recorded.date) : BLANK_DATE}` },
      { type: 'signature', role: 'Подпись', name: shortName(person.fullName) },
      ...(final ? [{ type: 'paragraph' as const, text: `Реквизиты: ${recorded.documentRef}.` }] : []),
    ],
  };
}
