import { Module } from '@nestjs/common';
import { AuthModule } from '#libs/auth';
import { RegionCommands } from './region.commands';
import { RegionLists } from './region.lists';
import { RegisterIndex } from './register.index';

/** Above organisations: the register of regions, municipalities and organisations, and coordinators' accounts. */
@Module({
  imports: [AuthModule],
  providers: [RegisterIndex, RegionCommands, RegionLists],
  exports: [RegisterIndex, RegionCommands, RegionLists],
})
export class RegionModule {}
