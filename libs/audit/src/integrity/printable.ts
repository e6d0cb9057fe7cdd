import { ruDate as formatDate } from '#core/shared';
/** Small helpers for the printable Russian documents (verification statement, audit package). */
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export const esc = (value: unknown): string => String(value ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c]);

/** `2026-03-12` → `12.03.2026` (the core's formatter); no date is «—». */
export const ruDate = (iso: string | undefined): string => (iso && /^\d{4}-\d{2}-\d{2}/.test(iso) ? formatDate(iso) : '—');

/** An instant as `12.03.2026 14:05:09` in the organisation's zone. */
export function ruDateTime(iso: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('ru-RU', {
    timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const p = Object.fromEntries(parts.map((x) => [x.type, x.value]));
  return `${p.day}.${p.month}.${p.year} ${p.hour}:${p.minute}:${p.second}`;
}

/** A time zone as people name it: «Москва, стандартное время», not `Europe/Moscow`. */
export function zoneName(timeZone: string): string {
  const part = new Intl.DateTimeFormat('ru-RU', { timeZone, timeZoneName: 'long' }).formatToParts(new Date(0)).find((x) => x.type === 'timeZoneName');
  return part?.value ?? timeZone;
}

/** A4, black on white, nothing but the document when printed. */
export const PRINT_CSS = `
  @page { size: A4; margin: 20mm 15mm 20mm 20mm; }
  body { font-family: "Times New Roman", "PT Serif", serif; font-size: 12pt; line-height: 1.4; color: #000; background: #fff; max-width: 180mm; margin: 0 auto; padding: 8mm 0; }
  h1 { font-size: 15pt; text-align: center; margin: 0 0 4mm; }
  h2 { font-size: 13pt; margin: 6mm 0 2mm; }
  .sub { text-align: center; margin: 0 0 6mm; }
  table { border-collapse: collapse; width: 100%; margin: 2mm 0; }
  th, td { border: 1px solid #000; padding: 1.5mm 2mm; vertical-align: top; text-align: left; }
  th { width: 38%; font-weight: normal; }
  .hash { font-family: "DejaVu Sans Mono", "Courier New", monospace; font-size: 9.5pt; word-break: break-all; }
  .verdict { font-weight: bold; }
  .signatures p { margin: 8mm 0 0; }
  .line { display: inline-block; min-width: 60mm; border-bottom: 1px solid #000; }
  .small { font-size: 10pt; }
  ol.timeline { padding-left: 6mm; }
  ol.timeline li { margin: 0 0 2mm; }
  pre { white-space: pre-wrap; word-break: break-all; font-size: 8.5pt; margin: 0; }
  @media print { body { max-width: none; padding: 0; } a { color: #000; text-decoration: none; } .no-print { display: none; } tr, li { break-inside: avoid; } }
`;
