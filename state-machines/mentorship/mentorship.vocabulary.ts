import { z } from 'zod';

/** Forms of mentoring, §2.3. */
export const MENTORING_FORMS = [
  'traditional', 'group', 'virtual', 'short-term', 'reverse', 'situational', 'speed',
  'teacher-teacher', 'head-teacher', 'employer-student', 'college-teacher-young-teacher',
] as const;
export const mentoringForm = z.enum(MENTORING_FORMS);
export type MentoringForm = z.infer<typeof mentoringForm>;

export const FORM_TITLES: Record<MentoringForm, string> = {
  traditional: 'Традиционная («один-на-один»)',
  group: 'Наставничество в группе',
  virtual: 'Виртуальное (дистанционное)',
  'short-term': 'Краткосрочное (целеполагающее)',
  reverse: 'Реверсивное',
  situational: 'Ситуационное',
  speed: 'Скоростное',
  'teacher-teacher': '«Педагог – педагог»',
  'head-teacher': '«Руководитель – педагог»',
  'employer-student': '«Работодатель – студент»',
  'college-teacher-young-teacher': '«Педагог вуза/колледжа – молодой педагог»',
};

/** A form's title inside a sentence («форма наставничества: ситуационное»): its first letter in lower case, quotes kept. */
export const formInSentence = (form: MentoringForm): string => FORM_TITLES[form].replace(/^[А-ЯЁ]/, (c) => c.toLocaleLowerCase('ru'));

/** Kinds of program activities, §3.6. */
export const ACTIVITY_KINDS = [
  'workplace-intro', 'duties-intro', 'theory', 'practical-task', 'consolidation', 'support', 'other',
] as const;
export const activityKind = z.enum(ACTIVITY_KINDS);
export type ActivityKind = z.infer<typeof activityKind>;

export const ACTIVITY_KIND_TITLES: Record<ActivityKind, string> = {
  'workplace-intro': 'Ознакомление с рабочим местом и коллективом',
  'duties-intro': 'Ознакомление с должностными обязанностями, адаптация',
  theory: 'Изучение теоретических и практических вопросов',
  'practical-task': 'Выполнение практических заданий',
  consolidation: 'Закрепление профессиональных знаний и навыков',
  support: 'Содействие в выполнении должностных обязанностей',
  other: 'Другие мероприятия по наставничеству',
};

/** Reasons to complete, §7.1. */
export const COMPLETION_REASONS = [
  'plan-fulfilled', 'mentor-initiative', 'mentee-initiative', 'mutual-decision', 'curator-initiative',
] as const;
export const completionReason = z.enum(COMPLETION_REASONS);
export type CompletionReason = z.infer<typeof completionReason>;

/** Reasons to replace the mentor, §3.8. */
export const REPLACEMENT_REASONS = [
  'contract-terminated', 'transferred', 'mentor-request', 'mentee-request', 'mentor-not-fulfilling', 'other',
] as const;
export const replacementReason = z.enum(REPLACEMENT_REASONS);
export type ReplacementReason = z.infer<typeof replacementReason>;

/** How the mentor is paid for mentoring (ТК РФ ст. 351.8): a sum a month, a share of salary, or explicitly none. */
export const PAY_KINDS = ['amount', 'percent', 'none'] as const;
export const payKind = z.enum(PAY_KINDS);
export type PayKind = z.infer<typeof payKind>;

export const PAY_KIND_TITLES: Record<PayKind, string> = {
  amount: 'Доплата в рублях в месяц',
  percent: 'Доплата в процентах должностного оклада',
  none: 'Без доплаты',
};

/** Who gave written notice of ending mentoring early (ТК РФ ст. 351.8; the mentee's initiative, §7.1). */
export const NOTICE_PARTIES = ['mentor', 'mentee', 'employer'] as const;
export const noticeParty = z.enum(NOTICE_PARTIES);
export type NoticeParty = z.infer<typeof noticeParty>;

export const NOTICE_PARTY_TITLES: Record<NoticeParty, string> = {
  mentor: 'Наставник (работник, выполняющий наставничество)',
  mentee: 'Наставляемый',
  employer: 'Работодатель',
};

/** The §7.1 basis an early end by notice counts under, by who gave the notice. */
export const EARLY_END_REASONS: Record<NoticeParty, CompletionReason> = {
  mentor: 'mentor-initiative',
  mentee: 'mentee-initiative',
  employer: 'curator-initiative',
};

/** Lifecycle states, in the order a mentorship normally passes them. */
export const MENTORSHIP_STATES = [
  'proposed', 'consented', 'ordered', 'program-drafted', 'active', 'completed', 'replaced', 'declined', 'withdrawn',
] as const;
export type MentorshipState = (typeof MENTORSHIP_STATES)[number];

export const STATE_TITLES: Record<MentorshipState, string> = {
  proposed: 'Предложено',
  consented: 'Согласия получены',
  ordered: 'Утверждено приказом',
  'program-drafted': 'Программа составлена',
  active: 'Реализуется',
  completed: 'Завершено',
  replaced: 'Наставник заменён',
  declined: 'Отказ от участия',
  withdrawn: 'Отозвано',
};

/** A state in words; a mentorship before its first event is «ещё не создано». */
export const stateTitle = (state: MentorshipState | 'new'): string => (state === 'new' ? 'ещё не создано' : STATE_TITLES[state]);

/**
 * The phases the machine tags its states with: waiting for the head's order (§3.3, §3.7), in
 * progress under the order, or finished (no longer holding a place in the mentor's load, §3.7).
 */
export type LifecyclePhase = 'awaiting-order' | 'in-progress' | 'finished';
