import { given } from '../testing/given-when-then';
import { actors, GROUP, MENTEE, MENTEE_2, MENTOR, MENTOR_2, ONE, stepEnv, SUCCESSOR_ID } from '../testing/fixtures';
import { deadlines, type DeadlineFlag, type DeadlineKind } from './mentorship.deadlines';
import type { MentorshipEvent } from './mentorship.events';
import { fold, stateOf } from './mentorship.state';

const flagsOf = (events: MentorshipEvent[], today: string): DeadlineFlag[] => {
  const s = fold(events);
  return deadlines(s.context, stateOf(s), today);
};
const only = (events: MentorshipEvent[], today: string, kind: DeadlineKind) => flagsOf(events, today).filter((f) => f.kind === kind);
const withOrderOn = (date: string): MentorshipEvent[] => [...ONE.consented, { type: 'OrderIssued', data: { number: '15-к', date } }];
const withProgramOn = (date: string): MentorshipEvent[] => [...ONE.ordered, { type: 'ProgramDrafted', data: { date, activities: [{ id: 'A1', kind: 'other', title: 'Мероприятие', due: '2025-05-01' }] } }];

describe('appointment: order within 30 calendar days of the mentee\'s first working day (§3.7)', () => {
  // First working day 2024-09-02, so the order is due by 2024-10-02.
  it.each([
    ['upcoming before the order, on the due day', ONE.proposed, '2024-10-02', { status: 'upcoming', daysLate: 0 }],
    ['overdue when the day passed without an order', ONE.proposed, '2024-10-05', { status: 'overdue', daysLate: 3 }],
    ['overdue while consented too', ONE.consented, '2024-11-01', { status: 'overdue', daysLate: 30 }],
    ['met by an order on time', ONE.ordered, '2025-01-01', { status: 'met', daysLate: 0, doneOn: '2024-09-10' }],
    ['met by an order on the due day', withOrderOn('2024-10-02'), '2025-01-01', { status: 'met', daysLate: 0 }],
    ['late by an order after it', withOrderOn('2024-10-20'), '2025-01-01', { status: 'late', daysLate: 18, doneOn: '2024-10-20' }],
  ] as const)('%s', (_t, events, today, expected) => {
    expect(only(events, today, 'appointment')).toEqual([
      expect.objectContaining({ kind: 'appointment', clause: '§3.7', personId: MENTEE, due: '2024-10-02', ...expected }),
    ]);
  });

  it('flags each mentee of a group by their own first working day', () => {
    const [p] = GROUP.proposed;
    const proposal = { ...p, data: { ...p.data, mentees: [{ personId: MENTEE, firstWorkingDay: '2024-09-02' }, { personId: MENTEE_2, firstWorkingDay: '2024-08-01' }] } } as MentorshipEvent;
    const events = [proposal, ...GROUP.ordered.slice(1)];
    expect(only(events, '2025-01-01', 'appointment').map((f) => [f.personId, f.due, f.status, f.daysLate])).toEqual([
      [MENTEE, '2024-10-02', 'met', 0],
      [MENTEE_2, '2024-08-31', 'late', 10],
    ]);
  });

  it('is not raised for a declined or withdrawn proposal, nor for a successor after replacement', () => {
    const declined: MentorshipEvent[] = [...ONE.proposed, { type: 'ConsentRecorded', data: { personId: MENTEE, given: false, date: '2024-09-05', documentRef: 'Отказ' } }];
    const withdrawn: MentorshipEvent[] = [...ONE.proposed, { type: 'MentorshipWithdrawn', data: { date: '2024-09-05', reason: 'Отозвано' } }];
    expect(flagsOf(declined, '2025-01-01')).toEqual([]);
    expect(flagsOf(withdrawn, '2025-01-01')).toEqual([]);
  });
});

