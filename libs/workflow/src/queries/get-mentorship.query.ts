import { Query } from '@nestjs/cqrs';
import type { Actor } from '../../../../state-machines/people/roles';
import type { MentorshipDto } from './mentorship.dto';

export class GetMentorshipQuery extends Query<MentorshipDto> {
  /** `atRevision`: the state right after that event (a retried command answers as it did the first time). */
  constructor(readonly mentorshipId: string, readonly actor: Actor, readonly atRevision?: number) {
    super();
  }
}
