import { given } from '../../testing/given-when-then';
import {
  actors, AGREEMENT, GROUP, MENTEE, MENTEE_2, MENTOR_2, mentorFacts, ONE, SUCCESSOR_ID, stepEnv,
} from '../../testing/fixtures';
import type { StepBody } from '../mentorship.commands';
import { parseMentorshipEvent, type EventOf, type MentorshipEvent } from '../mentorship.events';
import { acceptedEventTypes, fold, stateOf } from '../mentorship.state';
import { availableSteps, warnings } from '../mentorship.view';
import { awaitingConsentToNewMentor, consentToPairRecorded, newPairConsentsValid } from './new-pair-consent.rule';

const replace: StepBody<'replace'> = {
  date: '2024-10-05', reason: 'transferred', newMentorId: MENTOR_2, newMentorConsentRef: 'Согласие № 7', orderNumber: '31-к',
};
const headEnv = () => stepEnv(actors.head(), undefined, { newMentor: { facts: mentorFacts(MENTOR_2), load: 0 }, successorId: SUCCESSOR_ID });
const program = { date: '2024-10-07', activities: [{ kind: 'support' as const, title: 'Сопровождение', due: '2025-01-31' }] };
const programDrafted = (): MentorshipEvent => ({ type: 'ProgramDrafted', data: { date: program.date, activities: [{ id: 'A1', ...program.activities[0] }] } });
const consent = (personId: string, given = true, date = '2024-10-06'): MentorshipEvent =>
  ({ type: 'ConsentRecorded', data: { personId, given, date, documentRef: `Согласие на нового наставника ${personId}` } });

/** The successor's first event, as the replacement decides it. */
function successorOf(history: MentorshipEvent[], body: StepBody<'replace'>): EventOf<'MentorshipContinued'> {
  const { decision } = given(...history).when('replace', body, headEnv()).then([expect.objectContaining({ type: 'MentorReplaced' }) as never]);
  return decision.successor!.event;
}

