import { Module } from '@nestjs/common';
import { AuthModule } from '#libs/auth';
import { ReportsModule } from '#libs/reports';
import { RegionCommands } from './region.commands';
import { RegionRollup } from './region-rollup';
import { RegionLists } from './region.lists';
import { RegisterIndex } from './register.index';

/** Above organisations: the register of regions, municipalities and organisations, coordinators, and the roll-up of figures. */
@Module({
  imports: [AuthModule, ReportsModule],
  providers: [RegisterIndex, RegionCommands, RegionRollup, RegionLists],
  exports: [RegisterIndex, RegionCommands, RegionRollup, RegionLists],
})
export class RegionModule {}
