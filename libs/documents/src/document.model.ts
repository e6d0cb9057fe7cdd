import type { BusinessDate } from '#core/shared';

export const DOCUMENT_KINDS = [
  'pairs-order', 'replacement-order', 'mentor-consent', 'mentee-consent', 'program', 'mentor-report', 'mentee-report', 'supplementary-agreement',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export const isDocumentKind = (s: string): s is DocumentKind => (DOCUMENT_KINDS as readonly string[]).includes(s);

/**
 * A document as a few kinds of blocks: both renderers (DOCX, HTML) draw the same model. A table's `widths`
 * are its columns' shares of the line, in percent, chosen so no header word breaks; a signature is kept
 * on the page of the text before it.
 */
export type Block =
  | { type: 'center'; text: string; bold?: boolean; small?: boolean }
  | { type: 'right'; lines: string[] }
  | { type: 'title'; text: string }
  | { type: 'date-number'; date: string; number: string }
  | { type: 'paragraph'; text: string; bold?: boolean }
  | { type: 'numbered'; items: string[] }
  | { type: 'table'; header: string[]; rows: string[][]; widths: number[] }
  | { type: 'signature'; role: string; name: string };

export interface DocumentModel {
  kind: DocumentKind;
  title: string;
  /** Without extension; no personal names (it is kept in the attachment record). */
  fileName: string;
  /** `final` once the step it belongs to is recorded; a `draft` has blanks for what is not known yet. */
  status: 'final' | 'draft';
  blocks: Block[];
}

export const BLANK = '________________';
export const BLANK_DATE = '«___» ____________ 20___ г.';

/** `2026-09-15` → `15.09.2026`: the core's one formatter of dates in sentences. */
export { ruDate } from '#core/shared';

const MONTHS = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];
/** `2026-09-15` → `«15» сентября 2026 г.`, as orders are dated. */
export const ruLongDate = (d: BusinessDate): string => `«${d.slice(8, 10)}» ${MONTHS[Number(d.slice(5, 7)) - 1]} ${d.slice(0, 4)} г.`;

/** `Иванова Мария Петровна` → `Иванова М. П.` (the form under a signature); a foreign name as entered. */
export { shortName } from '#libs/russian-names';

/** A file name any system accepts: no path separators or reserved characters. */
export const safeFileName = (s: string): string => s.replace(/[\\/:*?"<>|]+/g, '-').replace(/\s+/g, ' ').trim().slice(0, 150);
