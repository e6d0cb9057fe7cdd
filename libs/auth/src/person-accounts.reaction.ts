import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { EventsHandler, type IEventHandler } from '@nestjs/cqrs';
import { ConsentWithdrawalRecorded, PersonalDataErased } from '#libs/people';
import { UsersService } from './users.service';

/**
 * An account linked to a person stops when that person withdraws consent or their data is destroyed,
 * as an `AccountDisabled` in the account's stream. Three layers, so a crash between the person's write
 * and the account's loses nothing:
 * 1. on the in-process notice, this process refuses the person's tokens at once (before any write),
 *    then writes the account events;
 * 2. until they are written, every process refuses those tokens anyway: the guard reads the person's
 *    standing with the account (UsersService, within ACCOUNT_RECHECK_MS);
 * 3. at every start, accounts still active whose person stops them get their event (the command id
 *    derives from the person's event, so several processes or restarts write it once).
 */
@Injectable()
@EventsHandler(ConsentWithdrawalRecorded, PersonalDataErased)
export class PersonAccountsReaction implements IEventHandler<ConsentWithdrawalRecorded | PersonalDataErased>, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('accounts');
  private readonly running = new Set<Promise<unknown>>();

  constructor(private readonly users: UsersService) {}

  handle(event: ConsentWithdrawalRecorded | PersonalDataErased): void {
    this.users.stopAccountsOf(event.personId, event instanceof PersonalDataErased ? 'personal-data-destroyed' : 'consent-withdrawn');
    this.track(this.users.disableAccountsOf(event.personId));
  }

  onApplicationBootstrap(): void {
    this.track((async () => {
      for (const personId of await this.users.peopleToStop()) await this.users.disableAccountsOf(personId);
    })());
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.running]);
  }

  private track(work: Promise<unknown>): void {
    // Codes and names only: a message could quote a person's data. The next start or notice tries again.
    const run = work.catch((error: unknown) => {
      const { name, code } = (error ?? {}) as { name?: string; code?: string };
      this.logger.warn(`Отключение учётных записей сотрудника не записано (${name ?? 'Error'}${code ? ` ${code}` : ''}); повтор при следующем запуске.`);
    }).finally(() => this.running.delete(run));
    this.running.add(run);
  }
}
