import { MENTEE, MENTEE_2, MENTEE_3, MENTOR } from '../../testing/fixtures';
import { MENTORING_FORMS } from '../mentorship.vocabulary';
import { participantsFitForm } from './participants.rule';

describe('participantsFitForm (§1.2, §2.3)', () => {
  it('one-to-one takes exactly one mentee', () => {
    expect(participantsFitForm(MENTOR, [MENTEE], 'traditional')).toBeNull();
    expect(participantsFitForm(MENTOR, [MENTEE, MENTEE_2], 'traditional')).toMatchObject({ kind: 'rule', code: 'traditional-is-one-to-one', clause: '§2.3' });
  });

  it('a group takes two or more', () => {
    expect(participantsFitForm(MENTOR, [MENTEE], 'group')).toMatchObject({ code: 'group-needs-two-mentees', clause: '§2.3' });
    expect(participantsFitForm(MENTOR, [MENTEE, MENTEE_2], 'group')).toBeNull();
    expect(participantsFitForm(MENTOR, [MENTEE, MENTEE_2, MENTEE_3], 'group')).toBeNull();
  });

  it.each(MENTORING_FORMS.filter((f) => f !== 'traditional' && f !== 'group'))('the %s form takes one or more', (form) => {
    expect(participantsFitForm(MENTOR, [MENTEE], form)).toBeNull();
    expect(participantsFitForm(MENTOR, [MENTEE, MENTEE_2], form)).toBeNull();
  });

  it('a mentor is never their own mentee, and nobody is named twice', () => {
    expect(participantsFitForm(MENTOR, [MENTOR], 'traditional')).toMatchObject({ code: 'mentor-is-mentee', clause: '§1.2' });
    expect(participantsFitForm(MENTOR, [MENTEE, MENTEE], 'group')).toMatchObject({ code: 'duplicate-mentee', clause: '§1.2' });
  });
});
