/**
 * Russian text reduced to comparable word stems, simply enough to explain: lower case, ё as е,
 * letters and digits only, short and function words dropped, one common inflectional ending cut.
 * «Планирование занятий» and «планировании занятия» give the same stems.
 */
const STOP_WORDS = new Set(['для', 'при', 'над', 'под', 'без', 'или', 'как', 'это', 'так', 'его', 'они', 'что', 'чем', 'том', 'все', 'всех']);

/** Words too general to say two requests are about the same thing («работа», «вопросы», …). */
const GENERIC_STEMS = new Set(['работ', 'деятельност', 'вопрос', 'организац', 'процесс', 'умени', 'навык']);

// Longest first: the first that fits is cut.
const ENDINGS = [
  'иями', 'ями', 'ами', 'ией', 'ием', 'иях', 'ого', 'его', 'ому', 'ему', 'ыми', 'ими', 'ьми',
  'ая', 'яя', 'ое', 'ее', 'ые', 'ие', 'ий', 'ый', 'ой', 'ей', 'ых', 'их', 'ов', 'ев', 'ам', 'ям', 'ах', 'ях', 'ом', 'ем',
  'ию', 'ью', 'ия', 'ья', 'ии', 'а', 'я', 'о', 'е', 'ы', 'и', 'у', 'ю', 'ь', 'й',
];
const MIN_STEM = 3;

export function stem(word: string): string {
  for (const end of ENDINGS) if (word.endsWith(end) && word.length - end.length >= MIN_STEM) return word.slice(0, -end.length);
  return word;
}

/** The words of a text, normalised, with the stem each stands for. */
export function words(text: string): { word: string; stem: string }[] {
  return text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .split(/[^0-9a-zа-я]+/)
    .filter((w) => w.length >= 3 && !STOP_WORDS.has(w))
    .map((word) => ({ word, stem: stem(word) }));
}

/** Stems that carry meaning; a text of general words only keeps them all rather than none. */
export function keyStems(text: string): { word: string; stem: string }[] {
  const all = words(text);
  const specific = all.filter((w) => !GENERIC_STEMS.has(w.stem));
  return specific.length ? specific : all;
}
