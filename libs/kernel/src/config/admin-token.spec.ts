import { randomBytes } from 'node:crypto';
import { adminTokenProblem } from './admin-token';

describe('adminTokenProblem: the minimum strength of ADMIN_TOKEN', () => {
  it('accepts random tokens as the usual tools make them', () => {
    for (let i = 0; i < 50; i++) {
      expect(adminTokenProblem(randomBytes(32).toString('base64'))).toBeUndefined();
      expect(adminTokenProblem(randomBytes(32).toString('hex'))).toBeUndefined();
      expect(adminTokenProblem(`mt_${randomBytes(32).toString('base64url')}`)).toBeUndefined();
    }
  });

  it.each([
    ['1', 'короткий'],
    ['', 'короткий'],
    ['a'.repeat(40), 'простой'],
    ['ab12'.repeat(10), 'простой'],
    ['abcdefghijklmnopqrstuvwxyzABCDEFGH', 'подряд'],
    ['0123456789012345678901234567890123', 'простой'],
    ['mt_test_admin_token_for_kill_test', 'заготовку'],
    ['Password-Password-2026-Summer-X!7q', 'заготовку'],
    ['с кириллицей и пробелами, но длинный-длинный', 'ASCII'],
  ])('refuses %j in Russian', (token, why) => {
    expect(adminTokenProblem(token)).toMatch(why);
    expect(adminTokenProblem(token)).toMatch(/^ADMIN_TOKEN/);
  });
});
