import type { Actor, Role } from '#core/people';
import { DomainError } from '#core/shared';

/** Roles that read every mentorship of their organisation (as `canRead` in the core). */
export const STAFF_READERS: readonly Role[] = ['admin', 'head', 'curator', 'methodist', 'auditor'];

/** Whose mentorships a caller sees: the whole organisation, or the ones they take part in. */
export type Scope =
  | { orgId: string; orgWide: true }
  | { orgId: string; orgWide: false; personId: string; asMentor: boolean; asMentee: boolean };

export function scopeOf(actor: Actor): Scope {
  if (actor.roles.some((r) => STAFF_READERS.includes(r))) return { orgId: actor.orgId, orgWide: true };
  const asMentor = actor.roles.includes('mentor');
  const asMentee = actor.roles.includes('mentee');
  if (actor.personId && (asMentor || asMentee)) return { orgId: actor.orgId, orgWide: false, personId: actor.personId, asMentor, asMentee };
  throw forbidden('Списки наставничеств видят заведующий, куратор, методический совет, аудитор, а наставник и наставляемый — свои.');
}

export const forbidden = (message: string, clause?: string): DomainError =>
  new DomainError({ kind: 'forbidden', code: 'role-not-allowed', message, clause });

export function requireRole(actor: Actor, roles: readonly Role[], message: string, clause?: string): void {
  if (!actor.roles.some((r) => roles.includes(r))) throw forbidden(message, clause);
}

/** SQL condition (with its parameters) limiting mentorships `m` to the scope; `mentees` is the mentees table. */
export function scopeCondition(scope: Scope, mentees: string): { sql: string; params: unknown[] } {
  if (scope.orgWide) return { sql: '1 = 1', params: [] };
  const parts: string[] = [];
  const params: unknown[] = [];
  if (scope.asMentor) {
    parts.push('m.mentor_id = ?');
    params.push(scope.personId);
  }
  if (scope.asMentee) {
    parts.push(`EXISTS (SELECT 1 FROM ${mentees} s WHERE s.mentorship_id = m.id AND s.person_id = ?)`);
    params.push(scope.personId);
  }
  return { sql: `(${parts.join(' OR ')})`, params };
}
