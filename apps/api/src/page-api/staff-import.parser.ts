import { parse } from 'csv-parse/sync';
import type { CellValue } from 'exceljs';
import { DomainError } from '#core/shared';

export type ImportField = 'fullName' | 'position' | 'firstWorkingDay' | 'consentDate' | 'consentRef';

/** The columns a staff list may have, as a curator names them; header matching ignores case, «ё» and punctuation. */
export const IMPORT_COLUMNS: Record<ImportField, { title: string; required: boolean; aliases: string[] }> = {
  fullName: { title: 'ФИО', required: true, aliases: ['фио', 'ф и о', 'фамилия имя отчество', 'сотрудник', 'fullname'] },
  position: { title: 'Должность', required: true, aliases: ['должность', 'position'] },
  firstWorkingDay: {
    title: 'Дата допуска к работе', required: true,
    aliases: ['дата допуска к работе', 'дата фактического допуска к работе', 'дата допуска', 'первый рабочий день', 'дата приема', 'дата приема на работу', 'firstworkingday'],
  },
  consentDate: { title: 'Дата согласия на обработку ПДн', required: false, aliases: ['дата согласия на обработку пдн', 'дата согласия', 'согласие пдн дата', 'consentdate'] },
  consentRef: { title: 'Реквизиты согласия', required: false, aliases: ['реквизиты согласия', 'согласие на обработку пдн', 'согласие', 'consentref'] },
};

export const MAX_ROWS = 1000;

export interface SheetRow {
  /** The line (CSV) or row number (XLSX) as the curator sees it in their file. */
  line: number;
  values: Partial<Record<ImportField, string>>;
}

const normalize = (header: string) => header.toLowerCase().replace(/ё/g, 'е').replace(/[^a-zа-я0-9]+/g, ' ').trim();
const aliasIndex = new Map(
  (Object.entries(IMPORT_COLUMNS) as [ImportField, (typeof IMPORT_COLUMNS)[ImportField]][]).flatMap(([field, c]) => c.aliases.map((a) => [normalize(a), field] as const)),
);

const invalid = (message: string) => new DomainError({ kind: 'invalid', code: 'invalid-import-file', message });

/** Cell text as the curator typed it; dates as `YYYY-MM-DD` (Excel keeps them as UTC midnight). */
function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('result' in value) return cellText(value.result as CellValue);
    if ('text' in value) return String(value.text);
    return '';
  }
  return String(value);
}

/** A table as rows of strings with their line numbers, from an XLSX workbook (first sheet) or CSV text. */
async function readTable(file: { buffer: Buffer; originalname: string }): Promise<{ line: number; cells: string[] }[]> {
  const name = file.originalname.toLowerCase();
  const zip = file.buffer.subarray(0, 2).toString('latin1') === 'PK';
  if (name.endsWith('.xlsx') || zip) {
    // Loaded on first use: exceljs is large and most starts never import a file.
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    try {
      await book.xlsx.load(file.buffer as unknown as ArrayBuffer);
    } catch {
      throw invalid('Файл не читается как XLSX. Сохраните список в Excel как «Книга Excel (.xlsx)» или как CSV.');
    }
    const sheet = book.worksheets[0];
    if (!sheet) throw invalid('В книге нет листов.');
    const rows: { line: number; cells: string[] }[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, line) => {
      const values = row.values as CellValue[];
      rows.push({ line, cells: values.slice(1).map((v) => cellText(v).trim()) });
    });
    return rows;
  }
  if (name.endsWith('.xls')) throw invalid('Старый формат .xls не поддерживается: сохраните файл как .xlsx или .csv.');
  const utf8 = new TextDecoder('utf-8').decode(file.buffer);
  // Excel on Russian Windows saves CSV in Windows-1251 unless told otherwise.
  const text = utf8.includes('\uFFFD') ? new TextDecoder('windows-1251').decode(file.buffer) : utf8;
  const header = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = [';', '\t', ','].reduce((best, d) => (header.split(d).length > header.split(best).length ? d : best), ';');
  try {
    const records = parse(text, { delimiter, bom: true, info: true, skip_empty_lines: true, relax_column_count: true, trim: true }) as unknown as { record: string[]; info: { lines: number } }[];
    return records.map((r) => ({ line: r.info.lines, cells: r.record }));
  } catch (e) {
    // csv-parse explains in English; a person needs the line and what to look at.
    const line = (e as { lines?: unknown }).lines;
    throw invalid(`Файл CSV не разобран${typeof line === 'number' ? ` (строка ${line})` : ''}: проверьте, что столбцы разделены точкой с запятой и каждая кавычка закрыта.`);
  }
}

/**
 * Reads a staff list: finds the header row among the first five, maps its columns to fields, and
 * returns every later non-empty row. Unknown columns are ignored and reported.
 */
export async function readStaffFile(file: { buffer: Buffer; originalname: string }) {
  const table = (await readTable(file)).filter((r) => r.cells.some((c) => c !== ''));
  if (table.length === 0) throw invalid('Файл пуст.');
  const headerAt = table.slice(0, 5).findIndex((r) => r.cells.some((c) => aliasIndex.get(normalize(c)) === 'fullName'));
  if (headerAt < 0) {
    throw invalid(`Не найдена строка заголовков. Нужны столбцы: ${Object.values(IMPORT_COLUMNS).filter((c) => c.required).map((c) => `«${c.title}»`).join(', ')}.`);
  }
  const header = table[headerAt].cells;
  const fields = header.map((h) => aliasIndex.get(normalize(h)));
  const missing = (Object.keys(IMPORT_COLUMNS) as ImportField[]).filter((f) => IMPORT_COLUMNS[f].required && !fields.includes(f));
  if (missing.length) throw invalid(`Нет обязательных столбцов: ${missing.map((f) => `«${IMPORT_COLUMNS[f].title}»`).join(', ')}.`);
  const body = table.slice(headerAt + 1);
  if (body.length > MAX_ROWS) throw invalid(`В файле ${body.length} строк; за один раз можно загрузить не больше ${MAX_ROWS}.`);
  const rows: SheetRow[] = body.map((r) => ({
    line: r.line,
    values: Object.fromEntries(fields.flatMap((f, i) => (f && r.cells[i] !== undefined ? [[f, r.cells[i]]] : []))),
  }));
  return {
    columns: Object.fromEntries(fields.flatMap((f, i) => (f ? [[f, header[i]]] : []))) as Partial<Record<ImportField, string>>,
    ignoredColumns: header.filter((h, i) => h !== '' && !fields[i]),
    rows,
  };
}
