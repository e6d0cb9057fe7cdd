import { assign, setup } from 'xstate';
import { EMPTY_CONTEXT, type MentorshipContext } from './mentorship.context';
import type { EventOf, MentorshipEvent } from './mentorship.events';
import { EARLY_END_REASONS, type LifecyclePhase } from './mentorship.vocabulary';
import { completionReasonHolds } from './rules/completion-reason.rule';
import { labourCodeGoverns, noticeFromParty, noticePeriodKept } from './rules/early-termination.rule';
import { extensionWithinLimit } from './rules/extension-limit.rule';
import { agreedByAllParticipants } from './rules/mutual-agreement.rule';
import { newMentorDiffers } from './rules/new-mentor.rule';
import { plannedDurationWithinLimits } from './rules/planned-duration.rule';
import { activityPending } from './rules/program-content.rule';
import {
  acknowledgementFromPendingMentee, completesAcknowledgements, completesMenteeReports, reportFromPendingMentee, writtenByTheMentor,
} from './rules/report-author.rule';
import type { RuleCheck } from './rules/rule';
import { completesConsents, consentFromPendingParticipant } from './rules/written-consent.rule';

/**
 * One mentorship's lifecycle (DESIGN.md, "Lifecycle"). Its events are the stored domain events,
 * its guards are the regulation's rules over event-derived context, and it runs no side effects:
 * the state of a mentorship is `events.reduce(evolve)` with XState's pure `transition`.
 */
const on = <K extends MentorshipEvent['type']>(event: MentorshipEvent, _type: K) => event as EventOf<K>;
/** A rule of the regulation holds: its check found nothing wrong. Guard names say which rule, as a predicate. */
const holds = (check: RuleCheck): boolean => check === null;
const later = (ctx: MentorshipContext, date: string) => (date > ctx.lastDate ? date : ctx.lastDate);

