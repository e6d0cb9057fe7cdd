import { actor, actors, GROUP, MENTEE, MENTEE_2, MENTOR, OTHER_ORG } from '../testing/fixtures';
import type { MentorshipEvent } from './mentorship.events';
import { fold } from './mentorship.state';
import { seesAgreementTerms, seesMenteeReport, visibleMenteeReports } from './mentorship.visibility';

const reports: MentorshipEvent[] = [
  { type: 'MenteeReportSubmitted', data: { personId: MENTEE, date: '2025-06-01', text: 'Мой отчёт', mentorEvaluation: 5 } },
  { type: 'MenteeReportSubmitted', data: { personId: MENTEE_2, date: '2025-06-01', text: 'Отчёт коллеги', mentorEvaluation: 2 } },
];

describe('who sees a mentee\'s report and evaluation of the mentor (§3.6)', () => {
  const ctx = fold([...GROUP.completed, ...reports]).context;

  it('a mentee of a group sees their own, not the other mentees\'', () => {
    expect(Object.keys(visibleMenteeReports(actors.mentee(MENTEE), ctx))).toEqual([MENTEE]);
    expect(Object.keys(visibleMenteeReports(actors.mentee(MENTEE_2), ctx))).toEqual([MENTEE_2]);
  });

  it('the mentor and the staff who read every mentorship see all of them', () => {
    for (const a of [actors.mentor(), actors.curator(), actors.head(), actors.methodist(), actors.auditor(), actor('admin')]) {
      expect(Object.keys(visibleMenteeReports(a, ctx)).sort()).toEqual([MENTEE, MENTEE_2].sort());
    }
  });

  it('no one outside the mentorship or the organisation sees any', () => {
    expect(seesMenteeReport(actors.mentee('p-outsider'), ctx, MENTEE)).toBe(false);
    expect(seesMenteeReport(actor('mentor', 'p-outsider'), ctx, MENTEE)).toBe(false);
    expect(seesMenteeReport(actor('curator', undefined, OTHER_ORG), ctx, MENTEE)).toBe(false);
    expect(seesMenteeReport(actor('mentor', MENTOR, OTHER_ORG), ctx, MENTEE)).toBe(false);
  });
});

describe('who sees the mentor\'s supplementary agreement and pay (ТК РФ ст. 351.8)', () => {
  const ctx = fold(GROUP.active).context;

  it('the mentor it is with and the staff; not the mentees, another mentor, or another organisation', () => {
    for (const a of [actors.mentor(), actors.curator(), actors.head(), actors.methodist(), actors.auditor(), actor('admin')]) expect(seesAgreementTerms(a, ctx)).toBe(true);
    for (const a of [actors.mentee(MENTEE), actors.mentee(MENTEE_2), actors.mentor('p-mentor-2'), actor('curator', 'p-curator', OTHER_ORG)]) expect(seesAgreementTerms(a, ctx)).toBe(false);
  });
});
