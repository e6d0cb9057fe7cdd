import type { Metadata } from '@grpc/grpc-js';
import { ClusterInfo, EndPoint, MemberInfo } from '@eventstore/db-client/generated/gossip_pb';
import { DoubleNode } from './double-node';
import { writeStatsEvent } from './esdb-double';
import { InMemoryLog } from './in-memory-log';
import { notLeader, notReady, requiresLeader, type CallKind, type NodeRules, type Refusal } from './node-rules';
import { uuidMessage } from './proto-mapping';
import { testClock } from '../support/test-clock';

const { VNodeState } = MemberInfo;

export interface EsdbClusterOptions {
  size?: number;
  batchAppend?: boolean;
  now?: () => Date;
  /** How often the leader writes a `$statsCollected` system event. */
  statsPeriodMs?: number;
}

/** What the double answered, for tests to show that the storm they ran really bit. */
export interface ClusterStats {
  notLeader: number;
  notReady: number;
  answersLost: number;
  leaderChanges: number;
  /** Calls served per node, by kind (a follower's forwarded write counts for the leader). */
  served: Record<CallKind, number>[];
}

/**
 * Three (or `size`) double nodes sharing one log, as a cluster does: one leader at a time, the log
 * replicated (committed events are on every node, at the same positions), `Gossip.Read` on every live
 * node. A follower answers what requires the leader with the server's not-leader exception and the
 * leader's endpoint, serves other reads and forwards other writes; while no leader is known (an
 * election) the live nodes report `Unknown` in gossip and answer "Server Is Not Ready". A killed node
 * answers every call UNAVAILABLE until revived (see `DoubleNode`: its HTTP/2 sessions are not destroyed). Which node leads is the test's choice: `elect`, `kill`, `failover`,
 * `loseNextAnswers`.
 */
export class EsdbCluster {
  readonly log: InMemoryLog;
  readonly stats: ClusterStats;
  private readonly nodes: DoubleNode[];
  private leader: number | undefined;
  private losing: { count: number; electionMs: number; done: () => void } = { count: 0, electionMs: 0, done: () => undefined };
  private forgetting = false;
  /** What gossip says of a dead node: the state it had when it died, with `isAlive` false. */
  private readonly lastKnown = new Map<number, MemberInfo.VNodeState>();
  private statsTimer: NodeJS.Timeout | undefined;
  private readonly pending = new Set<NodeJS.Timeout>();

  private constructor(private readonly options: Required<EsdbClusterOptions>) {
    this.log = new InMemoryLog(options.now);
    this.stats = { notLeader: 0, notReady: 0, answersLost: 0, leaderChanges: 0, served: [] };
    this.nodes = Array.from({ length: options.size }, (_, i) => {
      this.stats.served.push({ read: 0, write: 0 });
      return new DoubleNode({
        log: this.log,
        rules: this.rulesOf(i),
        batchAppend: options.batchAppend,
        gossip: () => this.clusterInfo(),
      });
    });
  }

  static async start({ size = 3, batchAppend = true, now = testClock.now, statsPeriodMs = 50 }: EsdbClusterOptions = {}): Promise<EsdbCluster> {
    const cluster = new EsdbCluster({ size, batchAppend, now, statsPeriodMs });
    for (const node of cluster.nodes) await node.listen();
    cluster.leader = 0;
    cluster.statsTimer = setInterval(() => {
      if (cluster.leader !== undefined) writeStatsEvent(cluster.log, cluster.nodes[cluster.leader].port);
    }, statsPeriodMs).unref();
    return cluster;
  }

  /** Every node as a gossip seed; `query` adds settings (`nodePreference=follower`, …). */
  connectionString(query = '', scheme = 'esdb'): string {
    const hosts = this.nodes.map((n) => `127.0.0.1:${n.port}`).join(',');
    return `${scheme}://${hosts}?tls=false${query ? `&${query}` : ''}`;
  }

  get leaderIndex(): number | undefined {
    return this.leader;
  }

  portOf(index: number): number {
    return this.nodes[index].port;
  }

  isUp(index: number): boolean {
    return this.nodes[index].up;
  }

  /** `index` leads from now on; a previous leader still up becomes a follower and keeps its connections. */
  elect(index: number): void {
    if (!this.nodes[index].up) throw new Error(`node ${index} is down`);
    if (this.leader !== index) this.stats.leaderChanges++;
    this.leader = index;
  }

