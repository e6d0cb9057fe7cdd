import { comparePositions, positionFromString, positionToString, type LogPosition } from '#libs/event-store';
import { CHAIN_PREFIX, REGISTRY_STREAM, wellFormedLinks } from './chain.events';
import { ChainWalk } from './chain-walk';
import type { ChainBreak, ChainReport, HeadAnchor, VerificationResult, WitnessReport } from './verification.result';
import { breakMessage, chainSummary, overallSummary } from './verification.summary';
import { contradictionMessage, refusalsSentence, witnessSummary } from './witness.summary';
import type { WitnessedCheckpoint, WitnessRefusal } from './witnessed';

/** The witness's side of a verification of one organisation: what it holds, or why nothing. */
export interface WitnessInput {
  status: 'ok' | 'unreachable' | 'off';
  witness?: { name: string; url: string; fingerprint: string };
  /** Cosigned checkpoints, smallest first. */
  checkpoints?: WitnessedCheckpoint[];
  refusals?: WitnessRefusal[];
  unverified?: number;
}

/** One verification run: a chain walk per organisation met in the log, fed in log order. */
export class Verification {
  private readonly walks = new Map<string, ChainWalk>();
  private readonly started = performance.now();
  private events = 0;
  private after?: LogPosition;

  constructor(private readonly options: { orgId?: string; anchors?: HeadAnchor[]; witness?: WitnessInput; timeZone?: string; now: () => Date; onProgress?: (p: { position: LogPosition; events: number }) => void }) {
    if (options.orgId !== undefined) this.walkOf(options.orgId);
  }

  /** The walk an event of `org` goes to (a broken one still takes events into its tree, for the witness). */
  open(org: string): ChainWalk {
    return this.walkOf(org);
  }

  /** An event of a chain stream or of the registry. */
  chainEvent(streamId: string, type: string, data: unknown, position: string): void {
    const scope = this.options.orgId;
    if (streamId === REGISTRY_STREAM) {
      const org = (data as { orgId?: unknown }).orgId;
      if (typeof org === 'string' && (scope === undefined || org === scope)) this.walkOf(org);
      return;
    }
    const org = streamId.slice(CHAIN_PREFIX.length);
    if (scope !== undefined && org !== scope) return;
    const w = this.open(org);
    const d = data as { links?: unknown; head?: unknown; count?: unknown; position?: unknown; root?: unknown };
    if (w.broken) return;
    if (type === 'EventsChained') {
      if (wellFormedLinks(d.links)) w.links(d.links, String(d.head), Number(d.count), position);
      else w.damaged(position);
    } else if (type === 'ChainHeadRecorded') {
      if (typeof d.position === 'string' && (d.root === undefined || typeof d.root === 'string')) w.recordedHead(String(d.head), Number(d.count), d.position, position, d.root);
      else w.damaged(position);
    }
  }

  progress(after: LogPosition, read: number): void {
    this.after = after;
    this.events += read;
    this.options.onProgress?.({ position: after, events: this.events });
  }

  result(): VerificationResult {
    const walks = [...this.walks.values()].sort((a, b) => a.orgId.localeCompare(b.orgId));
    const chains: ChainReport[] = walks.map((w) => {
      w.finish();
      const witness = w.orgId === this.options.orgId ? this.witnessReport(w) : undefined;
      const r = {
        orgId: w.orgId, intact: !w.broken, checked: w.matched,
        position: w.matchedPosition,
        head: w.matchedHead, unsealed: w.unsealed, headsRecorded: w.headsRecorded, break: w.broken, witness,
      };
      // Without a witness configured the one-line summary stays the chain's (the report still says so); a contradiction that is the break is said once.
      const said = !witness || witness.status === 'off' ? '' : r.break?.witnessed ? refusalsSentence(witness.refusals, this.options.timeZone) : ` ${witness.summary}`;
      return { ...r, summary: chainSummary(r) + said };
    });
    const broken = chains.filter((c) => c.break).map((c) => ({ ...c.break!, orgId: c.orgId }));
    const firstBreak = broken.sort((a, b) => comparePositions(positionFromString(a.position), positionFromString(b.position)))[0];
    return {
      intact: !firstBreak,
      checkedAt: this.options.now().toISOString(),
      scope: this.options.orgId ?? '*',
      logEvents: this.events,
      logEnd: this.after ? positionToString(this.after) : undefined,
      checked: chains.reduce((n, c) => n + c.checked, 0),
      unsealed: chains.reduce((n, c) => n + c.unsealed, 0),
      chains,
      firstBreak,
      durationMs: Math.round(performance.now() - this.started),
      summary: overallSummary(chains, firstBreak),
    };
  }

  private walkOf(org: string): ChainWalk {
    let w = this.walks.get(org);
    if (!w) {
      const scoped = org === this.options.orgId;
      w = new ChainWalk(org, scoped ? this.options.anchors : [], scoped ? this.options.witness?.checkpoints : []);
      this.walks.set(org, w);
    }
    return w;
  }

  /** The organisation's log against the witness; a contradiction with the chain intact is the chain's break. */
  private witnessReport(w: ChainWalk): WitnessReport | undefined {
    const input = this.options.witness;
    const tz = this.options.timeZone;
    if (!input) return undefined;
    const base = { witness: input.witness, compared: 0, refusals: input.refusals ?? [], unverified: input.unverified };
    if (input.status !== 'ok') return { ...base, status: input.status, summary: witnessSummary({ ...base, status: input.status }, tz) };
    const checkpoints = input.checkpoints ?? [];
    if (checkpoints.length === 0) return { ...base, status: 'none', summary: witnessSummary({ ...base, status: 'none' }, tz) };
    const { agreeing, contradiction } = w.tree.contradiction(!w.broken);
    if (!contradiction) {
      const r = { ...base, status: 'agrees' as const, checkpoint: agreeing, compared: checkpoints.length };
      return { ...r, summary: witnessSummary(r, tz) };
    }
    const message = contradictionMessage(contradiction, tz);
    const c = contradiction.checkpoint;
    if (!w.broken && contradiction.kind !== 'rewritten') {
      const b: ChainBreak = {
        kind: contradiction.kind, position: w.matchedPosition ?? '-1/-1', ordinal: c.size,
        witnessed: { size: c.size, root: c.root, time: c.time, cosignedAt: c.cosignedAt }, message,
      };
      w.broken = { ...b, message: breakMessage(b) };
    }
    const r = {
      ...base, status: 'contradicts' as const, checkpoint: c, lastAgreeing: contradiction.lastAgreeing,
      compared: checkpoints.indexOf(c) + 1, contradiction: { kind: contradiction.kind, logSize: contradiction.logSize, message },
    };
    return { ...r, summary: witnessSummary(r, tz) };
  }
}
