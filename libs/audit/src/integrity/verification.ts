import { comparePositions, positionFromString, positionToString, type LogPosition } from '#libs/event-store';
import { CHAIN_PREFIX, REGISTRY_STREAM, wellFormedLinks } from './chain.events';
import { ChainWalk } from './chain-walk';
import type { ChainReport, HeadAnchor, VerificationResult } from './verification.result';
import { chainSummary, overallSummary } from './verification.summary';

/** One verification run: a chain walk per organisation met in the log, fed in log order. */
export class Verification {
  private readonly walks = new Map<string, ChainWalk>();
  private readonly started = performance.now();
  private events = 0;
  private after?: LogPosition;

  constructor(private readonly options: { orgId?: string; anchors?: HeadAnchor[]; now: () => Date; onProgress?: (p: { position: LogPosition; events: number }) => void }) {
    if (options.orgId !== undefined) this.walkOf(options.orgId);
  }

  /** The walk an event of `org` goes to; none once that chain is broken (nothing more to learn there). */
  open(org: string): ChainWalk | undefined {
    const w = this.walkOf(org);
    return w.broken ? undefined : w;
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
    const d = data as { links?: unknown; head?: unknown; count?: unknown; position?: unknown };
    if (!w) return;
    if (type === 'EventsChained') {
      if (wellFormedLinks(d.links)) w.links(d.links, String(d.head), Number(d.count), position);
      else w.damaged(position);
    } else if (type === 'ChainHeadRecorded') {
      if (typeof d.position === 'string') w.recordedHead(String(d.head), Number(d.count), d.position, position);
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
      const r = {
        orgId: w.orgId, intact: !w.broken, checked: w.matched,
        position: w.matchedPosition,
        head: w.matchedHead, unsealed: w.unsealed, headsRecorded: w.headsRecorded, break: w.broken,
      };
      return { ...r, summary: chainSummary(r) };
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
    if (!w) this.walks.set(org, (w = new ChainWalk(org, org === this.options.orgId ? this.options.anchors : [])));
    return w;
  }
}
