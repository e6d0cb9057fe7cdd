import { FORM_TITLES, formInSentence, NOTICE_PARTY_TITLES, type MentoringForm, type NoticeParty } from '#core/mentorship';
import { ROLE_TITLES, type Role } from '#core/people';
import { COMPLETION_REASON_TITLES, REPLACEMENT_REASON_TITLES } from '#libs/reports';
import { withName, type GrammaticalCase } from '#libs/russian-names';
import { ruDate } from '../integrity/printable';

/** Who the people of a mentorship are, and its activities by id (from its first events). */
export interface MentorshipFacts {
  mentorId?: string;
  menteeIds: string[];
  topic?: string;
  activities: Map<string, string>;
}

export interface SentenceInput {
  type: string;
  data: Record<string, unknown>;
  role: string;
  actorName?: string;
}

export interface SentenceContext {
  /** A person's full name from the read models (erased people read as erased). */
  name(personId: unknown): string;
  facts?: MentorshipFacts;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const str = (v: unknown) => (v === undefined || v === null ? '' : String(v));
const list = (names: string[]) => names.join(', ');

function subject(e: SentenceInput): string {
  const role = e.role === 'system' ? 'система' : ROLE_TITLES[e.role as Role] ?? e.role;
  return `${cap(role)}${e.actorName ? ` (${e.actorName})` : ''}`;
}

/**
 * A person's name in the case the sentence needs («согласие Фёдоровой Галины Павловны»), or, for a name that
 * does not decline (foreign, erased, unknown), the sentence that names them after a colon in the nominative.
 */
const named = (ctx: SentenceContext, id: unknown, c: GrammaticalCase, declined: (name: string) => string, otherwise: (name: string) => string) =>
  withName(ctx.name(id), c, declined, otherwise);

/** The pair of a mentorship in words: «наставник …, наставляемый …». */
function pair(ctx: SentenceContext, mentorId: unknown, menteeIds: unknown[]): string {
  const mentees = menteeIds.map((id) => ctx.name(id));
  return `наставник ${ctx.name(mentorId)}, ${mentees.length > 1 ? 'наставляемые' : 'наставляемый'} ${list(mentees)}`;
}

/** One event as a sentence of the timeline, in the words the regulation and the interface use; `null` for bookkeeping. */
export function sentence(e: SentenceInput, ctx: SentenceContext): string | null {
  const d = e.data;
  const s = subject(e);
  const f = ctx.facts;
  const menteeIdsOf = (v: unknown) => (Array.isArray(v) ? v.map((m) => (m as { personId?: unknown }).personId) : []);
  switch (e.type) {
    case 'MentorshipProposed':
      return `${s} предложил наставническую пару (группу): ${pair(ctx, d.mentorId, menteeIdsOf(d.mentees))}; форма — ${Object.hasOwn(FORM_TITLES, str(d.form)) ? formInSentence(d.form as MentoringForm) : str(d.form)}, тема «${str(d.topic)}», срок ${ruDate(str(d.plannedStart))}–${ruDate(str(d.plannedEnd))}`;
    case 'MentorshipContinued':
      return `${s} оформил продолжение наставничества после замены наставника (п. 3.8): ${pair(ctx, d.mentorId, menteeIdsOf(d.mentees))}; приказ № ${str(d.orderNumber)}, согласие нового наставника «${str(d.newMentorConsentRef)}»`;
    case 'ConsentRecorded': {
      const what = d.given ? 'письменное согласие' : 'письменный отказ';
      const onWhat = `${d.given ? 'на участие' : 'от участия'} в наставничестве («${str(d.documentRef)}» от ${ruDate(str(d.date))})`;
      return named(ctx, d.personId, 'genitive', (n) => `${s} записал ${what} ${n} ${onWhat}`, (n) => `${s} записал ${what} ${onWhat}: ${n}`);
    }
    case 'OrderIssued':
      return `${s} издал приказ № ${str(d.number)} от ${ruDate(str(d.date))} о закреплении пары${f?.mentorId ? `: ${pair(ctx, f.mentorId, f.menteeIds)}` : ''}${f?.topic ? ` («${f.topic}»)` : ''}`;
    case 'ProgramDrafted':
      return `${s} составил программу наставничества: мероприятий — ${Array.isArray(d.activities) ? d.activities.length : 0}`;
    case 'ProgramAcknowledged':
      return `${s} отметил ознакомление с программой: ${ctx.name(d.personId)}`;
    case 'ActivityCompleted': {
      const title = f?.activities.get(str(d.activityId));
      return `${s} отметил выполненным мероприятие ${title ? `«${title}»` : str(d.activityId)}`;
    }
    case 'ProgramAmended':
      return `${s} скорректировал программу по согласию наставника и наставляемых (п. 7.2): мероприятий — ${Array.isArray(d.activities) ? d.activities.length : 0}`;
    case 'ProgramExtended':
      return `${s} продлил срок наставничества до ${ruDate(str(d.plannedEnd))} по согласию сторон (п. 7.2)`;
    case 'MentorshipCompleted':
      return `${s} завершил наставничество: ${COMPLETION_REASON_TITLES[d.reason as keyof typeof COMPLETION_REASON_TITLES] ?? str(d.reason)} (п. 7.1)`;
    case 'MentorshipEndedEarly': {
      const by = NOTICE_PARTY_TITLES[d.noticeBy as NoticeParty]?.split(' (')[0].toLocaleLowerCase('ru') ?? str(d.noticeBy);
      return `${s} досрочно прекратил наставничество с ${ruDate(str(d.date))} по письменному уведомлению (${by}${d.personId ? `: ${ctx.name(d.personId)}` : ''}, `
        + `«${str(d.noticeRef)}» от ${ruDate(str(d.noticeDate))}; ТК РФ ст. 351.8)`;
    }
    case 'MentorReportSubmitted':
      return `${s} представил отчёт наставника (п. 3.6)`;
    case 'MenteeReportSubmitted':
      return `${s} представил отчёт наставляемого (п. 3.6); оценка работы наставника — ${str(d.mentorEvaluation)}`;
    case 'ReplacementRequested':
      return `${s} запросил замену наставника: ${REPLACEMENT_REASON_TITLES[d.reason as keyof typeof REPLACEMENT_REASON_TITLES] ?? str(d.reason)} (п. 3.8)`;
    case 'MentorReplaced':
      return `${s} издал приказ № ${str(d.orderNumber)} от ${ruDate(str(d.date))} о замене наставника: новый наставник ${ctx.name(d.newMentorId)}; основание — ${REPLACEMENT_REASON_TITLES[d.reason as keyof typeof REPLACEMENT_REASON_TITLES] ?? str(d.reason)} (п. 3.8)`;
    case 'ResultsPublished':
      return `${s} опубликовал результаты наставничества на сайте организации (п. 8.2)`;
    case 'MentorshipWithdrawn':
      return `${s} отозвал предложение: ${str(d.reason)}`;
    case 'PersonRegistered':
      return `${s} зарегистрировал сотрудника: ${ctx.name(d.personId)}, ${str(d.position)}`;
    case 'PersonalDataConsentRecorded': {
      const what = `на обработку персональных данных («${str(d.documentRef)}» от ${ruDate(str(d.date))})`;
      return named(ctx, d.personId, 'genitive', (n) => `${s} записал согласие ${n} ${what}`, (n) => `${s} записал согласие ${what}: ${n}`);
    }
    case 'PersonalDataConsentWithdrawn': {
      const what = `на обработку персональных данных («${str(d.documentRef)}» от ${ruDate(str(d.date))})`;
      return named(ctx, d.personId, 'genitive', (n) => `${s} записал отзыв согласия ${n} ${what}`, (n) => `${s} записал отзыв согласия ${what}: ${n}`);
    }
    case 'PersonalDataDestroyed': {
      const order = (d.order ?? {}) as Record<string, unknown>;
      return `${s} уничтожил персональные данные сотрудника ${str(d.personId)} по приказу № ${str(order.number)} от ${ruDate(str(order.date))}`;
    }
    case 'MentorBankEntered':
      return named(ctx, d.personId, 'accusative', (n) => `${s} включил ${n} в банк наставников`, (n) => `${s} включил в банк наставников: ${n}`);
    case 'MenteeBankEntered':
      return named(ctx, d.personId, 'accusative', (n) => `${s} включил ${n} в банк наставляемых`, (n) => `${s} включил в банк наставляемых: ${n}`);
    case 'MenteeSlotsReserved':
      return null;
    default:
      return `${s}: ${e.type}`;
  }
}

/** What a mentorship's first events say about it, for sentences of later ones. */
export function learnFacts(facts: MentorshipFacts, type: string, data: Record<string, unknown>): void {
  if (type === 'MentorshipProposed' || type === 'MentorshipContinued') {
    facts.mentorId = str(data.mentorId);
    facts.menteeIds = Array.isArray(data.mentees) ? data.mentees.map((m) => str((m as { personId?: unknown }).personId)) : [];
    facts.topic = str(data.topic);
  }
  if ((type === 'ProgramDrafted' || type === 'ProgramAmended') && Array.isArray(data.activities)) {
    for (const a of data.activities as { id?: unknown; title?: unknown }[]) facts.activities.set(str(a.id), str(a.title));
  }
}
