import { actor, actors } from '../testing/fixtures';
import type { Role } from '../people/roles';
import { phaseOf, reachedOf } from './roadmap.state';
import { given } from './testing/roadmap.given-when-then';
import {
  activityDone, approved, drafted, historyAtStage, R_ORG, R_TODAY, training, TRAINED_MENTOR, traineeFacts,
} from './testing/roadmap.fixtures';

const env = (a = actors.curator(), over = {}) => ({ actor: a, today: R_TODAY, ...over });
const doc = (date: string, documentRef = 'Документ') => ({ date, documentRef });
/** The body that yields `activityDone(id, date)`. */
const mark = (activityId: string, date = '2026-02-01') => ({ activityId, date, documentRef: `Документ к ${activityId}` });

describe('draft and approval (curator drafts §3.4, head approves §3.3)', () => {
  it('the curator drafts the roadmap of their organisation', () => {
    const s = given().when('draft', doc('2026-01-15', 'Дорожная карта на 2026 год'), env()).then([drafted]);
    expect(phaseOf(s)).toBe('drafted');
    expect(s.context.orgId).toBe(R_ORG);
  });

  it.each<Role>(['head', 'methodist', 'mentor', 'mentee', 'auditor'])('a draft by the %s is refused (§3.4)', (role) => {
    given().when('draft', doc('2026-01-15'), env(actor(role))).thenRefused({ kind: 'forbidden', code: 'role-not-allowed', clause: '§3.4' });
  });

  it('the head approves the draft; the organisation starts at stage 1', () => {
    const s = given(drafted).when('approve', doc('2026-01-20', 'Приказ № 7 от 20.01.2026'), env(actors.head())).then([approved]);
    expect(phaseOf(s)).toBe('approved');
    expect(reachedOf(s)).toBe(1);
  });

  it('only the head approves (§3.3)', () => {
    given(drafted).when('approve', doc('2026-01-20'), env(actors.curator())).thenRefused({ kind: 'forbidden', code: 'role-not-allowed', clause: '§3.3' });
  });

  it('nothing to approve before a draft, and no second draft or approval', () => {
    given().when('approve', doc('2026-01-20'), env(actors.head())).thenRefused({ kind: 'state', code: 'step-not-allowed', clause: '§3.3' });
    given(drafted).when('draft', doc('2026-01-16'), env()).thenRefused({ kind: 'state', code: 'step-not-allowed' });
    given(drafted, approved).when('approve', doc('2026-01-21'), env(actors.head())).thenRefused({ kind: 'state', code: 'step-not-allowed' });
  });

  it('dates: an approval not before its draft, nothing in the future', () => {
    given(drafted).when('approve', doc('2026-01-10'), env(actors.head())).thenRefused({ kind: 'rule', code: 'date-before-previous-step' });
    given().when('draft', doc('2026-11-25'), env()).thenRefused({ kind: 'rule', code: 'date-in-future' });
  });
});

