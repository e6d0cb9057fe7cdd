import type { MonitoringReport } from './monitoring-report';
import { reportHeader, reportLines } from './monitoring-report.table';

const cell = (v: unknown): string => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[";\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** CSV as Russian-locale Excel opens it: UTF-8 with BOM, `;` between fields, CRLF, decimal comma. */
export function monitoringReportCsv(r: MonitoringReport): string {
  const num = (v: number | string | null | undefined) => (typeof v === 'number' ? String(v).replace('.', ',') : v);
  const rows: unknown[][] = [
    ...reportHeader(r).map(([k, v]) => [k, v]),
    [],
    ['Раздел', 'Показатель', 'Значение', 'Доля'],
    ...reportLines(r).map((l) => [l.section, l.indicator, num(l.value), num(l.share ?? null)]),
  ];
  return '\uFEFF' + rows.map((row) => row.map(cell).join(';')).join('\r\n') + '\r\n';
}
