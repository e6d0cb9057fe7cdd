import type ExcelJSNs from 'exceljs';
import { MENTORING_FORMS, MENTORSHIP_STATES } from '#core/mentorship';
import { ruDate } from '#core/shared';
import { FIGURE_TITLES, XLSX_BORDER as BORDER, XLSX_FONT as FONT, styleHeaderCell, type OrganisationFigures } from '#libs/reports';
import type { Rollup } from './region-rollup';


type Column = { title: string; width: number; value: (f: OrganisationFigures, shares: { youngShare: number | null; onTimeRate: number | null }) => number | null; share?: boolean };

/** The columns of the sheet: the same figures as the page, in words. */
const COLUMNS: Column[] = [
  { title: 'Наставничеств', width: 14, value: (f) => f.mentorships },
  ...MENTORSHIP_STATES.map((s): Column => ({ title: `Состояние: ${FIGURE_TITLES.states[s]}`, width: 14, value: (f) => f.byState[s] })),
  ...MENTORING_FORMS.map((k): Column => ({ title: `Форма: ${FIGURE_TITLES.forms[k]}`, width: 14, value: (f) => f.byForm[k] })),
  { title: 'Наставников', width: 12, value: (f) => f.mentors },
  { title: 'Наставляемых', width: 12, value: (f) => f.mentees },
  { title: 'Молодых педагогов в наставничестве', width: 16, value: (f) => f.youngInMentorship },
  { title: 'Молодых педагогов в штате', width: 14, value: (f) => f.youngStaff },
  { title: 'Доля молодых педагогов в наставничестве', width: 16, value: (_, s) => s.youngShare, share: true },
  { title: 'Сроков наступило', width: 12, value: (f) => f.deadlines.total },
  { title: 'Соблюдено в срок', width: 12, value: (f) => f.deadlines.onTime },
  { title: 'Выполнено с опозданием', width: 14, value: (f) => f.deadlines.late },
  { title: 'Просрочено', width: 12, value: (f) => f.deadlines.overdue },
  { title: 'Доля сроков, соблюдённых вовремя', width: 16, value: (_, s) => s.onTimeRate, share: true },
  { title: 'Начато за период', width: 12, value: (f) => f.started },
  { title: 'Завершено за период', width: 12, value: (f) => f.completed },
  ...Object.entries(FIGURE_TITLES.completions).map(([k, t]): Column => ({ title: `Завершено: ${t}`, width: 16, value: (f) => f.completionsByReason[k as keyof OrganisationFigures['completionsByReason']] })),
  { title: 'Замен наставника', width: 12, value: (f) => f.replacements },
  ...Object.entries(FIGURE_TITLES.replacements).map(([k, t]): Column => ({ title: `Замена: ${t}`, width: 16, value: (f) => f.replacementsByReason[k as keyof OrganisationFigures['replacementsByReason']] })),
];

const roadmapText = (f: OrganisationFigures) => (f.roadmap.stage ? `этап ${f.roadmap.stage}` : FIGURE_TITLES.phases[f.roadmap.phase]);

/**
 * The roll-up as an XLSX workbook: one titled sheet with a row per organisation and the totals' row,
 * shares as numbers shown as percentages, and a second sheet of the roadmap's stages. Words, never codes.
 */
export async function rollupXlsx(r: Rollup): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Система наставничества';
  wb.title = r.title;
  const ws = wb.addWorksheet('Сводка', { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  const width = 3 + COLUMNS.length;
  ws.columns = [{ width: 40 }, { width: 24 }, { width: 18 }, ...COLUMNS.map((c) => ({ width: c.width }))];
  const place = r.territory.municipality ? `${r.territory.municipality}, ${r.territory.region}` : r.territory.region;
  const title = (text: string, font: Partial<ExcelJSNs.Font>) => {
    const row = ws.addRow([text]);
    ws.mergeCells(row.number, 1, row.number, Math.min(width, 12));
    row.getCell(1).font = { name: FONT, ...font };
  };
  title(r.title, { bold: true, size: 14 });
  title(`${place}; период с ${ruDate(r.period.from)} по ${ruDate(r.period.to)}; сроки — по состоянию на ${ruDate(r.asOf)}`, { italic: true, size: 11 });
  title(`Организаций: ${r.organisations.length}. Каждая строка — показатели из отчёта о мониторинге организации (п. 3.4 Положения); итог — их сумма.`, { size: 10 });
  ws.addRow([]);
  const head = ws.addRow(['Организация', 'Муниципалитет', 'Дорожная карта', ...COLUMNS.map((c) => c.title)]);
  head.height = 60;
  head.eachCell((c) => styleHeaderCell(c, 10));
  const line = (cells: (string | number | null)[], bold = false) => {
    const row = ws.addRow(cells.map((c) => c ?? '—'));
    row.eachCell((c, i) => {
      c.font = { name: FONT, size: 10, bold };
      c.border = BORDER;
      const column = COLUMNS[i - 4];
      if (column?.share && typeof c.value === 'number') c.numFmt = '0.0%';
      c.alignment = { vertical: 'top', wrapText: i <= 3, horizontal: i <= 3 ? 'left' : 'right' };
    });
  };
  for (const o of r.organisations) {
    line([o.disabled ? `${o.name} (отключена)` : o.name, o.municipality, roadmapText(o.figures), ...COLUMNS.map((c) => c.value(o.figures, o.shares))]);
  }
  const t = r.totals;
  const totalFigures = { ...t, roadmap: { phase: 'new' as const, stage: null } };
  line(['Итого', '', '', ...COLUMNS.map((c) => c.value(totalFigures, t.shares))], true);
  ws.views = [{ state: 'frozen', ySplit: head.number, xSplit: 1 }];

  const stages = wb.addWorksheet('Дорожные карты');
  stages.columns = [{ width: 80 }, { width: 16 }];
  stages.addRow(['Где организации по дорожной карте (на конец периода)']).getCell(1).font = { name: FONT, bold: true, size: 13 };
  stages.addRow([]);
  for (const [phase, n] of Object.entries(t.roadmapPhases)) stages.addRow([FIGURE_TITLES.phases[phase as keyof typeof FIGURE_TITLES.phases], n]);
  stages.addRow([]);
  for (const [stage, n] of Object.entries(t.roadmapStages)) stages.addRow([FIGURE_TITLES.stages[stage], n]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
