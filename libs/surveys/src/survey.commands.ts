import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandOutcome } from '#libs/kernel';

export interface SurveyWritten extends CommandOutcome {
  surveyId: string;
}

/** The curator opens a survey of one questionnaire (roadmap stages 3 and 6). */
export class OpenSurveyCommand extends Command<SurveyWritten> {
  constructor(readonly body: unknown, readonly ctx: CommandContext) {
    super();
  }
}

/** A response: the respondent's own, or the curator's entry of a paper form. */
export class AnswerSurveyCommand extends Command<SurveyWritten> {
  constructor(readonly surveyId: string, readonly body: unknown, readonly ctx: CommandContext) {
    super();
  }
}

export class CloseSurveyCommand extends Command<SurveyWritten> {
  constructor(readonly surveyId: string, readonly body: unknown, readonly ctx: CommandContext) {
    super();
  }
}
