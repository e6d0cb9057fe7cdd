import { GROUP, MENTEE, MENTEE_2, MENTOR } from '../../testing/fixtures';
import { fold } from '../mentorship.state';
import { agreedByAllParticipants } from './mutual-agreement.rule';

describe('agreedByAllParticipants (§7.2)', () => {
  const ctx = fold(GROUP.active).context;

  it('holds when the mentor and every mentee agreed, in any order, with others too', () => {
    expect(agreedByAllParticipants(ctx, [MENTEE_2, MENTOR, MENTEE])).toBeNull();
    expect(agreedByAllParticipants(ctx, [MENTOR, MENTEE, MENTEE_2, 'p-curator'])).toBeNull();
  });

  it.each([
    [[], [MENTOR, MENTEE, MENTEE_2]],
    [[MENTEE, MENTEE_2], [MENTOR]],
    [[MENTOR, MENTEE_2], [MENTEE]],
    [['p-curator', 'p-head'], [MENTOR, MENTEE, MENTEE_2]],
  ])('refuses agreement by %j, naming who is missing', (agreedBy, missing) => {
    expect(agreedByAllParticipants(ctx, agreedBy)).toMatchObject({ kind: 'rule', code: 'mutual-consent-required', clause: '§7.2', details: { missing } });
  });
});
