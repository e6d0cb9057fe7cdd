import { STEP_POLICIES, type MentorshipContext, type MentorshipEvent, type MentorshipEventType, type MentorshipState, type StepName } from '#core/mentorship';
import { DomainError } from '#core/shared';
import type { DocumentFacts } from './document.facts';
import type { DocumentKind, DocumentModel } from './document.model';
import { consentDocument } from './kinds/consent.document';
import { menteeReport } from './kinds/mentee-report.document';
import { mentorReport } from './kinds/mentor-report.document';
import { pairsOrder } from './kinds/pairs-order.document';
import { programDocument } from './kinds/program.document';
import { replacementOrder } from './kinds/replacement-order.document';
import { supplementaryAgreement } from './kinds/supplementary-agreement.document';

export interface StoredStep {
  revision: number;
  event: MentorshipEvent;
}

/** A document the regulation names, and the step of the mentorship it belongs to. */
export interface DocumentSlot {
  kind: DocumentKind;
  personId: string | null;
  title: string;
  clause: string;
  /** The step's event; `revision` and `date` once it is recorded (then the document is final, else a draft). */
  step: { event: MentorshipEventType; revision: number | null; date: string | null };
  available: boolean;
  note?: string;
}

/** Each kind, and the step events that make it final (the last one recorded counts: an amended program is printed as amended). */
const KINDS: Record<DocumentKind, { title: string; clause: string; event: MentorshipEventType; also?: MentorshipEventType[] }> = {
  'pairs-order': { title: 'Приказ «О закреплении наставнических пар»', clause: '§3.3, §3.7, §6.2', event: 'OrderIssued' },
  'replacement-order': { title: 'Приказ о замене наставника', clause: '§3.8', event: 'MentorReplaced' },
  'mentor-consent': { title: 'Письменное согласие наставника', clause: '§3.2, §3.7', event: 'ConsentRecorded' },
  'mentee-consent': { title: 'Письменное согласие наставляемого', clause: '§3.7', event: 'ConsentRecorded' },
  program: { title: 'Персонализированная программа наставничества', clause: '§3.6', event: 'ProgramDrafted', also: ['ProgramAmended'] },
  'mentor-report': { title: 'Отчёт наставника о выполнении программы', clause: '§3.6', event: 'MentorReportSubmitted' },
  'mentee-report': { title: 'Отчёт наставляемого о прохождении наставничества', clause: '§3.6', event: 'MenteeReportSubmitted' },
  'supplementary-agreement': { title: 'Дополнительное соглашение к трудовому договору наставника', clause: 'ТК РФ ст. 351.8, §3.3', event: 'OrderIssued' },
};
const eventsOf = (k: (typeof KINDS)[DocumentKind]): MentorshipEventType[] => [k.event, ...(k.also ?? [])];

/** Whether a step's event makes a document final (a consent, an order, the program, a report): only those steps attach documents. */
export const stepCreatesDocuments = (step: StepName): boolean => Object.values(KINDS).some((k) => eventsOf(k).includes(STEP_POLICIES[step].event));

/** The last recorded step of these event types (for this person, when the event names one). */
function stepOf(events: readonly StoredStep[], types: MentorshipEventType | MentorshipEventType[], personId: string | null): StoredStep | undefined {
  const wanted = Array.isArray(types) ? types : [types];
  return [...events].reverse().find(({ event: e }) => {
    if (!wanted.includes(e.type)) return false;
    const who = (e.data as { personId?: string }).personId;
    if (e.type === 'ConsentRecorded' && !e.data.given) return false;
    return !personId || who === undefined || who === personId;
  });
}

