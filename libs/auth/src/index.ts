export * from './auth.module';
export * from './current-actor.decorator';
export * from './user.events';
export * from './users.service';
