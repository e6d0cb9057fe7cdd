import fc from 'fast-check';
import { given, whenProposing } from '../testing/given-when-then';
import {
  actors, CANONICAL_STATES, GROUP, MENTEE, MENTEE_2, MENTOR, MENTOR_2, mentorFacts, mentorshipHistory, ONE,
  OUTSIDER, PLANNED_START, proposeBody, proposeEnv, stepEnv, SUCCESSOR_ID,
} from '../testing/fixtures';
import { addDays, addMonths } from '../shared/business-date';
import { DomainError } from '../shared/domain-error';
import type { Actor } from '../people/roles';
import type { StepBody, StepName } from './mentorship.commands';
import { decideStep, type StepEnv } from './mentorship.decider';
import { parseMentorshipEvent, type MentorshipEvent } from './mentorship.events';
import { acceptedEventTypes, fold, initialSnapshot, stateOf, UnfoldableEventError, type MentorshipSnapshot } from './mentorship.state';
import { availableSteps } from './mentorship.view';
import { COMPLETION_REASONS, MENTORSHIP_STATES, REPLACEMENT_REASONS } from './mentorship.vocabulary';

const same = (a: MentorshipSnapshot, b: MentorshipSnapshot) => {
  expect(a.value).toEqual(b.value);
  expect(a.context).toEqual(b.context);
};

describe('fold', () => {
  it.each(CANONICAL_STATES)('folds the canonical history to %s', (state) => {
    expect(stateOf(fold(ONE[state]))).toBe(state);
    expect(stateOf(fold(GROUP[state]))).toBe(state);
  });

  it('refuses a stored event the machine would not take, naming it and the state', () => {
    const order: MentorshipEvent = { type: 'OrderIssued', data: { number: '1', date: '2024-09-10' } };
    expect(() => fold([...ONE.proposed, order])).toThrow(UnfoldableEventError);
    expect(() => fold([...ONE.proposed, order])).toThrow('OrderIssued is not accepted in state "proposed"');
    const [p] = ONE.proposed;
    expect(() => fold([{ ...p, data: { ...p.data, plannedEnd: addMonths(PLANNED_START, 13) } } as MentorshipEvent])).toThrow(UnfoldableEventError);
  });

  it('continues from a given snapshot', () => {
    same(fold(ONE.active.slice(3), fold(ONE.active.slice(0, 3))), fold(ONE.active));
  });

  it('lists the event types the current state accepts', () => {
    expect([...acceptedEventTypes(initialSnapshot())].sort()).toEqual(['MentorshipContinued', 'MentorshipProposed']);
    expect([...acceptedEventTypes(fold(ONE.ordered))].sort()).toEqual(['MentorReplaced', 'ProgramDrafted', 'ReplacementRequested']);
    expect([...acceptedEventTypes(fold(ONE.completed))].sort()).toEqual(['MenteeReportSubmitted', 'MentorReportSubmitted', 'ResultsPublished']);
    expect([...acceptedEventTypes(fold([...ONE.completed, { type: 'ResultsPublished', data: { date: '2025-06-01', summary: 'Итоги' } }]))].sort())
      .toEqual(['MenteeReportSubmitted', 'MentorReportSubmitted']);
  });
});

