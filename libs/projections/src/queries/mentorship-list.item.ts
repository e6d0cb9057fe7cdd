import { STEP_POLICIES, FORM_TITLES, STATE_TITLES, warningsOf } from '#core/mentorship';
import { ROLE_TITLES, type Role } from '#core/people';
import { deadlinesOf } from '../mentorships/mentorship-deadlines';
import type { MentorshipView } from '../mentorships/mentorship.view';

const EVENT_TITLES: Record<string, string> = {
  MentorshipProposed: 'Предложить наставническую пару (группу)',
  MentorshipContinued: 'Продолжение с новым наставником (п. 3.8)',
  ...Object.fromEntries(Object.values(STEP_POLICIES).map((p) => [p.event, p.title])),
};

/** One row of `GET /api/mentorships`: the view with Russian titles, names and today's deadline flags. */
export function mentorshipListItem(v: MentorshipView, names: Map<string, string>, today: string) {
  const flags = deadlinesOf(v, today);
  const person = (personId: string) => ({ personId, fullName: names.get(personId) ?? null });
  const e = v.entered;
  return {
    id: v.id,
    state: v.state,
    stateTitle: STATE_TITLES[v.state],
    form: v.form,
    formTitle: FORM_TITLES[v.form],
    topic: v.topic,
    mentor: person(v.mentorId),
    mentees: v.mentees.map((m) => person(m.personId)),
    plannedStart: v.plannedStart,
    plannedEnd: v.plannedEnd,
    dates: {
      proposedOn: e.proposed ?? null, consentedOn: e.consented ?? null, orderedOn: e.ordered ?? null,
      programDraftedOn: e['program-drafted'] ?? null, activeOn: e.active ?? null, completedOn: e.completed ?? null,
      replacedOn: e.replaced ?? null, declinedOn: e.declined ?? null, withdrawnOn: e.withdrawn ?? null,
      publishedOn: v.publication?.date ?? null,
    },
    // The agreement's terms (the mentor's pay) stay off the list, which mentees read too (ТК РФ ст. 351.8).
    order: v.order ? { number: v.order.number, date: v.order.date } : null,
    program: v.program ?? null,
    extensions: v.extensions,
    predecessorId: v.predecessorId ?? null,
    successorId: v.successorId ?? null,
    deadlines: flags,
    overdue: flags.some((f) => f.status === 'overdue'),
    warnings: warningsOf(v),
    lastStep: {
      ...v.lastStep,
      title: EVENT_TITLES[v.lastStep.event] ?? v.lastStep.event,
      roleTitle: ROLE_TITLES[v.lastStep.role as Role] ?? v.lastStep.role,
    },
    revision: v.revision,
  };
}

export type MentorshipListItem = ReturnType<typeof mentorshipListItem>;
