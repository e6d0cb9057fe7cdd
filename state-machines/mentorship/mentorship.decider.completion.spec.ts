import { given } from '../testing/given-when-then';
import { actor, actors, GROUP, MENTEE, MENTEE_2, MENTOR, MENTOR_2, ONE, stepEnv } from '../testing/fixtures';
import { STEP_BODIES } from './mentorship.commands';
import { menteeReportSubmitted, type MentorshipEvent } from './mentorship.events';
import { stateOf } from './mentorship.state';

const mentorReport = { date: '2025-06-02', text: 'Программа выполнена', recommendations: 'Аттестация на первую категорию' };
const menteeReport = (mentorEvaluation = 5) => ({ date: '2025-06-02', text: 'Наставничество помогло', mentorEvaluation });
const publish = { date: '2025-06-02', summary: 'Итоги программы наставничества' };

describe('mentor report (the mentor, once, after completion, §3.6)', () => {
  it('records the mentor\'s report under the mentor\'s id', () => {
    const { snapshot } = given(...ONE.completed).when('mentor-report', mentorReport, stepEnv(actors.mentor()))
      .then([{ type: 'MentorReportSubmitted', data: { personId: MENTOR, ...mentorReport } }]);
    expect(snapshot.value).toMatchObject({ completed: { mentorReport: 'submitted', menteeReports: 'pending' } });
  });

  it('is submitted once', () => {
    given(...ONE.completed, { type: 'MentorReportSubmitted', data: { personId: MENTOR, ...mentorReport } })
      .when('mentor-report', mentorReport, stepEnv(actors.mentor()))
      .thenRefused({ kind: 'state', code: 'step-not-allowed', clause: '§3.6' });
  });

  it('is refused to the mentee, another mentor and the curator, and before completion', () => {
    for (const a of [actors.mentee(), actors.mentor(MENTOR_2), actors.curator()]) {
      given(...ONE.completed).when('mentor-report', mentorReport, stepEnv(a)).thenRefused({ kind: 'forbidden', code: 'role-not-allowed', clause: '§3.6' });
    }
    given(...ONE.active).when('mentor-report', mentorReport, stepEnv(actors.mentor())).thenRefused({ kind: 'state', code: 'step-not-allowed', clause: '§3.6' });
  });
});

describe('mentee report (each mentee once, evaluation 1–5, §3.6)', () => {
  it('a pair\'s single report closes the mentee reports', () => {
    const { snapshot } = given(...ONE.completed).when('mentee-report', menteeReport(4), stepEnv(actors.mentee()))
      .then([{ type: 'MenteeReportSubmitted', data: { personId: MENTEE, ...menteeReport(4) } }]);
    expect(snapshot.value).toMatchObject({ completed: { menteeReports: 'submitted' } });
    given(...ONE.completed, { type: 'MenteeReportSubmitted', data: { personId: MENTEE, ...menteeReport(4) } })
      .when('mentee-report', menteeReport(), stepEnv(actors.mentee())).thenRefused({ kind: 'state', code: 'step-not-allowed', clause: '§3.6' });
  });

  it('a group waits for every mentee, each once', () => {
    const first = given(...GROUP.completed).when('mentee-report', menteeReport(3), stepEnv(actors.mentee(MENTEE_2)))
      .then([{ type: 'MenteeReportSubmitted', data: { personId: MENTEE_2, ...menteeReport(3) } }]);
    expect(first.snapshot.value).toMatchObject({ completed: { menteeReports: 'pending' } });
    const after = [...GROUP.completed, ...first.decision.events];
    given(...after).when('mentee-report', menteeReport(1), stepEnv(actors.mentee(MENTEE_2))).thenRefused({ kind: 'rule', code: 'already-recorded', clause: '§3.6' });
    const last = given(...after).when('mentee-report', menteeReport(5), stepEnv(actors.mentee(MENTEE)))
      .then([{ type: 'MenteeReportSubmitted', data: { personId: MENTEE, ...menteeReport(5) } }]);
    expect(last.snapshot.value).toMatchObject({ completed: { menteeReports: 'submitted' } });
    expect(last.snapshot.context.menteeReports[MENTEE_2].mentorEvaluation).toBe(3);
  });

  it.each([[0, false], [1, true], [5, true], [6, false], [4.5, false]])('evaluation %p is valid: %p (body and stored event)', (mentorEvaluation, ok) => {
    expect(STEP_BODIES['mentee-report'].safeParse(menteeReport(mentorEvaluation)).success).toBe(ok);
    expect(menteeReportSubmitted.safeParse({ personId: MENTEE, ...menteeReport(mentorEvaluation) }).success).toBe(ok);
  });

  it('is refused to the mentor, a mentee of another mentorship, and before completion', () => {
    given(...ONE.completed).when('mentee-report', menteeReport(), stepEnv(actors.mentor())).thenRefused({ kind: 'forbidden', clause: '§3.6' });
    given(...ONE.completed).when('mentee-report', menteeReport(), stepEnv(actors.mentee(MENTEE_2))).thenRefused({ kind: 'forbidden', clause: '§3.6' });
    given(...ONE.active).when('mentee-report', menteeReport(), stepEnv(actors.mentee())).thenRefused({ kind: 'state', code: 'step-not-allowed' });
  });
});

describe('publish (curator, only after completion and once, §8.2)', () => {
  it('publishes a completed mentorship, whatever the reports', () => {
    const { snapshot } = given(...ONE.completed).when('publish', publish, stepEnv(actors.curator())).then([{ type: 'ResultsPublished', data: publish }]);
    expect(snapshot.value).toMatchObject({ completed: { publication: 'published' } });
    expect(snapshot.context.publication).toEqual(publish);
  });

  it('publishes once', () => {
    given(...ONE.completed, { type: 'ResultsPublished', data: publish }).when('publish', publish, stepEnv(actors.curator()))
      .thenRefused({ kind: 'state', code: 'step-not-allowed', clause: '§8.2' });
  });

  it.each(['proposed', 'consented', 'ordered', 'program-drafted', 'active'] as const)('refuses to publish a %s mentorship', (state) => {
    given(...ONE[state]).when('publish', publish, stepEnv(actors.curator())).thenRefused({ kind: 'state', code: 'step-not-allowed', clause: '§8.2' });
  });

  it('refuses to publish a replaced mentorship', () => {
    given(...ONE.active, {
      type: 'MentorReplaced',
      data: { date: '2024-10-01', reason: 'transferred', newMentorId: MENTOR_2, newMentorConsentRef: 'Согласие', orderNumber: '30-к', successorId: 'ms-2' },
    }).when('publish', publish, stepEnv(actors.curator())).thenRefused({ kind: 'state', code: 'step-not-allowed', clause: '§8.2' });
  });

  it('is the curator\'s', () => {
    given(...ONE.completed).when('publish', publish, stepEnv(actor('head', 'p-head'))).thenRefused({ kind: 'forbidden', code: 'role-not-allowed' });
  });

  it('reports and publication can come in any order', () => {
    const events = [...GROUP.completed, { type: 'ResultsPublished', data: publish } as MentorshipEvent];
    const r = given(...events).when('mentor-report', mentorReport, stepEnv(actors.mentor())).then([{ type: 'MentorReportSubmitted', data: { personId: MENTOR, ...mentorReport } }]);
    expect(stateOf(r.snapshot)).toBe('completed');
    expect(r.snapshot.value).toEqual({ completed: { mentorReport: 'submitted', menteeReports: 'pending', publication: 'published' } });
  });
});
