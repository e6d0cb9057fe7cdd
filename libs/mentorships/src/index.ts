export * from './mentorships.module';
export * from './commands/take-step.command';
export * from './commands/personal-data.handlers';
export * from './queries/get-mentorship.query';
export * from './queries/mentorship.dto';
export * from './mentorship.repository';
export * from './mentor-load.service';
