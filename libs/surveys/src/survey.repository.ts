import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '#libs/event-store';
import { streamId } from '#core/shared';
import { foldSurvey, parseSurveyEvent, type SurveyState } from '#core/surveys';
import { readStream, type LoadedStream } from '#libs/kernel';

export const surveyStream = (surveyId: string): string => streamId('survey', surveyId);

/** A survey as the given organisation sees it: one of another organisation does not exist here. */
export function surveyOf(loaded: LoadedStream, orgId: string): SurveyState | undefined {
  const s = foldSurvey(loaded.events.map(parseSurveyEvent));
  return s && s.orgId === orgId ? s : undefined;
}

@Injectable()
export class SurveyRepository {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async load(surveyId: string, orgId: string): Promise<LoadedStream & { survey: SurveyState | undefined }> {
    const loaded = await readStream(this.store, surveyStream(surveyId));
    return { ...loaded, survey: surveyOf(loaded, orgId) };
  }
}
