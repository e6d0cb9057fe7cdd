/** One printed figure of a benchmark; `target` is what the issue asks for, shown beside it. */
export interface BenchRow {
  bench: string;
  case: string;
  value: number;
  unit: string;
  target?: string;
  note?: string;
}

export type Bench = (log: (line: string) => void) => Promise<BenchRow[]>;

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
