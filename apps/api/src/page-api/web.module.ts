import { Module } from '@nestjs/common';
import { AuthModule } from '#libs/auth';
import { MentorshipsModule } from '#libs/mentorships';
import { DemoController } from './demo.controller';
import { LifecycleController } from './lifecycle.controller';
import { SessionController } from './session.controller';
import { StaffController } from './staff.controller';
import { StaffImportController } from './staff-import.controller';
import { StaffListQuery } from './staff-list.query';
import { StaticSite } from './static-site';
import { TasksController } from './tasks.controller';
import { VocabularyController } from './vocabulary.controller';

/** The web interface (`apps/web`, served at `/`) and the few endpoints only a page needs. */
@Module({
  imports: [AuthModule, MentorshipsModule],
  controllers: [SessionController, LifecycleController, VocabularyController, TasksController, StaffController, StaffImportController, DemoController],
  providers: [StaticSite, StaffListQuery],
})
export class WebModule {}
