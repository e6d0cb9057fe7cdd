import type { CompletionReason, ReplacementReason } from '#core/mentorship';

/** Bases of completion, §7.1. */
export const COMPLETION_REASON_TITLES: Record<CompletionReason, string> = {
  'plan-fulfilled': 'Выполнение плана мероприятий в полном объёме',
  'mentor-initiative': 'По инициативе наставника (уважительные обстоятельства)',
  'mentee-initiative': 'По инициативе наставляемого (уважительные обстоятельства)',
  'mutual-decision': 'По обоюдному решению',
  'curator-initiative': 'По инициативе куратора (недолжное исполнение, форс-мажор)',
};

/** Bases of a mentor's replacement, §3.8. */
export const REPLACEMENT_REASON_TITLES: Record<ReplacementReason, string> = {
  'contract-terminated': 'Прекращение трудового договора с наставником',
  transferred: 'Перевод на иную должность или в другое подразделение',
  'mentor-request': 'Просьба наставника',
  'mentee-request': 'Просьба наставляемого',
  'mentor-not-fulfilling': 'Неисполнение наставником функций наставничества',
  other: 'Иные обстоятельства',
};

export const DEADLINE_KIND_TITLES: Record<string, { title: string; clause: string }> = {
  appointment: { title: 'Приказ о закреплении в течение 30 дней с начала работы', clause: '§3.7' },
  program: { title: 'Программа в течение 10 дней с приказа', clause: '§3.6' },
  'mentor-report': { title: 'Отчёт наставника в течение 10 дней после завершения', clause: '§3.6' },
  'mentee-report': { title: 'Отчёт наставляемого в течение 10 дней после завершения', clause: '§3.6' },
  'mentee-bank-update': { title: 'Актуализация банка наставляемых не реже раза в год', clause: '§3.4' },
};

export const REPORT_TITLE = 'Мониторинг реализации системы наставничества педагогических работников';

export const RETENTION_NOTE =
  'Молодой специалист — наставляемый со стажем в организации до 3 лет на конец периода. ' +
  'Увольнения в системе пока не учитываются, поэтому все завершившие наставничество считаются закрепившимися.';
