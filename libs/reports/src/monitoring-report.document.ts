import { ruDate as coreRuDate } from '#core/shared';
import { RESPONDENT_ROLE_TITLES, type RespondentRole } from '#core/surveys';
import type { PrintedOrganisation } from '#core/organisation';
import type { MonitoringReport } from './monitoring-report';
import { FIGURE_DEFINITIONS } from './monitoring-report.definitions';

/** A cell of the printed report: text, a number, or a share (0…1) printed as a percentage. */
export type Cell = string | number | { share: number | null } | null;

/** A numbered section: its clause, what its figures count, and a table. */
export interface ReportSection {
  no: number;
  title: string;
  /** The name of its XLSX sheet (at most 31 characters). */
  short: string;
  clause: string;
  definition: string;
  header: string[];
  /** Column shares of the line, in percent. */
  widths: number[];
  rows: Cell[][];
}

/** The report as the document a municipality receives: who, for which period, the numbered sections, and who signs. */
export interface ReportDocument {
  title: string;
  organisation: PrintedOrganisation;
  period: string;
  form: string;
  asOf: string;
  sections: ReportSection[];
  signatures: { role: string; name: string | null }[];
}

/** `2026-09-15` → `15.09.2026` (the core's `ruDate`); no date → «—». */
export const ruDate = (d: string | null | undefined): string => (d ? coreRuDate(d) : '—');

/** 0.778 → «77,8 %», 1 → «100 %»: a share as a percentage with one decimal, a comma, a space before the sign. */
export function percent(share: number | null): string {
  if (share === null) return '—';
  const value = Math.round(share * 1000) / 10;
  return `${String(value).replace('.', ',')} %`;
}

/** 4.33 → «4,33». */
export const decimal = (v: number | null): string => (v === null ? '—' : String(v).replace('.', ','));

const share = (v: number | null): Cell => ({ share: v });
const of = (part: number, whole: number): number | null => (whole > 0 ? Math.round((part / whole) * 1000) / 1000 : null);

