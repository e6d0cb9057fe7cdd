import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { BearerGuard } from './bearer.guard';
import { UsersService } from './users.service';

@Module({
  providers: [UsersService, { provide: APP_GUARD, useClass: BearerGuard }],
  exports: [UsersService],
})
export class AuthModule {}
