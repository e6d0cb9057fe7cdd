import { status, type sendUnaryData, type ServerDuplexStream, type ServerReadableStream } from '@grpc/grpc-js';
import { Any } from 'google-protobuf/google/protobuf/any_pb';
import { Empty as WellKnownEmpty } from 'google-protobuf/google/protobuf/empty_pb';
import { Code } from '@eventstore/db-client/generated/code_pb';
import { AllStreamPosition, Empty, WrongExpectedVersion } from '@eventstore/db-client/generated/shared_pb';
import { Status } from '@eventstore/db-client/generated/status_pb';
import { AppendReq, AppendResp, BatchAppendReq, BatchAppendResp } from '@eventstore/db-client/generated/streams_pb';
import type { AppendOutcome, Expected, InMemoryLog, ProposedEvent } from './in-memory-log';
import { asServiceError, isNotLeader, servesEverything, type NodeRules } from './node-rules';
import { fromProposed, streamNameOf, uuidToString } from './proto-mapping';

type ExpectedOptions = {
  hasAny(): boolean;
  hasNoStream(): boolean;
  hasStreamExists(): boolean;
};

function expectedOf(options: ExpectedOptions, revision: () => string): Expected {
  if (options.hasAny()) return 'any';
  if (options.hasNoStream()) return 'no_stream';
  if (options.hasStreamExists()) return 'stream_exists';
  return Number(revision());
}

/**
 * `Streams.Append`: one options message, then the proposed events; answered once the call ends.
 * A node that refuses the write ends the call with its status (not-leader, not ready).
 */
export const appendHandler =
  (log: InMemoryLog, rules: NodeRules = servesEverything) =>
  (call: ServerReadableStream<AppendReq, AppendResp>, callback: sendUnaryData<AppendResp>): void => {
    let options: AppendReq.Options | undefined;
    const proposed: ProposedEvent[] = [];
    call.on('data', (req: AppendReq) => {
      if (req.hasOptions()) options = req.getOptions();
      const message = req.getProposedMessage();
      if (message) proposed.push(fromProposed(message));
    });
    call.on('end', () => {
      if (!options) return callback({ code: status.INVALID_ARGUMENT, details: 'Options required' });
      const refusal = rules.refuse('write', call.metadata);
      if (refusal) return callback(asServiceError(refusal));
      const expected = expectedOf(options, () => options!.getRevision());
      const outcome = log.append(streamNameOf(options.getStreamIdentifier()), expected, proposed, rules.recognisesRetries());
      if (rules.diesBeforeAnswer()) return;
      callback(null, appendResponse(outcome, expected));
    });
  };

function appendResponse(outcome: AppendOutcome, expected: Expected): AppendResp {
  if (outcome.ok) {
    const position = new AppendResp.Position().setCommitPosition(String(outcome.position)).setPreparePosition(String(outcome.position));
    return new AppendResp().setSuccess(new AppendResp.Success().setCurrentRevision(String(outcome.revision)).setPosition(position));
  }
  const wrong = new AppendResp.WrongExpectedVersion();
  if (outcome.current === null) wrong.setCurrentNoStream(new Empty());
  else wrong.setCurrentRevision(String(outcome.current));
  if (expected === 'any') wrong.setExpectedAny(new Empty());
  else if (expected === 'no_stream') wrong.setExpectedNoStream(new Empty());
  else if (expected === 'stream_exists') wrong.setExpectedStreamExists(new Empty());
  else wrong.setExpectedRevision(String(expected));
  return new AppendResp().setWrongExpectedVersion(wrong);
}

/**
 * `Streams.BatchAppend`, which the client prefers when ServerFeatures lists it: a long-lived duplex
 * stream of requests keyed by correlation id, each append possibly split over several messages.
 * As the server's `BatchAppendWorker`: not-leader ends the whole call with the leader's endpoint in
 * the trailers (appends pending on it get no answer); not ready answers the one request with a
 * status the client cannot name.
 */
export const batchAppendHandler =
  (log: InMemoryLog, rules: NodeRules = servesEverything) =>
  (call: ServerDuplexStream<BatchAppendReq, BatchAppendResp>): void => {
    const pending = new Map<string, { options: BatchAppendReq.Options; proposed: ProposedEvent[] }>();
    let ended = false;
    call.on('data', (req: BatchAppendReq) => {
      if (ended) return;
      const key = uuidToString(req.getCorrelationId());
      const options = req.getOptions();
      if (options) pending.set(key, { options, proposed: [] });
      const append = pending.get(key);
      if (!append) return;
      append.proposed.push(...req.getProposedMessagesList().map(fromProposed));
      if (!req.getIsFinal()) return;
      pending.delete(key);
      const resp = new BatchAppendResp().setCorrelationId(req.getCorrelationId()).setStreamIdentifier(append.options.getStreamIdentifier());
      const refusal = rules.refuse('write', call.metadata);
      if (refusal && isNotLeader(refusal)) return void ((ended = true), call.emit('error', asServiceError(refusal)));
      if (refusal) return void call.write(resp.setError(unnamedStatus(refusal.details)));
      const expected = expectedOf(append.options, () => append.options.getStreamPosition());
      const outcome = log.append(streamNameOf(append.options.getStreamIdentifier()), expected, append.proposed, rules.recognisesRetries());
      if (rules.diesBeforeAnswer()) return void (ended = true);
      call.write(outcome.ok ? resp.setSuccess(batchSuccess(outcome)) : resp.setError(wrongExpectedVersion(outcome.current, expected)));
    });
    call.on('end', () => ended || call.end());
  };

function batchSuccess(outcome: Extract<AppendOutcome, { ok: true }>): BatchAppendResp.Success {
  const position = new AllStreamPosition().setCommitPosition(String(outcome.position)).setPreparePosition(String(outcome.position));
  return new BatchAppendResp.Success().setCurrentRevision(String(outcome.revision)).setPosition(position);
}

/** The server packs an `Empty` into a not-ready answer, so the client reports it as an unknown error. */
function unnamedStatus(message: string): Status {
  const any = new Any();
  any.pack(new WellKnownEmpty().serializeBinary(), 'google.protobuf.Empty');
  return new Status().setMessage(message).setDetails(any);
}

/** As the server's `Status.WrongExpectedVersion`: ALREADY_EXISTS with the details packed in an Any. */
function wrongExpectedVersion(current: number | null, expected: Expected): Status {
  const details = new WrongExpectedVersion();
  if (current === null) details.setCurrentNoStream(new WellKnownEmpty());
  else details.setCurrentStreamRevision(String(current));
  if (expected === 'any') details.setExpectedAny(new WellKnownEmpty());
  else if (expected === 'no_stream') details.setExpectedNoStream(new WellKnownEmpty());
  else if (expected === 'stream_exists') details.setExpectedStreamExists(new WellKnownEmpty());
  else details.setExpectedStreamPosition(String(expected));
  const any = new Any();
  any.pack(details.serializeBinary(), 'event_store.client.WrongExpectedVersion');
  return new Status().setCode(Code.ALREADY_EXISTS).setMessage('WrongExpectedVersion').setDetails(any);
}
