import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { PeopleModule } from '#libs/people';
import { RoadmapReader } from './roadmap.reader';
import { RoadmapRepository } from './roadmap.repository';
import { TakeRoadmapStepHandler } from './take-roadmap-step.handler';

/** The organisation's roadmap: the seven stages of the regulation's «Примерная дорожная карта», a second machine. */
@Module({
  imports: [CqrsModule, PeopleModule],
  providers: [RoadmapRepository, TakeRoadmapStepHandler, RoadmapReader],
  exports: [RoadmapReader],
})
export class RoadmapModule {}
