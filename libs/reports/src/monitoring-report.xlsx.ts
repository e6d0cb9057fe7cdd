import type { MonitoringReport } from './monitoring-report';
import { reportHeader, reportLines } from './monitoring-report.table';

/** An XLSX workbook (exceljs) with one sheet: the header block, then section / indicator / value / share. */
export async function monitoringReportXlsx(r: MonitoringReport): Promise<Buffer> {
  // Loaded on first export: the library is large and most processes never build a spreadsheet.
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Наставничество';
  const ws = wb.addWorksheet('Мониторинг');
  ws.columns = [{ width: 48 }, { width: 64 }, { width: 14 }, { width: 10 }];
  for (const [k, v] of reportHeader(r)) ws.addRow([k, v]).getCell(1).font = { bold: true };
  ws.addRow([]);
  const head = ws.addRow(['Раздел', 'Показатель', 'Значение', 'Доля']);
  head.font = { bold: true };
  for (const l of reportLines(r)) {
    const row = ws.addRow([l.section, l.indicator, l.value, l.share ?? null]);
    if (l.share !== undefined && l.share !== null) row.getCell(4).numFmt = '0.0%';
  }
  ws.views = [{ state: 'frozen', ySplit: head.number }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
