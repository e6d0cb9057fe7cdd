import { ONE, PLANNED_END } from '../../testing/fixtures';
import { fold } from '../mentorship.state';
import { extensionWithinLimit } from './extension-limit.rule';

describe('extensionWithinLimit (§7.2, §3.7)', () => {
  // Start 2024-09-10, end 2025-05-31: a year from the start is 2025-09-10.
  const ctx = fold(ONE.active).context;

  it('holds for a later end up to one year from the start', () => {
    expect(extensionWithinLimit(ctx, '2025-06-01')).toBeNull();
    expect(extensionWithinLimit(ctx, '2025-09-10')).toBeNull();
  });

  it('refuses an end that is not later', () => {
    expect(extensionWithinLimit(ctx, PLANNED_END)).toMatchObject({ kind: 'rule', code: 'extension-not-later', clause: '§7.2' });
    expect(extensionWithinLimit(ctx, '2025-01-01')).toMatchObject({ code: 'extension-not-later' });
  });

  it('refuses an end past a year from the original start', () => {
    expect(extensionWithinLimit(ctx, '2025-09-11')).toMatchObject({ code: 'extension-beyond-one-year', clause: '§3.7', details: { limit: '2025-09-10' } });
  });

  it('measures from the start, not from the current end, after earlier extensions', () => {
    const extended = { ...ctx, plannedEnd: '2025-08-31' };
    expect(extensionWithinLimit(extended, '2025-09-10')).toBeNull();
    expect(extensionWithinLimit(extended, '2025-10-01')).toMatchObject({ code: 'extension-beyond-one-year' });
  });
});
