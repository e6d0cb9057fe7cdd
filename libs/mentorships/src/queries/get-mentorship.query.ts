import { Query } from '@nestjs/cqrs';
import type { Actor } from '#core/people';
import type { MentorshipDto } from './mentorship.dto';
import type { LoadedMentorship } from '../mentorship.repository';

export class GetMentorshipQuery extends Query<MentorshipDto> {
  /**
   * `atRevision`: the state right after that event (a retried command answers as it did the first time).
   * `loaded`: the mentorship at `atRevision` already in hand (a command's own result): not read again.
   */
  constructor(readonly mentorshipId: string, readonly actor: Actor, readonly atRevision?: number, readonly asOf?: AsOf, readonly loaded?: LoadedMentorship) {
    super();
  }
}

/**
 * `date`: as it was on a business date (steps dated up to that day, as known now);
 * `recorded`: as the system knew it at an instant (steps recorded by then). They differ when a
 * step was entered late.
 */
export interface AsOf {
  date?: string;
  recorded?: string;
}
