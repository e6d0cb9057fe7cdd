import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { deflateRawSync } from 'node:zlib';
import { DomainError } from '#core/shared';
import { storedZip } from './bounded-zip';
import { MAX_ROWS, MAX_UNPACKED_BYTES, readStaffFile } from './staff-import.parser';
import { checkStaffRows, staffKey, toBusinessDate } from './staff-import.rows';

const csv = (text: string, name = 'staff.csv') => ({ buffer: Buffer.from(text, 'utf8'), originalname: name });

async function xlsx(rows: unknown[][]): Promise<{ buffer: Buffer; originalname: string }> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Сотрудники');
  rows.forEach((r) => sheet.addRow(r));
  return { buffer: Buffer.from(await book.xlsx.writeBuffer()), originalname: 'staff.xlsx' };
}

const refusal = async (p: Promise<unknown>) => {
  const e = await p.then(() => null, (x: unknown) => x);
  expect(e).toBeInstanceOf(DomainError);
  return (e as DomainError).refusal;
};

describe('reading a staff list', () => {
  it('reads CSV with semicolons, Russian headers in any case and unknown columns left out', async () => {
    const sheet = await readStaffFile(csv('\uFEFFФ.И.О.;должность;Дата допуска к работе;Табельный номер\r\nИванова Мария;Воспитатель;01.09.2020;17\r\n\r\n"Петрова; Анна";Музыкальный руководитель;2021-02-03;18\r\n'));
    expect(sheet.columns).toEqual({ fullName: 'Ф.И.О.', position: 'должность', firstWorkingDay: 'Дата допуска к работе' });
    expect(sheet.ignoredColumns).toEqual(['Табельный номер']);
    expect(sheet.rows).toEqual([
      { line: 2, values: { fullName: 'Иванова Мария', position: 'Воспитатель', firstWorkingDay: '01.09.2020' } },
      { line: 4, values: { fullName: 'Петрова; Анна', position: 'Музыкальный руководитель', firstWorkingDay: '2021-02-03' } },
    ]);
  });

  it('reads CSV saved by Excel in Windows-1251 with commas', async () => {
    const text = 'ФИО,Должность,Первый рабочий день\nСидорова Ольга,Воспитатель,10.01.2022\n';
    const cp1251 = Buffer.from([...text].map((c) => (c.charCodeAt(0) >= 0x410 && c.charCodeAt(0) <= 0x44f ? c.charCodeAt(0) - 0x410 + 0xc0 : c.charCodeAt(0))));
    const sheet = await readStaffFile({ buffer: cp1251, originalname: 'staff.csv' });
    expect(sheet.rows[0].values).toEqual({ fullName: 'Сидорова Ольга', position: 'Воспитатель', firstWorkingDay: '10.01.2022' });
  });

  it('reads the first sheet of an XLSX, with a title row above the header and real date cells', async () => {
    const file = await xlsx([
      ['Список педагогических работников'],
      ['ФИО', 'Должность', 'Дата приёма', 'Дата согласия', 'Реквизиты согласия'],
      ['Орлова Татьяна', { richText: [{ text: 'Музыкальный ' }, { text: 'руководитель' }] }, new Date(Date.UTC(2019, 8, 2)), new Date(Date.UTC(2019, 8, 2)), 'Согласие № 4'],
    ]);
    const sheet = await readStaffFile(file);
    expect(sheet.rows).toEqual([{
      line: 3,
      values: { fullName: 'Орлова Татьяна', position: 'Музыкальный руководитель', firstWorkingDay: '2019-09-02', consentDate: '2019-09-02', consentRef: 'Согласие № 4' },
    }]);
  });

  it('refuses a file without the required columns, an old .xls and an empty file, saying what to do', async () => {
    expect((await refusal(readStaffFile(csv('ФИО;Должность\nИванова;Воспитатель\n')))).message).toContain('«Дата допуска к работе»');
    expect((await refusal(readStaffFile(csv('Имя;Телефон\nx;y\n')))).message).toContain('Не найдена строка заголовков');
    expect((await refusal(readStaffFile(csv('x', 'staff.xls')))).message).toContain('.xls');
    expect((await refusal(readStaffFile(csv('\n\n')))).code).toBe('invalid-import-file');
  });
});

/** A staff list of `n` rows, as an XLSX sheet's XML would hold them. */
const staffRows = (n: number) => Array.from({ length: n }, (_, i) => [`Сотрудник ${i + 1}`, 'Воспитатель', '01.09.2020']);

