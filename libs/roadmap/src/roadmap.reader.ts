import { Injectable } from '@nestjs/common';
import { roadmapView } from '#core/roadmap';
import type { Actor } from '#core/people';
import { PeopleRepository } from '#libs/people';
import { STAFF_READERS } from '#libs/projections';
import { RoadmapRepository } from './roadmap.repository';

/**
 * `GET /api/roadmap`: the organisation's roadmap from its stream, with the revision for If-Match.
 * Everyone of the organisation sees its stage; who was trained, by name, only the staff readers.
 */
@Injectable()
export class RoadmapReader {
  constructor(private readonly roadmaps: RoadmapRepository, private readonly people: PeopleRepository) {}

  async read(actor: Actor) {
    const loaded = await this.roadmaps.load(actor.orgId);
    const { trainedMentors, ...view } = roadmapView(loaded.state, actor);
    const staff = actor.roles.some((r) => STAFF_READERS.includes(r));
    const named = staff
      ? await Promise.all(trainedMentors.map(async (t) => ({ ...t, fullName: (await this.people.person(t.personId, actor.orgId)).state?.fullName ?? null })))
      : undefined;
    return { orgId: actor.orgId, revision: loaded.revision, ...view, trainedMentorCount: trainedMentors.length, ...(named ? { trainedMentors: named } : {}) };
  }
}
