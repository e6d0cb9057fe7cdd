export type Gender = 'female' | 'male';

/**
 * A person's gender as the grammar of a sentence about them needs it («запишите её согласие»), read from the
 * patronymic of a Russian full name («Фамилия Имя Отчество»): -вна, -чна, -кызы, -гызы for a woman; -вич, -ич,
 * -оглы, -улы for a man. Without a patronymic (a foreign or one-word name) it is unknown, and the sentence
 * must then be worded without it.
 */
export function genderOf(fullName: string): Gender | undefined {
  const words = fullName.trim().toLowerCase().replace(/ё/g, 'е').split(/\s+/);
  const last = words[words.length - 1];
  if (words.length >= 3 && /^(кызы|гызы)$/.test(last)) return 'female';
  if (words.length >= 3 && /^(оглы|улы|уулу)$/.test(last)) return 'male';
  const patronymic = words[2];
  if (!patronymic) return undefined;
  if (/(вна|чна|шна)$/.test(patronymic)) return 'female';
  if (/(вич|ич)$/.test(patronymic)) return 'male';
  return undefined;
}
