import { DomainError, type Refusal } from '../../shared/domain-error';
import type { AccountCommand } from '../accounts.commands';
import { decideAccountCommand, type AccountEnv } from '../accounts.decider';
import { parseAccountEvent, type AccountEvent } from '../accounts.events';
import { foldAccount, type AccountState } from '../accounts.state';

/**
 * Given–when–then for the account decider, like the mentorship one:
 * `given(...history).when(command, env).then(events)` or `.thenRefused({ code, kind })`.
 */
export interface AccountOutcome {
  /** The decided events equal `expected`, are valid stored events, and fold onto the history. */
  then(expected: AccountEvent[]): AccountState | undefined;
  thenRefused(expected: Partial<Refusal>): Refusal;
}

const CYRILLIC = /[А-Яа-яЁё]/;

export function given(...history: AccountEvent[]) {
  return {
    when(command: AccountCommand, env: AccountEnv): AccountOutcome {
      const run = (): AccountEvent[] | DomainError => {
        try {
          return decideAccountCommand(command, foldAccount(history), env);
        } catch (error) {
          if (error instanceof DomainError) return error;
          throw error;
        }
      };
      return {
        then(expected) {
          const result = run();
          if (result instanceof DomainError) throw new Error(`Expected events, got refusal ${JSON.stringify(result.refusal)}`);
          expect(result).toEqual(expected);
          for (const e of result) expect(parseAccountEvent(e)).toEqual(e);
          return foldAccount([...history, ...result]);
        },
        thenRefused(expected) {
          const result = run();
          if (!(result instanceof DomainError)) throw new Error(`Expected refusal ${JSON.stringify(expected)}, got ${JSON.stringify(result)}`);
          expect(result.refusal).toMatchObject(expected);
          expect(result.refusal.message).toMatch(CYRILLIC);
          return result.refusal;
        },
      };
    },
  };
}
