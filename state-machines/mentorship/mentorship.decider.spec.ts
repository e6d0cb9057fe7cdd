import { given, whenProposing } from '../testing/given-when-then';
import {
  actor, actors, FIRST_WORKING_DAY, GROUP, MENTEE, MENTEE_2, MENTEE_3, MENTOR, MENTORSHIP_ID, menteeFacts, mentorFacts,
  ONE, ORG, OUTSIDER, PLANNED_END, PLANNED_START, proposeBody, proposeEnv, stepEnv, TODAY,
} from '../testing/fixtures';
import type { Role } from '../people/roles';
import { stateOf } from './mentorship.state';

describe('propose (curator, §3.4, §3.7, §2.3)', () => {
  it('records the proposal with the mentees\' first working days and reserves their places in the mentor\'s load', () => {
    const body = proposeBody();
    const { decision, snapshot } = whenProposing(body, proposeEnv(body)).then([{
      type: 'MentorshipProposed',
      data: {
        mentorshipId: MENTORSHIP_ID, orgId: ORG, mentorId: MENTOR, mentees: [{ personId: MENTEE, firstWorkingDay: FIRST_WORKING_DAY }],
        form: 'traditional', topic: body.topic, plannedStart: PLANNED_START, plannedEnd: PLANNED_END, date: body.date,
      },
    }]);
    expect(decision.reservation).toEqual({ mentorId: MENTOR, mentorshipId: MENTORSHIP_ID, menteeIds: [MENTEE] });
    expect(stateOf(snapshot)).toBe('proposed');
  });

  it('takes a group of three for a mentor with no load (the limit itself)', () => {
    const body = proposeBody({ form: 'group', menteeIds: [MENTEE, MENTEE_2, MENTEE_3] });
    const { decision } = whenProposing(body, proposeEnv(body)).then([expect.objectContaining({ type: 'MentorshipProposed' }) as never]);
    expect(decision.reservation?.menteeIds).toEqual([MENTEE, MENTEE_2, MENTEE_3]);
  });

  it.each([
    ['a mentor holding 2 takes a third', 2, [MENTEE]],
    ['a free mentor takes a pair', 1, [MENTEE, MENTEE_2]],
  ])('capacity: %s', (_t, load, menteeIds) => {
    const body = proposeBody({ form: menteeIds.length > 1 ? 'group' : 'traditional', menteeIds });
    whenProposing(body, proposeEnv(body, { mentorLoad: load })).then([expect.objectContaining({ type: 'MentorshipProposed' }) as never]);
  });

  it.each([
    ['a fourth mentee', 3, [MENTEE]],
    ['a group of two counted per mentee', 2, [MENTEE, MENTEE_2]],
    ['a group of three next to one mentee', 1, [MENTEE, MENTEE_2, MENTEE_3]],
  ])('refuses a mentor past three mentees at once: %s (§3.7)', (_t, load, menteeIds) => {
    const body = proposeBody({ form: menteeIds.length > 1 ? 'group' : 'traditional', menteeIds });
    const refusal = whenProposing(body, proposeEnv(body, { mentorLoad: load }))
      .thenRefused({ kind: 'rule', code: 'mentor-capacity-exceeded', clause: '§3.7' });
    expect(refusal.details).toMatchObject({ currentMentees: load, newMentees: menteeIds.length, limit: 3 });
  });

  it('refuses a mentor outside the mentor bank (§3.8)', () => {
    const body = proposeBody();
    whenProposing(body, proposeEnv(body, { mentor: mentorFacts(MENTOR, { inMentorBank: false }) }))
      .thenRefused({ kind: 'rule', code: 'mentor-not-in-bank', clause: '§3.8' });
  });

  it('refuses a mentee outside the mentee bank (§3.4)', () => {
    const body = proposeBody({ form: 'group', menteeIds: [MENTEE, MENTEE_2] });
    const refusal = whenProposing(body, proposeEnv(body, { mentees: [menteeFacts(MENTEE), menteeFacts(MENTEE_2, { inMenteeBank: false })] }))
      .thenRefused({ kind: 'rule', code: 'mentee-not-in-bank', clause: '§3.4' });
    expect(refusal.details).toEqual({ personId: MENTEE_2 });
  });

  it.each([
    ['the mentor', { mentor: mentorFacts(MENTOR, { personalDataConsent: false }) }, MENTOR],
    ['a mentee', { mentees: [menteeFacts(MENTEE, { personalDataConsent: false })] }, MENTEE],
  ])('refuses when %s has not consented to personal data processing (roadmap 2–3)', (_t, over, personId) => {
    const body = proposeBody();
    const refusal = whenProposing(body, proposeEnv(body, over))
      .thenRefused({ kind: 'rule', code: 'no-personal-data-consent', clause: 'Дорожная карта, этапы 2–3' });
    expect(refusal.details).toEqual({ personId });
  });

  it('refuses an unregistered person', () => {
    const body = proposeBody();
    whenProposing(body, proposeEnv(body, { mentees: [menteeFacts(MENTEE, { exists: false, inMenteeBank: false })] }))
      .thenRefused({ kind: 'rule', code: 'person-not-found', clause: '§3.4' });
  });

  it.each([
    ['one month exactly', '2024-10-10', true],
    ['a day short of a month', '2024-10-09', false],
    ['one year exactly', '2025-09-10', true],
    ['a day past a year', '2025-09-11', false],
    ['an end before the start', '2024-09-01', false],
  ])('planned duration 1–12 months (§3.7): %s', (_t, plannedEnd, ok) => {
    const body = proposeBody({ plannedEnd });
    const when = whenProposing(body, proposeEnv(body));
    if (ok) when.then([expect.objectContaining({ type: 'MentorshipProposed' }) as never]);
    else when.thenRefused({ kind: 'rule', code: 'planned-duration-out-of-range', clause: '§3.7' });
  });

  it('accepts a program shorter than three months (§1.2 only warns, see view)', () => {
    const body = proposeBody({ plannedEnd: '2024-11-10' });
    whenProposing(body, proposeEnv(body)).then([expect.objectContaining({ type: 'MentorshipProposed' }) as never]);
  });

  it.each([
    ['a group of one', 'group', [MENTEE], 'group-needs-two-mentees', '§2.3'],
    ['a one-to-one of two', 'traditional', [MENTEE, MENTEE_2], 'traditional-is-one-to-one', '§2.3'],
    ['the mentor as own mentee', 'group', [MENTEE, MENTOR], 'mentor-is-mentee', '§1.2'],
    ['a mentee named twice', 'group', [MENTEE, MENTEE], 'duplicate-mentee', '§1.2'],
  ] as const)('refuses %s', (_t, form, menteeIds, code, clause) => {
    const body = proposeBody({ form, menteeIds: [...menteeIds] });
    whenProposing(body, proposeEnv(body)).thenRefused({ kind: 'rule', code, clause });
  });

  it('refuses a proposal dated after today; the proposal day itself is fine', () => {
    const late = proposeBody({ date: '2024-09-04' });
    whenProposing(late, proposeEnv(late, { today: '2024-09-03' })).thenRefused({ kind: 'rule', code: 'date-in-future' });
    const same = proposeBody({ date: '2024-09-03' });
    whenProposing(same, proposeEnv(same, { today: '2024-09-03' })).then([expect.objectContaining({ type: 'MentorshipProposed' }) as never]);
  });

  it.each<Role>(['head', 'methodist', 'mentor', 'mentee', 'auditor', 'admin'])('refuses a proposal by the %s (§3.4)', (role) => {
    const body = proposeBody();
    whenProposing(body, proposeEnv(body, { actor: actor(role, role === 'mentor' ? MENTOR : undefined) }))
      .thenRefused({ kind: 'forbidden', code: 'role-not-allowed', clause: '§3.4' });
  });
});

