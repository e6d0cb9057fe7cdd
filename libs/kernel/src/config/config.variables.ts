import { isIP } from 'node:net';
import { z } from 'zod';
import { adminTokenProblem } from './admin-token';

/** One environment variable: a string or nothing in, its typed value out (or a Russian refusal). */
export type Variable<T> = z.ZodType<T, string | undefined>;

/** What a value must be, said in Russian after `NAME=value:` (see `config.parse.ts`). */
class Refusal {
  constructor(readonly need: string) {}
}
const refuse = (need: string): never => {
  throw new Refusal(need);
};

/** An empty (or blank) value counts as unset, as the `||` of the code before the schema did. */
function variable<T>(read: (value: string) => T, fallback: T): Variable<T> {
  return z.string().optional().transform((raw, ctx) => {
    if (raw === undefined || raw.trim() === '') return fallback;
    try {
      return read(raw);
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      ctx.addIssue(error.need);
      return z.NEVER;
    }
  });
}

/** Timers (`setTimeout`, `setInterval`) take at most this many milliseconds, about 24.8 days. */
export const MAX_TIMER_MS = 2_147_483_647;

interface IntegerRule {
  min: number;
  max?: number;
  /** The unit in the genitive plural: «миллисекунд», «процентов». */
  unit?: string;
  /** Said after the range, e.g. «(0 — как решит V8)». */
  note?: string;
}

export function integer(rule: IntegerRule & { default: number }): Variable<number>;
export function integer(rule: IntegerRule): Variable<number | undefined>;
export function integer(rule: IntegerRule & { default?: number }): Variable<number | undefined> {
  const range = rule.max === undefined ? `, не меньше ${rule.min}` : ` от ${rule.min} до ${rule.max}`;
  const need = `${['нужно целое число', rule.unit].filter(Boolean).join(' ')}${range}${rule.note ? ` ${rule.note}` : ''}`;
  return variable((value) => {
    const n = Number(value.trim());
    return Number.isInteger(n) && n >= rule.min && (rule.max === undefined || n <= rule.max) ? n : refuse(need);
  }, rule.default);
}

/** A non-negative number of seconds, or `off` (then `null`). */
export function secondsOrOff(fallback: number): Variable<number | null> {
  return variable((value) => {
    const v = value.trim();
    if (v === 'off') return null;
    const n = Number(v);
    return Number.isFinite(n) && n >= 0 ? n : refuse('нужно число секунд или off');
  }, fallback);
}

export function oneOf<const V extends string>(values: readonly V[], fallback: V): Variable<V> {
  const listed = `${values.slice(0, -1).join(', ')} или ${values[values.length - 1]}`;
  return variable((value) => (values.includes(value.trim() as V) ? (value.trim() as V) : refuse(`допустимо ${listed}`)), fallback);
}

/** `true` or `false`; unset stays `undefined` (the reader decides, e.g. SMTP_SECURE by the port). */
export const yesNo = (): Variable<boolean | undefined> =>
  variable((value) => (value.trim() === 'true' ? true : value.trim() === 'false' ? false : refuse('допустимо true или false')), undefined);

/** Free text. `exact`: kept as given, spaces included (tokens, passwords); otherwise trimmed. */
export function text(fallback: string, options?: { exact?: boolean }): Variable<string>;
export function text(fallback?: undefined, options?: { exact?: boolean }): Variable<string | undefined>;
export function text(fallback?: string, options: { exact?: boolean } = {}): Variable<string | undefined> {
  return variable((value) => (options.exact ? value : value.trim()), fallback);
}

/** An IANA zone as `Intl` knows it: the zone of business dates is checked here, not on the first request. */
export const timeZone = (fallback: string): Variable<string> =>
  variable((value) => {
    const zone = value.trim();
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      return zone;
    } catch {
      return refuse('неизвестный часовой пояс; нужен пояс из базы IANA, например Europe/Moscow');
    }
  }, fallback);

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** An ISO instant with its offset (`2026-11-24T09:00:00+03:00`). */
export const instant = (): Variable<Date | undefined> =>
  variable((value) => {
    const v = value.trim();
    const at = new Date(v);
    return INSTANT.test(v) && !Number.isNaN(at.getTime()) ? at : refuse('нужен момент времени с часовым поясом, например 2026-11-24T09:00:00+03:00');
  }, undefined);

/**
 * An address with one of the given schemes (`esdb`, `smtp`, `https` …). Only the scheme is checked: the
 * clients parse the rest in their own ways (an EventStoreDB cluster string lists several hosts, which
 * `URL` refuses).
 */
export const address = (schemes: readonly string[], example: string): Variable<string | undefined> =>
  variable((value) => {
    const v = value.trim();
    const scheme = /^([a-z][a-z0-9+.-]*):\/\/\S+$/i.exec(v)?.[1].toLowerCase();
    return scheme !== undefined && schemes.includes(scheme) ? v : refuse(`нужен адрес вида ${example} (${schemes.map((s) => `${s}://`).join(', ')})`);
  }, undefined);

const HOST_NAME = /^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*$/;

/** An address to listen on: an IP address or a host name. */
export const listenAddress = (fallback: string): Variable<string> =>
  variable((value) => {
    const v = value.trim();
    return isIP(v) || HOST_NAME.test(v) ? v : refuse('нужен IP-адрес (127.0.0.1, 0.0.0.0, ::) или имя узла');
  }, fallback);

/** A full administrator's key: unset, or strong enough (see `adminTokenProblem`). */
export const strongToken = (): Variable<string | undefined> =>
  variable((value) => {
    const problem = adminTokenProblem(value);
    return problem ? refuse(problem.replace(/^ADMIN_TOKEN:?\s*/, '')) : value;
  }, undefined);

/** Days, with `0` or `off` meaning never (null). */
export function daysOrNever(fallback: number): Variable<number | null> {
  return variable((value) => {
    const v = value.trim();
    if (v === 'off' || v === '0') return null;
    const n = Number(v);
    return Number.isInteger(n) && n > 0 ? n : refuse('нужно целое число дней, 0 или off (никогда)');
  }, fallback);
}

/** A key name or a log's origin (c2sp.org/signed-note): no space, no «+», e.g. `ds6.example/journal`. */
export const keyName = (fallback: string): Variable<string> =>
  variable((value) => {
    const v = value.trim();
    return /^[^\s+]+$/u.test(v) ? v : refuse('нужно имя без пробелов и знака «+», например ds6.example/journal');
  }, fallback);

/** A verifier key (c2sp.org/signed-note): `<name>+<8 hex digits>+<base64>`; its key itself is read where it is used. */
export const verifierKey = (): Variable<string | undefined> =>
  variable((value) => {
    const v = value.trim();
    return /^[^\s+]+\+[0-9a-f]{8}\+[A-Za-z0-9+/]{40,}={0,2}$/.test(v) ? v : refuse('нужен ключ проверки вида имя+8 шестнадцатеричных знаков+base64 (его печатает свидетель при запуске)');
  }, undefined);
