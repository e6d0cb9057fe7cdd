import { GROUP, MENTEE, MENTEE_2, MENTOR, MENTOR_2, ONE, OUTSIDER, SUCCESSOR_ID } from '../testing/fixtures';
import type { MentorshipEvent } from './mentorship.events';
import { fold, UnfoldableEventError } from './mentorship.state';

/**
 * The machine's guards are the regulation's rules over event-derived context: a stored event that
 * breaks a rule does not fold, whatever the decider did. Each row is [history, bad event, good twin].
 */
const doneA1: MentorshipEvent = { type: 'ActivityCompleted', data: { activityId: 'A1', date: '2024-09-27' } };
const [proposal] = ONE.proposed;
const withEnd = (plannedEnd: string) => ({ ...proposal, data: { ...proposal.data, plannedEnd } }) as MentorshipEvent;
const consent = (personId: string): MentorshipEvent => ({ type: 'ConsentRecorded', data: { personId, given: true, date: '2024-09-05', documentRef: 'С' } });
const ack = (personId: string): MentorshipEvent => ({ type: 'ProgramAcknowledged', data: { personId, date: '2024-09-18' } });
const amend = (agreedBy: string[]): MentorshipEvent => ({ type: 'ProgramAmended', data: { date: '2024-10-01', activities: [{ id: 'A4', kind: 'other', title: 'И', due: '2025-01-01' }], agreedBy } });
const extend = (plannedEnd: string, agreedBy = [MENTOR, MENTEE]): MentorshipEvent => ({ type: 'ProgramExtended', data: { date: '2024-10-01', plannedEnd, agreedBy } });
const complete = (reason: 'plan-fulfilled' | 'curator-initiative'): MentorshipEvent => ({ type: 'MentorshipCompleted', data: { date: '2024-12-01', reason } });
const mentorReport = (personId: string): MentorshipEvent => ({ type: 'MentorReportSubmitted', data: { personId, date: '2025-06-01', text: 'О', recommendations: 'Р' } });
const menteeReport = (personId: string): MentorshipEvent => ({ type: 'MenteeReportSubmitted', data: { personId, date: '2025-06-01', text: 'О', mentorEvaluation: 4 } });
const replaced = (newMentorId: string): MentorshipEvent => ({
  type: 'MentorReplaced', data: { date: '2024-10-01', reason: 'other', newMentorId, newMentorConsentRef: 'С', orderNumber: '31-к', successorId: SUCCESSOR_ID },
});

describe('machine guards refuse stored events that break a rule', () => {
  it.each<[string, MentorshipEvent[], MentorshipEvent, MentorshipEvent]>([
    ['a planned term over a year (§3.7)', [], withEnd('2025-09-11'), withEnd('2025-09-10')],
    ['a planned term under a month (§3.7)', [], withEnd('2024-10-09'), withEnd('2024-10-10')],
    ['a consent from outside the pair (§3.7)', ONE.proposed, consent(OUTSIDER), consent(MENTOR)],
    ['a second consent (§3.7)', ONE.consented.slice(0, 2), consent(MENTOR), consent(MENTEE)],
    ['an acknowledgement by the mentor (§3.6)', ONE['program-drafted'], ack(MENTOR), ack(MENTEE)],
    ['a second acknowledgement (§3.6)', [...GROUP['program-drafted'], ack(MENTEE)], ack(MENTEE), ack(MENTEE_2)],
    ['an unknown activity (§3.6)', ONE.active, { type: 'ActivityCompleted', data: { activityId: 'A9', date: '2024-09-27' } }, doneA1],
    ['an activity done twice (§3.6)', [...ONE.active, doneA1], doneA1, { type: 'ActivityCompleted', data: { activityId: 'A2', date: '2024-09-28' } }],
    ['an amendment without every mentee (§7.2)', GROUP.active, amend([MENTOR, MENTEE]), amend([MENTOR, MENTEE, MENTEE_2])],
    ['an extension without the mentor (§7.2)', ONE.active, extend('2025-07-31', [MENTEE]), extend('2025-07-31')],
    ['an extension past a year (§3.7)', ONE.active, extend('2025-09-11'), extend('2025-09-10')],
    ['an extension that is not later (§7.2)', ONE.active, extend('2025-05-31'), extend('2025-06-01')],
    ['"plan fulfilled" with activities pending (§7.1)', ONE.active, complete('plan-fulfilled'), complete('curator-initiative')],
    ['a mentor report by someone else (§3.6)', ONE.completed, mentorReport(MENTEE), mentorReport(MENTOR)],
    ['a mentee report by the mentor (§3.6)', ONE.completed, menteeReport(MENTOR), menteeReport(MENTEE)],
    ['a second mentee report (§3.6)', [...GROUP.completed, menteeReport(MENTEE)], menteeReport(MENTEE), menteeReport(MENTEE_2)],
    ['a replacement by the same mentor (§3.8)', ONE.active, replaced(MENTOR), replaced(MENTOR_2)],
  ])('%s', (_t, history, bad, good) => {
    expect(() => fold([...history, bad])).toThrow(UnfoldableEventError);
    expect(() => fold([...history, good])).not.toThrow();
  });

  it.each<[string, MentorshipEvent[], MentorshipEvent]>([
    ['an order before every consent (§3.2, §3.7)', ONE.consented.slice(0, 2), { type: 'OrderIssued', data: { number: '1', date: '2024-09-10' } }],
    ['a program before the order (§3.6)', ONE.consented, { type: 'ProgramDrafted', data: { date: '2024-09-16', activities: [{ id: 'A1', kind: 'other', title: 'И', due: '2025-01-01' }] } }],
    ['a publication before completion (§8.2)', ONE.active, { type: 'ResultsPublished', data: { date: '2024-12-01', summary: 'И' } }],
    ['a withdrawal after the order', ONE.ordered, { type: 'MentorshipWithdrawn', data: { date: '2024-09-12', reason: 'П' } }],
    ['a second proposal', ONE.proposed, proposal],
  ])('%s is not a transition at all', (_t, history, event) => {
    expect(() => fold([...history, event])).toThrow(UnfoldableEventError);
  });
});
