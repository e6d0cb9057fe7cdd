import { deciderOutcome, type DeciderOutcome } from '../../shared/testing/decider-outcome';
import type { AccountCommand } from '../accounts.commands';
import { decideAccountCommand, type AccountEnv } from '../accounts.decider';
import { parseAccountEvent, type AccountEvent } from '../accounts.events';
import { foldAccount, type AccountState } from '../accounts.state';

/**
 * Given–when–then for the account decider, like the mentorship one:
 * `given(...history).when(command, env).then(events)` or `.thenRefused({ code, kind })`.
 */
export type AccountOutcome = DeciderOutcome<AccountEvent, AccountState | undefined>;

export function given(...history: AccountEvent[]) {
  return {
    when(command: AccountCommand, env: AccountEnv): AccountOutcome {
      return deciderOutcome(history, () => decideAccountCommand(command, foldAccount(history), env), parseAccountEvent, foldAccount);
    },
  };
}
