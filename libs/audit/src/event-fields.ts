import {
  ACTIVITY_KIND_TITLES, EVENT_FIELD_TITLES, FORM_TITLES, HIDDEN_EVENT_FIELDS, NOTICE_PARTY_TITLES, PAY_KIND_TITLES,
  type ActivityKind, type MentoringForm, type NoticeParty, type PayKind,
} from '#core/mentorship';
import { ROLE_TITLES, type Role } from '#core/people';
import { ruDate } from '#core/shared';
import { QUESTIONNAIRES, RESPONDENT_ROLE_TITLES, type RespondentRole } from '#core/surveys';
import { COMPLETION_REASON_TITLES, REPLACEMENT_REASON_TITLES } from '#libs/reports';

/** One field of an event's data as a person reads it. */
export interface EventField {
  label: string;
  value: string;
}

export interface EventFieldsContext {
  /** A person's full name (erased people read as erased). */
  name(personId: string): string;
}

type Data = Record<string, unknown>;

const DATE_FIELDS = new Set(['date', 'plannedStart', 'plannedEnd', 'firstWorkingDay', 'due', 'completedOn', 'noticeDate']);
const PERSON_FIELDS = new Set(['personId', 'mentorId', 'newMentorId', 'respondentId']);
const DESTROYED_FIELDS: Record<string, string> = {
  'PersonRegistered.fullName': 'ФИО', 'UserCreated.name': 'имя в учётной записи', 'UserCreated.email': 'адрес эл. почты учётной записи',
};
const REMINDER_TYPES: Record<string, string> = { before: 'напоминание до срока', escalation: 'срок пропущен' };

const str = (v: unknown): string => (v === undefined || v === null ? '' : String(v));
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
/** `A3` → `№ 3`: activities are numbered on the page, their ids are not shown. */
const activityNo = (id: unknown) => `№ ${str(id).replace(/^A/, '')}`;

function activityText(a: Data): string {
  const kind = ACTIVITY_KIND_TITLES[a.kind as ActivityKind] ?? '';
  const when = a.due ? `срок ${ruDate(str(a.due))}` : a.offsetDays !== undefined ? `день ${str(a.offsetDays)} от начала` : '';
  return `${str(a.title)}${kind || when ? ` (${[kind.toLowerCase(), when].filter(Boolean).join('; ')})` : ''}`;
}

/** The supplementary agreement (ТК РФ ст. 351.8): its number and date, the contract it amends, the pay. */
function agreementText(a: Data): string {
  const pay = PAY_KIND_TITLES[a.pay as PayKind] ?? '';
  const size = a.pay === 'amount' ? ` — ${str(a.amount)} руб.` : a.pay === 'percent' ? ` — ${str(a.percent)} %` : '';
  const contract = a.contractRef ? ` к трудовому договору ${str(a.contractRef)}` : '';
  return `№ ${str(a.number)} от ${ruDate(str(a.date))}${contract}; ${pay.toLocaleLowerCase('ru')}${size}`;
}

function reasonTitle(type: string, reason: unknown): string {
  const r = str(reason);
  if (type === 'MentorshipCompleted') return COMPLETION_REASON_TITLES[r as keyof typeof COMPLETION_REASON_TITLES] ?? r;
  if (type === 'ReplacementRequested' || type === 'MentorReplaced') return REPLACEMENT_REASON_TITLES[r as keyof typeof REPLACEMENT_REASON_TITLES] ?? r;
  return r;
}

/** A value in words: dates as ДД.ММ.ГГГГ, people by name, enums by their Russian titles, lists joined. */
function valueOf(type: string, key: string, v: unknown, ctx: EventFieldsContext): string {
  if (v === undefined || v === null || v === '') return '';
  if (DATE_FIELDS.has(key)) return ruDate(str(v));
  if (PERSON_FIELDS.has(key)) return ctx.name(str(v));
  switch (key) {
    case 'mentees': return list(v).map((m) => ctx.name(str((m as Data).personId))).join(', ');
    case 'menteeIds':
    case 'agreedBy': return list(v).map((id) => ctx.name(str(id))).join(', ');
    case 'form': return FORM_TITLES[v as MentoringForm] ?? str(v);
    case 'reason': return reasonTitle(type, v);
    case 'given': return v ? 'согласие' : 'отказ';
    case 'activities': return list(v).map((a, i) => `${i + 1}. ${activityText(a as Data)}`).join('; ');
    case 'activityId': return type === 'RoadmapActivityDone' ? str(v) : activityNo(v);
    case 'mentorEvaluation': return `${str(v)} из 5`;
    case 'order': return `№ ${str((v as Data).number)} от ${ruDate(str((v as Data).date))}`;
    case 'fields': return list(v).map((f) => DESTROYED_FIELDS[str(f)] ?? 'персональные сведения').join(', ');
    case 'personal': return 'хранятся в зашифрованном виде';
    case 'roles': return list(v).map((r) => ROLE_TITLES[r as Role] ?? str(r)).join(', ');
    case 'questionnaire': return QUESTIONNAIRES[str(v) as keyof typeof QUESTIONNAIRES]?.title ?? str(v);
    case 'role': return RESPONDENT_ROLE_TITLES[v as RespondentRole] ?? ROLE_TITLES[v as Role] ?? str(v);
    case 'answers': return `ответов: ${Object.keys((v as Data) ?? {}).length}`;
    case 'subject': return v === 'template' ? 'программа из банка' : 'завершённое наставничество';
    case 'activityKinds': return list(v).map((k) => `${ACTIVITY_KIND_TITLES[(k as Data).kind as ActivityKind] ?? ''} — ${str((k as Data).count)}`).join('; ');
    case 'agreement': return agreementText(v as Data);
    case 'noticeBy': return NOTICE_PARTY_TITLES[v as NoticeParty]?.split(' (')[0] ?? str(v);
    case 'otherUnfinished': return list(v).map((u) => ctx.name(str((u as Data).personId))).join(', ');
    case 'menteeConsents': return list(v).map((c) => `${ctx.name(str((c as Data).personId))} — ${ruDate(str((c as Data).date))}, ${str((c as Data).documentRef)}`).join('; ');
    case 'step': return ruDate(str((v as Data).date));
    case 'type': return REMINDER_TYPES[str(v)] ?? str(v);
    case 'deadline': return `${str((v as Data).title)} — до ${ruDate(str((v as Data).due))}`;
    case 'recipients': return String(list(v).length);
    case 'competences':
    case 'requests': return list(v).map(str).join(', ');
    default:
      if (typeof v === 'boolean') return v ? 'да' : 'нет';
      if (typeof v === 'object') return '';
      return str(v);
  }
}

/**
 * An event's data as labelled Russian fields, for the history and the audit package: no keys, no ids, no JSON.
 * Fields that only link records (ids, hashes) are left out; a field with no label is not shown by its key.
 */
export function eventFields(type: string, data: unknown, ctx: EventFieldsContext): EventField[] {
  const d = (data ?? {}) as Data;
  return Object.entries(d).flatMap(([key, v]) => {
    if (HIDDEN_EVENT_FIELDS.has(key) || !EVENT_FIELD_TITLES[key]) return [];
    const value = valueOf(type, key, v, ctx);
    return value ? [{ label: EVENT_FIELD_TITLES[key], value }] : [];
  });
}
