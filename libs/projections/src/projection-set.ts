import { mentorshipsProjection } from './mentorships/mentorships.projection';
import { peopleProjection } from './people/people.projection';
import type { AnyProjection } from './projection';

/** Every projection the read side runs; `timeZone` dates bank entries (they carry no business date). */
export const createProjections = (timeZone: string): AnyProjection[] => [mentorshipsProjection, peopleProjection(timeZone)];

/** Streams any projection reads: the filter of the one subscription that feeds them all. */
export const projectedPrefixes = (projections: readonly AnyProjection[]): string[] =>
  [...new Set(projections.flatMap((p) => p.streamPrefixes))];
