import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AuthModule } from '#libs/auth';
import { KernelModule, type KernelOptions } from '#libs/kernel';
import { MentorshipsModule } from '#libs/mentorships';
import { RoadmapModule } from '#libs/roadmap';

/** What `npm run cli -- demo` needs to load the sample kindergarten: the command bus and the modules it drives, no HTTP. */
@Module({})
export class DemoModule {
  static forRoot(options: KernelOptions): DynamicModule {
    return { module: DemoModule, imports: [CqrsModule.forRoot(), KernelModule.forRoot(options), AuthModule, MentorshipsModule, RoadmapModule] };
  }
}
