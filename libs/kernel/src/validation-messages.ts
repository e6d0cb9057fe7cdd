import { z } from 'zod';
import {
  BUSINESS_DATE_CHECK, BUSINESS_DATE_WINDOW_CHECK, EARLIEST_BUSINESS_DATE, LAST_BUSINESS_DATE, YEARS_AHEAD, fromRussianDate, isBusinessDate, ruDate,
  type BusinessDate,
} from '#core/shared';

/**
 * Validation in the words of the form: every message is built here, from the zod issue and the field's
 * Russian label (its `.describe()`) and bounds, read from the JSON Schema the web page builds its forms from.
 * Never a key, a type name or a zod phrase: «Укажите ФИО.», «Оценка работы наставника — целое число от 1 до 5.»
 */
export interface FieldError {
  /** Where in the body, dot-separated (`activities.2.due`); empty for the body as a whole. */
  path: string;
  /** The field's Russian label, as the form shows it. */
  label?: string;
  /** A sentence naming the field: what to put there. */
  message: string;
  /** The same without the field's name («не заполнено», «не длиннее 300 знаков»), for a place that names the field already. */
  requirement: string;
  /** zod's issue code, or `date-too-late` for a date beyond today + 5 years; stable for clients. */
  code: string;
  /** Fields the body may not carry (`unrecognized_keys`). */
  keys?: string[];
}

interface Js {
  type?: string | string[];
  description?: string;
  properties?: Record<string, Js>;
  items?: Js;
  enum?: unknown[];
  format?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  anyOf?: Js[];
  oneOf?: Js[];
  allOf?: Js[];
}

/** A node of a body's JSON Schema (as the OpenAPI document and the web page's forms have it). */
export type JsonSchemaNode = Js;

const jsonSchemas = new WeakMap<z.ZodType, Js>();

/** The body's JSON Schema, built once per schema. */
export function jsonSchemaOf(schema: z.ZodType): Js {
  let js = jsonSchemas.get(schema);
  if (!js) {
    try {
      js = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Js;
    } catch {
      js = {};
    }
    jsonSchemas.set(schema, js);
  }
  return js;
}

/** A nullable or union node: the first alternative that is not `null`. */
function unwrap(node: Js | undefined): Js | undefined {
  const alternatives = node?.anyOf ?? node?.oneOf;
  if (!node || !alternatives || node.type) return node;
  const first = alternatives.find((a) => a.type !== 'null');
  return first ? { ...first, description: node.description ?? first.description } : node;
}

const typeOf = (node: Js): string | undefined => (Array.isArray(node.type) ? node.type.find((t) => t !== 'null') : node.type);

/** The schema node at a path, with the array it is an item of (for «Мероприятия программы, № 3»). */
function nodeAt(root: Js, path: PropertyKey[]): { node?: Js; row?: { label?: string; number: number } } {
  let node: Js | undefined = unwrap(root);
  let row: { label?: string; number: number } | undefined;
  for (const key of path) {
    if (!node) return {};
    if (typeof key === 'number' && node.items) {
      row = { label: node.description, number: key + 1 };
      node = unwrap(node.items);
    } else if (typeof key === 'string' && node.properties?.[key]) {
      node = unwrap(node.properties[key]);
    } else {
      return { row };
    }
  }
  return { node, row };
}

function valueAt(body: unknown, path: PropertyKey[]): unknown {
  let v = body;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

/** `1 знака`, `2 знаков`, `5 знаков`: the genitive after «не длиннее N». */
function genitive(n: number, one: string, many: string): string {
  const a = Math.abs(n) % 100;
  return a % 10 === 1 && a !== 11 ? one : many;
}

/** The label as a name in a sentence: no remarks in brackets, nothing after a colon. */
function nameOf(label: string): string {
  return label.replace(/\s*\([^)]*\)/g, '').split(':')[0].trim().replace(/\.$/, '');
}

/** Lower-cases the first letter unless the word is an abbreviation (ФИО stays ФИО). */
export function lowerFirst(text: string): string {
  return text.length > 1 && text[1] === text[1].toLowerCase() ? text[0].toLowerCase() + text.slice(1) : text;
}

const capital = (text: string) => (text ? text[0].toUpperCase() + text.slice(1) : text);

/** People are named in the accusative differently from things: «укажите наставника», «укажите дату». */
const ANIMATE: Record<string, string> = {
  наставник: 'наставника', наставники: 'наставников', наставляемый: 'наставляемого', наставляемые: 'наставляемых',
  сотрудник: 'сотрудника', сотрудники: 'сотрудников', пользователь: 'пользователя',
};
const QUESTION = /^(кто|что|чьё|чей|чья|чьи|когда|где|какой|какая|какое|какие)$/i;

