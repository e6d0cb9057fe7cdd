import { Server, ServerCredentials, type sendUnaryData } from '@grpc/grpc-js';
import { GossipService } from '@eventstore/db-client/generated/gossip_grpc_pb';
import type { ClusterInfo } from '@eventstore/db-client/generated/gossip_pb';
import { ServerFeaturesService } from '@eventstore/db-client/generated/serverfeatures_grpc_pb';
import { SupportedMethod, SupportedMethods } from '@eventstore/db-client/generated/serverfeatures_pb';
import { StreamsService } from '@eventstore/db-client/generated/streams_grpc_pb';
import { appendHandler, batchAppendHandler } from './append.handler';
import type { InMemoryLog } from './in-memory-log';
import type { NodeRules } from './node-rules';
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

/**
 * One gRPC server of the double on a fixed port: `stop()` drops every connection the way a crashed
 * node does, `listen()` comes back on the same port.
 */
export class DoubleNode {
  private server: Server | undefined;

  constructor(private readonly services: NodeServices, private boundPort = 0) {}

  get port(): number {
    return this.boundPort;
  }

  get up(): boolean {
    return this.server !== undefined;
  }

  async listen(): Promise<void> {
    const { log, rules, batchAppend, gossip } = this.services;
    const server = new Server();
    server.addService(StreamsService, {
      read: readHandler(log, rules),
      append: appendHandler(log, rules),
      ...(batchAppend ? { batchAppend: batchAppendHandler(log, rules) } : {}),
    });
    server.addService(ServerFeaturesService, {
      getSupportedMethods: (_: unknown, callback: sendUnaryData<SupportedMethods>) => callback(null, supportedMethods(batchAppend)),
    });
    if (gossip) server.addService(GossipService, { read: (_: unknown, callback: sendUnaryData<ClusterInfo>) => callback(null, gossip()) });
    this.boundPort = await new Promise<number>((resolve, reject) =>
      server.bindAsync(`127.0.0.1:${this.boundPort}`, ServerCredentials.createInsecure(), (error, port) =>
        error ? reject(error) : resolve(port),
      ),
    );
    this.server = server;
  }

  stop(): void {
    this.server?.forceShutdown();
    this.server = undefined;
  }
}
