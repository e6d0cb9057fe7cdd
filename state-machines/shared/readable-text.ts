import { z } from 'zod';

/** Control characters (C0, DEL, C1); a text of several lines keeps its tabs and line breaks. */
const CONTROL = /\p{Cc}/u;
const CONTROL_BUT_LINES = /[^\P{Cc}\t\n\r]/u;
/** Embeddings, overrides and isolates: they reorder what a reader sees (a name that reads backwards). */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
/** Half of a surrogate pair without the other: not a character at all (no `u` flag, so halves are seen). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Spaces, zero-width and other default-ignorable or format characters: nothing a reader can see. */
const INVISIBLE_ONLY = /^[\p{White_Space}\p{Default_Ignorable_Code_Point}\p{Cf}]+$/u;

/** Why a text a person will read is refused, or `null`; said after the field's name. */
export function unreadable(text: string, multiline = false): string | null {
  if (LONE_SURROGATE.test(text)) return 'содержит повреждённый символ (одиночный суррогат UTF-16)';
  if ((multiline ? CONTROL_BUT_LINES : CONTROL).test(text)) {
    return multiline ? 'содержит управляющие символы (допустимы только перевод строки и табуляция)' : 'содержит управляющие символы или перевод строки';
  }
  if (BIDI_CONTROL.test(text)) return 'содержит символы смены направления текста (U+202A–U+202E, U+2066–U+2069)';
  if (INVISIBLE_ONLY.test(text)) return 'состоит только из невидимых символов';
  return null;
}

/**
 * Free text a person reads (names, titles, topics, document references, reports): normalised to
 * NFC and trimmed, then refused with control characters, bidi overrides, lone surrogates, or
 * nothing visible. The one schema every command body uses for such text; ids and codes do not.
 * `min: 0` lets an optional note be empty.
 */
export function readableText(max: number, options: { multiline?: boolean; min?: number } = {}) {
  return z
    .string()
    .normalize('NFC')
    .trim()
    .min(options.min ?? 1)
    .max(max)
    .superRefine((text, ctx) => {
      const problem = unreadable(text, options.multiline);
      if (problem) ctx.addIssue({ code: 'custom', message: `Текст ${problem}` });
    });
}
