/** One line of the exported report: section, indicator, value (and a share where there is one). */
export interface ReportLine {
  section: string;
  indicator: string;
  value: number | string | null;
  share?: number | null;
}
