import type { RecordedEvent } from '#libs/event-store';
import { evolveAccount, isAccountEventType, parseAccountEvent, upcastAccountEvent, type AccountState, type DisableReason } from '#core/accounts';

/** An account as this process knows it: its state, the revision it was read up to, and what its person says. */
export interface IndexedAccount {
  state: AccountState;
  revision: number;
  /** Why the person the account names stops it (withdrawal, destruction), as last read. */
  personStops: DisableReason | null;
  /** `performance.now()` when the account's and its person's streams were last read; 0: never read one by one. */
  checkedAt: number;
}

/** The event of an account stream as the core folds it (old `UserCreated` upcast with its recorded time). */
export const accountEventOf = (e: RecordedEvent) => upcastAccountEvent(parseAccountEvent(e), e.metadata.recordedAt);

/**
 * Accounts by id and by token hash, fed from `user-` streams in any order and any number of times: an
 * event at or below an account's revision is skipped. Every hash ever issued stays mapped to its
 * account, so a replaced token is told apart from one that never existed.
 */
export class AccountIndex {
  private readonly byId = new Map<string, IndexedAccount>();
  private readonly byHash = new Map<string, string>();

  apply(e: RecordedEvent): void {
    if (!isAccountEventType(e.type)) return;
    const event = accountEventOf(e);
    const userId = event.data.userId;
    const known = this.byId.get(userId);
    if (known && e.revision <= known.revision) return;
    const state = evolveAccount(known?.state, event);
    if (!state) return;
    this.byHash.set(state.tokenHash, userId);
    if (known) Object.assign(known, { state, revision: e.revision });
    else this.byId.set(userId, { state, revision: e.revision, personStops: null, checkedAt: 0 });
  }

  get(userId: string): IndexedAccount | undefined {
    return this.byId.get(userId);
  }

  byTokenHash(hash: string): IndexedAccount | undefined {
    const userId = this.byHash.get(hash);
    return userId === undefined ? undefined : this.byId.get(userId);
  }

  all(): IterableIterator<IndexedAccount> {
    return this.byId.values();
  }
}
