export * from './auth.module';
export * from './costly-routes';
export * from './current-actor.decorator';
export * from './users.service';
