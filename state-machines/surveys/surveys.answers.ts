import { z } from 'zod';
import { readableText } from '../shared/readable-text';
import type { Question, Questionnaire } from './surveys.questionnaires';

/** One stored answer: a score or number, an option, options, yes/no, a text or a list of texts. */
export const answerValue = z.union([z.number(), z.boolean(), z.string().max(2000), z.array(z.string().max(300)).max(30)]);
export type AnswerValue = z.infer<typeof answerValue>;
export type Answers = Record<string, AnswerValue>;

const enumOf = (options: Record<string, string>) => z.enum(Object.keys(options) as [string, ...string[]]);

function questionSchema(q: Question): z.ZodType {
  switch (q.kind) {
    case 'rating':
      return z.number().int().min(1).max(5);
    case 'number':
      return z.number().int().min(q.min ?? 0).max(q.max ?? 1000);
    case 'yes-no':
      return z.boolean();
    case 'choice':
      return enumOf(q.options!);
    case 'multi':
      return z.array(enumOf(q.options!)).min(1).max(Object.keys(q.options!).length)
        .refine((xs) => new Set(xs).size === xs.length, { message: 'Варианты не должны повторяться' });
    case 'text':
      return readableText(2000, { multiline: true });
    case 'list':
      return z.array(readableText(300)).min(1).max(30);
  }
}

const cache = new Map<string, z.ZodType<Answers>>();

/** The answers a questionnaire accepts: each question by its kind, labelled by its text; nothing else. */
export function answersSchema(q: Questionnaire): z.ZodType<Answers> {
  if (!cache.has(q.id)) {
    const shape = Object.fromEntries(q.questions.map((x) => {
      const s = questionSchema(x).describe(x.text);
      return [x.id, x.optional ? s.optional() : s];
    }));
    cache.set(q.id, z.strictObject(shape) as unknown as z.ZodType<Answers>);
  }
  return cache.get(q.id)!;
}
