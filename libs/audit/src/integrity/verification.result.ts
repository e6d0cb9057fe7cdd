import type { ContradictionKind } from './tree-walk';
import type { WitnessRefusal, WitnessedCheckpoint } from './witnessed';

/**
 * What verification found. `changed`: the event's stored bytes differ from what was sealed;
 * `deleted`: a link names an event that is no longer in the log; `inserted`: an event stands where
 * the links name another one (inserted, or moved from elsewhere); `head-mismatch`: a recorded or
 * given head (an earlier statement's) disagrees with the chain recomputed from the log;
 * `chain-damaged`: a record of the chain stream is not one the sealer writes. Against a checkpoint the
 * witness cosigned, with the chain itself intact: `truncated` (fewer events than it), `rolled-back`
 * (an older state of the log, continued), `recomputed` (events changed, every link recomputed).
 */
export type BreakKind = 'changed' | 'deleted' | 'inserted' | 'head-mismatch' | 'chain-damaged' | 'truncated' | 'rolled-back' | 'recomputed';

export const BREAK_KIND_TITLES: Record<BreakKind, string> = {
  changed: 'изменено',
  deleted: 'удалено',
  inserted: 'вставлено или переставлено',
  'head-mismatch': 'контрольная сумма не совпадает с записанной ранее',
  'chain-damaged': 'запись цепочки повреждена',
  truncated: 'журнал короче заверенного свидетелем',
  'rolled-back': 'журнал возвращён к прежнему состоянию',
  recomputed: 'журнал изменён и пересчитан после заверения свидетелем',
};

export interface ChainBreak {
  kind: BreakKind;
  /** Log position ("commit/prepare") where the chain breaks. */
  position: string;
  /** Number of the event in the organisation's chain (1-based). */
  ordinal: number;
  eventId?: string;
  streamId?: string;
  revision?: number;
  /** What the chain expected there (for `inserted`: the event the links name; for `head-mismatch`: the head). */
  expected?: { eventId?: string; streamId?: string; revision?: number; head?: string };
  /** For the kinds found against the witness: the checkpoint it cosigned that the log contradicts. */
  witnessed?: { size: number; root: string; time?: string; cosignedAt: string };
  message: string;
}

export interface ChainReport {
  orgId: string;
  intact: boolean;
  /** Events of the organisation whose links were checked. */
  checked: number;
  /** Position of the last checked event; absent when none was checked. */
  position?: string;
  /** Chain hash after the last checked event (the genesis hash when none). */
  head: string;
  /** Events of the organisation after the last link: not sealed yet. */
  unsealed: number;
  /** Recorded heads (`ChainHeadRecorded`) found to agree. */
  headsRecorded: number;
  break?: ChainBreak;
  /** The check against the witness (verification of one organisation). */
  witness?: WitnessReport;
  summary: string;
}

/**
 * The log against the checkpoints the witness cosigned. `agrees`: with every one of them; `none`:
 * the witness holds none of this log yet; `unreachable`: it did not answer; `off`: no witness is configured.
 */
export interface WitnessReport {
  status: 'agrees' | 'contradicts' | 'none' | 'unreachable' | 'off';
  witness?: { name: string; url: string; fingerprint: string };
  /** The witnessed checkpoint the log was checked against: the largest it agrees with, or the first it contradicts. */
  checkpoint?: WitnessedCheckpoint;
  /** With a contradiction: the largest witnessed checkpoint the log still agrees with. */
  lastAgreeing?: WitnessedCheckpoint;
  contradiction?: { kind: ContradictionKind; logSize: number; message: string };
  /** Witnessed checkpoints compared. */
  compared: number;
  /** Checkpoints of this log the witness refused (shorter, or rewritten), the latest last; `unverified`: records whose signatures did not verify. */
  refusals: WitnessRefusal[];
  unverified?: number;
  summary: string;
}

export interface VerificationResult {
  intact: boolean;
  /** When the check ran (ISO-8601). */
  checkedAt: string;
  /** The organisation checked, or `*` for all. */
  scope: string;
  /** Every event read from the log (all streams). */
  logEvents: number;
  /** Position of the last event read. */
  logEnd?: string;
  checked: number;
  unsealed: number;
  chains: ChainReport[];
  /** The first break in log order, if any. */
  firstBreak?: ChainBreak & { orgId: string };
  durationMs: number;
  summary: string;
}

/** A head printed on an earlier statement: the chain must still have it after `count` events. */
export interface HeadAnchor {
  count: number;
  head: string;
}
