import ExcelJS from 'exceljs';
import { EMPTY_ORGANISATION, printedOrganisation } from '#core/organisation';
import { buildMonitoringReport, type MonitoringReport } from './monitoring-report';
import { monitoringReportCsv } from './monitoring-report.csv';
import type { ReportFacts } from './monitoring-report.facts';
import { roadmapSection, type SurveyResponseFact } from './monitoring-report.organisation';
import { monitoringReportXlsx } from './monitoring-report.xlsx';

const period = { from: '2026-01-01', to: '2026-12-31', today: '2026-11-24' };
const ORGANISATION = printedOrganisation(EMPTY_ORGANISATION, '2026-11-24', 'МКДОУ ДС № 6');
const roadmap = {
  draftedOn: '2026-01-15', approvedOn: '2026-01-20',
  // Stages 1–2 done within the year; 3.1 done in 2027, after the period.
  done: { '1.1': '2022-03-31', '2.1': '2026-02-01', '2.2': '2026-02-10', '3.1': '2027-01-10', '7.1': '2026-03-01' },
};
const quality = (role: 'mentor' | 'mentee', scores: number[], recommend: boolean): SurveyResponseFact =>
  ['program-quality', role, JSON.stringify({ relevance: scores[0], usefulness: scores[1], cooperation: scores[2], timing: scores[3], overall: scores[4], recommend, suggestions: true })];

function report(organisation: ReportFacts['organisation']): MonitoringReport {
  const facts: ReportFacts = { mentorships: [], mentees: [], evaluations: [], deadlines: [], staff: 10, youngStaff: 0, menteeBankEntries: [], organisation };
  return { ...buildMonitoringReport(facts, period), orgId: 'org-1', position: '42/42', stale: false };
}

const withFigures = () => report({
  roadmap,
  surveyResponses: [
    quality('mentor', [5, 4, 5, 4, 5], true), quality('mentee', [4, 4, 3, 2, 4], false), quality('mentee', [3, 5, 4, 3, 4], true),
    ['mentor-candidates', 'candidate', JSON.stringify({ willing: 'yes', experience: 12, mentees: '2', 'training-needed': false })],
  ],
});

describe('monitoring report: roadmap and surveys', () => {
  it('shows the roadmap stage as of the period\'s end and what is missing', () => {
    const r = withFigures().roadmap;
    expect(r).toMatchObject({ phase: 'approved', phaseTitle: 'утверждена, выполняется', stage: { no: 3, title: 'Формирование банка наставников' }, approvedOn: '2026-01-20' });
    expect(r.missing.map((m) => m.id)).toEqual(['3.1', '3.2']);
    expect(r.stages.slice(0, 3).map((s) => [s.done, s.required, s.complete])).toEqual([[1, 1, true], [2, 2, true], [0, 2, false]]);
    expect(roadmapSection(roadmap, '2026-01-17')).toMatchObject({ phase: 'drafted', stage: null });
    expect(roadmapSection(null, '2026-12-31')).toMatchObject({ phase: 'new', phaseTitle: 'не разработана', stage: null, missing: [] });
  });

  it('summarises each questionnaire\'s responses of the period: counts by role, averages, options', () => {
    const [candidates, q] = withFigures().surveys;
    expect(candidates).toMatchObject({ questionnaire: 'mentor-candidates', responses: 1, byRole: { candidate: 1 } });
    expect(q).toMatchObject({ questionnaire: 'program-quality', responses: 3, byRole: { mentor: 1, mentee: 2 } });
    const byId = Object.fromEntries(q.questions.map((x) => [x.id, x]));
    expect(byId.relevance.average).toBe(4);
    expect(byId.overall.average).toBe(4.33);
    expect(byId.recommend.options).toEqual([{ value: 'yes', title: 'Да', count: 2 }, { value: 'no', title: 'Нет', count: 1 }]);
  });

  it('exports both to CSV', () => {
    const lines = monitoringReportCsv(withFigures(), ORGANISATION).replace(/^\uFEFF/, '').split('\r\n');
    expect(lines).toContain('Дорожная карта на конец периода;Текущий этап;3. Формирование банка наставников;');
    expect(lines).toContain('Дорожная карта на конец периода;Этап 2. Формирование банка наставляемых: выполнено обязательных мероприятий;2;1');
    const qs = 'Анкетирование: Анкета участника о качестве программы наставничества (Дорожная карта, этап 6)';
    expect(lines).toContain(`${qs};Ответов за период;3;`);
    expect(lines).toContain(`${qs};Общая оценка качества программы (1–5) — среднее;4,33;`);
    expect(lines).toContain(`${qs};Порекомендовали бы вы участие в наставничестве коллегам — Да;2;0,667`);
  });

  it('exports both to XLSX, each on its own titled sheet', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await monitoringReportXlsx(withFigures(), ORGANISATION)) as unknown as Parameters<typeof wb.xlsx.load>[0]);
    const rowsOf = (sheet: string) => {
      const rows = new Map<string, ExcelJS.Row>();
      wb.getWorksheet(sheet)!.eachRow((row) => rows.set(String(row.getCell(1).value), row));
      return rows;
    };
    const roadmap = rowsOf('8 Дорожная карта');
    expect(roadmap.get('8. Дорожная карта (Дорожная карта; пп. 3.3, 3.4)')).toBeDefined();
    expect(roadmap.get('Состояние')!.getCell(2).value).toBe('утверждена, выполняется');
    expect(roadmap.get('Утверждена заведующим')!.getCell(2).value).toBe('20.01.2026');
    const surveys = rowsOf('9 Анкетирование');
    expect(surveys.get('Программа соответствовала профессиональным запросам (1–5) — средняя оценка')!.getCell(2).value).toBe(4);
    expect(surveys.get('из них — наставляемый')!.getCell(2).value).toBe(2);
  });
});
