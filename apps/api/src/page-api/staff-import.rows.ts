import type { z } from 'zod';
import { personalDataConsentBody, registerPersonBody, type PersonalDataConsentBody, type RegisterPersonBody } from '#core/people';
import { fromRussianDate, latestBusinessDate, ruDate } from '#core/shared';
import { lateDateErrors, validationErrors } from '#libs/kernel';
import { IMPORT_COLUMNS, type ImportField, type SheetRow } from './staff-import.parser';

export interface RowError {
  field: ImportField | null;
  column: string | null;
  message: string;
  clause?: string;
}

export interface AcceptedRow {
  line: number;
  person: RegisterPersonBody;
  consent?: PersonalDataConsentBody;
}

export interface RejectedRow {
  line: number;
  values: SheetRow['values'];
  errors: RowError[];
}

/** `ДД.ММ.ГГГГ` (as Russian spreadsheets show dates) becomes `ГГГГ-ММ-ДД`; anything else is left for the schema to judge. */
export const toBusinessDate = fromRussianDate;

/** Same person, same first day: the key a second import of the same list is recognised by. */
export const staffKey = (fullName: string, firstWorkingDay: string) => `${fullName.trim().replace(/\s+/g, ' ').toLowerCase().replace(/ё/g, 'е')}|${firstWorkingDay}`;

/** The API's validation messages, without the field's name: the preview puts the column's title before them. */
const issues = (schema: z.ZodType, error: z.ZodError, body: unknown, fieldOf: (key: string) => ImportField): RowError[] =>
  validationErrors(schema, error, body).map((e) => {
    const field = fieldOf(e.path.split('.')[0]);
    return { field, column: IMPORT_COLUMNS[field].title, message: `${e.requirement}.` };
  });

/**
 * Each row through the same zod schemas the API validates with (RegisterPerson, and the
 * personal-data consent when its columns are filled); repeats within the file and staff already
 * registered are rejected, so importing the same list twice registers nobody twice.
 */
export function checkStaffRows(rows: SheetRow[], registered: Set<string>, today: string) {
  const accepted: AcceptedRow[] = [];
  const rejected: RejectedRow[] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    const v = row.values;
    const blank = (['fullName', 'position', 'firstWorkingDay'] as const).filter((f) => !v[f]?.trim());
    const errors: RowError[] = blank.map((f) => ({ field: f, column: IMPORT_COLUMNS[f].title, message: 'не заполнено.' }));
    const personBody = { fullName: v.fullName ?? '', position: v.position ?? '', firstWorkingDay: v.firstWorkingDay ?? '' };
    const person = registerPersonBody.safeParse(personBody);
    if (!person.success) {
      errors.push(...issues(registerPersonBody, person.error, personBody, (k) => ((k as ImportField) in IMPORT_COLUMNS ? (k as ImportField) : 'fullName')).filter((e) => !blank.includes(e.field as never)));
    }
    let consent: PersonalDataConsentBody | undefined;
    if (v.consentDate || v.consentRef) {
      const consentBody = { date: v.consentDate ?? '', documentRef: v.consentRef ?? '' };
      const c = personalDataConsentBody.safeParse(consentBody);
      if (!c.success) errors.push(...issues(personalDataConsentBody, c.error, consentBody, (k) => (k === 'date' ? 'consentDate' : 'consentRef')));
      else if (c.data.date > today) errors.push({ field: 'consentDate', column: IMPORT_COLUMNS.consentDate.title, message: `Дата согласия ${ruDate(c.data.date)} ещё не наступила.` });
      else consent = c.data;
    }
    if (person.success && person.data.firstWorkingDay > latestBusinessDate(today)) {
      // As the API words it (`parseBody` with today), after the column's title.
      const [late] = lateDateErrors(registerPersonBody, [['firstWorkingDay']], latestBusinessDate(today));
      errors.push({ field: 'firstWorkingDay', column: IMPORT_COLUMNS.firstWorkingDay.title, message: `${late.requirement}.` });
    }
    if (person.success) {
      const key = staffKey(person.data.fullName, person.data.firstWorkingDay);
      if (registered.has(key)) errors.push({ field: 'fullName', column: IMPORT_COLUMNS.fullName.title, message: 'Сотрудник с такими ФИО и датой допуска к работе уже зарегистрирован.' });
      else if (seen.has(key)) errors.push({ field: 'fullName', column: IMPORT_COLUMNS.fullName.title, message: `Повтор строки ${seen.get(key)}.` });
      else seen.set(key, row.line);
    }
    if (errors.length || !person.success) rejected.push({ line: row.line, values: v, errors });
    else accepted.push({ line: row.line, person: person.data, ...(consent ? { consent } : {}) });
  }
  return { accepted, rejected };
}
