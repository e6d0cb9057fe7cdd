import { given } from '../../testing/given-when-then';
import { actor, actors, AGREEMENT, GROUP, MENTEE, MENTEE_2, MENTOR, MENTOR_2, ONE, stepEnv, withAgreement } from '../../testing/fixtures';
import type { StepBody } from '../mentorship.commands';
import type { MentorshipEvent } from '../mentorship.events';
import { acceptedEventTypes, closedBy, fold, stateOf, UnfoldableEventError } from '../mentorship.state';
import { availableSteps } from '../mentorship.view';
import { labourCodeGoverns, noticeFromParty, noticePeriodKept } from './early-termination.rule';

/** An order under ст. 351.8 (2025, with the agreement), an activity done on Friday 14 November 2025. */
const order2025 = (history: MentorshipEvent[]) => withAgreement(history, { ...AGREEMENT, date: '2025-09-10' })
  .map((e) => (e.type === 'OrderIssued' ? { ...e, data: { ...e.data, date: '2025-09-10' } } : e));
const ACTIVE: MentorshipEvent[] = [
  ...withAgreement(ONE.active),
  { type: 'ActivityCompleted', data: { activityId: 'A1', date: '2025-11-14' } },
];
const TODAY = '2026-11-24';
const curator = stepEnv(actors.curator(), TODAY);
const notice = (over: Partial<StepBody<'end-early'>> = {}): StepBody<'end-early'> => ({
  noticeBy: 'mentor', noticeDate: '2025-11-17', noticeRef: 'Заявление № 4 от 17.11.2025', date: '2025-11-20', ...over,
});
/** The stored event; `personId` null for the employer's notice. */
const ended = (over: Partial<StepBody<'end-early'>> = {}, personId: string | null = MENTOR): MentorshipEvent => {
  const { menteeId: _m, ...b } = notice(over);
  return { type: 'MentorshipEndedEarly', data: { ...b, ...(personId ? { personId } : {}) } };
};

