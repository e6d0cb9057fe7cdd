import { randomUUID } from 'node:crypto';
import { DoubleNode } from './double-node';
import { InMemoryLog } from './in-memory-log';
import { servesEverything } from './node-rules';
import { testClock } from '../support/test-clock';

export interface EsdbDoubleOptions {
  /** How often to write a `$statsCollected` system event, as a real node does (every 30 s there). */
  statsPeriodMs?: number;
  /** Whether to offer `BatchAppend` (servers from 21.10 do); without it the client uses unary `Append`. */
  batchAppend?: boolean;
  /** What stamps `created` (the server's clock): the test file's clock by default. */
  now?: () => Date;
}

/** A system event in `$stats-<node>`, which `$all` readers must skip. */
export function writeStatsEvent(log: InMemoryLog, port: number): void {
  const data = Buffer.from(JSON.stringify({ 'proc-mem': process.memoryUsage().rss }));
  const event = { id: randomUUID(), type: '$statsCollected', contentType: 'application/json', data, metadata: new Uint8Array() };
  log.append(`$stats-127.0.0.1:${port}`, 'any', [event]);
}

/**
 * A single-node EventStoreDB speaking the real gRPC protocol from the client's own service
 * definitions, with an in-memory log. A test fixture only: `stop()` drops every connection the
 * way a crashed server does; `restart()` listens again on the same port with the same data.
 * For three nodes with a leader, see `EsdbCluster`.
 */
export class EsdbDouble {
  readonly log: InMemoryLog;
  private readonly node: DoubleNode;
  private stats: NodeJS.Timeout | undefined;

  private constructor(private readonly options: Required<EsdbDoubleOptions>) {
    this.log = new InMemoryLog(options.now);
    this.node = new DoubleNode({ log: this.log, rules: servesEverything, batchAppend: options.batchAppend });
  }

  static async start({ statsPeriodMs = 50, batchAppend = true, now = testClock.now }: EsdbDoubleOptions = {}): Promise<EsdbDouble> {
    const double = new EsdbDouble({ statsPeriodMs, batchAppend, now });
    await double.listen();
    return double;
  }

  writeSystemEvent(): void {
    writeStatsEvent(this.log, this.node.port);
  }

  get connectionString(): string {
    return `esdb://127.0.0.1:${this.node.port}?tls=false`;
  }

  async stop(): Promise<void> {
    clearInterval(this.stats);
    this.node.stop();
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.listen();
  }

  private async listen(): Promise<void> {
    await this.node.listen();
    this.writeSystemEvent();
    this.stats = setInterval(() => this.writeSystemEvent(), this.options.statsPeriodMs).unref();
  }
}
