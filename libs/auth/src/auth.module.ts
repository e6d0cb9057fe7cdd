import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { ThrottlerModule } from '@nestjs/throttler';
import { APP_CONFIG, type AppConfig } from '#libs/kernel';
import { PeopleModule } from '#libs/people';
import { BearerGuard } from './bearer.guard';
import { costlyRouteThrottlers } from './costly-routes';
import { CostlyRoutesGuard } from './costly-routes.guard';
import { ErasedAccountNamesHandler } from './erased-account-names.handler';
import { FailedAuthLimiter } from './failed-auth.limiter';
import { PersonAccountsReaction } from './person-accounts.reaction';
import { UsersService } from './users.service';

/** Accounts, the bearer guard, and the per-address limits; the costly-route guard runs first, so a flood costs nothing. */
@Module({
  imports: [
    CqrsModule,
    PeopleModule,
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({ throttlers: costlyRouteThrottlers(config.rateLimits), setHeaders: false }),
    }),
  ],
  providers: [
    UsersService, FailedAuthLimiter, ErasedAccountNamesHandler, PersonAccountsReaction,
    { provide: APP_GUARD, useClass: CostlyRoutesGuard },
    { provide: APP_GUARD, useClass: BearerGuard },
  ],
  exports: [UsersService],
})
export class AuthModule {}