  /**
   * The node dies: its calls in flight end UNAVAILABLE and new ones (gossip too) get UNAVAILABLE, as from
   * a node whose connections dropped. A dead leader leaves the cluster without one until `elect`.
   */
  kill(index: number): void {
    if (this.nodes[index].up) this.lastKnown.set(index, this.stateOf(index));
    this.nodes[index].kill();
    if (this.leader === index) this.leader = undefined;
  }

  /** The node is back on its port, as a follower (or waiting for an election). */
  async revive(index: number): Promise<void> {
    if (!this.nodes[index].up) await this.nodes[index].listen();
  }

  /**
   * The leader dies; for `electionMs` no node leads (gossip shows `Unknown`, requests get not ready),
   * then the next live node leads and the dead one comes back as a follower. Resolves with the new leader.
   */
  async failover(electionMs: number): Promise<number> {
    const old = this.leader;
    if (old !== undefined) this.kill(old);
    await this.after(electionMs);
    const next = this.nextUp(old ?? 0);
    this.elect(next);
    if (old !== undefined) await this.revive(old);
    return next;
  }

  /**
   * The leader writes each of the next `count` appends to the log (replicated, so it survives), then
   * dies before answering; after `electionMs` the next node leads and the dead one comes back.
   * Resolves once the last of them has happened and a new leader is elected.
   */
  loseNextAnswers(count: number, electionMs = 50): Promise<void> {
    return new Promise((done) => (this.losing = { count, electionMs, done }));
  }

  /** While on, a node does not recognise retried event ids (refuses them at a revision, writes `any` twice). */
  forgetRetries(on: boolean): void {
    this.forgetting = on;
  }

  async stop(): Promise<void> {
    clearInterval(this.statsTimer);
    for (const t of this.pending) clearTimeout(t);
    this.pending.clear();
    this.leader = undefined;
    await Promise.all(this.nodes.map((node) => node.close()));
  }

  private rulesOf(index: number): NodeRules {
    return {
      refuse: (kind, metadata) => this.refuse(index, kind, metadata),
      diesBeforeAnswer: () => this.diesBeforeAnswer(index),
      recognisesRetries: () => !this.forgetting,
    };
  }

  private refuse(index: number, kind: CallKind, metadata: Metadata): Refusal | undefined {
    const leader = this.leader;
    const needsLeader = requiresLeader(metadata);
    if (leader === undefined) {
      if (kind === 'write' || needsLeader) return this.count('notReady', notReady());
      this.stats.served[index][kind]++;
      return undefined;
    }
    if (leader !== index && needsLeader) return this.count('notLeader', notLeader('127.0.0.1', this.nodes[leader].port));
    this.stats.served[kind === 'write' ? leader : index][kind]++;
    return undefined;
  }

  private count(what: 'notLeader' | 'notReady', refusal: Refusal): Refusal {
    this.stats[what]++;
    return refusal;
  }

  private diesBeforeAnswer(index: number): boolean {
    if (this.losing.count === 0 || this.leader !== index) return false;
    const losing = this.losing;
    losing.count--;
    this.stats.answersLost++;
    this.kill(index);
    void this.after(losing.electionMs).then(async () => {
      if (this.leader === undefined) this.elect(this.nextUp(index));
      await this.revive(index);
      if (losing.count === 0) losing.done();
    });
    return true;
  }

  private nextUp(after: number): number {
    for (let step = 1; step <= this.nodes.length; step++) {
      const i = (after + step) % this.nodes.length;
      if (this.nodes[i].up) return i;
    }
    throw new Error('no node is up');
  }

  private clusterInfo(): ClusterInfo {
    const members = this.nodes.map((node, i) => {
      const state = node.up ? this.stateOf(i) : this.lastKnown.get(i) ?? VNodeState.UNKNOWN;
      return new MemberInfo()
        .setInstanceId(uuidMessage(`00000000-0000-4000-8000-00000000000${i}`, false))
        .setTimeStamp(String(this.options.now().getTime()))
        .setState(state)
        .setIsAlive(node.up)
        .setHttpEndPoint(new EndPoint().setAddress('127.0.0.1').setPort(node.port));
    });
    return new ClusterInfo().setMembersList(members);
  }

  private stateOf(index: number): MemberInfo.VNodeState {
    if (index === this.leader) return VNodeState.LEADER;
    return this.leader === undefined ? VNodeState.UNKNOWN : VNodeState.FOLLOWER;
  }

  private after(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => (this.pending.delete(timer), resolve()), ms);
      this.pending.add(timer);
    });
  }
}
