import { inclineFirstname, inclineLastname, inclineMiddlename } from 'lvovich';

/** The cases the documents, the timeline and the e-mails put a person's name in. */
export const GRAMMATICAL_CASES = ['nominative', 'genitive', 'dative', 'accusative', 'instrumental'] as const;
export type GrammaticalCase = (typeof GRAMMATICAL_CASES)[number];
export type Gender = 'male' | 'female';

/** A full name as staff records write it: «Фамилия Имя Отчество». */
export interface RussianName {
  /** The name as entered, spaces normalised. */
  text: string;
  surname: string;
  given?: string;
  /** «Павловна», or «Гасан оглы» with its particle. */
  patronymic?: string;
  /** From the patronymic only: a name without one has none, and is never declined. */
  gender: Gender | null;
  /** Declined only when it is a Russian-style name whose gender the patronymic gives; otherwise it stays as written. */
  declinable: boolean;
}

const CYRILLIC_WORD = /^[А-ЯЁ][а-яё]*(?:-[А-ЯЁ][а-яё]*)*$/;
/** Turkic patronymics: the father's name stays as it is, the particle gives the gender. */
const PARTICLES: Record<string, Gender> = { оглы: 'male', улы: 'male', уулу: 'male', кызы: 'female', гызы: 'female' };

/** -ович/-евич/-ич → male; -овна/-евна/-ична/-инична → female; «оглы»/«кызы» → male/female; anything else: unknown. */
export function genderOfPatronymic(patronymic: string | undefined): Gender | null {
  if (!patronymic) return null;
  const words = patronymic.toLocaleLowerCase('ru').split(/\s+/);
  const last = words[words.length - 1];
  if (words.length === 2 && PARTICLES[last]) return PARTICLES[last];
  if (words.length !== 1) return null;
  if (/(?:ович|евич|ич)$/.test(last)) return 'male';
  if (/(?:овна|евна|ична)$/.test(last)) return 'female';
  return null;
}

export function parseName(fullName: string): RussianName {
  const words = fullName.trim().split(/\s+/).filter(Boolean);
  const [surname = '', given, ...rest] = words;
  const patronymic = rest.length ? rest.join(' ') : undefined;
  const gender = genderOfPatronymic(patronymic);
  const turkic = !!patronymic && patronymic.includes(' ');
  const cyrillic = [surname, given ?? '', ...(turkic ? [rest[0]] : rest)].every((w) => CYRILLIC_WORD.test(w));
  return { text: words.join(' '), surname, given, patronymic, gender, declinable: gender !== null && cyrillic };
}

export const genderOf = (fullName: string): Gender | null => parseName(fullName).gender;

/** A past participle for one person by the gender of the patronymic: «ознакомлена», «ознакомлен», or «ознакомлен(а)» when it is unknown. */
export function agreeing(fullName: string, masculine: string): string {
  const g = genderOf(fullName);
  return g === 'female' ? `${masculine}а` : g === 'male' ? masculine : `${masculine}(а)`;
}

const initial = (word: string) => `${word[0]}.`;

/** The name in `c`, or null when it cannot be declined honestly (foreign, one word, no patronymic). */
export function fullNameIn(fullName: string, c: GrammaticalCase): string | null {
  const n = parseName(fullName);
  if (c === 'nominative') return n.text;
  if (!n.declinable) return null;
  const g = n.gender!;
  const patronymic = n.patronymic!.includes(' ') ? n.patronymic! : inclineMiddlename(n.patronymic!, c, g);
  return [inclineLastname(n.surname, c, g), inclineFirstname(n.given!, c, g), patronymic].join(' ');
}

/**
 * «Фёдорова Г. П.» (the form under a signature): initials only for a Russian-style name; another name
 * is written as entered (initials of a foreign name would guess which word is the surname).
 */
export function shortName(fullName: string): string {
  const n = parseName(fullName);
  if (!n.declinable) return n.text;
  const father = n.patronymic!.split(' ')[0];
  return `${n.surname} ${initial(n.given!)} ${initial(father)}`;
}

/** «Фёдоровой Г. П.», or null when the name does not decline. */
export function shortNameIn(fullName: string, c: GrammaticalCase): string | null {
  const n = parseName(fullName);
  if (!n.declinable) return null;
  const surname = c === 'nominative' ? n.surname : inclineLastname(n.surname, c, n.gender!);
  return `${surname} ${initial(n.given!)} ${initial(n.patronymic!.split(' ')[0])}`;
}

/**
 * A phrase that needs the name in a case: `declined(name in c)` when the name declines, else
 * `otherwise(name as written)` — a layout where the nominative reads correctly («Наставник: Смит Джон»).
 */
export function withName(
  fullName: string, c: GrammaticalCase, declined: (name: string) => string, otherwise: (name: string) => string, { short = false } = {},
): string {
  const name = short ? shortNameIn(fullName, c) ?? (c === 'nominative' ? shortName(fullName) : null) : fullNameIn(fullName, c);
  return name !== null ? declined(name) : otherwise(short ? shortName(fullName) : parseName(fullName).text);
}

/** «Мария Петровна»: how a letter addresses a person, when the name has a given name and a patronymic. */
export function givenAndPatronymic(fullName: string): string | null {
  const n = parseName(fullName);
  return n.declinable ? `${n.given} ${n.patronymic}` : null;
}
