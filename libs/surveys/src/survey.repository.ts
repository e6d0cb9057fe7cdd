import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '#libs/event-store';
import { streamId } from '#core/shared';
import { foldSurvey, parseSurveyEvent, type SurveyState } from '#core/surveys';
import { readCommandStream, type CommandStream } from '#libs/kernel';

export const surveyStream = (surveyId: string): string => streamId('survey', surveyId);

@Injectable()
export class SurveyRepository {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** A survey as the given organisation sees it: one of another organisation does not exist here. */
  load(surveyId: string, orgId: string): Promise<CommandStream<SurveyState | undefined>> {
    return readCommandStream(this.store, surveyStream(surveyId), (events) => {
      const s = foldSurvey(events.map(parseSurveyEvent));
      return s && s.orgId === orgId ? s : undefined;
    });
  }
}
