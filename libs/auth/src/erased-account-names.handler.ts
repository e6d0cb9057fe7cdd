import { EventsHandler, type IEventHandler } from '@nestjs/cqrs';
import { PersonalDataErased } from '#libs/people';
import { UsersService } from './users.service';

@EventsHandler(PersonalDataErased)
export class ErasedAccountNamesHandler implements IEventHandler<PersonalDataErased> {
  constructor(private readonly users: UsersService) {}

  handle(event: PersonalDataErased): void {
    this.users.forgetNamesOf(event.personId);
  }
}
