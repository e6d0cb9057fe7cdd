import { Inject, Injectable } from '@nestjs/common';
import { ConcurrencyError, EVENT_STORE, type EventStore, type LogPosition, type RecordedEvent } from '#libs/event-store';
import { streamId } from '#core/shared';
import { foldBestCase, foldTemplate, parseProgramBankEvent, type BestCase, type ProgramBankEvent, type ProgramTemplate } from '#core/programs';
import { CLOCK, type Clock, type CommandContext, envelope, concurrentChange, idempotencyKeyReused } from '#libs/kernel';

export type BankCategory = 'programtemplate' | 'bestcase';

export interface BankStream<T> {
  state: T | undefined;
  revision: number;
  events: RecordedEvent[];
}

export interface BankResult {
  id: string;
  revision: number;
  replayed: boolean;
  position?: LogPosition;
}

/** The `programtemplate-` and `bestcase-` streams: small, read whole and folded by the core. */
@Injectable()
export class ProgramBankRepository {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore, @Inject(CLOCK) private readonly clock: Clock) {}

  private async read<T>(category: BankCategory, id: string, fold: (e: ProgramBankEvent[]) => T | undefined): Promise<BankStream<T>> {
    const events = await this.store.readStream(streamId(category, id));
    return { state: fold(events.map(parseProgramBankEvent)), revision: events.length ? events[events.length - 1].revision : -1, events };
  }

  template(id: string): Promise<BankStream<ProgramTemplate>> {
    return this.read('programtemplate', id, foldTemplate);
  }

  bestCase(subjectId: string): Promise<BankStream<BestCase>> {
    return this.read('bestcase', subjectId, foldBestCase);
  }

  /** Appends a decision once: a retry with the same command id (Idempotency-Key) returns the first answer. */
  async append<T>(category: BankCategory, id: string, current: BankStream<T>, ctx: CommandContext, role: string, decide: () => ProgramBankEvent[]): Promise<BankResult> {
    const mine = current.events.filter((e) => e.metadata.commandId === ctx.commandId);
    if (mine.length) {
      if (mine[0].metadata.requestHash !== ctx.requestHash) throw idempotencyKeyReused();
      return { id, revision: mine[mine.length - 1].revision, replayed: true };
    }
    const stream = streamId(category, id);
    try {
      const r = await this.store.append(stream, envelope(stream, decide(), ctx, this.clock.now(), role), current.revision < 0 ? 'no_stream' : current.revision);
      return { id, revision: r.nextRevision, replayed: false, position: r.position };
    } catch (error) {
      throw error instanceof ConcurrencyError ? concurrentChange() : error;
    }
  }
}
