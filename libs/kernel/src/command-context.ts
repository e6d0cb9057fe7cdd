import type { Actor } from '#core/people';

/** Everything about a request the command side needs besides its body. */
export interface CommandContext {
  actor: Actor;
  commandId: string;
  correlationId: string;
  requestHash: string;
  /** True when the command id came from an Idempotency-Key. */
  idempotent: boolean;
  /** `If-Match` revision, when the client sent one. */
  expectedRevision?: number;
}
