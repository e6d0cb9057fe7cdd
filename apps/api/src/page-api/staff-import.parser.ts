import { parse } from 'csv-parse';
import type { CellValue } from 'exceljs';
import { Readable } from 'node:stream';
import { DomainError } from '#core/shared';
import { storedZip, unpack, zipEntries, ZipRefusal } from './bounded-zip';

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

type TableRow = { line: number; cells: string[] };

/** What the parts of a workbook that are read may unpack to, together: far above a sheet of 1,000 rows. */
export const MAX_UNPACKED_BYTES = 20 * 1024 * 1024;
/** Rows read at most: the header among the first five, the limit, and one more to know it was passed. */
const HEADER_SEARCH = 5;
const ROWS_TO_READ = HEADER_SEARCH + 1 + MAX_ROWS;

const tooLarge = () =>
  new DomainError({
    kind: 'too-large', code: 'import-file-too-large',
    message: `Книга XLSX распаковывается больше чем в ${MAX_UNPACKED_BYTES / 1024 / 1024} МБ: в ней не только список сотрудников. Сохраните список отдельной книгой или как CSV.`,
  });
const unreadableXlsx = () => invalid('Файл не читается как XLSX. Сохраните список в Excel как «Книга Excel (.xlsx)» или как CSV.');

const relationships = (xml: string) =>
  [...xml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)].map((m) => ({
    id: /\bId="([^"]*)"/.exec(m[0])?.[1], type: /\bType="([^"]*)"/.exec(m[0])?.[1] ?? '', target: /\bTarget="([^"]*)"/.exec(m[0])?.[1] ?? '',
  }));
const partName = (target: string) => (target.startsWith('/') ? target.slice(1) : `xl/${target}`);
const EMPTY_SHARED_STRINGS = Buffer.from('<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>');

/**
 * The parts of an XLSX workbook its first sheet needs, unpacked within `MAX_UNPACKED_BYTES` and packed
 * again in the order exceljs's streaming reader reads without spilling a sheet to a temporary file:
 * relationships, workbook, styles (which numbers are dates), shared strings, then the sheet.
 */
function firstSheetParts(zip: Buffer): Buffer {
  const entries = zipEntries(zip);
  let budget = MAX_UNPACKED_BYTES;
  const take = (name: string | undefined): Buffer | undefined => {
    const entry = name === undefined ? undefined : entries.get(name);
    if (!entry) return undefined;
    const data = unpack(zip, entry, budget);
    budget -= data.length;
    return data;
  };
  const relsXml = take('xl/_rels/workbook.xml.rels');
  const rels = relationships(relsXml?.toString('utf8') ?? '');
  const workbook = take('xl/workbook.xml');
  const firstSheetId = /<(?:\w+:)?sheet\b[^>]*?\s(?:\w+:)?id="([^"]*)"/.exec(workbook?.toString('utf8') ?? '')?.[1];
  const part = (pick: (r: (typeof rels)[number]) => boolean) => {
    const rel = rels.find(pick);
    return rel ? partName(rel.target) : undefined;
  };
  const sheetName = part((r) => r.id === firstSheetId);
  const styleName = part((r) => r.type.endsWith('/styles'));
  const sharedName = part((r) => r.type.endsWith('/sharedStrings'));
  // Declared sizes can lie, but honest ones let a big workbook be refused before anything is unpacked.
  const declared = [styleName, sharedName, sheetName].reduce((n, name) => n + (name ? entries.get(name)?.size ?? 0 : 0), 0);
  if (declared > budget) throw new ZipRefusal('too-large');
  const styles = take(styleName);
  const shared = take(sharedName) ?? EMPTY_SHARED_STRINGS;
  const sheet = take(sheetName);
  if (!relsXml || !workbook || !sheet) throw new ZipRefusal('unreadable');
  return storedZip([
    { name: 'xl/_rels/workbook.xml.rels', data: relsXml },
    { name: 'xl/workbook.xml', data: workbook },
    ...(styles ? [{ name: 'xl/styles.xml', data: styles }] : []),
    { name: 'xl/sharedStrings.xml', data: shared },
    { name: 'xl/worksheets/sheet1.xml', data: sheet },
  ]);
}

/** Small chunks: a parser reads a chunk or two ahead of the rows taken, never the whole file at once. */
const inChunks = (bytes: Buffer) =>
  Readable.from((function* () {
    for (let at = 0; at < bytes.length; at += 16 * 1024) yield bytes.subarray(at, at + 16 * 1024);
  })());

