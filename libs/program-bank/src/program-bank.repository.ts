import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '#libs/event-store';
import { streamId } from '#core/shared';
import { foldBestCase, foldTemplate, parseProgramBankEvent, type BestCase, type ProgramBankEvent, type ProgramTemplate } from '#core/programs';
import { readCommandStream, type CommandOutcome, type CommandStream } from '#libs/kernel';

export type BankCategory = 'programtemplate' | 'bestcase';

export type BankStream<T> = CommandStream<T | undefined>;

export interface BankResult extends CommandOutcome {
  id: string;
}

/** The `programtemplate-` and `bestcase-` streams: small, read whole and folded by the core. */
@Injectable()
export class ProgramBankRepository {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  private read<T>(category: BankCategory, id: string, fold: (e: ProgramBankEvent[]) => T | undefined): Promise<BankStream<T>> {
    return readCommandStream(this.store, streamId(category, id), (events) => fold(events.map(parseProgramBankEvent)));
  }

  template(id: string): Promise<BankStream<ProgramTemplate>> {
    return this.read('programtemplate', id, foldTemplate);
  }

  bestCase(subjectId: string): Promise<BankStream<BestCase>> {
    return this.read('bestcase', subjectId, foldBestCase);
  }
}
