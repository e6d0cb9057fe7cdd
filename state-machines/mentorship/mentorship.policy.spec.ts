import { actor, actors, MENTEE, MENTEE_2, MENTOR, MENTOR_2, ONE, OTHER_ORG } from '../testing/fixtures';
import type { Actor } from '../people/roles';
import { STEP_NAMES } from './mentorship.commands';
import { fold } from './mentorship.state';
import { authorizePropose, authorizeStep, canRead, rolesForStep } from './mentorship.policy';
import { STEP_POLICIES } from './mentorship.steps';

const ctx = fold(ONE.active).context;

describe('canRead', () => {
  it.each<[string, Actor, boolean]>([
    ['the head', actors.head(), true],
    ['the curator', actors.curator(), true],
    ['the methodist', actors.methodist(), true],
    ['the auditor', actors.auditor(), true],
    ['the admin', actors.admin(), true],
    ['its mentor', actors.mentor(MENTOR), true],
    ['its mentee', actors.mentee(MENTEE), true],
    ['another mentor', actors.mentor(MENTOR_2), false],
    ['another mentee', actors.mentee(MENTEE_2), false],
    ['an auditor of another organisation', actor('auditor', undefined, OTHER_ORG), false],
    ['its mentor logged into another organisation', actor('mentor', MENTOR, OTHER_ORG), false],
  ])('%s: %p', (_t, a, expected) => {
    expect(canRead(a, ctx)).toBe(expected);
  });
});

describe('rolesForStep and authorizeStep', () => {
  it('give every step to exactly the roles of its policy, on one\'s own mentorship', () => {
    const own: Record<string, Actor> = {
      head: actors.head(), curator: actors.curator(), mentor: actors.mentor(), mentee: actors.mentee(),
      methodist: actors.methodist(), auditor: actors.auditor(), admin: actors.admin(),
    };
    for (const step of STEP_NAMES) {
      const allowed = Object.keys(own).filter((r) => rolesForStep(step, own[r], ctx).length > 0);
      expect([step, allowed.sort()]).toEqual([step, [...STEP_POLICIES[step].roles].sort()]);
    }
  });

  it('refuse with the role clause and a Russian reason naming who may act', () => {
    expect(authorizeStep('order', actors.curator(), ctx)).toEqual({
      kind: 'forbidden', code: 'role-not-allowed', clause: '§3.3, §6.2', message: 'Шаг «Издать приказ о закреплении» выполняет: заведующий.',
    });
    expect(authorizeStep('program', actors.mentor(MENTOR_2), ctx)?.message).toMatch(/только в своём наставничестве/);
    expect(authorizeStep('program', actors.mentor(), ctx)).toBeNull();
  });

  it('proposing is the curator\'s (§3.4)', () => {
    expect(authorizePropose(actors.curator())).toBeNull();
    expect(authorizePropose(actors.head())).toMatchObject({ kind: 'forbidden', code: 'role-not-allowed', clause: '§3.4' });
  });
});
