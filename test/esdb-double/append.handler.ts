import { status, type sendUnaryData, type ServerDuplexStream, type ServerReadableStream } from '@grpc/grpc-js';
import { Any } from 'google-protobuf/google/protobuf/any_pb';
import { Empty as WellKnownEmpty } from 'google-protobuf/google/protobuf/empty_pb';
import { Code } from '@eventstore/db-client/generated/code_pb';
import { AllStreamPosition, Empty, WrongExpectedVersion } from '@eventstore/db-client/generated/shared_pb';
import { Status } from '@eventstore/db-client/generated/status_pb';
import { AppendReq, AppendResp, BatchAppendReq, BatchAppendResp } from '@eventstore/db-client/generated/streams_pb';
import type { AppendOutcome, Expected, InMemoryLog, ProposedEvent } from './in-memory-log';
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

/** `Streams.Append`: one options message, then the proposed events; answered once the call ends. */
export const appendHandler =
  (log: InMemoryLog) =>
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
      const expected = expectedOf(options, () => options!.getRevision());
      const outcome = log.append(streamNameOf(options.getStreamIdentifier()), expected, proposed);
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
 */
export const batchAppendHandler =
  (log: InMemoryLog) =>
  (call: ServerDuplexStream<BatchAppendReq, BatchAppendResp>): void => {
    const pending = new Map<string, { options: BatchAppendReq.Options; proposed: ProposedEvent[] }>();
    call.on('data', (req: BatchAppendReq) => {
      const key = uuidToString(req.getCorrelationId());
      const options = req.getOptions();
      if (options) pending.set(key, { options, proposed: [] });
      const append = pending.get(key);
      if (!append) return;
      append.proposed.push(...req.getProposedMessagesList().map(fromProposed));
      if (!req.getIsFinal()) return;
      pending.delete(key);
      const expected = expectedOf(append.options, () => append.options.getStreamPosition());
      const outcome = log.append(streamNameOf(append.options.getStreamIdentifier()), expected, append.proposed);
      const resp = new BatchAppendResp().setCorrelationId(req.getCorrelationId()).setStreamIdentifier(append.options.getStreamIdentifier());
      call.write(outcome.ok ? resp.setSuccess(batchSuccess(outcome)) : resp.setError(wrongExpectedVersion(outcome.current, expected)));
    });
    call.on('end', () => call.end());
  };

function batchSuccess(outcome: Extract<AppendOutcome, { ok: true }>): BatchAppendResp.Success {
  const position = new AllStreamPosition().setCommitPosition(String(outcome.position)).setPreparePosition(String(outcome.position));
  return new BatchAppendResp.Success().setCurrentRevision(String(outcome.revision)).setPosition(position);
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