describe('program: drafted within 10 days of the order (§3.6)', () => {
  // Order 2024-09-10, so the program is due by 2024-09-20.
  it.each([
    ['upcoming', ONE.ordered, '2024-09-20', { status: 'upcoming', daysLate: 0 }],
    ['overdue', ONE.ordered, '2024-09-25', { status: 'overdue', daysLate: 5 }],
    ['met', ONE['program-drafted'], '2025-01-01', { status: 'met', daysLate: 0, doneOn: '2024-09-16' }],
    ['met on the due day', withProgramOn('2024-09-20'), '2025-01-01', { status: 'met', daysLate: 0 }],
    ['late', withProgramOn('2024-09-25'), '2025-01-01', { status: 'late', daysLate: 5, doneOn: '2024-09-25' }],
  ] as const)('%s', (_t, events, today, expected) => {
    expect(only(events, today, 'program')).toEqual([expect.objectContaining({ kind: 'program', clause: '§3.6', due: '2024-09-20', ...expected })]);
  });

  it('is not raised before the order, nor once the mentor was replaced without a program', () => {
    expect(only(ONE.consented, '2025-01-01', 'program')).toEqual([]);
    const replaced: MentorshipEvent[] = [...ONE.ordered, {
      type: 'MentorReplaced',
      data: { date: '2024-09-12', reason: 'other', newMentorId: MENTOR_2, newMentorConsentRef: 'Согласие', orderNumber: '31-к', successorId: SUCCESSOR_ID },
    }];
    expect(only(replaced, '2025-01-01', 'program')).toEqual([]);
  });

  it('runs from the replacement order in a successor, which has no appointment deadline', () => {
    const { decision } = given(...ONE.ordered).when(
      'replace',
      { date: '2024-09-12', reason: 'other', newMentorId: MENTOR_2, newMentorConsentRef: 'Согласие', orderNumber: '31-к' },
      stepEnv(actors.head(), undefined, { newMentor: { facts: { personId: MENTOR_2, exists: true, personalDataConsent: true, inMentorBank: true, inMenteeBank: false }, load: 0 }, successorId: SUCCESSOR_ID }),
    ).then([expect.objectContaining({ type: 'MentorReplaced' }) as never]);
    expect(flagsOf([decision.successor!.event], '2024-09-30')).toEqual([
      expect.objectContaining({ kind: 'program', due: '2024-09-22', status: 'overdue', daysLate: 8 }),
    ]);
  });
});

describe('reports: within 10 days of completion (§3.6)', () => {
  // Completion 2025-05-30, so reports are due by 2025-06-09.
  const report = (personId: string, date: string): MentorshipEvent => (personId === MENTOR
    ? { type: 'MentorReportSubmitted', data: { personId, date, text: 'Отчёт', recommendations: 'Рекомендации' } }
    : { type: 'MenteeReportSubmitted', data: { personId, date, text: 'Отчёт', mentorEvaluation: 5 } });
  const summary = (flags: DeadlineFlag[]) => flags.filter((f) => f.kind.endsWith('report')).map((f) => [f.kind, f.personId, f.status, f.daysLate]);

  it('are upcoming for the mentor and every mentee right after completion', () => {
    expect(summary(flagsOf(GROUP.completed, '2025-06-09'))).toEqual([
      ['mentor-report', MENTOR, 'upcoming', 0], ['mentee-report', MENTEE, 'upcoming', 0], ['mentee-report', MENTEE_2, 'upcoming', 0],
    ]);
  });

  it('are flagged one by one: met, late, overdue', () => {
    const events = [...GROUP.completed, report(MENTOR, '2025-06-15'), report(MENTEE, '2025-06-09')];
    expect(summary(flagsOf(events, '2025-06-20'))).toEqual([
      ['mentor-report', MENTOR, 'late', 6], ['mentee-report', MENTEE, 'met', 0], ['mentee-report', MENTEE_2, 'overdue', 11],
    ]);
    expect(flagsOf(events, '2025-06-20').filter((f) => f.kind.endsWith('report')).map((f) => f.due)).toEqual(['2025-06-09', '2025-06-09', '2025-06-09']);
  });

  it('keep the earlier deadlines as history', () => {
    expect(flagsOf(ONE.completed, '2025-06-02').map((f) => [f.kind, f.status])).toEqual([
      ['appointment', 'met'], ['program', 'met'], ['mentor-report', 'upcoming'], ['mentee-report', 'upcoming'],
    ]);
  });

  it('a late report is accepted by the decider and flagged, never refused', () => {
    const body = { date: '2025-06-30', text: 'Отчёт', recommendations: 'Рекомендации' };
    const { snapshot } = given(...ONE.completed).when('mentor-report', body, stepEnv(actors.mentor(), '2025-07-01'))
      .then([{ type: 'MentorReportSubmitted', data: { personId: MENTOR, ...body } }]);
    expect(deadlines(snapshot.context, stateOf(snapshot), '2025-07-01').find((f) => f.kind === 'mentor-report'))
      .toMatchObject({ status: 'late', daysLate: 21, doneOn: '2025-06-30' });
  });
});