describe('consent (curator records written consents, §3.2, §3.7, §6.2)', () => {
  const curator = stepEnv(actors.curator());
  const yes = (personId: string, date = '2024-09-05') => ({ personId, given: true, date, documentRef: `Согласие ${personId}` });

  it('keeps a pair proposed until both have consented, then it is consented', () => {
    const first = given(...ONE.proposed).when('consent', yes(MENTOR), curator).then([{ type: 'ConsentRecorded', data: yes(MENTOR) }]);
    expect(stateOf(first.snapshot)).toBe('proposed');
    const last = given(...ONE.proposed, ...first.decision.events).when('consent', yes(MENTEE), curator)
      .then([{ type: 'ConsentRecorded', data: yes(MENTEE) }]);
    expect(stateOf(last.snapshot)).toBe('consented');
  });

  it('needs every mentee of a group', () => {
    const events = [...GROUP.proposed];
    for (const p of [MENTEE_2, MENTOR]) {
      const r = given(...events).when('consent', yes(p), curator).then([{ type: 'ConsentRecorded', data: yes(p) }]);
      expect(stateOf(r.snapshot)).toBe('proposed');
      events.push(...r.decision.events);
    }
    expect(stateOf(given(...events).when('consent', yes(MENTEE), curator).then([{ type: 'ConsentRecorded', data: yes(MENTEE) }]).snapshot)).toBe('consented');
  });

  it.each([MENTOR, MENTEE])('a refusal by %s ends the mentorship as declined', (personId) => {
    const no = { ...yes(personId), given: false };
    const { snapshot } = given(...ONE.proposed).when('consent', no, curator).then([{ type: 'ConsentRecorded', data: no }]);
    expect(stateOf(snapshot)).toBe('declined');
    given(...ONE.proposed, { type: 'ConsentRecorded', data: no }).when('consent', yes(MENTEE === personId ? MENTOR : MENTEE), curator)
      .thenRefused({ kind: 'state', code: 'step-not-allowed' });
  });

  it('refuses a consent from someone outside the pair', () => {
    given(...ONE.proposed).when('consent', yes(OUTSIDER), curator).thenRefused({ kind: 'rule', code: 'consent-not-participant', clause: '§3.7' });
  });

  it('refuses a second consent of the same participant, given or refused', () => {
    const h = [...GROUP.proposed, { type: 'ConsentRecorded', data: yes(MENTEE) } as const];
    given(...h).when('consent', yes(MENTEE), curator).thenRefused({ kind: 'rule', code: 'consent-already-recorded', clause: '§3.7' });
    given(...h).when('consent', { ...yes(MENTEE), given: false }, curator).thenRefused({ kind: 'rule', code: 'consent-already-recorded' });
  });

  it('refuses consents once all are in (state consented)', () => {
    given(...ONE.consented).when('consent', yes(MENTEE), curator).thenRefused({ kind: 'state', code: 'step-not-allowed', clause: '§3.7' });
  });

  it.each<Role>(['head', 'mentor', 'mentee', 'methodist'])('is not recorded by the %s', (role) => {
    given(...ONE.proposed).when('consent', yes(MENTOR), stepEnv(actor(role, role === 'mentee' ? MENTEE : MENTOR)))
      .thenRefused({ kind: 'forbidden', code: 'role-not-allowed', clause: '§3.4, §6.2' });
  });
});