/** Replaces the first sheet's XML of a workbook (to make its tail unreadable, or huge). */
async function withSheet(file: { buffer: Buffer; originalname: string }, edit: (xml: string) => string) {
  const zip = await JSZip.loadAsync(file.buffer);
  const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
  zip.file('xl/worksheets/sheet1.xml', edit(xml));
  return { ...file, buffer: await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }) };
}

describe('the limits of a staff list, checked while reading (issue 15, finding 3)', () => {
  const broken = (xml: string) => xml.replace('</sheetData>', '<row r="999999"><c r="A999999" t="inlineStr"><is><t>обрыв</t></is></c><broken</sheetData>');

  it(`refuses an XLSX of more than ${MAX_ROWS} rows as soon as it has read past the limit, before its unreadable tail`, async () => {
    const file = await withSheet(await xlsx([['ФИО', 'Должность', 'Дата допуска'], ...staffRows(3000)]), broken);
    expect(await refusal(readStaffFile(file))).toMatchObject({ kind: 'too-large', code: 'import-too-many-rows', message: expect.stringContaining(`больше ${MAX_ROWS} строк`) });
    // The same tail within the limit is read, and refused for what it is.
    expect((await refusal(readStaffFile(await withSheet(await xlsx([['ФИО', 'Должность', 'Дата допуска'], ...staffRows(10)]), broken)))).code).toBe('invalid-import-file');
  });

  it(`refuses a CSV of more than ${MAX_ROWS} rows the same way, before a broken quote further on`, async () => {
    const list = (rows: number) => ['ФИО;Должность;Дата допуска', ...staffRows(rows).map((r) => r.join(';')), 'Обрыв;"Воспитатель;01.09.2020'].join('\n');
    expect(await refusal(readStaffFile(csv(list(3000))))).toMatchObject({ code: 'import-too-many-rows' });
    expect((await refusal(readStaffFile(csv(list(10))))).message).toContain('CSV не разобран');
  });

  it(`reads exactly ${MAX_ROWS} rows below a title and a header`, async () => {
    const sheet = await readStaffFile(await xlsx([['Список'], [], ['ФИО', 'Должность', 'Дата допуска'], ...staffRows(MAX_ROWS)]));
    expect(sheet.rows).toHaveLength(MAX_ROWS);
    expect(sheet.rows[MAX_ROWS - 1]).toEqual({ line: MAX_ROWS + 3, values: { fullName: `Сотрудник ${MAX_ROWS}`, position: 'Воспитатель', firstWorkingDay: '01.09.2020' } });
  });

  it('refuses a workbook that unpacks to more than the limit, whatever sizes it declares, without unpacking it all', async () => {
    const honest = await withSheet(await xlsx([['ФИО', 'Должность', 'Дата допуска'], ...staffRows(2)]), (xml) => xml.replace('</sheetData>', `</sheetData>${' '.repeat(MAX_UNPACKED_BYTES)}`));
    expect(honest.buffer.length).toBeLessThan(2 * 1024 * 1024);
    expect(await refusal(readStaffFile(honest))).toMatchObject({ kind: 'too-large', code: 'import-file-too-large' });
    // A sheet that says it is 100 bytes and unpacks to 64 MB: unpacking stops at the limit.
    const zip = await JSZip.loadAsync((await xlsx([['ФИО']])).buffer);
    const parts = await Promise.all(Object.keys(zip.files).filter((n) => !zip.files[n].dir).map(async (name) => ({ name, data: await zip.file(name)!.async('nodebuffer') })));
    const bomb = lyingZip(parts, 'xl/worksheets/sheet1.xml', Buffer.alloc(64 * 1024 * 1024, 0x20));
    const started = performance.now();
    expect(await refusal(readStaffFile({ buffer: bomb, originalname: 'staff.xlsx' }))).toMatchObject({ code: 'import-file-too-large' });
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

/** A ZIP whose `liar` entry holds `content` deflated, while its headers declare 100 bytes. */
function lyingZip(parts: { name: string; data: Buffer }[], liar: string, content: Buffer): Buffer {
  const zip = storedZip(parts.map((p) => (p.name === liar ? { ...p, data: deflateRawSync(content) } : p)));
  // Rewrite the entry's method to deflate and its declared size to 100, in the local and the central header.
  for (let at = 0; at < zip.length - 4; at++) {
    const sig = zip.readUInt32LE(at);
    const local = sig === 0x04034b50;
    if (!local && sig !== 0x02014b50) continue;
    const nameAt = at + (local ? 30 : 46);
    const name = zip.toString('utf8', nameAt, nameAt + zip.readUInt16LE(at + (local ? 26 : 28)));
    if (name !== liar) continue;
    zip.writeUInt16LE(8, at + (local ? 8 : 10));
    zip.writeUInt32LE(100, at + (local ? 22 : 24));
  }
  return zip;
}

describe('checking staff rows', () => {
  const row = (line: number, values: Record<string, string>) => ({ line, values });

  it('accepts valid rows through the RegisterPerson schema, with dates as ДД.ММ.ГГГГ', () => {
    const { accepted, rejected } = checkStaffRows([row(2, { fullName: ' Иванова  Мария ', position: 'Воспитатель', firstWorkingDay: '1.9.2020' })], new Set(), '2026-11-24');
    expect(rejected).toEqual([]);
    expect(accepted).toEqual([{ line: 2, person: { fullName: 'Иванова  Мария', position: 'Воспитатель', firstWorkingDay: '2020-09-01' } }]);
  });

  it('rejects each bad row with the column and the reason', () => {
    const { accepted, rejected } = checkStaffRows([
      row(2, { fullName: 'Без должности', position: '', firstWorkingDay: '01.09.2020' }),
      row(3, { fullName: 'Неверная дата', position: 'Воспитатель', firstWorkingDay: '31.02.2020' }),
      row(4, { fullName: 'Согласие без реквизитов', position: 'Воспитатель', firstWorkingDay: '01.09.2020', consentDate: '01.09.2020' }),
      row(5, { fullName: 'Согласие из будущего', position: 'Воспитатель', firstWorkingDay: '01.09.2020', consentDate: '01.12.2026', consentRef: '№ 5' }),
    ], new Set(), '2026-11-24');
    expect(accepted).toEqual([]);
    expect(rejected.map((r) => [r.line, r.errors.map((e) => e.column)])).toEqual([
      [2, ['Должность']], [3, ['Дата допуска к работе']], [4, ['Реквизиты согласия']], [5, ['Дата согласия на обработку ПДн']],
    ]);
    expect(rejected[0].errors[0].message).toBe('не заполнено.');
    expect(rejected[1].errors[0].message).toBe('такого дня нет в календаре (31.02.2020).');
    expect(rejected[3].errors[0].message).toContain('ещё не наступила');
  });

  it('rejects repeats within the file and staff already registered, so a second import registers nobody twice', () => {
    const registered = new Set([staffKey('Орлова Татьяна', '2019-09-02')]);
    const { accepted, rejected } = checkStaffRows([
      row(2, { fullName: 'Иванова Мария', position: 'Воспитатель', firstWorkingDay: '2020-09-01' }),
      row(3, { fullName: 'иванова  мария', position: 'Воспитатель', firstWorkingDay: '01.09.2020' }),
      row(4, { fullName: 'Орлова Татьяна', position: 'Музыкальный руководитель', firstWorkingDay: '02.09.2019' }),
    ], registered, '2026-11-24');
    expect(accepted.map((a) => a.line)).toEqual([2]);
    expect(rejected.map((r) => r.errors[0].message)).toEqual(['Повтор строки 2.', 'Сотрудник с такими ФИО и датой допуска к работе уже зарегистрирован.']);
  });

  it('rejects first working days past today + 5 years and before 1950, as the API does', () => {
    const { accepted, rejected } = checkStaffRows([
      row(2, { fullName: 'Будущая', position: 'Воспитатель', firstWorkingDay: '25.11.2031' }),
      row(3, { fullName: 'Давняя', position: 'Воспитатель', firstWorkingDay: '31.12.1949' }),
      row(4, { fullName: 'На краю', position: 'Воспитатель', firstWorkingDay: '24.11.2031' }),
    ], new Set(), '2026-11-24');
    expect(accepted.map((a) => a.line)).toEqual([4]);
    expect(rejected.map((r) => [r.line, r.errors.map((e) => e.column)])).toEqual([[2, ['Дата допуска к работе']], [3, ['Дата допуска к работе']]]);
    expect(rejected[0].errors[0].message).toContain('не дальше 5 лет вперёд');
  });

  it('carries a complete consent along with the person', () => {
    const { accepted } = checkStaffRows([row(2, { fullName: 'Иванова', position: 'Воспитатель', firstWorkingDay: '2020-09-01', consentDate: '02.09.2020', consentRef: 'Согласие № 1' })], new Set(), '2026-11-24');
    expect(accepted[0].consent).toEqual({ date: '2020-09-02', documentRef: 'Согласие № 1' });
    expect(toBusinessDate('2020-09-01')).toBe('2020-09-01');
  });
});