describe('early termination by written notice (ТК РФ ст. 351.8)', () => {
  describe('noticePeriodKept: the end is at least 3 working days after the notice, by the production calendar', () => {
    const ctx = fold(ACTIVE).context;
    it('Monday\'s notice: Thursday at the earliest', () => {
      expect(noticePeriodKept(ctx, '2025-11-17', '2025-11-20')).toBeNull();
      expect(noticePeriodKept(ctx, '2025-11-17', '2025-11-19'))
        .toMatchObject({ kind: 'rule', code: 'notice-period-too-short', clause: 'ТК РФ ст. 351.8, §7.1', details: { earliestEnd: '2025-11-20' } });
    });

    it('counts the working Saturday of 1 November 2025 and skips 3–4 November', () => {
      expect(noticePeriodKept(ctx, '2025-10-31', '2025-11-06')).toBeNull();
      expect(noticePeriodKept(ctx, '2025-10-31', '2025-11-05')).toMatchObject({ code: 'notice-period-too-short', details: { earliestEnd: '2025-11-06' } });
    });

    it('runs across the New Year holidays into the next year\'s calendar', () => {
      expect(noticePeriodKept(ctx, '2025-12-29', '2026-01-12')).toMatchObject({ details: { earliestEnd: '2026-01-13' } });
      expect(noticePeriodKept(ctx, '2025-12-29', '2026-01-13')).toBeNull();
    });

    it('refuses, in Russian, a count reaching a year whose calendar is not shipped, instead of guessing Monday–Friday', () => {
      const v = noticePeriodKept(ctx, '2026-12-28', '2027-01-20');
      expect(v).toMatchObject({ code: 'production-calendar-missing', clause: 'ТК РФ ст. 351.8', details: { year: 2027 } });
      expect(v!.message).toContain('Производственный календарь на 2027 год');
    });

    it('refuses a notice before the law was in force, and one before the order', () => {
      expect(noticePeriodKept(ctx, '2025-02-28', '2025-03-10')).toMatchObject({ code: 'labour-code-not-in-force' });
      const late = fold(order2025(ONE.ordered)).context;
      expect(noticePeriodKept(late, '2025-09-09', '2025-09-20')).toMatchObject({ code: 'notice-before-order', details: { orderDate: '2025-09-10' } });
    });
  });

  describe('noticeFromParty: the mentor, the employer, or a mentee of this pair (group)', () => {
    const group = fold(withAgreement(GROUP.active)).context;
    it('names the mentee in a group', () => {
      expect(noticeFromParty(group, 'mentee', undefined)).toMatchObject({ code: 'notice-mentee-required' });
      expect(noticeFromParty(group, 'mentee', 'p-outsider')).toMatchObject({ code: 'notice-not-participant' });
      expect(noticeFromParty(group, 'mentee', MENTEE_2)).toBeNull();
      expect(noticeFromParty(group, 'employer', undefined)).toBeNull();
      expect(noticeFromParty(group, 'mentor', MENTOR_2)).toMatchObject({ code: 'notice-not-participant' });
    });
  });

  describe('given an active mentorship under a supplementary agreement', () => {
    it('when the curator records the mentor\'s notice with an end 3 working days later, then it is completed early', () => {
      const { snapshot } = given(...ACTIVE).when('end-early', notice(), curator).then([ended()]);
      expect(stateOf(snapshot)).toBe('completed');
      expect(snapshot.context.completion).toEqual({
        date: '2025-11-20', reason: 'mentor-initiative',
        earlyEnd: { noticeBy: 'mentor', personId: MENTOR, noticeDate: '2025-11-17', noticeRef: 'Заявление № 4 от 17.11.2025' },
      });
      // The reports of §3.6 follow, as after any completion.
      expect(availableSteps(snapshot, actors.mentor()).map((s) => s.step)).toEqual(['mentor-report']);
    });

    it('when the end date is sooner than 3 working days after the notice, then it is refused with both clauses', () => {
      const r = given(...ACTIVE).when('end-early', notice({ date: '2025-11-19' }), curator)
        .thenRefused({ kind: 'rule', code: 'notice-period-too-short', clause: 'ТК РФ ст. 351.8, §7.1' });
      expect(r.message).toContain('не ранее 20.11.2025');
    });

    it('when the employer gave notice, then nobody is named and it counts as the organisation\'s initiative (§7.1)', () => {
      const { snapshot } = given(...ACTIVE).when('end-early', notice({ noticeBy: 'employer' }), stepEnv(actors.head(), TODAY))
        .then([ended({ noticeBy: 'employer' }, null)]);
      expect(snapshot.context.completion).toMatchObject({ reason: 'curator-initiative', earlyEnd: { noticeBy: 'employer' } });
    });

    it('when the only mentee gave notice, then they are named without being asked', () => {
      given(...ACTIVE).when('end-early', notice({ noticeBy: 'mentee' }), curator).then([ended({ noticeBy: 'mentee' }, MENTEE)]);
    });

    it('when a mentee of a group gave notice, then the mentee is named or the step refused', () => {
      const group = [...withAgreement(GROUP.active), { type: 'ActivityCompleted' as const, data: { activityId: 'A1', date: '2025-11-14' } }];
      given(...group).when('end-early', notice({ noticeBy: 'mentee' }), curator).thenRefused({ kind: 'rule', code: 'notice-mentee-required' });
      given(...group).when('end-early', notice({ noticeBy: 'mentee', menteeId: MENTEE_2 }), curator).then([ended({ noticeBy: 'mentee' }, MENTEE_2)]);
    });

    it('is the curator\'s or the head\'s to record, not the mentor\'s, the mentee\'s or the auditor\'s', () => {
      for (const a of [actors.mentor(), actors.mentee(), actors.auditor(), actors.methodist()]) {
        given(...ACTIVE).when('end-early', notice(), stepEnv(a, TODAY)).thenRefused({ kind: 'forbidden', code: 'role-not-allowed', clause: '§3.3, §3.4, ТК РФ ст. 351.8' });
      }
    });
  });

  it.each(['ordered', 'program-drafted'] as const)('is open in %s under ст. 351.8, and ends it as completed', (state) => {
    const history = order2025(ONE[state]).map((e) => (e.type === 'ProgramDrafted' ? { ...e, data: { ...e.data, date: '2025-09-15' } } : e));
    expect(acceptedEventTypes(fold(history)).has('MentorshipEndedEarly')).toBe(true);
    const { snapshot } = given(...history).when('end-early', notice(), curator).then([ended()]);
    expect(stateOf(snapshot)).toBe('completed');
  });

  it('is offered to the curator and the head only where ст. 351.8 governs the assignment', () => {
    expect(labourCodeGoverns(fold(ONE.active).context)).toBe(false);
    expect(labourCodeGoverns(fold(withAgreement(ONE.active)).context)).toBe(true);
    expect(labourCodeGoverns(fold(order2025(ONE.ordered).map((e) => (e.type === 'OrderIssued' ? { ...e, data: { number: e.data.number, date: e.data.date } } : e))).context)).toBe(true);
    expect(availableSteps(fold(ACTIVE), actors.curator()).map((s) => s.step)).toContain('end-early');
    expect(availableSteps(fold(ACTIVE), actors.head()).map((s) => s.step)).toEqual(['end-early', 'replace']);
    expect(availableSteps(fold(ONE.active), actors.curator()).map((s) => s.step)).not.toContain('end-early');
  });

  it('given an order before 01.03.2025 without the agreement, it is refused with the reason and the way that remains', () => {
    const r = given(...ONE.active).when('end-early', notice(), curator).thenRefused({ kind: 'state', code: 'step-not-allowed', clause: 'ТК РФ ст. 351.8' });
    expect(r.message).toContain('п. 7.1');
    expect(closedBy(fold(ONE.active), 'MentorshipEndedEarly')).toBeDefined();
  });

  it.each(['proposed', 'consented', 'completed'] as const)('is not a step of a %s mentorship', (state) => {
    given(...withAgreement(ONE[state])).when('end-early', notice({ noticeDate: '2025-06-02', date: '2025-06-05' }), curator)
      .thenRefused({ kind: 'state', code: 'step-not-allowed' });
  });

  it('the machine refuses a stored early end whose notice was too short, or from outside the pair', () => {
    expect(() => fold([...ACTIVE, ended({ date: '2025-11-19' })])).toThrow(UnfoldableEventError);
    expect(() => fold([...ACTIVE, ended({ noticeBy: 'mentee' }, 'p-outsider')])).toThrow(UnfoldableEventError);
    expect(() => fold([...ONE.active, ended()])).toThrow(UnfoldableEventError);
    expect(() => fold([...ACTIVE, ended()])).not.toThrow();
  });

  it('a mentor of another mentorship is nobody here', () => {
    given(...ACTIVE).when('end-early', notice(), stepEnv(actor('curator', 'p-curator', 'org-2'), TODAY)).thenRefused({ kind: 'forbidden' });
  });
});
