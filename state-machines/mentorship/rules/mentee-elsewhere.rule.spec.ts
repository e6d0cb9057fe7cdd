import { given, whenProposing } from '../../testing/given-when-then';
import { actors, GROUP, MENTEE, MENTEE_2, ONE, proposeBody, proposeEnv, stepEnv } from '../../testing/fixtures';
import type { MentorshipEvent } from '../mentorship.events';
import { fold } from '../mentorship.state';
import { warnings } from '../mentorship.view';
import { menteeElsewhereWarning } from './mentee-elsewhere.rule';

const codes = (events: MentorshipEvent[]) => warnings(fold(events)).map((w) => w.code);

describe('a mentee already in an unfinished mentorship, proposed again (§3.4, §6.1): a warning, not a refusal', () => {
  it('given the mentee in another unfinished mentorship, when the curator proposes them, then it is proposed and the fact recorded', () => {
    const body = proposeBody();
    const [proposal] = ONE.proposed as [MentorshipEvent & { type: 'MentorshipProposed' }];
    const expected: MentorshipEvent = { type: 'MentorshipProposed', data: { ...proposal.data, otherUnfinished: [{ personId: MENTEE, mentorshipIds: ['ms-0'] }] } };
    const { snapshot } = whenProposing(body, proposeEnv(body, { otherUnfinished: { [MENTEE]: ['ms-0'] } })).then([expected]);
    expect(warnings(snapshot)).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'mentee-in-unfinished-mentorship', clause: '§3.4, §6.1' })]));
  });

  it('names only the mentees who are, in a group, and never the mentorship being proposed itself', () => {
    const body = proposeBody({ menteeIds: [MENTEE, MENTEE_2], form: 'group' });
    const { decision } = whenProposing(body, proposeEnv(body, { otherUnfinished: { [MENTEE_2]: ['ms-7', 'ms-8'], [MENTEE]: ['ms-1'] } }))
      .then([expect.objectContaining({ type: 'MentorshipProposed' }) as never]);
    expect(decision.events[0].data).toMatchObject({ otherUnfinished: [{ personId: MENTEE_2, mentorshipIds: ['ms-7', 'ms-8'] }] });
  });

  it('given no other unfinished mentorship, then nothing is recorded and nothing warned', () => {
    const body = proposeBody();
    whenProposing(body, proposeEnv(body, { otherUnfinished: { [MENTEE]: [] } })).then(ONE.proposed);
    expect(codes(ONE.proposed)).not.toContain('mentee-in-unfinished-mentorship');
  });

  it('the warning stays while the order is awaited, and is gone once the head decided by the order', () => {
    const proposed: MentorshipEvent[] = GROUP.proposed.map((e) => (e.type === 'MentorshipProposed' ? { ...e, data: { ...e.data, otherUnfinished: [{ personId: MENTEE, mentorshipIds: ['ms-0'] }] } } : e));
    const consented = [...proposed, ...GROUP.consented.slice(1)];
    expect(codes(proposed)).toContain('mentee-in-unfinished-mentorship');
    expect(codes(consented)).toContain('mentee-in-unfinished-mentorship');
    const { snapshot } = given(...consented).when('order', { number: '15-к', date: '2024-09-10' }, stepEnv(actors.head()))
      .then([{ type: 'OrderIssued', data: { number: '15-к', date: '2024-09-10' } }]);
    expect(warnings(snapshot).map((w) => w.code)).not.toContain('mentee-in-unfinished-mentorship');
  });

  it('words one mentee and several', () => {
    expect(menteeElsewhereWarning([{ personId: MENTEE, mentorshipIds: ['x'] }], true)!.message).toMatch(/^Наставляемый на дату предложения уже участвует/);
    expect(menteeElsewhereWarning([{ personId: MENTEE, mentorshipIds: ['x'] }, { personId: MENTEE_2, mentorshipIds: ['y'] }], true)!.message).toMatch(/^Наставляемые \(2\)/);
    expect(menteeElsewhereWarning(undefined, true)).toBeNull();
  });
});
