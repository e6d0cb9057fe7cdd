import { personOf, type DocumentFacts } from '../document.facts';
import { BLANK, BLANK_DATE, ruLongDate, shortName, type DocumentModel } from '../document.model';
import { formFileName, organisationHeading } from './document-parts';
import { reportHeader } from './mentor-report.document';

const TITLE = 'Отчёт наставляемого о прохождении наставничества';
const EVALUATION = ['', 'неудовлетворительно', 'удовлетворительно', 'хорошо', 'очень хорошо', 'отлично'];

/** §3.6: within 10 days of completion the mentee reports on the process and the mentor's work, with an evaluation of the mentor. */
export function menteeReport(f: DocumentFacts): DocumentModel {
  const personId = f.personId!;
  const report = f.ctx.menteeReports[personId];
  const mentee = personOf(f, personId);
  return {
    kind: 'mentee-report',
    title: TITLE,
    status: report ? 'final' : 'draft',
    fileName: formFileName(TITLE, report?.date),
    blocks: [
      ...organisationHeading(f.organisation),
      { type: 'title', text: TITLE },
      { type: 'paragraph', text: `Наставляемый: ${mentee.fullName}, ${mentee.position.toLocaleLowerCase('ru')}.` },
      ...reportHeader(f, { mentees: false }),
      { type: 'paragraph', text: 'О процессе прохождения наставничества и работе наставника:', bold: true },
      { type: 'paragraph', text: report?.text ?? BLANK },
      {
        type: 'paragraph',
        text: `Оценка деятельности наставника: ${report ? `${report.mentorEvaluation} из 5 (${EVALUATION[report.mentorEvaluation]})` : `${BLANK} (от 1 до 5)`}.`,
        bold: true,
      },
      { type: 'paragraph', text: `Дата: ${report ? ruLongDate(report.date) : BLANK_DATE}` },
      { type: 'signature', role: 'Наставляемый', name: shortName(mentee.fullName) },
    ],
  };
}
