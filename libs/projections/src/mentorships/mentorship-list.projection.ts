import type { RecordedEvent } from '#libs/event-store';
import {
  EARLY_END_REASONS, EMPTY_CONTEXT, MENTORSHIP_STATES, stateAfter,
  type EventData, type MentorshipContext, type MentorshipEvent, type MentorshipEventType, type MentorshipState,
} from '#core/mentorship';
import { participantIds, type MentorshipView } from './mentorship.view';

// The log was validated on append, so the read side trusts the shape of what it reads.
const dataOf = <K extends MentorshipEventType>(e: RecordedEvent, _type: K) => e.data as EventData<K>;
const asEvent = (e: RecordedEvent) => e as unknown as MentorshipEvent;

const added = (list: string[], id: string): string[] => (list.includes(id) ? list : [...list, id]);

const UNDATED = EMPTY_CONTEXT.lastDate;
const GIVEN = { given: true, date: UNDATED, documentRef: '' };

/**
 * The machine's context as far as a view knows it, for the machine's guards where its definition
 * leaves the choice of state to them (the last consent, the last acknowledgement). The view keeps
 * who consented and acknowledged, not when or by which document: those read as the empty context's.
 * Built field by field: it runs for every consent and acknowledgement a rebuild folds.
 */
function guardContext(v: MentorshipView): MentorshipContext {
  // Keyed by person: dictionaries from the start, so a million distinct ids add no hidden classes.
  const consents: MentorshipContext['consents'] = Object.create(null);
  for (const p of v.consented) consents[p] = GIVEN;
  const acknowledgements: MentorshipContext['acknowledgements'] = Object.create(null);
  for (const p of v.acknowledged) acknowledgements[p] = UNDATED;
  return {
    mentorshipId: v.id, orgId: v.orgId, mentorId: v.mentorId, mentees: v.mentees, form: v.form, topic: v.topic,
    plannedStart: v.plannedStart, plannedEnd: v.plannedEnd, proposedOn: v.entered.proposed ?? UNDATED, predecessorId: v.predecessorId,
    consents, order: v.order, nextActivityNo: EMPTY_CONTEXT.nextActivityNo, acknowledgements, extensions: EMPTY_CONTEXT.extensions,
    menteeReports: EMPTY_CONTEXT.menteeReports, replacementRequests: EMPTY_CONTEXT.replacementRequests, lastDate: UNDATED,
  };
}

/** A mentorship that starts further on (a successor, §3.8) has passed the states before on its first day. */
function enteredUpTo(state: MentorshipState, date: string): MentorshipView['entered'] {
  const entered: MentorshipView['entered'] = {};
  for (const s of MENTORSHIP_STATES) {
    entered[s] = date;
    if (s === state) break;
  }
  return entered;
}

function started(e: RecordedEvent): MentorshipView {
  const d = dataOf(e, 'MentorshipContinued');
  const state = stateAfter('new', asEvent(e), () => EMPTY_CONTEXT) as MentorshipState;
  const base: MentorshipView = {
    id: d.mentorshipId,
    orgId: d.orgId,
    mentorId: d.mentorId,
    mentees: d.mentees.map((m) => ({ personId: m.personId, firstWorkingDay: m.firstWorkingDay })),
    form: d.form,
    topic: d.topic,
    plannedStart: d.plannedStart,
    plannedEnd: d.plannedEnd,
    state,
    entered: enteredUpTo(state, d.date),
    consented: [],
    acknowledged: [],
    extensions: 0,
    menteeReports: {},
    replacementRequests: 0,
    lastStep: lastStepOf(e),
    revision: e.revision,
  };
  if (e.type !== 'MentorshipContinued') {
    const others = dataOf(e, 'MentorshipProposed').otherUnfinished;
    return others ? { ...base, otherUnfinished: others } : base;
  }
  // A successor starts approved by the replacement order with the new mentor's consent (§3.8); a mentee counts
  // as consented to the new pair only with their own consent to it (§3.7), given with the replacement or later.
  const awaiting = d.mentees.map((m) => m.personId).filter((p) => !d.menteeConsents?.some((c) => c.personId === p));
  return {
    ...base,
    predecessorId: d.predecessorId,
    consented: participantIds(base).filter((p) => !awaiting.includes(p)),
    ...(awaiting.length ? { awaitingConsent: awaiting } : {}),
    order: { number: d.orderNumber, date: d.date, ...(d.agreement ? { agreement: d.agreement } : {}) },
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
 * only (a rebuild folds millions of events, so one copy per event rather than several). Which
 * state an event leads to is the machine's answer (`stateAfter`); this keeps only the facts.
 */
export function projectMentorship(view: MentorshipView | undefined, e: RecordedEvent): MentorshipView | undefined {
  if (e.type === 'MentorshipProposed' || e.type === 'MentorshipContinued') return started(e);
  if (!view) return undefined;
  const v: MentorshipView = { ...view, lastStep: lastStepOf(e), revision: e.revision };
  switch (e.type) {
    case 'ConsentRecorded': {
      const d = dataOf(e, 'ConsentRecorded');
      if (d.given) v.consented = added(v.consented, d.personId);
      if (v.awaitingConsent?.includes(d.personId)) {
        const rest = v.awaitingConsent.filter((p) => p !== d.personId);
        if (rest.length) v.awaitingConsent = rest;
        else delete v.awaitingConsent;
        if (!d.given) v.refusedNewMentor = added(v.refusedNewMentor ?? [], d.personId);
      }
      break;
    }
    case 'OrderIssued': {
      const d = dataOf(e, 'OrderIssued');
      v.order = { number: d.number, date: d.date, ...(d.agreement ? { agreement: d.agreement } : {}) };
      break;
    }
    case 'ProgramDrafted': {
      const d = dataOf(e, 'ProgramDrafted');
      v.program = { draftedOn: d.date, activities: d.activities.length, done: 0 };
      break;
    }
    case 'ProgramAcknowledged':
      v.acknowledged = added(v.acknowledged, dataOf(e, 'ProgramAcknowledged').personId);
      break;
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
      break;
    }
    case 'MentorshipEndedEarly': {
      const d = dataOf(e, 'MentorshipEndedEarly');
      v.completion = { date: d.date, reason: EARLY_END_REASONS[d.noticeBy], earlyEnd: { noticeBy: d.noticeBy, noticeDate: d.noticeDate } };
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
      break;
    }
    case 'ResultsPublished': {
      const d = dataOf(e, 'ResultsPublished');
      v.publication = { date: d.date, summary: d.summary };
      break;
    }
  }
  const state = stateAfter(view.state, asEvent(e), () => guardContext(view)) as MentorshipState;
  if (state !== view.state) {
    v.state = state;
    v.entered = { ...v.entered, [state]: (e.data as { date: string }).date };
  }
  return v;
}
