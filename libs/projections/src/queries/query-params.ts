import { z } from 'zod';
import { parseBody } from '#libs/kernel';

/** Query-string values arrive as strings; one page is at most 100 rows. */
export const paging = {
  page: z.coerce.number().int().min(1).default(1).describe('Страница (с 1)'),
  pageSize: z.coerce.number().int().min(1).max(100).default(20).describe('Строк на странице (до 100)'),
};

/** `after` is read-your-writes (handled by the controller), never a filter. */
export const readYourWrites = { after: z.string().optional().describe('Позиция записи: дождаться её отражения') };

export const parseQuery = <S extends z.ZodType>(schema: S, query: unknown): z.infer<S> => parseBody(schema, query);