describe('activities, stage by stage (the roadmap table)', () => {
  it('are marked only after the head approved the roadmap (§3.3)', () => {
    const r = given(drafted).when('activity-done', { activityId: '1.1', ...doc('2022-03-31') }, env()).thenRefused({ kind: 'state', code: 'step-not-allowed', clause: '§3.3' });
    expect(r.details).toMatchObject({ state: 'drafted', allowedSteps: [] });
  });

  it('the order on the regulation (1.1) completes stage 1, even dated before the plan; the organisation moves to stage 2', () => {
    const s = given(drafted, approved).when('activity-done', { activityId: '1.1', ...doc('2022-03-31', 'Приказ № 12 от 31.03.2022') }, env())
      .then([{ type: 'RoadmapActivityDone', data: { activityId: '1.1', date: '2022-03-31', documentRef: 'Приказ № 12 от 31.03.2022' } }]);
    expect(reachedOf(s)).toBe(2);
  });

  it('refuses an activity of a stage not reached yet, naming what is missing', () => {
    const r = given(drafted, approved, activityDone('1.1'), activityDone('2.1'))
      .when('activity-done', { activityId: '3.1', ...doc('2026-02-10') }, env())
      .thenRefused({ kind: 'state', code: 'stage-not-reached', clause: 'Дорожная карта, этап 2' });
    expect(r.message).toContain('2.2');
    expect(r.message).not.toContain('2.1 ');
  });

  it('takes information support (stage 7) at any stage, and conditional activities of earlier stages later on', () => {
    given(drafted, approved).when('activity-done', mark('7.1'), env()).then([activityDone('7.1')]);
    const s = given(...historyAtStage(3)).when('activity-done', mark('1.2', '2026-09-15'), env()).then([activityDone('1.2', '2026-09-15')]);
    expect(reachedOf(s)).toBe(3);
  });

  it('refuses an activity done twice', () => {
    given(drafted, approved, activityDone('7.1')).when('activity-done', { activityId: '7.1', ...doc('2026-03-01') }, env())
      .thenRefused({ kind: 'state', code: 'activity-already-done', clause: 'Дорожная карта, этап 7' });
  });

  it('mentor training (4.2) is marked only once a mentor\'s training is recorded', () => {
    given(...historyAtStage(4)).when('activity-done', { activityId: '4.2', ...doc('2026-03-02') }, env())
      .thenRefused({ kind: 'rule', code: 'no-trained-mentors' });
    given(...historyAtStage(4), training).when('activity-done', mark('4.2', '2026-03-02'), env()).then([activityDone('4.2', '2026-03-02')]);
  });

  it('only the curator marks activities (§3.4)', () => {
    given(drafted, approved).when('activity-done', { activityId: '1.1', ...doc('2026-02-01') }, env(actors.head()))
      .thenRefused({ kind: 'forbidden', code: 'role-not-allowed', clause: '§3.4' });
  });

  it('the last required activity makes the roadmap implemented', () => {
    const history = historyAtStage('implemented');
    const last = history.pop()!;
    const s = given(...history).when('activity-done', mark((last.data as { activityId: string }).activityId), env()).then([last]);
    expect(phaseOf(s)).toBe('implemented');
    expect(reachedOf(s)).toBe('implemented');
  });
});

describe('mentor training records (stage 4, §3.8)', () => {
  const body = { personId: TRAINED_MENTOR, ...doc('2026-03-01', 'Удостоверение № 15') };

  it('are recorded from stage 4 on for a mentor from the bank', () => {
    const s = given(...historyAtStage(4)).when('mentor-trained', body, env(actors.curator(), { trainee: traineeFacts() })).then([training]);
    expect(s.context.trained[TRAINED_MENTOR]).toEqual({ date: '2026-03-01', documentRef: 'Удостоверение № 15' });
  });

  it('are refused before stage 4', () => {
    given(...historyAtStage(3)).when('mentor-trained', body, env(actors.curator(), { trainee: traineeFacts() }))
      .thenRefused({ kind: 'state', code: 'step-not-allowed', clause: 'Дорожная карта, этап 4' });
  });

  it.each([
    ['someone outside the mentor bank', { inMentorBank: false }, { kind: 'rule', code: 'mentor-not-in-bank' }],
    ['someone without personal-data consent', { personalDataConsent: false }, { kind: 'rule', code: 'no-personal-data-consent' }],
    ['an unknown person', { exists: false }, { kind: 'not-found', code: 'person-not-found' }],
  ] as const)('are refused for %s', (_t, facts, refusal) => {
    given(...historyAtStage(5)).when('mentor-trained', body, env(actors.curator(), { trainee: traineeFacts(facts) })).thenRefused(refusal);
  });

  it('are refused twice for one mentor', () => {
    given(...historyAtStage(5)).when('mentor-trained', body, env(actors.curator(), { trainee: traineeFacts() }))
      .thenRefused({ kind: 'state', code: 'already-trained' });
  });
});
