import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { MentorshipsModule } from '#libs/mentorships';
import { AnswerSurveyHandler, CloseSurveyHandler, OpenSurveyHandler } from './survey.handlers';
import { SurveyRepository } from './survey.repository';
import { SurveysReader } from './surveys.reader';

/** Surveys of roadmap stages 3 (mentor candidates) and 6 (participants at completion). */
@Module({
  imports: [CqrsModule, MentorshipsModule],
  providers: [SurveyRepository, OpenSurveyHandler, AnswerSurveyHandler, CloseSurveyHandler, SurveysReader],
  exports: [SurveysReader],
})
export class SurveysModule {}
