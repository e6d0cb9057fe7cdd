import { Controller, Get, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { CurrentActor } from '#libs/auth';
import { MentorshipListQuery, type MentorshipListItem, ReadModels } from '#libs/projections';
import { GetMentorshipQuery, type MentorshipDto } from '#libs/mentorships';
import type { Actor } from '#core/people';
import { STATES_WITH_STEPS } from '#core/mentorship';
import { awaitFreshness } from '../http/queries/freshness';
import { type HttpRequest, type HttpReply } from '#libs/kernel';

/** States in which some step may still be open (after completion: reports and publication), as the machine says. */
const OPEN_STATES = STATES_WITH_STEPS;
const LIMIT = 100;

const settled = (m: MentorshipListItem) =>
  m.state === 'completed' && m.dates.publishedOn !== null && m.deadlines.every((d) => d.status === 'met' || d.status === 'late');

/**
 * `GET /api/tasks`: the caller's to-do list — each unfinished mentorship they can see, with the
 * steps the machine allows them now. The list comes from the read model; the steps from the
 * mentorship itself (the same `availableSteps` as its page), so nothing here repeats a rule.
 */
@Controller('tasks')
export class TasksController {
  constructor(private readonly rm: ReadModels, private readonly list: MentorshipListQuery, private readonly queries: QueryBus) {}

  @Get()
  async get(@CurrentActor() actor: Actor, @Req() req: HttpRequest, @Res({ passthrough: true }) res: HttpReply) {
    const freshness = await awaitFreshness(this.rm, req, res);
    const candidates = OPEN_STATES.flatMap((state) => this.list.list(actor, { state, pageSize: LIMIT }).items).filter((m) => !settled(m));
    const items = [];
    for (const m of candidates.slice(0, LIMIT)) {
      const view: MentorshipDto = await this.queries.execute(new GetMentorshipQuery(m.id, actor));
      if (view.availableSteps.length === 0) continue;
      items.push({
        id: view.id, topic: view.topic, state: view.state, stateTitle: view.stateTitle, formTitle: view.formTitle,
        mentor: view.mentor.fullName ?? null, mentees: view.mentees.map((x) => x.fullName ?? null),
        overdue: m.overdue,
        steps: view.availableSteps.map(({ step, title, as }) => ({ step, title, as })),
      });
    }
    return { items, truncated: candidates.length > LIMIT, ...freshness };
  }
}