/** The object of «Укажите …»: the label's head word in the accusative, or «, кто …» for a question. */
export function accusative(name: string): string {
  const phrase = lowerFirst(name);
  if (QUESTION.test(phrase.split(' ')[0])) return `, ${phrase}`;
  // «Направление / тема» names two things: each takes the case.
  return ` ${phrase.split(' / ').map(headInAccusative).join(' / ')}`;
}

function headInAccusative(phrase: string): string {
  const words = phrase.split(' ');
  const [first, second] = words;
  if (ANIMATE[first]) words[0] = ANIMATE[first];
  else if (first === 'новый' && second && ANIMATE[second]) [words[0], words[1]] = ['нового', ANIMATE[second]];
  else if (/ая$/.test(first)) {
    // An adjective before its noun: «новая дата» → «новую дату».
    words[0] = first.replace(/ая$/, 'ую');
    if (second) words[1] = feminine(second);
  } else words[0] = feminine(first);
  return words.join(' ');
}

/** A noun of the first declension: «дата» → «дату», «оценка» → «оценку»; other words are the same in the accusative. */
const feminine = (w: string) => (/^[а-яё]{2,}а$/.test(w) ? w.replace(/а$/, 'у') : w);

function describeNumber(node: Js): string {
  const whole = typeOf(node) === 'integer' ? 'целое число' : 'число';
  const { minimum: min, maximum: max } = node;
  if (min !== undefined && max !== undefined) return `${whole} от ${min} до ${max}`;
  if (min !== undefined) return `${whole} не меньше ${min}`;
  if (max !== undefined) return `${whole} не больше ${max}`;
  return whole;
}

const DATE = 'дата в формате ДД.ММ.ГГГГ или ГГГГ-ММ-ДД';
/** The fixed window of `businessDateInput`, in the words of a date. */
const DATE_WINDOW = `не раньше ${ruDate(EARLIEST_BUSINESS_DATE)} и не позже ${ruDate(LAST_BUSINESS_DATE)}`;

/** What a field takes, in words: «целое число от 1 до 5», «текст не длиннее 500 знаков», «дата в формате …». */
function expectation(node: Js): string {
  const type = typeOf(node);
  if (node.format === 'date') return DATE;
  if (node.enum) return 'один из вариантов списка';
  if (type === 'integer' || type === 'number') return describeNumber(node);
  if (type === 'boolean') return '«да» или «нет»';
  if (node.format === 'email') return 'в виде имя@домен';
  if (type === 'array') return node.items?.enum ? 'варианты из списка' : 'список';
  if (type === 'string') return node.maxLength !== undefined ? `текст не длиннее ${node.maxLength} ${genitive(node.maxLength, 'знака', 'знаков')}` : 'текст';
  return 'значение другого вида';
}

const isBlank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);

const CYRILLIC = /[а-яё]/i;

/** The requirement an issue breaks, without the field's name; `ask` when the field was left empty. */
interface Requirement {
  text: string;
  /** The field was left empty: «Укажите …». */
  ask?: boolean;
  /** A sentence of its own, not put after the field's name. */
  whole?: boolean;
}

