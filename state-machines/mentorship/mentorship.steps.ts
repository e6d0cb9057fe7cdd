import type { MentorshipEventType } from './mentorship.events';
import type { StepName } from './mentorship.commands';
import type { Role } from '../people/roles';

/**
 * Who may take each step and what it needs first, by the regulation. Which steps are open
 * now is asked of the machine (`acceptedEventTypes`); this table only adds roles and words.
 */
export interface StepPolicy {
  event: MentorshipEventType;
  title: string;
  roles: readonly Role[];
  roleClause: string;
  /** Shown when the step is not open in the current state. */
  requires: { clause: string; message: string };
}

export const STEP_POLICIES: Record<StepName, StepPolicy> = {
  consent: {
    event: 'ConsentRecorded', title: 'Записать письменное согласие', roles: ['curator'], roleClause: '§3.4, §6.2',
    requires: { clause: '§3.7', message: 'Согласия собираются, пока наставничество предложено и приказ не издан.' },
  },
  order: {
    event: 'OrderIssued', title: 'Издать приказ о закреплении', roles: ['head'], roleClause: '§3.3, §6.2',
    requires: { clause: '§3.2, §3.7', message: 'Приказ издаётся только после письменного согласия наставника и каждого наставляемого.' },
  },
  program: {
    event: 'ProgramDrafted', title: 'Составить программу', roles: ['mentor'], roleClause: '§3.6',
    requires: { clause: '§3.6', message: 'Программа составляется после утверждения наставника приказом.' },
  },
  acknowledge: {
    event: 'ProgramAcknowledged', title: 'Ознакомиться с программой', roles: ['mentee'], roleClause: '§3.6',
    requires: { clause: '§3.6', message: 'Знакомиться можно с составленной программой.' },
  },
  'activity-done': {
    event: 'ActivityCompleted', title: 'Отметить мероприятие выполненным', roles: ['mentor', 'curator'], roleClause: '§3.6, §4.1',
    requires: { clause: '§3.6', message: 'Мероприятия отмечаются, пока программа реализуется.' },
  },
  amend: {
    event: 'ProgramAmended', title: 'Скорректировать программу', roles: ['curator', 'mentor'], roleClause: '§7.2',
    requires: { clause: '§7.2', message: 'Корректировать можно реализуемую программу.' },
  },
  extend: {
    event: 'ProgramExtended', title: 'Продлить срок', roles: ['curator', 'mentor'], roleClause: '§7.2',
    requires: { clause: '§7.2', message: 'Продлить можно реализуемую программу.' },
  },
  complete: {
    event: 'MentorshipCompleted', title: 'Завершить наставничество', roles: ['curator'], roleClause: '§7.1',
    requires: { clause: '§7.1', message: 'Завершить можно только реализуемую программу.' },
  },
  'end-early': {
    event: 'MentorshipEndedEarly', title: 'Досрочно прекратить наставничество', roles: ['curator', 'head'], roleClause: '§3.3, §3.4, ТК РФ ст. 351.8',
    requires: {
      clause: 'ТК РФ ст. 351.8',
      message: 'Досрочно прекращается наставничество, возложенное приказом, до его завершения — по письменному уведомлению не менее чем за 3 рабочих дня.',
    },
  },
  'mentor-report': {
    event: 'MentorReportSubmitted', title: 'Отчёт наставника', roles: ['mentor'], roleClause: '§3.6',
    requires: { clause: '§3.6', message: 'Отчёт наставника составляется после завершения, один раз.' },
  },
  'mentee-report': {
    event: 'MenteeReportSubmitted', title: 'Отчёт наставляемого', roles: ['mentee'], roleClause: '§3.6',
    requires: { clause: '§3.6', message: 'Отчёт наставляемого составляется после завершения, один раз.' },
  },
  'request-replacement': {
    event: 'ReplacementRequested', title: 'Запросить замену наставника', roles: ['curator', 'mentor', 'mentee'], roleClause: '§3.8, §4.1, §5.1',
    requires: { clause: '§3.8', message: 'Замена наставника возможна после приказа и до завершения.' },
  },
  replace: {
    event: 'MentorReplaced', title: 'Заменить наставника', roles: ['head'], roleClause: '§3.8',
    requires: { clause: '§3.8', message: 'Замена наставника возможна после приказа и до завершения.' },
  },
  publish: {
    event: 'ResultsPublished', title: 'Опубликовать результаты', roles: ['curator'], roleClause: '§3.4, §8.1',
    requires: { clause: '§8.2', message: 'Результаты публикуются только после завершения, один раз.' },
  },
  withdraw: {
    event: 'MentorshipWithdrawn', title: 'Отозвать предложение', roles: ['curator'], roleClause: '§3.4',
    requires: { clause: '§3.3', message: 'Отозвать можно только до приказа.' },
  },
};