export function documentSlots(ctx: MentorshipContext, state: MentorshipState | 'new', events: readonly StoredStep[]): DocumentSlot[] {
  if (state === 'new') return [];
  const successor = !!ctx.predecessorId;
  const slot = (kind: DocumentKind, personId: string | null, available: boolean, note?: string): DocumentSlot => {
    const k = KINDS[kind];
    // A successor's new mentor consented with the replacement, and so did a mentee whose consent to the new pair came with it;
    // one carried over from the first mentorship is no consent to this pair (§3.7): its form stays a blank to sign.
    const withReplacement = successor && k.event === 'ConsentRecorded' && !!personId && ctx.consents[personId]?.given && !ctx.consents[personId]?.inherited;
    // A successor's agreement is the new mentor's, recorded with the replacement.
    const step = stepOf(events, eventsOf(k), personId)
      ?? (withReplacement || (successor && kind === 'supplementary-agreement') ? stepOf(events, 'MentorshipContinued', null) : undefined);
    return {
      kind, personId, title: k.title, clause: k.clause, available, ...(note ? { note } : {}),
      step: { event: step?.event.type ?? k.event, revision: step?.revision ?? null, date: step ? (step.event.data as { date: string }).date : null },
    };
  };
  const mentees = ctx.mentees.map((m) => m.personId);
  const refused = (id: string) => ctx.consents[id]?.given === false;
  return [
    slot('mentor-consent', ctx.mentorId, !refused(ctx.mentorId), refused(ctx.mentorId) ? 'Наставник отказался от участия.' : undefined),
    ...mentees.map((id) => slot('mentee-consent', id, !refused(id), refused(id) ? 'Наставляемый отказался от участия.' : undefined)),
    successor
      ? slot('pairs-order', null, false, 'Наставник назначен приказом о замене наставника в предыдущем наставничестве (п. 3.8).')
      : slot('pairs-order', null, !!ctx.order || state === 'consented', ctx.order || state === 'consented' ? undefined : 'Приказ готовится после письменного согласия всех участников (пп. 3.2, 3.7).'),
    ...(ctx.replacement || ctx.replacementRequests.length ? [slot('replacement-order', null, true)] : []),
    slot('program', null, !!ctx.program, ctx.program ? undefined : 'Программу составляет наставник в течение 10 дней со дня приказа (п. 3.6).'),
    // ТК РФ ст. 351.8: the mentor's agreement, a blank to sign with the order, final once the order recorded its terms.
    ...(ctx.order?.agreement || (state === 'consented' && !successor) ? [slot('supplementary-agreement', ctx.mentorId, true)] : []),
    slot('mentor-report', ctx.mentorId, !!ctx.completion, ctx.completion ? undefined : 'Отчёт составляется по завершении наставничества (п. 3.6).'),
    ...mentees.map((id) => slot('mentee-report', id, !!ctx.completion, ctx.completion ? undefined : 'Отчёт составляется по завершении наставничества (п. 3.6).')),
  ];
}

/** The document of a slot, filled from the facts. */
export function buildDocument(kind: DocumentKind, facts: DocumentFacts): DocumentModel {
  switch (kind) {
    case 'pairs-order': return pairsOrder(facts);
    case 'replacement-order': return replacementOrder(facts);
    case 'mentor-consent': return consentDocument(facts, 'mentor');
    case 'mentee-consent': return consentDocument(facts, 'mentee');
    case 'program': return programDocument(facts);
    case 'mentor-report': return mentorReport(facts);
    case 'mentee-report': return menteeReport(facts);
    case 'supplementary-agreement': return supplementaryAgreement(facts);
  }
}

/** The slot of a kind (of one person, for a mentee's consent or report in a group), refused when it is not there or not available now. */
export function slotOf(slots: DocumentSlot[], kind: DocumentKind, personId: string | undefined): DocumentSlot {
  const candidates = slots.filter((s) => s.kind === kind);
  const perPerson = kind === 'mentee-consent' || kind === 'mentee-report';
  if (perPerson && !personId && candidates.length > 1) {
    throw new DomainError({ kind: 'invalid', code: 'person-required', message: 'В группе несколько наставляемых: выберите того, чьё согласие или отчёт нужен.' });
  }
  const slot = perPerson && personId ? candidates.find((s) => s.personId === personId) : candidates[0];
  if (!slot) {
    throw new DomainError({
      kind: perPerson && personId ? 'not-found' : 'state', code: 'document-not-available', clause: kind === 'supplementary-agreement' ? KINDS[kind].clause : kind === 'replacement-order' ? '§3.8' : undefined,
      message: perPerson && personId ? 'Такого наставляемого в этом наставничестве нет.'
        : kind === 'supplementary-agreement' ? 'Дополнительное соглашение готовится, когда согласия получены, и записывается с приказом (ТК РФ ст. 351.8); при этом приказе его условия не записаны.'
          : 'Замена наставника не запрашивалась: приказа о замене нет (п. 3.8).',
    });
  }
  if (!slot.available) throw new DomainError({ kind: 'state', code: 'document-not-available', clause: slot.clause, message: slot.note ?? 'Документ сейчас недоступен.' });
  return slot;
}
