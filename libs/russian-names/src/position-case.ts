import type { GrammaticalCase } from './russian-name';

type Oblique = Extract<GrammaticalCase, 'genitive' | 'dative'>;

const HUSHING = /[жшщч]$/;

/** The first word of a position in the genitive or dative: an adjective («Заведующий», «Старшая») or a noun («Директор»). */
function firstWord(word: string, c: Oblique): string | null {
  const lower = word.toLocaleLowerCase('ru');
  const stem = word.slice(0, -2);
  if (/[^гкх]ий$/.test(lower)) return stem + (c === 'dative' ? 'ему' : 'его');
  if (/(?:[гкх]ий|ый|ой)$/.test(lower)) return stem + (c === 'dative' ? 'ому' : 'ого');
  // Feminine adjectives have one form for both cases: «Заведующей», «Главной».
  if (/ая$/.test(lower)) return stem + (HUSHING.test(lower.slice(0, -2)) ? 'ей' : 'ой');
  if (/ь$/.test(lower)) return word.slice(0, -1) + (c === 'dative' ? 'ю' : 'я');
  if (/[бвгдзклмнпрстфх]$/.test(lower)) return word + (c === 'dative' ? 'у' : 'а');
  return null;
}

/**
 * «Заведующий» → «Заведующему», «Заведующая» → «Заведующей», «Директор» → «Директору», and «Исполняющий
 * обязанности заведующего» → «Исполняющему обязанности заведующего» (the rest governed by the first word).
 * A one-word position or that one pattern only: in «Старший воспитатель» both words change, in «Заведующий
 * детским садом» only the first, and no short rule tells them apart. Null otherwise, and for a word these
 * rules do not know: the caller then lays the position out in the nominative.
 */
export function positionIn(position: string, c: Oblique): string | null {
  const [first, ...rest] = position.trim().split(/\s+/);
  if (!first || !/^[А-ЯЁа-яё]+$/.test(first)) return null;
  if (rest.length && !(/^исполняющ(?:ий|ая)$/i.test(first) && rest[0].toLocaleLowerCase('ru') === 'обязанности')) return null;
  const declined = firstWord(first, c);
  return declined === null ? null : [declined, ...rest].join(' ');
}
