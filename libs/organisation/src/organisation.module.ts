import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { WorkflowModule } from '../../workflow/src/workflow.module';
import { RoadmapReader } from './roadmap/roadmap.reader';
import { RoadmapRepository } from './roadmap/roadmap.repository';
import { TakeRoadmapStepHandler } from './roadmap/take-roadmap-step.handler';
import { PairingSuggestionsQuery } from './suggestions/pairing-suggestions.query';
import { AnswerSurveyHandler, CloseSurveyHandler, OpenSurveyHandler } from './surveys/survey.handlers';
import { SurveyRepository } from './surveys/survey.repository';
import { SurveysReader } from './surveys/surveys.reader';

const READERS = [RoadmapReader, SurveysReader, PairingSuggestionsQuery];

/**
 * The organisation's side of the regulation beyond single mentorships: the roadmap (a second
 * machine), surveys of roadmap stages 3 and 6, and pairing suggestions from the banks.
 */
@Module({
  imports: [CqrsModule, WorkflowModule],
  providers: [RoadmapRepository, SurveyRepository, TakeRoadmapStepHandler, OpenSurveyHandler, AnswerSurveyHandler, CloseSurveyHandler, ...READERS],
  exports: READERS,
})
export class OrganisationModule {}
