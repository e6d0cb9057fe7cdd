/**
 * What a person reads must be Russian: no Latin words, no ISO dates, no ids. File formats and the hash's name
 * are allowed, as people name them; clause citations («ТК РФ ст. 351.8», «152-ФЗ», «§3.7») are not Latin anyway.
 */
export const ALLOWED_LATIN = ['DOCX', 'HTML', 'XLSX', 'CSV', 'PDF', 'JSON', 'UTF-8', 'SHA-256'];

/** The fragments of `text` a person should not have to read: Latin words (beyond `allowed`), ISO dates, uuids. */
export function notPlainRussian(text: string, allowed: readonly string[] = []): string[] {
  let t = text;
  for (const word of [...allowed, ...ALLOWED_LATIN].sort((a, b) => b.length - a.length)) t = t.split(word).join(' ');
  return [
    ...(t.match(/[A-Za-z][A-Za-z0-9_-]*/g) ?? []),
    ...(text.match(/\b\d{4}-\d{2}-\d{2}\b/g) ?? []),
    ...(text.match(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}/gi) ?? []),
  ];
}

/** Every string in a JSON value (a vocabulary, a graph), with where it is; `skip` names keys whose values are data, not words. */
export function stringsIn(value: unknown, skip: ReadonlySet<string>, at = ''): { at: string; text: string }[] {
  if (typeof value === 'string') return [{ at, text: value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringsIn(v, skip, `${at}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => (skip.has(k) ? [] : stringsIn(v, skip, at ? `${at}.${k}` : k)));
  }
  return [];
}
