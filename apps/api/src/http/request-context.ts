import { DomainError } from '#core/shared';
import type { Actor } from '#core/people';
import { commandIdFor, hashRequest, type CommandContext, type HttpRequest } from '#libs/kernel';

/** Builds the command context from headers: Idempotency-Key, If-Match and the request id. */
export function commandContext(req: HttpRequest, actor: Actor, body: unknown, scope = ''): CommandContext {
  const key = header(req, 'idempotency-key');
  if (key !== undefined && !/^[\x21-\x7e]{1,200}$/.test(key)) {
    throw new DomainError({ kind: 'invalid', code: 'invalid-idempotency-key', message: 'Idempotency-Key — от 1 до 200 печатных символов ASCII без пробелов.' });
  }
  const commandId = commandIdFor({ orgId: actor.orgId, userId: actor.userId }, key === undefined ? undefined : `${scope}:${key}`);
  return {
    actor,
    commandId,
    correlationId: req.id ?? commandId,
    requestHash: hashRequest({ scope, body }),
    idempotent: key !== undefined,
    expectedRevision: parseIfMatch(header(req, 'if-match')),
  };
}

function header(req: HttpRequest, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function parseIfMatch(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const m = /^(?:W\/)?"?(\d{1,15})"?$/.exec(value.trim());
  if (!m) throw new DomainError({ kind: 'invalid', code: 'invalid-if-match', message: 'If-Match должен содержать версию из ETag, например "3".' });
  return Number(m[1]);
}