describe('the successor pair needs the mentee\'s written consent to the new mentor (§3.7)', () => {
  describe('given an active pair, when the head replaces the mentor without the mentee\'s consent', () => {
    const continued = successorOf(ONE.active, replace);
    const successor = fold([continued]);

    it('then the successor does not count the mentee as consented, and says so', () => {
      expect(successor.context.consents[MENTEE]).toMatchObject({ given: true, inherited: true });
      expect(awaitingConsentToNewMentor(successor.context)).toEqual([MENTEE]);
      expect(warnings(successor)).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'consent-to-new-mentor-missing', clause: '§3.7' })]));
    });

    it('then the curator is offered to record it, and the mentor drafts the program meanwhile', () => {
      expect(availableSteps(successor, actors.curator()).map((s) => s.step)).toEqual(['consent', 'request-replacement']);
      expect(availableSteps(successor, actors.mentor(MENTOR_2)).map((s) => s.step)).toEqual(['program', 'request-replacement']);
    });

    it('then the mentee may not acknowledge the program until their consent is recorded', () => {
      const drafted = [continued, programDrafted()];
      expect(availableSteps(fold(drafted), actors.mentee()).map((s) => s.step)).toEqual(['request-replacement']);
      given(...drafted).when('acknowledge', { date: '2024-10-08' }, stepEnv(actors.mentee()))
        .thenRefused({ kind: 'rule', code: 'consent-to-new-mentor-missing', clause: '§3.7' });
    });

    it('then the curator records it, and the mentee acknowledges and the successor runs', () => {
      const drafted = [continued, programDrafted()];
      const body = { personId: MENTEE, given: true, date: '2024-10-08', documentRef: 'Согласие на нового наставника № 3' };
      const { snapshot } = given(...drafted).when('consent', body, stepEnv(actors.curator())).then([{ type: 'ConsentRecorded', data: body }]);
      expect(stateOf(snapshot)).toBe('program-drafted');
      expect(snapshot.context.consents[MENTEE]).toEqual({ given: true, date: '2024-10-08', documentRef: 'Согласие на нового наставника № 3' });
      expect(warnings(snapshot).map((w) => w.code)).not.toContain('consent-to-new-mentor-missing');
      const after = [...drafted, { type: 'ConsentRecorded', data: body } as MentorshipEvent];
      const acked = given(...after).when('acknowledge', { date: '2024-10-08' }, stepEnv(actors.mentee()))
        .then([{ type: 'ProgramAcknowledged', data: { personId: MENTEE, date: '2024-10-08' } }]);
      expect(stateOf(acked.snapshot)).toBe('active');
      given(...after).when('consent', { ...body, date: '2024-10-09' }, stepEnv(actors.curator())).thenRefused({ kind: 'state', code: 'step-not-allowed' });
    });

    it('then the new mentor\'s consent is not asked again, nor anybody else\'s', () => {
      given(continued).when('consent', { personId: MENTOR_2, given: true, date: '2024-10-06', documentRef: 'С' }, stepEnv(actors.curator()))
        .thenRefused({ kind: 'rule', code: 'consent-already-recorded' });
      given(continued).when('consent', { personId: 'p-outsider', given: true, date: '2024-10-06', documentRef: 'С' }, stepEnv(actors.curator()))
        .thenRefused({ kind: 'rule', code: 'consent-not-participant' });
    });

    it('then a written refusal of the new mentor is recorded, warned of, and keeps the mentee from the program', () => {
      const refused = [continued, consent(MENTEE, false), programDrafted()];
      const s = fold(refused);
      expect(stateOf(s)).toBe('program-drafted');
      expect(warnings(s)).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'new-mentor-refused' })]));
      expect(consentToPairRecorded(s.context, MENTEE)).toMatchObject({ code: 'consent-to-new-mentor-refused' });
      given(...refused).when('acknowledge', { date: '2024-10-08' }, stepEnv(actors.mentee())).thenRefused({ code: 'consent-to-new-mentor-refused' });
    });
  });

  describe('given a group, when the head replaces the mentor with the mentees\' consents to the new pair', () => {
    const both: StepBody<'replace'> = {
      ...replace,
      menteeConsents: [{ personId: MENTEE, date: '2024-10-04', documentRef: 'С-11' }, { personId: MENTEE_2, date: '2024-10-05', documentRef: 'С-12' }],
      agreement: { ...AGREEMENT, number: 'ДС-31', date: '2024-10-05' },
    };

    it('then the successor counts both as consented, carries the new mentor\'s agreement, and warns of nothing about consent', () => {
      const continued = successorOf(GROUP.active, both);
      expect(continued.data).toMatchObject({ menteeConsents: both.menteeConsents, agreement: both.agreement });
      const s = fold([continued]);
      expect(s.context.consents[MENTEE]).toEqual({ given: true, date: '2024-10-04', documentRef: 'С-11' });
      expect(s.context.order).toEqual({ number: '31-к', date: '2024-10-05', agreement: both.agreement });
      expect(awaitingConsentToNewMentor(s.context)).toEqual([]);
      expect(acceptedEventTypes(s).has('ConsentRecorded')).toBe(false);
      expect(warnings(s).map((w) => w.code)).not.toContain('consent-to-new-mentor-missing');
    });

    it('then the predecessor records the replacement without them: they are the successor\'s', () => {
      given(...GROUP.active).when('replace', both, headEnv()).then([{ type: 'MentorReplaced', data: { ...replace, successorId: SUCCESSOR_ID } }]);
    });

    it('then one mentee\'s consent may come later: only that one is awaited', () => {
      const s = fold([successorOf(GROUP.active, { ...both, menteeConsents: [both.menteeConsents![1]] })]);
      expect(awaitingConsentToNewMentor(s.context)).toEqual([MENTEE]);
    });

    it.each([
      ['an outsider\'s consent', [{ personId: 'p-outsider', date: '2024-10-04', documentRef: 'С' }], 'consent-not-participant'],
      ['a consent given twice', [{ personId: MENTEE, date: '2024-10-04', documentRef: 'С' }, { personId: MENTEE, date: '2024-10-04', documentRef: 'С' }], 'consent-already-recorded'],
      ['a consent dated after the replacement order', [{ personId: MENTEE, date: '2024-10-06', documentRef: 'С' }], 'consent-after-order'],
    ])('then %s is refused (§3.7)', (_t, menteeConsents, code) => {
      given(...GROUP.active).when('replace', { ...both, menteeConsents }, headEnv()).thenRefused({ kind: 'rule', code, clause: '§3.7' });
      expect(newPairConsentsValid(fold(GROUP.active).context, menteeConsents, '2024-10-05')).toMatchObject({ code });
    });

    it('then a new mentor\'s agreement dated after the replacement order is refused (ТК РФ ст. 351.8)', () => {
      given(...GROUP.active).when('replace', { ...both, agreement: { ...AGREEMENT, date: '2024-10-06' } }, headEnv())
        .thenRefused({ kind: 'rule', code: 'agreement-after-order' });
    });
  });

  it('stored successors from before this rule still fold, their acknowledgements included', () => {
    const stored = JSON.parse(JSON.stringify([
      { type: 'MentorshipContinued', data: { ...(ONE.proposed[0].data as object), mentorshipId: SUCCESSOR_ID, mentorId: MENTOR_2, date: '2024-10-05', predecessorId: 'ms-1', newMentorConsentRef: 'С', orderNumber: '31-к' } },
      { type: 'ProgramDrafted', data: { date: '2024-10-07', activities: [{ id: 'A1', kind: 'support', title: 'Сопровождение', due: '2025-01-31' }] } },
      { type: 'ProgramAcknowledged', data: { personId: MENTEE, date: '2024-10-08' } },
    ])) as { type: string; data: unknown }[];
    const s = fold(stored.map(parseMentorshipEvent));
    expect(stateOf(s)).toBe('active');
    expect(s.context.consents[MENTEE]).toMatchObject({ inherited: true });
    expect(warnings(s).map((w) => w.code)).toContain('consent-to-new-mentor-missing');
  });

  it('a mentorship that is not a successor is offered no consent step after the order', () => {
    expect(acceptedEventTypes(fold(ONE.ordered)).has('ConsentRecorded')).toBe(false);
    given(...ONE.ordered).when('consent', { personId: MENTEE, given: true, date: '2024-09-12', documentRef: 'С' }, stepEnv(actors.curator()))
      .thenRefused({ kind: 'state', code: 'step-not-allowed', clause: '§3.7' });
  });
});
