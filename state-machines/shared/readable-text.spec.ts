import { readableText, unreadable } from './readable-text';

describe('text a person reads', () => {
  const name = readableText(300);
  const report = readableText(20_000, { multiline: true });
  const note = readableText(2000, { multiline: true, min: 0 });

  it('is normalised to NFC and trimmed', () => {
    expect(name.parse('  Йолкина Ёлка '.normalize('NFD'))).toBe('Йолкина Ёлка');
    expect(name.parse('Иванова-Петрова Мария (О\u2019Нил) № 5')).toBe('Иванова-Петрова Мария (О\u2019Нил) № 5');
  });

  it('refuses control characters; a report keeps its line breaks and tabs', () => {
    for (const c of ['\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\n', '\r', '\t']) expect(unreadable(`Иванова${c}Мария`)).toMatch(/управляющие/);
    expect(report.parse('Первый абзац.\r\n\tВторой абзац.')).toBe('Первый абзац.\r\n\tВторой абзац.');
    expect(report.safeParse('Отчёт\u0000').success).toBe(false);
  });

  it('refuses bidi embeddings, overrides and isolates', () => {
    for (const c of ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069']) {
      expect(unreadable(`Иванова ${c}Мария`, true)).toMatch(/направления/);
    }
  });

  it('refuses lone surrogates, keeps pairs', () => {
    expect(unreadable('Иванова \ud800')).toMatch(/суррогат/);
    expect(unreadable('\udc00Иванова')).toMatch(/суррогат/);
    expect(unreadable('Иванова 𝔘')).toBeNull();
  });

  it('refuses a text of nothing visible; zero-width characters inside a visible one stay', () => {
    for (const t of ['\u200b', '\u200b\u200c\u200d', '\u2060\u00ad', '\u3164', '\u180e']) expect(unreadable(t)).toMatch(/невидимых/);
    expect(name.safeParse(' \u200b ').success).toBe(false);
    expect(name.parse('Мария\u200bИванова')).toBe('Мария\u200bИванова');
  });

  it('lets an optional note be empty, never invisible', () => {
    expect(note.parse('')).toBe('');
    expect(note.parse('   ')).toBe('');
    expect(note.safeParse('\u200b').success).toBe(false);
  });

  it('says why in Russian, after the field', () => {
    const r = name.safeParse('\u202eяавонавИ');
    expect(r.success || r.error.issues[0].message).toBe('Текст содержит символы смены направления текста (U+202A–U+202E, U+2066–U+2069)');
  });
});
