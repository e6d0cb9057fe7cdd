import type ExcelJSNs from 'exceljs';

/** The printed documents' typeface (the monitoring report, the region's roll-up). */
export const XLSX_FONT = 'Times New Roman';

const THIN = { style: 'thin' as const };
/** A thin rule round a table's cell. */
export const XLSX_BORDER: Partial<ExcelJSNs.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** A table's header cell: bold, centred, ruled, on light grey. */
export function styleHeaderCell(c: ExcelJSNs.Cell, size: number): void {
  c.font = { name: XLSX_FONT, bold: true, size };
  c.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  c.border = XLSX_BORDER;
  c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8E8E8' } };
}
