import type { Refusal } from '../shared/domain-error';
import { type Actor, type Role, ROLE_TITLES } from '../people/roles';
import { menteeIds, type MentorshipContext } from './mentorship.context';
import type { StepName } from './mentorship.commands';
import { STEP_POLICIES } from './mentorship.steps';

/** Roles that see every mentorship of their organisation; mentors and mentees see their own. */
const ORG_WIDE_READERS: readonly Role[] = ['head', 'curator', 'methodist', 'auditor', 'admin'];

/** A mentor or mentee role counts only on that person's own mentorships, as that participant. */
function roleApplies(role: Role, actor: Actor, ctx: MentorshipContext): boolean {
  if (role === 'mentor') return !!actor.personId && actor.personId === ctx.mentorId;
  if (role === 'mentee') return !!actor.personId && menteeIds(ctx).includes(actor.personId);
  return true;
}

export function canRead(actor: Actor, ctx: MentorshipContext): boolean {
  if (actor.orgId !== ctx.orgId) return false;
  return actor.roles.some((r) => ORG_WIDE_READERS.includes(r) || roleApplies(r, actor, ctx));
}

/** The roles under which this actor may take the step on this mentorship (empty: not allowed). */
export function rolesForStep(step: StepName, actor: Actor, ctx: MentorshipContext): Role[] {
  if (actor.orgId !== ctx.orgId) return [];
  return STEP_POLICIES[step].roles.filter((r) => actor.roles.includes(r) && roleApplies(r, actor, ctx));
}

export function authorizeStep(step: StepName, actor: Actor, ctx: MentorshipContext): Refusal | null {
  if (rolesForStep(step, actor, ctx).length > 0) return null;
  const policy = STEP_POLICIES[step];
  const who = policy.roles.map((r) => ROLE_TITLES[r]).join(', ');
  const own = policy.roles.some((r) => r === 'mentor' || r === 'mentee') ? ' (наставник и наставляемый — только в своём наставничестве)' : '';
  return {
    kind: 'forbidden',
    code: 'role-not-allowed',
    clause: policy.roleClause,
    message: `Шаг «${policy.title}» выполняет: ${who}${own}.`,
  };
}

/** Proposing a pair is the curator's work (§3.4: «помогает подбирать и закрепляет пары»). */
export function authorizePropose(actor: Actor): Refusal | null {
  return actor.roles.includes('curator')
    ? null
    : { kind: 'forbidden', code: 'role-not-allowed', clause: '§3.4', message: 'Предлагать наставнические пары и группы может куратор.' };
}