/** The first sheet's non-empty rows, read as a stream and left at `limit` rows. */
async function readXlsx(buffer: Buffer, limit: number): Promise<TableRow[]> {
  let parts: Buffer;
  try {
    parts = firstSheetParts(buffer);
  } catch (e) {
    if (e instanceof ZipRefusal) throw e.reason === 'too-large' ? tooLarge() : unreadableXlsx();
    throw e;
  }
  // Loaded on first use: exceljs is large and most starts never import a file.
  const { default: ExcelJS } = await import('exceljs');
  const input = inChunks(parts);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
  const rows: TableRow[] = [];
  try {
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const cells = (row.values as CellValue[]).slice(1).map((v) => cellText(v).trim());
        if (cells.some((c) => c !== '') && rows.push({ line: row.number, cells }) >= limit) break;
      }
      break;
    }
  } catch {
    throw unreadableXlsx();
  } finally {
    input.destroy();
  }
  return rows;
}

/** CSV rows as csv-parse streams them from the bytes, left at `limit` non-empty rows. */
async function readCsv(buffer: Buffer, limit: number): Promise<TableRow[]> {
  const utf8 = new TextDecoder('utf-8').decode(buffer);
  // Excel on Russian Windows saves CSV in Windows-1251 unless told otherwise.
  const text = utf8.includes('\uFFFD') ? new TextDecoder('windows-1251').decode(buffer) : utf8;
  const header = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = [';', '\t', ','].reduce((best, d) => (header.split(d).length > header.split(best).length ? d : best), ';');
  const input = inChunks(text === utf8 ? buffer : Buffer.from(text, 'utf8'));
  const parser = input.pipe(parse({ delimiter, bom: true, info: true, skip_empty_lines: true, relax_column_count: true, trim: true }));
  const rows: TableRow[] = [];
  try {
    for await (const r of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (r.record.some((c) => c !== '') && rows.push({ line: r.info.lines, cells: r.record }) >= limit) break;
    }
  } catch (e) {
    // csv-parse explains in English; a person needs the line and what to look at.
    const line = (e as { lines?: unknown }).lines;
    throw invalid(`Файл CSV не разобран${typeof line === 'number' ? ` (строка ${line})` : ''}: проверьте, что столбцы разделены точкой с запятой и каждая кавычка закрыта.`);
  } finally {
    input.destroy();
  }
  return rows;
}

/** The first `limit` non-empty rows of an XLSX workbook (first sheet) or a CSV text, with their line numbers. */
async function readTable(file: { buffer: Buffer; originalname: string }, limit: number): Promise<TableRow[]> {
  const name = file.originalname.toLowerCase();
  const zip = file.buffer.subarray(0, 2).toString('latin1') === 'PK';
  if (name.endsWith('.xlsx') || zip) return readXlsx(file.buffer, limit);
  if (name.endsWith('.xls')) throw invalid('Старый формат .xls не поддерживается: сохраните файл как .xlsx или .csv.');
  return readCsv(file.buffer, limit);
}

/**
 * Reads a staff list: finds the header row among the first five, maps its columns to fields, and
 * returns every later non-empty row. Unknown columns are ignored and reported.
 */
export async function readStaffFile(file: { buffer: Buffer; originalname: string }) {
  const table = await readTable(file, ROWS_TO_READ);
  if (table.length === 0) throw invalid('Файл пуст.');
  const headerAt = table.slice(0, HEADER_SEARCH).findIndex((r) => r.cells.some((c) => aliasIndex.get(normalize(c)) === 'fullName'));
  if (headerAt < 0) {
    throw invalid(`Не найдена строка заголовков. Нужны столбцы: ${Object.values(IMPORT_COLUMNS).filter((c) => c.required).map((c) => `«${c.title}»`).join(', ')}.`);
  }
  const header = table[headerAt].cells;
  const fields = header.map((h) => aliasIndex.get(normalize(h)));
  const missing = (Object.keys(IMPORT_COLUMNS) as ImportField[]).filter((f) => IMPORT_COLUMNS[f].required && !fields.includes(f));
  if (missing.length) throw invalid(`Нет обязательных столбцов: ${missing.map((f) => `«${IMPORT_COLUMNS[f].title}»`).join(', ')}.`);
  const body = table.slice(headerAt + 1);
  // Reading stopped at ROWS_TO_READ: more rows than the limit are refused without reading the rest.
  if (body.length > MAX_ROWS) {
    throw new DomainError({
      kind: 'too-large', code: 'import-too-many-rows',
      message: `В файле больше ${MAX_ROWS} строк с сотрудниками; за один раз можно загрузить не больше ${MAX_ROWS}: разделите список на части.`,
    });
  }
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