/** The figures of the JSON, laid out in numbered sections with their clauses and definitions. */
export function reportDocument(r: MonitoringReport, organisation: PrintedOrganisation): ReportDocument {
  const d = FIGURE_DEFINITIONS;
  const figures = ['Показатель', 'Значение'];
  const sections: Omit<ReportSection, 'no'>[] = [
    {
      title: 'Участники наставничества', short: 'Участники', clause: 'п. 3.4', definition: `${d.participants} ${d.engagement}`,
      header: ['Показатель', 'Значение', 'Доля, %'], widths: [62, 19, 19],
      rows: [
        ['Наставников', r.participants.mentors, null],
        ['Наставляемых', r.participants.mentees, null],
        ['Педагогов, участвовавших в наставничестве (без повторов)', r.engagement.participants, share(r.engagement.share)],
        ['Педагогических работников, приступивших к работе к концу периода', r.engagement.staff, null],
      ],
    },
    {
      title: 'Наставничества по состоянию на конец периода', short: 'Состояния', clause: 'п. 3.4', definition: `${d.inPeriod} ${d.byState}`,
      header: ['Состояние', 'Наставничеств'], widths: [70, 30],
      rows: [...r.byState.map((x): Cell[] => [x.title, x.count]), ['Всего наставничеств в периоде', r.mentorships]],
    },
    {
      title: 'Формы наставничества', short: 'Формы', clause: 'п. 2.3', definition: d.byForm,
      header: ['Форма наставничества', 'Наставничеств', 'Наставляемых'], widths: [56, 22, 22],
      rows: r.byForm.map((x) => [x.title, x.mentorships, x.mentees]),
    },
    {
      title: 'Движение за период', short: 'Движение', clause: 'пп. 3.7, 3.8, 7.1', definition: d.movement,
      header: figures, widths: [75, 25],
      rows: [
        ['Начато (первый приказ о закреплении)', r.started],
        ['Завершено', r.completed],
        ...r.completionsByReason.map((x): Cell[] => [`в том числе: ${x.title.toLocaleLowerCase('ru')} (п. 7.1)`, x.count]),
        ['Замен наставника', r.replacements],
        ...r.replacementsByReason.map((x): Cell[] => [`в том числе: ${x.title.toLocaleLowerCase('ru')} (п. 3.8)`, x.count]),
      ],
    },
    {
      title: 'Соблюдение сроков Положения', short: 'Сроки', clause: 'пп. 3.4, 3.6, 3.7', definition: `${d.deadlines} Сроки — по состоянию на ${ruDate(r.asOf)}.`,
      header: ['Срок', 'Пункт', 'Всего', 'В срок', 'С опозданием', 'Просрочено', 'Не наступил', 'Доля в срок, %'],
      widths: [30, 8, 8, 8, 12, 12, 11, 11],
      rows: r.deadlines.map((x) => [x.title, x.clause.replace('§', 'п. '), x.total, x.onTime, x.late, x.overdue, x.pending, share(x.onTimeRate)]),
    },
    {
      title: 'Оценка работы наставников наставляемыми', short: 'Оценка наставников', clause: 'п. 3.6', definition: d.evaluation,
      header: ['Показатель', 'Значение', 'Доля, %'], widths: [62, 19, 19],
      rows: [
        ['Средняя оценка (от 1 до 5)', r.mentorEvaluation.average === null ? '—' : r.mentorEvaluation.average, null],
        ['Число оценок', r.mentorEvaluation.count, null],
        ...[...r.mentorEvaluation.distribution].reverse().map((x): Cell[] => [`Оценка ${x.score}`, x.count, share(of(x.count, r.mentorEvaluation.count))]),
      ],
    },
    {
      title: 'Закрепление молодых специалистов', short: 'Молодые специалисты', clause: 'п. 2.2', definition: d.youngSpecialists,
      header: ['Показатель', 'Значение', 'Доля, %'], widths: [62, 19, 19],
      rows: [
        ['Молодых специалистов среди наставляемых', r.youngSpecialists.total, null],
        ['Завершили наставничество', r.youngSpecialists.completed, null],
        ['Закрепились в организации', r.youngSpecialists.retained, share(r.youngSpecialists.retentionRate)],
      ],
    },
    {
      title: 'Дорожная карта', short: 'Дорожная карта', clause: 'Дорожная карта; пп. 3.3, 3.4', definition: d.roadmap,
      header: ['Показатель', 'Значение', 'Доля, %'], widths: [62, 19, 19],
      rows: [
        ['Состояние', r.roadmap.phaseTitle, null],
        ['Текущий этап', r.roadmap.stage ? `${r.roadmap.stage.no}. ${r.roadmap.stage.title}` : '—', null],
        ['Утверждена заведующим', r.roadmap.approvedOn ? ruDate(r.roadmap.approvedOn) : '—', null],
        ...r.roadmap.stages.map((s): Cell[] => [`Этап ${s.no}. ${s.title}: выполнено обязательных мероприятий из ${s.required}`, s.done, share(of(s.done, s.required))]),
        ['Не выполнено (текущий этап и этап 7)', r.roadmap.missing.length ? r.roadmap.missing.map((m) => `${m.id} ${m.title}`).join('; ') : '—', null],
      ],
    },
    {
      title: 'Анкетирование', short: 'Анкетирование', clause: 'Дорожная карта, этапы 3 и 6', definition: d.surveys,
      header: ['Показатель', 'Значение', 'Доля, %'], widths: [62, 19, 19],
      rows: r.surveys.flatMap((q): Cell[][] => [
        [`${q.title}: ответов за период`, q.responses, null],
        // Who answered matters where both sides answer the same questions (stage 6); candidates are all of stage 3.
        ...(q.questionnaire === 'program-quality'
          ? (['mentor', 'mentee'] as RespondentRole[]).map((role): Cell[] => [`из них — ${RESPONDENT_ROLE_TITLES[role]}`, q.byRole[role], null])
          : []),
        ...q.questions.flatMap((question): Cell[][] => {
          if (question.average !== undefined) return [[`${question.text} — средняя оценка`, question.average ?? '—', null]];
          if (question.options) return question.options.map((o): Cell[] => [`${question.text} — ${o.title}`, o.count, share(of(o.count, question.answered))]);
          return [[`${question.text} — ответили`, question.answered, null]];
        }),
      ]),
    },
    // Last: the figures a statistical form asks for close the report, right above the signatures.
    {
      title: 'Сведения для форм статистического наблюдения', short: 'Статистика', clause: 'п. 3.4', definition: d.statistics,
      header: figures, widths: [75, 25],
      rows: r.statistics.map((x) => [x.title, x.value]),
    },
  ];
  return {
    title: 'Отчёт о мониторинге реализации системы наставничества педагогических работников',
    organisation,
    period: `с ${ruDate(r.period.from)} по ${ruDate(r.period.to)}`,
    form: r.form ? r.formTitle : 'все формы',
    asOf: ruDate(r.asOf),
    sections: sections.map((s, i) => ({ no: i + 1, ...s })),
    signatures: [
      { role: 'Куратор реализации программ наставничества', name: organisation.curatorName },
      { role: organisation.headPosition, name: organisation.headName },
    ],
  };
}