export const mentorshipMachine = setup({
  types: {
    context: {} as MentorshipContext,
    events: {} as MentorshipEvent,
    tags: {} as LifecyclePhase,
  },
  guards: {
    durationWithinLimits: ({ event }) => {
      const { plannedStart, plannedEnd } = on(event, 'MentorshipProposed').data;
      return holds(plannedDurationWithinLimits(plannedStart, plannedEnd));
    },
    consentRefusedByParticipant: ({ context, event }) => {
      const { personId, given } = on(event, 'ConsentRecorded').data;
      return given === false && holds(consentFromPendingParticipant(context, personId));
    },
    consentCompletes: ({ context, event }) => {
      const { personId, given } = on(event, 'ConsentRecorded').data;
      return given && holds(consentFromPendingParticipant(context, personId)) && completesConsents(context, personId);
    },
    consentFromPendingParticipant: ({ context, event }) => holds(consentFromPendingParticipant(context, on(event, 'ConsentRecorded').data.personId)),
    consentToNewMentorPending: ({ context, event }) => {
      const { personId } = on(event, 'ConsentRecorded').data;
      return !!context.consents[personId]?.inherited && holds(consentFromPendingParticipant(context, personId));
    },
    acknowledgementCompletes: ({ context, event }) => {
      const { personId } = on(event, 'ProgramAcknowledged').data;
      return holds(acknowledgementFromPendingMentee(context, personId)) && completesAcknowledgements(context, personId);
    },
    acknowledgementPending: ({ context, event }) => holds(acknowledgementFromPendingMentee(context, on(event, 'ProgramAcknowledged').data.personId)),
    activityPending: ({ context, event }) => holds(activityPending(context, on(event, 'ActivityCompleted').data.activityId)),
    amendmentAgreed: ({ context, event }) => holds(agreedByAllParticipants(context, on(event, 'ProgramAmended').data.agreedBy)),
    extensionAgreedAndWithinLimit: ({ context, event }) => {
      const { agreedBy, plannedEnd } = on(event, 'ProgramExtended').data;
      return holds(agreedByAllParticipants(context, agreedBy)) && holds(extensionWithinLimit(context, plannedEnd));
    },
    completionReasonHolds: ({ context, event }) => holds(completionReasonHolds(context, on(event, 'MentorshipCompleted').data.reason)),
    earlyEndNoticeKept: ({ context, event }) => {
      const { noticeBy, personId, noticeDate, date } = on(event, 'MentorshipEndedEarly').data;
      return labourCodeGoverns(context) && holds(noticeFromParty(context, noticeBy, personId)) && holds(noticePeriodKept(context, noticeDate, date));
    },
    byTheMentor: ({ context, event }) => writtenByTheMentor(context, on(event, 'MentorReportSubmitted').data.personId),
    menteeReportCompletes: ({ context, event }) => {
      const { personId } = on(event, 'MenteeReportSubmitted').data;
      return holds(reportFromPendingMentee(context, personId)) && completesMenteeReports(context, personId);
    },
    menteeReportPending: ({ context, event }) => holds(reportFromPendingMentee(context, on(event, 'MenteeReportSubmitted').data.personId)),
    newMentorDiffers: ({ context, event }) => holds(newMentorDiffers(context, on(event, 'MentorReplaced').data.newMentorId)),
  },
  actions: {
    recordProposal: assign(({ event }) => {
      const { data } = on(event, 'MentorshipProposed');
      return {
        ...EMPTY_CONTEXT,
        mentorshipId: data.mentorshipId,
        orgId: data.orgId,
        mentorId: data.mentorId,
        mentees: data.mentees,
        form: data.form,
        topic: data.topic,
        plannedStart: data.plannedStart,
        plannedEnd: data.plannedEnd,
        proposedOn: data.date,
        ...(data.otherUnfinished ? { otherUnfinished: data.otherUnfinished } : {}),
        lastDate: data.date,
      };
    }),
    recordContinuation: assign(({ event }) => {
      const { data } = on(event, 'MentorshipContinued');
      // The new mentor consented with the replacement; a mentee, if their consent to the new pair came with it (§3.7).
      const consents: MentorshipContext['consents'] = { [data.mentorId]: { given: true, date: data.date, documentRef: data.newMentorConsentRef } };
      for (const { personId } of data.mentees) {
        const c = data.menteeConsents?.find((x) => x.personId === personId);
        consents[personId] = c
          ? { given: true, date: c.date, documentRef: c.documentRef }
          : { given: true, date: data.date, documentRef: 'согласие на участие в предыдущем наставничестве (до замены наставника)', inherited: true };
      }
      return {
        ...EMPTY_CONTEXT,
        mentorshipId: data.mentorshipId,
        orgId: data.orgId,
        mentorId: data.mentorId,
        mentees: data.mentees,
        form: data.form,
        topic: data.topic,
        plannedStart: data.plannedStart,
        plannedEnd: data.plannedEnd,
        proposedOn: data.date,
        predecessorId: data.predecessorId,
        consents,
        order: { number: data.orderNumber, date: data.date, ...(data.agreement ? { agreement: data.agreement } : {}) },
        lastDate: data.date,
      };
    }),
    recordConsent: assign(({ context, event }) => {
      const { personId, given, date, documentRef } = on(event, 'ConsentRecorded').data;
      return { consents: { ...context.consents, [personId]: { given, date, documentRef } }, lastDate: later(context, date) };
    }),
    recordOrder: assign(({ context, event }) => {
      const { number, date, agreement } = on(event, 'OrderIssued').data;
      return { order: { number, date, ...(agreement ? { agreement } : {}) }, lastDate: later(context, date) };
    }),
    recordProgram: assign(({ context, event }) => {
      const { date, activities } = on(event, 'ProgramDrafted').data;
      return {
        program: { draftedOn: date, activities },
        nextActivityNo: context.nextActivityNo + activities.length,
        lastDate: later(context, date),
      };
    }),
    recordAcknowledgement: assign(({ context, event }) => {
      const { personId, date } = on(event, 'ProgramAcknowledged').data;
      return { acknowledgements: { ...context.acknowledgements, [personId]: date }, lastDate: later(context, date) };
    }),
    recordActivityDone: assign(({ context, event }) => {
      const { activityId, date } = on(event, 'ActivityCompleted').data;
      const program = context.program!;
      return {
        program: { ...program, activities: program.activities.map((a) => (a.id === activityId ? { ...a, doneOn: date } : a)) },
        lastDate: later(context, date),
      };
    }),
    recordAmendment: assign(({ context, event }) => {
      const { date, activities } = on(event, 'ProgramAmended').data;
      const program = context.program!;
      // Done activities stay as history; the amendment replaces what was still pending.
      const done = program.activities.filter((a) => a.doneOn);
      return {
        program: { ...program, activities: [...done, ...activities], amendedOn: date },
        nextActivityNo: context.nextActivityNo + activities.length,
        lastDate: later(context, date),
      };
    }),
    recordExtension: assign(({ context, event }) => {
      const { date, plannedEnd } = on(event, 'ProgramExtended').data;
      return {
        plannedEnd,
        extensions: [...context.extensions, { date, plannedEnd, previousEnd: context.plannedEnd }],
        lastDate: later(context, date),
      };
    }),
    recordCompletion: assign(({ context, event }) => {
      const { date, reason, note } = on(event, 'MentorshipCompleted').data;
      return { completion: { date, reason, note }, lastDate: later(context, date) };
    }),
    recordEarlyEnd: assign(({ context, event }) => {
      const { date, noticeBy, personId, noticeDate, noticeRef, note } = on(event, 'MentorshipEndedEarly').data;
      const earlyEnd = { noticeBy, ...(personId ? { personId } : {}), noticeDate, noticeRef };
      return { completion: { date, reason: EARLY_END_REASONS[noticeBy], ...(note ? { note } : {}), earlyEnd }, lastDate: later(context, date) };
    }),
    recordMentorReport: assign(({ context, event }) => {
      const { date, text, recommendations } = on(event, 'MentorReportSubmitted').data;
      return { mentorReport: { date, text, recommendations }, lastDate: later(context, date) };
    }),
    recordMenteeReport: assign(({ context, event }) => {
      const { personId, date, text, mentorEvaluation } = on(event, 'MenteeReportSubmitted').data;
      return { menteeReports: { ...context.menteeReports, [personId]: { date, text, mentorEvaluation } }, lastDate: later(context, date) };
    }),
    recordReplacementRequest: assign(({ context, event }) => {
      const { date, reason, note } = on(event, 'ReplacementRequested').data;
      return { replacementRequests: [...context.replacementRequests, { date, reason, note }], lastDate: later(context, date) };
    }),
    recordReplacement: assign(({ context, event }) => {
      const { date, reason, newMentorId, orderNumber, successorId } = on(event, 'MentorReplaced').data;
      return { replacement: { date, reason, newMentorId, orderNumber, successorId }, lastDate: later(context, date) };
    }),
    recordPublication: assign(({ context, event }) => {
      const { date, summary } = on(event, 'ResultsPublished').data;
      return { publication: { date, summary }, lastDate: later(context, date) };
    }),
    recordWithdrawal: assign(({ context, event }) => {
      const { date, reason } = on(event, 'MentorshipWithdrawn').data;
      return { withdrawal: { date, reason }, lastDate: later(context, date) };
    }),
  },
}).createMachine({
  id: 'mentorship',
  initial: 'new',
  context: EMPTY_CONTEXT,
  states: {
    new: {
      on: {
        MentorshipProposed: { target: 'proposed', guard: 'durationWithinLimits', actions: 'recordProposal' },
        MentorshipContinued: { target: 'ordered', actions: 'recordContinuation' },
      },
    },
    proposed: {
      tags: 'awaiting-order',
      on: {
        ConsentRecorded: [
          { guard: 'consentRefusedByParticipant', target: 'declined', actions: 'recordConsent' },
          { guard: 'consentCompletes', target: 'consented', actions: 'recordConsent' },
          { guard: 'consentFromPendingParticipant', actions: 'recordConsent' },
        ],
        MentorshipWithdrawn: { target: 'withdrawn', actions: 'recordWithdrawal' },
      },
    },
    consented: {
      tags: 'awaiting-order',
      on: {
        OrderIssued: { target: 'ordered', actions: 'recordOrder' },
        MentorshipWithdrawn: { target: 'withdrawn', actions: 'recordWithdrawal' },
      },
    },
    ordered: {
      tags: 'in-progress',
      on: {
        ProgramDrafted: { target: 'program-drafted', actions: 'recordProgram' },
        ConsentRecorded: { guard: 'consentToNewMentorPending', actions: 'recordConsent' },
        ReplacementRequested: { actions: 'recordReplacementRequest' },
        MentorReplaced: { target: 'replaced', guard: 'newMentorDiffers', actions: 'recordReplacement' },
        MentorshipEndedEarly: { target: 'completed', guard: 'earlyEndNoticeKept', actions: 'recordEarlyEnd' },
      },
    },
    'program-drafted': {
      tags: 'in-progress',
      on: {
        ConsentRecorded: { guard: 'consentToNewMentorPending', actions: 'recordConsent' },
        ProgramAcknowledged: [
          { guard: 'acknowledgementCompletes', target: 'active', actions: 'recordAcknowledgement' },
          { guard: 'acknowledgementPending', actions: 'recordAcknowledgement' },
        ],
        ReplacementRequested: { actions: 'recordReplacementRequest' },
        MentorReplaced: { target: 'replaced', guard: 'newMentorDiffers', actions: 'recordReplacement' },
        MentorshipEndedEarly: { target: 'completed', guard: 'earlyEndNoticeKept', actions: 'recordEarlyEnd' },
      },
    },
    active: {
      tags: 'in-progress',
      on: {
        ActivityCompleted: { guard: 'activityPending', actions: 'recordActivityDone' },
        ConsentRecorded: { guard: 'consentToNewMentorPending', actions: 'recordConsent' },
        ProgramAmended: { guard: 'amendmentAgreed', actions: 'recordAmendment' },
        ProgramExtended: { guard: 'extensionAgreedAndWithinLimit', actions: 'recordExtension' },
        MentorshipCompleted: { target: 'completed', guard: 'completionReasonHolds', actions: 'recordCompletion' },
        ReplacementRequested: { actions: 'recordReplacementRequest' },
        MentorReplaced: { target: 'replaced', guard: 'newMentorDiffers', actions: 'recordReplacement' },
        MentorshipEndedEarly: { target: 'completed', guard: 'earlyEndNoticeKept', actions: 'recordEarlyEnd' },
      },
    },
    completed: {
      type: 'parallel',
      tags: 'finished',
      states: {
        mentorReport: {
          initial: 'pending',
          states: {
            pending: { on: { MentorReportSubmitted: { target: 'submitted', guard: 'byTheMentor', actions: 'recordMentorReport' } } },
            submitted: {},
          },
        },
        menteeReports: {
          initial: 'pending',
          states: {
            pending: {
              on: {
                MenteeReportSubmitted: [
                  { guard: 'menteeReportCompletes', target: 'submitted', actions: 'recordMenteeReport' },
                  { guard: 'menteeReportPending', actions: 'recordMenteeReport' },
                ],
              },
            },
            submitted: {},
          },
        },
        publication: {
          initial: 'unpublished',
          states: {
            unpublished: { on: { ResultsPublished: { target: 'published', actions: 'recordPublication' } } },
            published: {},
          },
        },
      },
    },
    replaced: { type: 'final', tags: 'finished' },
    declined: { type: 'final', tags: 'finished' },
    withdrawn: { type: 'final', tags: 'finished' },
  },
});

export type MentorshipMachine = typeof mentorshipMachine;
