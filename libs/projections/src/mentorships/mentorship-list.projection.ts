import type { RecordedEvent } from '#libs/event-store';
import type { EventData, MentorshipEventType, MentorshipState } from '#core/mentorship';
import { participantIds, type MentorshipView } from './mentorship.view';

// The log was validated on append, so the read side trusts the shape of what it reads.
const dataOf = <K extends MentorshipEventType>(e: RecordedEvent, _type: K) => e.data as EventData<K>;

const added = (list: string[], id: string): string[] => (list.includes(id) ? list : [...list, id]);

function started(e: RecordedEvent): MentorshipView {
  const d = dataOf(e, 'MentorshipContinued');
  const base: MentorshipView = {
    id: d.mentorshipId,
    orgId: d.orgId,
    mentorId: d.mentorId,
    mentees: d.mentees.map((m) => ({ personId: m.personId, firstWorkingDay: m.firstWorkingDay })),
    form: d.form,
    topic: d.topic,
    plannedStart: d.plannedStart,
    plannedEnd: d.plannedEnd,
    state: 'proposed',
    entered: { proposed: d.date },
    consented: [],
    acknowledged: [],
    extensions: 0,
    menteeReports: {},
    replacementRequests: 0,
    lastStep: lastStepOf(e),
    revision: e.revision,
  };
  if (e.type !== 'MentorshipContinued') return base;
  // A successor starts approved: the replacement order and the new mentor's consent came with it (§3.8).
  return {
    ...base,
    predecessorId: d.predecessorId,
    state: 'ordered',
    entered: { proposed: d.date, consented: d.date, ordered: d.date },
    consented: participantIds(base),
    order: { number: d.orderNumber, date: d.date },
  };
}

const lastStepOf = (e: RecordedEvent) => ({
  event: e.type,
  date: e.metadata.businessDate,
  actorId: e.metadata.actorId,
  role: e.metadata.role,
  recordedAt: e.metadata.recordedAt,
});

/**
 * The mentorship list projection: folds one event of a `mentorship-` stream into its view. Pure:
 * the view passed in is never changed; each event makes one copy and sets fields on that copy
 * only (a rebuild folds millions of events, so one copy per event rather than several).
 */
export function projectMentorship(view: MentorshipView | undefined, e: RecordedEvent): MentorshipView | undefined {
  if (e.type === 'MentorshipProposed' || e.type === 'MentorshipContinued') return started(e);
  if (!view) return undefined;
  const v: MentorshipView = { ...view, lastStep: lastStepOf(e), revision: e.revision };
  const enter = (state: MentorshipState, date: string) => {
    v.state = state;
    v.entered = { ...v.entered, [state]: date };
  };
  switch (e.type) {
    case 'ConsentRecorded': {
      const d = dataOf(e, 'ConsentRecorded');
      if (!d.given) {
        enter('declined', d.date);
        break;
      }
      v.consented = added(v.consented, d.personId);
      if (participantIds(v).every((p) => v.consented.includes(p))) enter('consented', d.date);
      break;
    }
    case 'OrderIssued': {
      const d = dataOf(e, 'OrderIssued');
      v.order = { number: d.number, date: d.date };
      enter('ordered', d.date);
      break;
    }
    case 'ProgramDrafted': {
      const d = dataOf(e, 'ProgramDrafted');
      v.program = { draftedOn: d.date, activities: d.activities.length, done: 0 };
      enter('program-drafted', d.date);
      break;
    }
    case 'ProgramAcknowledged': {
      const d = dataOf(e, 'ProgramAcknowledged');
      v.acknowledged = added(v.acknowledged, d.personId);
      if (v.mentees.every((m) => v.acknowledged.includes(m.personId))) enter('active', d.date);
      break;
    }
    case 'ActivityCompleted':
      if (v.program) v.program = { ...v.program, done: v.program.done + 1 };
      break;
    case 'ProgramAmended':
      // Done activities stay; the amendment replaces the pending ones (as the machine does).
      if (v.program) v.program = { ...v.program, activities: v.program.done + dataOf(e, 'ProgramAmended').activities.length, amendedOn: dataOf(e, 'ProgramAmended').date };
      break;
    case 'ProgramExtended':
      v.plannedEnd = dataOf(e, 'ProgramExtended').plannedEnd;
      v.extensions += 1;
      break;
    case 'MentorshipCompleted': {
      const d = dataOf(e, 'MentorshipCompleted');
      v.completion = { date: d.date, reason: d.reason };
      enter('completed', d.date);
      break;
    }
    case 'MentorReportSubmitted':
      v.mentorReportOn = dataOf(e, 'MentorReportSubmitted').date;
      break;
    case 'MenteeReportSubmitted': {
      const d = dataOf(e, 'MenteeReportSubmitted');
      v.menteeReports = { ...v.menteeReports, [d.personId]: { date: d.date, evaluation: d.mentorEvaluation } };
      break;
    }
    case 'ReplacementRequested':
      v.replacementRequests += 1;
      break;
    case 'MentorReplaced': {
      const d = dataOf(e, 'MentorReplaced');
      v.successorId = d.successorId;
      v.replacement = { date: d.date, reason: d.reason, newMentorId: d.newMentorId };
      enter('replaced', d.date);
      break;
    }
    case 'ResultsPublished': {
      const d = dataOf(e, 'ResultsPublished');
      v.publication = { date: d.date, summary: d.summary };
      break;
    }
    case 'MentorshipWithdrawn':
      enter('withdrawn', dataOf(e, 'MentorshipWithdrawn').date);
      break;
  }
  return v;
}
