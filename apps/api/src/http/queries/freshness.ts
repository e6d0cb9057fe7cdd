import { positionFromString, type LogPosition } from '#libs/event-store';
import type { Freshness, ReadModels } from '#libs/projections';
import { DomainError } from '#core/shared';
import { type HttpRequest, type HttpReply } from '#libs/kernel';

/**
 * Read-your-writes: `?after=<position>` (or `X-Min-Position`), the `position` a step answered
 * with, makes the query wait until the projections reflect it, at most `READ_YOUR_WRITES_WAIT_MS`
 * (2 s). Then it answers anyway, with `stale: true`: the client decides whether to retry.
 * Every answer says which position it reflects (`X-Read-Model-Position`).
 */
export async function awaitFreshness(rm: ReadModels, req: HttpRequest, res: HttpReply): Promise<Freshness> {
  const fromQuery = typeof req.query.after === 'string' ? req.query.after : undefined;
  const header = req.headers['x-min-position'];
  const raw = fromQuery ?? (Array.isArray(header) ? header[0] : header);
  let target: LogPosition | undefined;
  if (raw !== undefined && raw !== '') {
    try {
      target = positionFromString(raw);
    } catch {
      throw new DomainError({ kind: 'invalid', code: 'invalid-position', message: 'after (X-Min-Position) — позиция из ответа на шаг, например "42/42".' });
    }
  }
  const f = await rm.status.waitFor(target, rm.options.waitMs);
  res.header('X-Read-Model-Position', f.position ?? '');
  res.header('X-Read-Model-Stale', String(f.stale));
  return f;
}
