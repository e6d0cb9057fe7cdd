import { GROUP, MENTEE, MENTEE_2, MENTOR } from '../../testing/fixtures';
import { fold } from '../mentorship.state';
import {
  acknowledgementFromPendingMentee, completesAcknowledgements, completesMenteeReports, completesMentees, pendingMentee,
  reportFromPendingMentee, writtenByTheMentor,
} from './report-author.rule';

describe('pendingMentee and completesMentees (§3.6: each mentee once)', () => {
  const ctx = fold(GROUP.completed).context;

  it('holds for a mentee who has not yet done it', () => {
    expect(pendingMentee(ctx, MENTEE, {}, 'Отчёт')).toBeNull();
    expect(pendingMentee(ctx, MENTEE, { [MENTEE_2]: true }, 'Отчёт')).toBeNull();
  });

  it('refuses someone who is not a mentee here, the mentor included', () => {
    expect(pendingMentee(ctx, MENTOR, {}, 'Отчёт')).toMatchObject({ kind: 'rule', code: 'not-a-mentee', clause: '§3.6', details: { personId: MENTOR } });
    expect(pendingMentee(ctx, 'p-x', {}, 'Отчёт')).toMatchObject({ code: 'not-a-mentee' });
  });

  it('refuses a second time', () => {
    expect(pendingMentee(ctx, MENTEE, { [MENTEE]: '2025-06-01' }, 'Отчёт')).toMatchObject({ code: 'already-recorded', clause: '§3.6' });
  });

  it('says whether this one completes the set', () => {
    expect(completesMentees(ctx, MENTEE, {})).toBe(false);
    expect(completesMentees(ctx, MENTEE, { [MENTEE_2]: 'x' })).toBe(true);
  });
});

describe('the acknowledgement, the mentee report and the mentor report (§3.6), as the machine and the decider ask them', () => {
  const ctx = fold(GROUP.completed).context;

  it('name the step in the refusal and read their own record', () => {
    expect(acknowledgementFromPendingMentee(ctx, MENTEE)).toMatchObject({ code: 'already-recorded', message: expect.stringMatching(/^Ознакомление с программой/) });
    expect(reportFromPendingMentee(ctx, MENTEE)).toBeNull();
    expect(reportFromPendingMentee(ctx, MENTOR)).toMatchObject({ code: 'not-a-mentee', message: expect.stringMatching(/^Отчёт наставляемого/) });
    expect(completesAcknowledgements(ctx, MENTEE)).toBe(true);
    expect(completesMenteeReports(ctx, MENTEE)).toBe(false);
  });

  it('the mentor report is the mentor\'s own', () => {
    expect(writtenByTheMentor(ctx, MENTOR)).toBe(true);
    expect(writtenByTheMentor(ctx, MENTEE)).toBe(false);
  });
});