describe('order (head only, §3.3; after every consent, §3.2/§3.7)', () => {
  const order = { number: '15-к', date: '2024-09-10' };

  it('the head issues the order for a consented pair', () => {
    const { snapshot } = given(...ONE.consented).when('order', order, stepEnv(actors.head())).then([{ type: 'OrderIssued', data: order }]);
    expect(stateOf(snapshot)).toBe('ordered');
    expect(snapshot.context.order).toEqual(order);
  });

  it('a late order is recorded, not refused (flagged by deadlines)', () => {
    const late = { number: '20-к', date: '2024-10-20' };
    given(...ONE.consented).when('order', late, stepEnv(actors.head())).then([{ type: 'OrderIssued', data: late }]);
  });

  it.each([
    ['no consent yet', ONE.proposed],
    ['only the mentor consented', ONE.consented.slice(0, 2)],
    ['a group with one mentee missing', GROUP.consented.slice(0, 3)],
  ])('is refused before all consents: %s', (_t, history) => {
    const refusal = given(...history).when('order', order, stepEnv(actors.head()))
      .thenRefused({ kind: 'state', code: 'step-not-allowed', clause: '§3.2, §3.7' });
    expect(refusal.details).toMatchObject({ state: 'proposed' });
  });

  it.each<Role>(['curator', 'methodist', 'mentor', 'admin'])('is refused to the %s', (role) => {
    given(...ONE.consented).when('order', order, stepEnv(actor(role, role === 'mentor' ? MENTOR : undefined)))
      .thenRefused({ kind: 'forbidden', code: 'role-not-allowed', clause: '§3.3, §6.2' });
  });

  it('cannot be issued twice', () => {
    given(...ONE.ordered).when('order', order, stepEnv(actors.head())).thenRefused({ kind: 'state', code: 'step-not-allowed' });
  });
});

describe('withdraw (curator, only before the order)', () => {
  const body = { date: '2024-09-12', reason: 'Наставляемый уволился' };

  it.each([['proposed', ONE.proposed], ['consented', ONE.consented]])('withdraws a %s mentorship', (_t, history) => {
    const { snapshot } = given(...history).when('withdraw', body, stepEnv(actors.curator())).then([{ type: 'MentorshipWithdrawn', data: body }]);
    expect(stateOf(snapshot)).toBe('withdrawn');
  });

  it.each([['ordered', ONE.ordered], ['active', ONE.active], ['completed', ONE.completed]])('refuses to withdraw once %s', (_t, history) => {
    given(...history).when('withdraw', { ...body, date: TODAY }, stepEnv(actors.curator())).thenRefused({ kind: 'state', code: 'step-not-allowed', clause: '§3.3' });
  });

  it('is the curator\'s, not the head\'s', () => {
    given(...ONE.proposed).when('withdraw', body, stepEnv(actors.head())).thenRefused({ kind: 'forbidden', code: 'role-not-allowed' });
  });
});
