import { Server, ServerCredentials } from '@grpc/grpc-js';
import { ServerFeaturesService } from '@eventstore/db-client/generated/serverfeatures_grpc_pb';
import { SupportedMethod, SupportedMethods } from '@eventstore/db-client/generated/serverfeatures_pb';
import { StreamsService } from '@eventstore/db-client/generated/streams_grpc_pb';
import { randomUUID } from 'node:crypto';
import { appendHandler, batchAppendHandler } from './append.handler';
import { InMemoryLog } from './in-memory-log';
import { readHandler } from './read.handler';
import { testClock } from '../support/test-clock';

const STREAMS = 'event_store.client.streams.streams';

/** What the double answers to ServerFeatures: the methods it implements, named as the server names them. */
function supportedMethods(batchAppend: boolean): SupportedMethods {
  const method = (service: string, name: string, features: string[] = []) =>
    new SupportedMethod().setServiceName(service).setMethodName(name).setFeaturesList(features);
  return new SupportedMethods().setEventStoreServerVersion(batchAppend ? '24.10.0' : '21.6.0').setMethodsList([
    method(STREAMS, 'read', ['position', 'events']),
    method(STREAMS, 'append'),
    ...(batchAppend ? [method(STREAMS, 'batchappend', ['deadline_duration'])] : []),
    method('event_store.client.server_features.serverfeatures', 'getsupportedmethods'),
  ]);
}

export interface EsdbDoubleOptions {
  /** How often to write a `$statsCollected` system event, as a real node does (every 30 s there). */
  statsPeriodMs?: number;
  /** Whether to offer `BatchAppend` (servers from 21.10 do); without it the client uses unary `Append`. */
  batchAppend?: boolean;
  /** What stamps `created` (the server's clock): the test file's clock by default. */
  now?: () => Date;
}

/**
 * A single-node EventStoreDB speaking the real gRPC protocol from the client's own service
 * definitions, with an in-memory log. A test fixture only: `stop()` drops every connection the
 * way a crashed server does; `restart()` listens again on the same port with the same data.
 */
export class EsdbDouble {
  readonly log: InMemoryLog;
  private server: Server | undefined;
  private stats: NodeJS.Timeout | undefined;

  private constructor(private port: number, private readonly options: Required<EsdbDoubleOptions>) {
    this.log = new InMemoryLog(options.now);
  }

  static async start({ statsPeriodMs = 50, batchAppend = true, now = testClock.now }: EsdbDoubleOptions = {}): Promise<EsdbDouble> {
    const double = new EsdbDouble(0, { statsPeriodMs, batchAppend, now });
    await double.listen();
    return double;
  }

  /** A system event in `$stats-<node>`, which `$all` readers must skip. */
  writeSystemEvent(): void {
    const data = Buffer.from(JSON.stringify({ 'proc-mem': process.memoryUsage().rss }));
    const event = { id: randomUUID(), type: '$statsCollected', contentType: 'application/json', data, metadata: new Uint8Array() };
    this.log.append(`$stats-127.0.0.1:${this.port}`, 'any', [event]);
  }

  get connectionString(): string {
    return `esdb://127.0.0.1:${this.port}?tls=false`;
  }

  async stop(): Promise<void> {
    clearInterval(this.stats);
    this.server?.forceShutdown();
    this.server = undefined;
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.listen();
  }

  private async listen(): Promise<void> {
    const server = new Server();
    const { batchAppend, statsPeriodMs } = this.options;
    server.addService(StreamsService, {
      read: readHandler(this.log),
      append: appendHandler(this.log),
      ...(batchAppend ? { batchAppend: batchAppendHandler(this.log) } : {}),
    });
    server.addService(ServerFeaturesService, {
      getSupportedMethods: (_: unknown, callback: (e: null, r: SupportedMethods) => void) =>
        callback(null, supportedMethods(batchAppend)),
    });
    this.port = await new Promise<number>((resolve, reject) =>
      server.bindAsync(`127.0.0.1:${this.port}`, ServerCredentials.createInsecure(), (error, port) =>
        error ? reject(error) : resolve(port),
      ),
    );
    this.server = server;
    this.writeSystemEvent();
    this.stats = setInterval(() => this.writeSystemEvent(), statsPeriodMs).unref();
  }
}
