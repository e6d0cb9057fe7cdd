export * from './auth.module';
export * from './current-actor.decorator';
export * from './users.service';