describe('the decider\'s events fold back to the same state', () => {
  /** Drives the decider along the normal path and checks each step against the canonical fixture. */
  function walk(mentees: string[]) {
    const history = mentorshipHistory({ mentees });
    const body = proposeBody({ menteeIds: mentees, form: mentees.length > 1 ? 'group' : 'traditional' });
    let { snapshot } = whenProposing(body, proposeEnv(body)).then(history.proposed);
    const events: MentorshipEvent[] = [...history.proposed];
    const step = <S extends StepName>(s: S, b: StepBody<S>, env: StepEnv) => {
      const r = given(...events).when(s, b, env).then([expect.anything() as never]);
      const incremental = fold(r.decision.events, snapshot);
      same(incremental, r.snapshot);
      events.push(...r.decision.events);
      snapshot = incremental;
    };
    for (const e of history.completed.slice(1)) {
      switch (e.type) {
        case 'ConsentRecorded': step('consent', e.data, stepEnv(actors.curator())); break;
        case 'OrderIssued': step('order', e.data, stepEnv(actors.head())); break;
        case 'ProgramDrafted': step('program', { date: e.data.date, activities: e.data.activities.map(({ id: _i, ...a }) => a) }, stepEnv(actors.mentor())); break;
        case 'ProgramAcknowledged': step('acknowledge', { date: e.data.date }, stepEnv(actors.mentee(e.data.personId))); break;
        case 'ActivityCompleted': step('activity-done', e.data, stepEnv(actors.mentor())); break;
        case 'MentorshipCompleted': step('complete', e.data, stepEnv(actors.curator())); break;
        default: throw new Error(`unexpected ${e.type}`);
      }
    }
    expect(events).toEqual(history.completed);
    step('mentor-report', { date: '2025-06-01', text: 'Отчёт', recommendations: 'Рекомендации' }, stepEnv(actors.mentor()));
    for (const m of mentees) step('mentee-report', { date: '2025-06-01', text: 'Отчёт', mentorEvaluation: 5 }, stepEnv(actors.mentee(m)));
    step('publish', { date: '2025-06-02', summary: 'Итоги' }, stepEnv(actors.curator()));
    same(fold(events), snapshot);
    expect(snapshot.value).toEqual({ completed: { mentorReport: 'submitted', menteeReports: 'submitted', publication: 'published' } });
  }

  it('for a pair, from proposal to publication', () => walk([MENTEE]));
  it('for a group, from proposal to publication', () => walk([MENTEE, MENTEE_2]));

  it('for any sequence of commands, accepted or refused (random walk)', () => {
    const pool: Actor[] = [actors.curator(), actors.head(), actors.mentor(), actors.mentor(MENTOR_2), actors.mentee(), actors.mentee(MENTEE_2), actors.auditor()];
    const order = (s: MentorshipSnapshot) => MENTORSHIP_STATES.indexOf(stateOf(s) as never);
    const command = fc.record({ open: fc.boolean(), pick: fc.nat(1000), actor: fc.nat(pool.length - 1), delta: fc.nat(20), seed: fc.nat(1000) });

    const bodyFor = (step: StepName, date: string, seed: number, s: MentorshipSnapshot): StepBody<StepName> => {
      const people = [MENTOR, MENTEE, MENTEE_2, OUTSIDER];
      const all = [MENTOR, ...s.context.mentees.map((m) => m.personId)];
      switch (step) {
        case 'consent': {
          const pending = all.filter((p) => !s.context.consents[p]);
          const personId = seed % 8 && pending.length ? pending[seed % pending.length] : people[seed % 4];
          return { personId, given: seed % 23 !== 0, date, documentRef: 'Согласие' };
        }
        case 'order': return { number: `${seed}-к`, date };
        case 'program': case 'amend': {
          const activities = Array.from({ length: 1 + (seed % 3) }, (_, i) => ({ kind: 'theory' as const, title: 'Тема', due: addDays(date, 15 * (i + 1)) }));
          return step === 'program' ? { date, activities } : { date, activities, agreedBy: seed % 3 ? all : [MENTOR] };
        }
        case 'acknowledge': return { date };
        case 'activity-done': return { activityId: `A${1 + (seed % 6)}`, date };
        case 'extend': return { date, plannedEnd: addMonths(s.context.plannedEnd, seed % 4), agreedBy: seed % 5 ? all : [MENTEE] };
        case 'complete': return { date, reason: COMPLETION_REASONS[seed % COMPLETION_REASONS.length] };
        case 'end-early': return { noticeBy: (['mentor', 'mentee', 'employer'] as const)[seed % 3], noticeDate: addDays(date, -(seed % 9)), noticeRef: 'Уведомление', date };
        case 'mentor-report': return { date, text: 'Отчёт', recommendations: 'Рекомендации' };
        case 'mentee-report': return { date, text: 'Отчёт', mentorEvaluation: 1 + (seed % 5) };
        case 'request-replacement': return { date, reason: REPLACEMENT_REASONS[seed % REPLACEMENT_REASONS.length] };
        case 'replace': return { date, reason: 'other', newMentorId: seed % 5 ? MENTOR_2 : MENTOR, newMentorConsentRef: 'Согласие', orderNumber: '31-к' };
        case 'publish': return { date, summary: 'Итоги' };
        case 'withdraw': return { date, reason: 'Отозвано' };
      }
    };

    // Starts from each canonical state (whose events the walks above showed the decider produces).
    fc.assert(fc.property(fc.constantFrom(...CANONICAL_STATES), fc.array(command, { minLength: 1, maxLength: 40 }), (start, commands) => {
      const events: MentorshipEvent[] = [...GROUP[start]];
      let snapshot = fold(events);
      for (const c of commands) {
        const pairs = pool.flatMap((a) => availableSteps(snapshot, a).map((s) => [a, s.step] as const))
          .filter(([, step]) => step !== 'withdraw' || c.seed % 10 === 0);
        const [actor, step] = c.open && pairs.length ? pairs[c.pick % pairs.length] : [pool[c.actor], (['consent', 'order', 'program', 'complete', 'publish', 'replace'] as const)[c.pick % 6]];
        const date = addDays(snapshot.context.lastDate, c.delta - 2);
        const body = bodyFor(step, date, c.seed, snapshot);
        const newMentorId = (body as { newMentorId?: string }).newMentorId ?? MENTOR_2;
        const env: StepEnv = { actor, today: '2026-12-31', newMentor: { facts: mentorFacts(newMentorId), load: c.seed % 3 }, successorId: SUCCESSOR_ID };
        let decided: MentorshipEvent[];
        try {
          decided = decideStep(step, body, snapshot, env).events;
        } catch (e) {
          if (e instanceof DomainError) continue;
          throw e;
        }
        decided.forEach((e) => expect(parseMentorshipEvent(e)).toEqual(e));
        const next = fold(decided, snapshot);
        expect(order(next)).toBeGreaterThanOrEqual(order(snapshot));
        expect(next.context.lastDate >= snapshot.context.lastDate).toBe(true);
        expect(next.context.plannedEnd <= addMonths(PLANNED_START, 12)).toBe(true);
        events.push(...decided);
        snapshot = next;
      }
      same(fold(events), snapshot);
    }), { numRuns: 300 });
  });
});
