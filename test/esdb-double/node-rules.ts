import { Metadata, status } from '@grpc/grpc-js';

export type CallKind = 'write' | 'read';

/** How a node ends a call it will not serve: a gRPC status, with the server's trailers. */
export interface Refusal {
  code: status;
  details: string;
  metadata?: Metadata;
}

/**
 * What a node decides around the calls it gets. A single node serves everything; a cluster
 * member refuses what only the leader may do, and a test may make it die between a write and its answer.
 */
export interface NodeRules {
  /** `undefined`: served here (a follower forwards a write that does not require the leader). */
  refuse(kind: CallKind, metadata: Metadata): Refusal | undefined;
  /** Asked after a write is in the log, before it is answered: true when the node dies in between. */
  diesBeforeAnswer(): boolean;
  /** Whether the same event ids appended again at the same place are recognised (idempotent success). */
  recognisesRetries(): boolean;
}

export const servesEverything: NodeRules = {
  refuse: () => undefined,
  diesBeforeAnswer: () => false,
  recognisesRetries: () => true,
};

export const requiresLeader = (metadata: Metadata): boolean =>
  metadata.get('requires-leader').some((v) => String(v) === 'true');

/**
 * The server's `RpcExceptions.LeaderInfo`: NOT_FOUND, with the leader's HTTP endpoint in the trailers
 * (`exception: not-leader`, `leader-endpoint-host`, `leader-endpoint-port`).
 */
export function notLeader(host: string, port: number): Refusal {
  const metadata = new Metadata();
  metadata.set('exception', 'not-leader');
  metadata.set('leader-endpoint-host', host);
  metadata.set('leader-endpoint-port', String(port));
  return { code: status.NOT_FOUND, details: 'Leader info available', metadata };
}

/** The server's `RpcExceptions.ServerNotReady`: what a node answers while it knows no leader. */
export const notReady = (): Refusal => ({ code: status.UNAVAILABLE, details: 'Server Is Not Ready' });

export const isNotLeader = (refusal: Refusal): boolean =>
  refusal.metadata?.get('exception').some((v) => String(v) === 'not-leader') ?? false;

/** A refusal as the error a grpc-js server handler ends a call with (status, details, trailers). */
export const asServiceError = (refusal: Refusal): Error & Refusal =>
  Object.assign(new Error(refusal.details), refusal);
