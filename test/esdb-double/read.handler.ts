import { randomUUID } from 'node:crypto';
import { status, type ServerWritableStream } from '@grpc/grpc-js';
import { ReadReq, ReadResp } from '@eventstore/db-client/generated/streams_pb';
import type { InMemoryLog, StoredEvent } from './in-memory-log';
import { asServiceError, servesEverything, type NodeRules, type Refusal } from './node-rules';
import { eventResponse, streamIdentifier, streamNameOf, wantsStructuredIds } from './proto-mapping';

type ReadCall = ServerWritableStream<ReadReq, ReadResp>;
const { ReadDirection } = ReadReq.Options;

/** `Streams.Read`: stream reads, `$all` reads and `$all` catch-up subscriptions, unless the node refuses them. */
export const readHandler = (log: InMemoryLog, rules: NodeRules = servesEverything) => (call: ReadCall): void => {
  const options = call.request.getOptions();
  if (!options) return fail(call, { code: status.INVALID_ARGUMENT, details: 'Options required' });
  const refusal = rules.refuse('read', call.metadata);
  if (refusal) return fail(call, refusal);
  if (options.hasStream() && !options.hasSubscription()) return readStream(log, call, options);
  if (options.hasAll() && !options.hasSubscription()) return readAll(log, call, options);
  if (options.hasAll()) return subscribeToAll(log, call, options);
  fail(call, { code: status.UNIMPLEMENTED, details: 'Subscriptions to a single stream are not in the double' });
};

function send(call: ReadCall, options: ReadReq.Options, events: StoredEvent[]): void {
  const structured = wantsStructuredIds(options);
  for (const e of events) call.write(eventResponse(e, structured));
}

function readStream(log: InMemoryLog, call: ReadCall, options: ReadReq.Options): void {
  const streamOptions = options.getStream()!;
  const name = streamNameOf(streamOptions.getStreamIdentifier());
  const events = log.stream(name);
  if (!events) {
    call.write(new ReadResp().setStreamNotFound(new ReadResp.StreamNotFound().setStreamIdentifier(streamIdentifier(name))));
    return void call.end();
  }
  const backwards = options.getReadDirection() === ReadDirection.BACKWARDS;
  const count = Number(options.getCount());
  const at = streamOptions.hasRevision() ? Number(streamOptions.getRevision()) : undefined;
  const selected = backwards
    ? events.filter((e) => e.revision <= (at ?? (streamOptions.hasStart() ? 0 : Infinity))).reverse()
    : events.filter((e) => e.revision >= (at ?? (streamOptions.hasEnd() ? Infinity : 0)));
  send(call, options, selected.slice(0, count));
  call.end();
}

/** Reads of `$all` start *at* the given position (inclusive); subscriptions start after it. */
function readAll(log: InMemoryLog, call: ReadCall, options: ReadReq.Options): void {
  const allOptions = options.getAll()!;
  const backwards = options.getReadDirection() === ReadDirection.BACKWARDS;
  const count = Number(options.getCount());
  const matches = filterOf(options);
  const at = allOptions.hasPosition() ? BigInt(allOptions.getPosition()!.getCommitPosition()) : undefined;
  // Backwards reads take post-positions: they return what lies strictly before `at`.
  const selected = backwards
    ? log.events.filter((e) => !allOptions.hasStart() && (at === undefined || e.position < at)).reverse()
    : log.events.filter((e) => !allOptions.hasEnd() && (at === undefined || e.position >= at));
  send(call, options, selected.filter(matches).slice(0, count));
  call.end();
}

function subscribeToAll(log: InMemoryLog, call: ReadCall, options: ReadReq.Options): void {
  const allOptions = options.getAll()!;
  const matches = filterOf(options);
  const last = log.events[log.events.length - 1]?.position ?? -1n;
  let cursor = allOptions.hasPosition() ? BigInt(allOptions.getPosition()!.getCommitPosition()) : allOptions.hasEnd() ? last : -1n;
  let live = false;
  const deliver = (events: StoredEvent[]) => {
    if (call.cancelled || call.writableEnded) return void (live && unsubscribe());
    const fresh = events.filter((e) => e.position > cursor);
    if (fresh.length > 0) cursor = fresh[fresh.length - 1].position;
    send(call, options, fresh.filter(matches));
  };
  call.write(new ReadResp().setConfirmation(new ReadResp.SubscriptionConfirmation().setSubscriptionId(randomUUID())));
  deliver(log.events);
  call.write(new ReadResp().setCaughtUp(new ReadResp.CaughtUp()));
  // Catch-up and the switch to live happen in one tick, so no append can fall in between.
  const unsubscribe = log.onAppend(deliver);
  live = true;
  for (const end of ['cancelled', 'close', 'error']) call.on(end, unsubscribe);
}

/** Stream-name prefixes / regex or event-type prefixes / regex, as `FilterOptions` has them. */
function filterOf(options: ReadReq.Options): (e: StoredEvent) => boolean {
  const filter = options.getFilter();
  if (!filter) return () => true;
  const onStream = filter.hasStreamIdentifier();
  const expression = onStream ? filter.getStreamIdentifier()! : filter.getEventType()!;
  const prefixes = expression.getPrefixList();
  const regex = expression.getRegex() ? new RegExp(expression.getRegex()) : undefined;
  return (e) => {
    const value = onStream ? e.streamId : e.type;
    return prefixes.length > 0 ? prefixes.some((p) => value.startsWith(p)) : regex ? regex.test(value) : true;
  };
}

function fail(call: { emit(event: 'error', error: Error): boolean }, refusal: Refusal): void {
  call.emit('error', asServiceError(refusal));
}
