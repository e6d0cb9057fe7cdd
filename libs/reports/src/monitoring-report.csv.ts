import type { PrintedOrganisation } from '#core/organisation';
import type { MonitoringReport } from './monitoring-report';
import { reportHeader, reportLines } from './monitoring-report.table';

const cell = (v: unknown): string => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[";\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/**
 * The figures as data, one line per indicator (section; indicator; value; share as a fraction), for a
 * curator's own tables: CSV as Russian-locale Excel opens it (UTF-8 with BOM, `;`, CRLF, decimal comma).
 * The document to sign is the printable page or the XLSX.
 */
export function monitoringReportCsv(r: MonitoringReport, organisation: PrintedOrganisation): string {
  const num = (v: number | string | null | undefined) => (typeof v === 'number' ? String(v).replace('.', ',') : v);
  const rows: unknown[][] = [
    ...reportHeader(r, organisation).map(([k, v]) => [k, v]),
    [],
    ['Раздел', 'Показатель', 'Значение', 'Доля'],
    ...reportLines(r).map((l) => [l.section, l.indicator, num(l.value), num(l.share ?? null)]),
  ];
  return '\uFEFF' + rows.map((row) => row.map(cell).join(';')).join('\r\n') + '\r\n';
}
