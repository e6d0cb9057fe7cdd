import { Module } from '@nestjs/common';
import { ErasedAccountNamesHandler } from './erased-account-names.handler';
import { APP_GUARD } from '@nestjs/core';
import { BearerGuard } from './bearer.guard';
import { UsersService } from './users.service';
import { PeopleModule } from '#libs/people';

@Module({
  imports: [PeopleModule],
  providers: [UsersService, ErasedAccountNamesHandler, { provide: APP_GUARD, useClass: BearerGuard }],
  exports: [UsersService],
})
export class AuthModule {}
