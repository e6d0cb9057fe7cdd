import { Module, type DynamicModule } from '@nestjs/common';
import { AuthModule } from '#libs/auth';
import { CONFIG, type Config } from '#libs/kernel';
import { OpenDeadlinesSource } from './open-deadlines.source';
import { ReminderLogRepository } from './reminder-log.repository';
import { ReminderMailer } from './reminder-mailer';
import { REMINDERS_OPTIONS, remindersOptionsOf, type RemindersOptions } from './reminders.config';
import { RemindersQuery } from './reminders.query';
import { RemindersService } from './reminders.service';

/** Reminders of the regulation's deadlines, in the app and by e-mail (ReadModels comes from the global ProjectionsModule). */
@Module({})
export class RemindersModule {
  static forRoot(options: Partial<RemindersOptions> = {}): DynamicModule {
    return {
      module: RemindersModule,
      imports: [AuthModule],
      providers: [
        { provide: REMINDERS_OPTIONS, inject: [CONFIG], useFactory: (config: Config) => ({ ...remindersOptionsOf(config), ...options }) },
        OpenDeadlinesSource, ReminderLogRepository, ReminderMailer, RemindersService, RemindersQuery,
      ],
      exports: [RemindersService, RemindersQuery],
    };
  }
}
