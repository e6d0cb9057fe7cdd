import type ExcelJSNs from 'exceljs';
import type { PrintedOrganisation } from '#core/organisation';
import { shortName } from '#libs/russian-names';
import type { MonitoringReport } from './monitoring-report';
import { reportDocument, type Cell, type ReportSection } from './monitoring-report.document';
import { XLSX_BORDER as BORDER, XLSX_FONT as FONT, styleHeaderCell } from './xlsx-style';

type Sheet = ExcelJSNs.Worksheet;

/** «5 Сроки», cut to Excel's 31 characters, without the characters a sheet name may not hold. */
const sheetName = (s: ReportSection) => `${s.no} ${s.short}`.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31).trim();

/** A title row merged over the table's width. */
function titleRow(ws: Sheet, text: string, columns: number, font: Partial<ExcelJSNs.Font>, height?: number) {
  const row = ws.addRow([text]);
  ws.mergeCells(row.number, 1, row.number, columns);
  row.getCell(1).font = { name: FONT, ...font };
  row.getCell(1).alignment = { wrapText: true, vertical: 'top', horizontal: font.bold ? 'center' : 'left' };
  if (height) row.height = height;
  return row;
}

function sectionSheet(wb: ExcelJSNs.Workbook, s: ReportSection, org: PrintedOrganisation, period: string) {
  const ws = wb.addWorksheet(sheetName(s), { pageSetup: { paperSize: 9, orientation: s.header.length > 4 ? 'landscape' : 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  const total = s.header.length > 4 ? 150 : 110;
  ws.columns = s.widths.map((w) => ({ width: Math.max(8, Math.round((total * w) / 100)) }));
  titleRow(ws, `${s.no}. ${s.title} (${s.clause})`, s.header.length, { bold: true, size: 13 }, 20);
  titleRow(ws, `${org.shortName}; период ${period}`, s.header.length, { italic: true, size: 11 });
  ws.addRow([]);
  const head = ws.addRow(s.header);
  head.eachCell((c) => styleHeaderCell(c, 11));
  for (const r of s.rows) {
    const row = ws.addRow(r.map((c: Cell) => (c !== null && typeof c === 'object' ? c.share ?? '—' : c ?? '—')));
    r.forEach((c, i) => {
      const x = row.getCell(i + 1);
      x.font = { name: FONT, size: 11 };
      x.border = BORDER;
      x.alignment = { wrapText: true, vertical: 'top', horizontal: typeof c === 'string' ? 'left' : 'right' };
      if (c !== null && typeof c === 'object' && c.share !== null) x.numFmt = '0.0%';
      else if (typeof c === 'number') x.numFmt = Number.isInteger(c) ? '0' : '0.00';
    });
  }
  ws.addRow([]);
  titleRow(ws, `Как считается: ${s.definition}`, s.header.length, { size: 9, italic: true }, Math.min(120, 14 * Math.ceil(s.definition.length / (total * 1.1))));
  ws.views = [{ state: 'frozen', ySplit: head.number }];
  ws.pageSetup.printTitlesRow = `${head.number}:${head.number}`;
}

/**
 * The report as an XLSX workbook (exceljs): a title sheet (organisation, period, contents, signatures) and a
 * titled, formatted sheet per section; shares are numbers shown as percentages. The figures are the JSON's.
 */
export async function monitoringReportXlsx(r: MonitoringReport, organisation: PrintedOrganisation): Promise<Buffer> {
  // Loaded on first export: the library is large and most processes never build a spreadsheet.
  const { default: ExcelJS } = await import('exceljs');
  const doc = reportDocument(r, organisation);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Система наставничества';
  wb.title = `${doc.title} ${doc.period}`;
  const cover = wb.addWorksheet('Отчёт', { pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  cover.columns = [{ width: 70 }, { width: 40 }];
  titleRow(cover, organisation.fullName, 2, { bold: true, size: 12 }, 32);
  if (organisation.address) titleRow(cover, organisation.address, 2, { size: 10 });
  cover.addRow([]);
  titleRow(cover, doc.title, 2, { bold: true, size: 14 }, 36);
  titleRow(cover, `за период ${doc.period}`, 2, { bold: true, size: 12 });
  titleRow(cover, `Форма наставничества: ${doc.form}. Сроки — по состоянию на ${doc.asOf}.`, 2, { size: 11 });
  cover.addRow([]);
  titleRow(cover, 'Разделы (каждый — на своём листе):', 2, { size: 11 });
  for (const s of doc.sections) {
    const row = cover.addRow([`${s.no}. ${s.title}`, s.clause]);
    row.eachCell((c) => { c.font = { name: FONT, size: 11 }; });
  }
  cover.addRow([]);
  for (const s of doc.signatures) {
    const row = cover.addRow([s.role, `____________ / ${s.name ? shortName(s.name) : '____________'} /`]);
    row.height = 28;
    row.eachCell((c) => { c.font = { name: FONT, size: 12 }; c.alignment = { vertical: 'bottom' }; });
  }
  cover.addRow(['«___» ____________ 20___ г.']).getCell(1).font = { name: FONT, size: 12 };
  for (const s of doc.sections) sectionSheet(wb, s, organisation, doc.period);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
