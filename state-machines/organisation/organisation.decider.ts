import type { Actor } from '../people/roles';
import { ruDate } from '../shared/business-date';
import { refuse } from '../shared/domain-error';
import type { OrganisationDetailsBody } from './organisation.commands';
import type { OrganisationEvent } from './organisation.events';
import type { OrganisationState } from './organisation.state';

/** The head issues the organisation's documents (§3.3); the administrator sets the organisation up. */
export const mayEditOrganisation = (actor: Actor): boolean => actor.roles.some((r) => r === 'head' || r === 'admin');

const FIELDS = ['fullName', 'shortName', 'address', 'headName', 'headPosition', 'curatorName', 'curatorPosition'] as const;

/**
 * Records the organisation's details in force from `effectiveFrom` (today unless given). Refused to
 * anyone but the head and the administrator, for a day that has not come yet (documents already
 * issued would not know them), and when nothing changes.
 */
export function decideRecordDetails(body: OrganisationDetailsBody, state: OrganisationState, env: { actor: Actor; today: string }): OrganisationEvent[] {
  if (!mayEditOrganisation(env.actor)) {
    refuse({ kind: 'forbidden', code: 'role-not-allowed', clause: '§3.3', message: 'Реквизиты организации вносит заведующий или администратор.' });
  }
  const effectiveFrom = body.effectiveFrom ?? env.today;
  if (effectiveFrom > env.today) {
    refuse({
      kind: 'rule', code: 'details-date-in-future',
      message: `Реквизиты вносятся с сегодняшнего (${ruDate(env.today)}) или с прошедшего дня; ${ruDate(effectiveFrom)} ещё не наступило.`,
    });
  }
  const same = state.versions.find((v) => v.effectiveFrom === effectiveFrom);
  if (same && FIELDS.every((f) => (same[f] ?? '') === (body[f] ?? ''))) {
    refuse({ kind: 'state', code: 'details-unchanged', message: `Реквизиты, действующие с ${ruDate(effectiveFrom)}, уже такие: записывать нечего.` });
  }
  const details = Object.fromEntries(FIELDS.filter((f) => body[f] !== undefined).map((f) => [f, body[f]])) as Omit<OrganisationDetailsBody, 'effectiveFrom'>;
  return [{ type: 'OrganisationDetailsRecorded', data: { orgId: env.actor.orgId, effectiveFrom, ...details } }];
}