function requirementOf(issue: z.core.$ZodIssue, node: Js | undefined, value: unknown): Requirement {
  const n = node ?? {};
  const type = typeOf(n);
  switch (issue.code) {
    case 'unrecognized_keys':
      return { text: 'в запросе есть поля, которых эта форма не принимает: уберите их' };
    case 'invalid_type':
      if (isBlank(value)) return { text: 'не заполнено', ask: true };
      if (!node) return { text: issue.path.length ? 'значение другого вида' : 'запрос должен содержать поля формы' };
      return { text: expectation(n) };
    case 'too_small':
      if (isBlank(value)) return { text: 'не заполнено', ask: true };
      if (issue.origin === 'string') return { text: `не короче ${issue.minimum} ${genitive(Number(issue.minimum), 'знака', 'знаков')}` };
      if (issue.origin === 'array' || issue.origin === 'set') return { text: `не меньше ${issue.minimum} ${genitive(Number(issue.minimum), 'пункта', 'пунктов')}` };
      return { text: type === 'integer' || type === 'number' ? describeNumber(n) : `не меньше ${issue.minimum}` };
    case 'too_big':
      if (issue.origin === 'string') return { text: `не длиннее ${issue.maximum} ${genitive(Number(issue.maximum), 'знака', 'знаков')}` };
      if (issue.origin === 'array' || issue.origin === 'set') return { text: `не больше ${issue.maximum} ${genitive(Number(issue.maximum), 'пункта', 'пунктов')}` };
      return { text: type === 'integer' || type === 'number' ? describeNumber(n) : `не больше ${issue.maximum}` };
    case 'invalid_value':
      if (isBlank(value)) return { text: 'не заполнено', ask: true };
      return { text: 'выберите один из вариантов списка' };
    case 'invalid_format':
      if (isBlank(value)) return { text: 'не заполнено', ask: true };
      if (issue.format === 'email') return { text: expectation({ format: 'email' }) };
      return CYRILLIC.test(issue.message) ? { text: lowerFirst(issue.message.replace(/\.$/, '')), whole: true } : { text: 'неверный формат' };
    case 'custom': {
      if ((issue.params as { check?: string } | undefined)?.check === BUSINESS_DATE_CHECK) {
        if (isBlank(value)) return { text: 'не заполнено', ask: true };
        const iso = typeof value === 'string' ? fromRussianDate(value) : '';
        return /^\d{4}-\d{2}-\d{2}$/.test(iso) && !isBusinessDate(iso) ? { text: `такого дня нет в календаре (${ruDate(iso)})` } : { text: DATE };
      }
      if ((issue.params as { check?: string } | undefined)?.check === BUSINESS_DATE_WINDOW_CHECK) return { text: DATE_WINDOW };
      // A refinement's own message is a whole Russian sentence already.
      return CYRILLIC.test(issue.message) ? { text: lowerFirst(issue.message.replace(/\.$/, '')), whole: true } : { text: 'неверное значение' };
    }
    default:
      if (isBlank(value)) return { text: 'не заполнено', ask: true };
      return { text: node ? expectation(n) : 'неверное значение' };
  }
}

function sentence(label: string | undefined, node: Js | undefined, req: Requirement): string {
  if (!label || req.whole) return `${capital(req.text)}.`;
  const name = nameOf(label);
  if (req.ask) {
    const type = node ? typeOf(node) : undefined;
    if (type === 'boolean') return `${name} — выберите «Да» или «Нет».`;
    const choose = !!node && (!!node.enum || !!node.items?.enum);
    return `${choose ? 'Выберите' : 'Укажите'}${accusative(name)}.`;
  }
  // «Дата согласия — в формате …», not «Дата согласия — дата в формате …».
  const text = /^дата(\s|$)/i.test(name) ? req.text.replace(/^дата /, '') : req.text;
  return `${name} — ${text}.`;
}

/** Every issue of a failed parse as a field error in Russian. */
export function validationErrors(schema: z.ZodType, error: z.ZodError, body: unknown): FieldError[] {
  const root = jsonSchemaOf(schema);
  return error.issues.map((issue) => {
    const { node } = nodeAt(root, issue.path);
    const label = node?.description;
    const req = requirementOf(issue, node, valueAt(body, issue.path));
    return {
      path: issue.path.join('.'),
      ...(label ? { label } : {}),
      message: sentence(issue.path.length ? label : undefined, node, req),
      requirement: req.text,
      code: issue.code,
      ...(issue.code === 'unrecognized_keys' ? { keys: issue.keys } : {}),
    };
  });
}

/**
 * Dates later than today + 5 years (`latest`), found by the shell after the schema accepted the body:
 * each under its field, as «Плановое окончание — не позже 24.11.2031, то есть не дальше 5 лет вперёд.».
 */
export function lateDateErrors(schema: z.ZodType, paths: PropertyKey[][], latest: BusinessDate): FieldError[] {
  const root = jsonSchemaOf(schema);
  const req: Requirement = { text: `не позже ${ruDate(latest)}, то есть не дальше ${YEARS_AHEAD} лет вперёд` };
  return paths.map((path) => {
    const { node } = nodeAt(root, path);
    const label = node?.description;
    return {
      path: path.join('.'),
      ...(label ? { label } : {}),
      message: sentence(label ?? 'Дата', node, req),
      requirement: req.text,
      code: 'date-too-late',
    };
  });
}

/** The errors as one text: a row of a list says which row («Мероприятия программы, № 3: укажите срок.»). */
export function validationSummary(schema: z.ZodType, errors: FieldError[]): string {
  const root = jsonSchemaOf(schema);
  const lines = errors.map((e) => {
    const path = e.path ? e.path.split('.').map((k) => (/^\d+$/.test(k) ? Number(k) : k)) : [];
    const { row } = nodeAt(root, path);
    return row ? `${nameOf(row.label ?? 'Список')}, № ${row.number}: ${lowerFirst(e.message)}` : e.message;
  });
  return `Проверьте данные. ${lines.join(' ')}`;
}
