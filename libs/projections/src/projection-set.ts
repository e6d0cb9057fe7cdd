import { mentorshipsProjection } from './mentorships/mentorships.projection';
import { peopleProjection } from './people/people.projection';
import { bestCasesProjection, programTemplatesProjection } from './programs/program-bank.projection';
import type { AnyProjection } from './projection';
import { roadmapProjection } from './roadmap/roadmap.projection';
import { surveysProjection } from './surveys/surveys.projection';

/** Every projection the read side runs; `timeZone` dates bank entries (they carry no business date). */
export const createProjections = (timeZone: string): AnyProjection[] => [
  mentorshipsProjection, peopleProjection(timeZone), programTemplatesProjection, bestCasesProjection,
  roadmapProjection, surveysProjection,
];

/** Streams any projection reads: the filter of the one subscription that feeds them all. */
export const projectedPrefixes = (projections: readonly AnyProjection[]): string[] =>
  [...new Set(projections.flatMap((p) => p.streamPrefixes))];
