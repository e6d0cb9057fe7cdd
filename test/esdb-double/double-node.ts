import { Server, ServerCredentials, status, type sendUnaryData, type ServerDuplexStream, type ServerWritableStream } from '@grpc/grpc-js';
import { GossipService } from '@eventstore/db-client/generated/gossip_grpc_pb';
import type { ClusterInfo } from '@eventstore/db-client/generated/gossip_pb';
import { ServerFeaturesService } from '@eventstore/db-client/generated/serverfeatures_grpc_pb';
import { SupportedMethod, SupportedMethods } from '@eventstore/db-client/generated/serverfeatures_pb';
import { StreamsService } from '@eventstore/db-client/generated/streams_grpc_pb';
import { appendHandler, batchAppendHandler } from './append.handler';
import type { InMemoryLog } from './in-memory-log';
import { asServiceError, type NodeRules, type Refusal } from './node-rules';
import { readHandler } from './read.handler';

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

export interface NodeServices {
  log: InMemoryLog;
  rules: NodeRules;
  /** Whether to offer `BatchAppend` (servers from 21.10 do); without it the client uses unary `Append`. */
  batchAppend: boolean;
  /** `Gossip.Read`: the members as this node sees them (cluster nodes only). */
  gossip?: () => ClusterInfo;
}

/** What a client sees from a node that is down: the status grpc-js gives a call whose connection dropped. */
const down = (): Refusal => ({ code: status.UNAVAILABLE, details: 'Connection dropped (the node is down)' });

type StreamingCall = ServerWritableStream<unknown, unknown> | ServerDuplexStream<unknown, unknown>;

/**
 * One gRPC server of the double on a fixed port. `kill()` makes it a dead node at the gRPC level:
 * every call in flight ends UNAVAILABLE and every new call (gossip included) is answered UNAVAILABLE
 * at once, until `listen()` brings it back. The server stays bound and its HTTP/2 sessions are not
 * destroyed: destroying sessions with live streams while the client runs in the same process corrupts
 * Node's heap (`Http2Stream::Destroy`, nodejs/node#38964, grpc/grpc-node#1652). `close()` shuts the
 * server down gracefully once its calls have ended; `stop()` drops every connection at once, the way
 * a crashed process does (the single-node double's restart).
 */
export class DoubleNode {
  private server: Server | undefined;
  private alive = false;
  /** How to end each call in flight, should the node die. */
  private readonly inFlight = new Set<() => void>();

  constructor(private readonly services: NodeServices, private boundPort = 0) {}

  get port(): number {
    return this.boundPort;
  }

  get up(): boolean {
    return this.server !== undefined && this.alive;
  }

  async listen(): Promise<void> {
    if (this.server) return void (this.alive = true);
    const { log, rules, batchAppend, gossip } = this.services;
    const server = new Server();
    server.addService(StreamsService, {
      read: this.streaming(readHandler(log, rules)),
      append: this.unary(appendHandler(log, rules)),
      ...(batchAppend ? { batchAppend: this.streaming(batchAppendHandler(log, rules)) } : {}),
    });
    server.addService(ServerFeaturesService, {
      getSupportedMethods: this.unary((_: unknown, callback: sendUnaryData<SupportedMethods>) => callback(null, supportedMethods(batchAppend))),
    });
    if (gossip) server.addService(GossipService, { read: this.unary((_: unknown, callback: sendUnaryData<ClusterInfo>) => callback(null, gossip())) });
    this.boundPort = await new Promise<number>((resolve, reject) =>
      server.bindAsync(`127.0.0.1:${this.boundPort}`, ServerCredentials.createInsecure(), (error, port) =>
        error ? reject(error) : resolve(port),
      ),
    );
    this.server = server;
    this.alive = true;
  }

  /** The node dies: its calls in flight end UNAVAILABLE, new ones are refused until `listen()`. */
  kill(): void {
    this.alive = false;
    for (const end of [...this.inFlight]) end();
    this.inFlight.clear();
  }

  /** The end of a test: calls ended, then the server closes its sessions gracefully (forced after 2 s). */
  async close(): Promise<void> {
    this.kill();
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    await new Promise<void>((resolve) => {
      const forced = setTimeout(() => (server.forceShutdown(), resolve()), 2000);
      server.tryShutdown(() => (clearTimeout(forced), resolve()));
    });
  }

  stop(): void {
    this.alive = false;
    this.inFlight.clear();
    this.server?.forceShutdown();
    this.server = undefined;
  }

  /** A unary or client-streaming handler, answered UNAVAILABLE while the node is down or when it dies. */
  private unary<C extends { on(event: 'cancelled', listener: () => void): unknown }, R>(handler: (call: C, callback: sendUnaryData<R>) => void) {
    return (call: C, callback: sendUnaryData<R>): void => {
      if (!this.alive) return callback(asServiceError(down()));
      let answered = false;
      const answer: sendUnaryData<R> = (error, value, trailer, flags) => {
        if (answered) return;
        answered = true;
        this.inFlight.delete(end);
        callback(error, value, trailer, flags);
      };
      const end = () => answer(asServiceError(down()));
      this.inFlight.add(end);
      call.on('cancelled', () => ((answered = true), this.inFlight.delete(end)));
      handler(call, answer);
    };
  }

  /** A server-streaming or duplex handler, ended UNAVAILABLE while the node is down or when it dies. */
  private streaming<C extends StreamingCall>(handler: (call: C) => void) {
    return (call: C): void => {
      if (!this.alive) return void call.emit('error', asServiceError(down()));
      const end = () => {
        this.inFlight.delete(end);
        if (!call.writableEnded) call.emit('error', asServiceError(down()));
      };
      const forget = () => this.inFlight.delete(end);
      this.inFlight.add(end);
      for (const event of ['finish', 'close', 'cancelled']) call.on(event, forget);
      handler(call);
    };
  }
}
