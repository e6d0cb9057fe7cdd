/** `2026-09-15` → `15.09.2026`, as Russian documents write dates. */
export function date(value) {
  if (!value) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : value;
}

/** A recorded instant in the organisation's zone: `15.09.2026, 10:42`. */
export function dateTime(iso, timeZone) {
  if (!iso) return '—';
  return new Date(iso).toLocaleString('ru-RU', { timeZone, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** Russian plural: plural(3, 'день', 'дня', 'дней'). */
export function plural(n, one, few, many) {
  const a = Math.abs(n) % 100;
  const b = a % 10;
  if (a > 10 && a < 20) return many;
  if (b > 1 && b < 5) return few;
  if (b === 1) return one;
  return many;
}

export const days = (n) => `${n} ${plural(n, 'день', 'дня', 'дней')}`;

export function percent(ratio) {
  return ratio === null || ratio === undefined ? '—' : `${Math.round(ratio * 100)} %`;
}

/** `§3.7` → `п. 3.7 Положения`; other references (roadmap stages) as they are. */
export function clause(ref) {
  if (!ref) return '';
  return ref.startsWith('§') ? `п. ${ref.slice(1).replace(/,\s*§/g, ', ')} Положения` : ref;
}

/** `A3` → `3`: an activity's number as the program lists it; its id stays in the data. */
export const activityNo = (id) => String(id ?? '').replace(/^A/, '');

export const capitalize = (text) => (text ? text[0].toUpperCase() + text.slice(1) : text);
