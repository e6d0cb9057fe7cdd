import { refuse } from '../shared/domain-error';
import { ruDate, type BusinessDate } from '../shared/business-date';
import type { Actor } from '../people/roles';
import type { MarkBestCaseBody, WithdrawBestCaseBody } from './program-bank.commands';
import type { ProgramBankData, ProgramBankEvent } from './program-bank.events';
import { requireDate, type SourceMentorship } from './program-bank.decider';
import { activityKindCounts, durationOf, type ProgramTemplate } from './program-template';

export type BestCase = ProgramBankData<'BestCaseMarked'> & { withdrawn?: { date: BusinessDate; reason: string } };

/** One event of a `bestcase-` stream folded into the mark: the last one, unless withdrawn since. */
export function evolveBestCase(c: BestCase | undefined, e: ProgramBankEvent): BestCase | undefined {
  if (e.type === 'BestCaseMarked') return { ...e.data };
  if (e.type === 'BestCaseWithdrawn' && c) return { ...c, withdrawn: { date: e.data.date, reason: e.data.reason } };
  return c;
}

export const foldBestCase = (events: Iterable<ProgramBankEvent>): BestCase | undefined => [...events].reduce(evolveBestCase, undefined);

function requireCurator(actor: Actor): void {
  if (!actor.roles.includes('curator')) {
    refuse({ kind: 'forbidden', code: 'role-not-allowed', clause: '§3.4, §8.1', message: 'Лучшие кейсы для сайта отбирает и описывает куратор (п. 3.4, 8.1).' });
  }
}

export type BestCaseSource = { subject: 'mentorship'; mentorship: SourceMentorship | undefined } | { subject: 'template'; template: ProgramTemplate | undefined };

/** §8.1 best cases on the website; §8.2 results are published only after completion. */
export function decideMarkBestCase(
  body: MarkBestCaseBody, source: BestCaseSource, current: BestCase | undefined, env: { actor: Actor; today: BusinessDate },
): ProgramBankEvent[] {
  requireCurator(env.actor);
  const notFound = () => refuse({ kind: 'not-found', code: 'not-found', message: source.subject === 'mentorship' ? 'Наставничество не найдено.' : 'Программа в банке не найдена.' });
  // Another organisation's subject does not exist here: that is said before whether it is marked already.
  const own = source.subject === 'mentorship'
    ? !!source.mentorship && source.mentorship.state !== 'new' && source.mentorship.ctx.orgId === env.actor.orgId
    : !!source.template && source.template.orgId === env.actor.orgId;
  if (!own) return notFound();
  if (current && !current.withdrawn) {
    refuse({ kind: 'state', code: 'already-best-case', clause: '§8.1', message: `Уже отмечено как лучший кейс (${ruDate(current.date)}).` });
  }
  let facts: Omit<ProgramBankData<'BestCaseMarked'>, 'title' | 'summary' | 'date'>;
  let notBefore: BusinessDate;
  if (source.subject === 'mentorship') {
    const m = source.mentorship;
    if (!m || m.state === 'new') return notFound();
    if (m.state !== 'completed' || !m.ctx.completion) {
      return refuse({ kind: 'state', code: 'not-completed', clause: '§8.2', message: 'Результаты программы публикуются только после её завершения (п. 8.2): наставничество ещё не завершено.' });
    }
    const { ctx } = m;
    const completion = m.ctx.completion;
    facts = {
      orgId: ctx.orgId, subject: 'mentorship', subjectId: ctx.mentorshipId, topic: ctx.topic, form: ctx.form,
      durationDays: durationOf(ctx), completedOn: completion.date, activityKinds: activityKindCounts(ctx.program?.activities ?? []),
    };
    notBefore = completion.date;
  } else {
    const t = source.template;
    if (!t) return notFound();
    if (t.retired) return refuse({ kind: 'state', code: 'template-retired', clause: '§3.4', message: `Программа исключена из банка (${ruDate(t.retired.date)}): лучшим кейсом её не отметить.` });
    facts = {
      orgId: t.orgId, subject: 'template', subjectId: t.templateId, topic: t.topic, form: t.form,
      durationDays: t.durationDays, activityKinds: activityKindCounts(t.activities),
    };
    notBefore = t.date;
  }
  requireDate(body.date, env.today, notBefore, '§8.1');
  return [{ type: 'BestCaseMarked', data: { ...facts, title: body.title, summary: body.summary, date: body.date } }];
}

export function decideWithdrawBestCase(body: WithdrawBestCaseBody, current: BestCase | undefined, env: { actor: Actor; today: BusinessDate }): ProgramBankEvent[] {
  requireCurator(env.actor);
  if (!current || current.orgId !== env.actor.orgId || current.withdrawn) {
    return refuse({ kind: 'not-found', code: 'not-found', message: 'Отмеченный лучший кейс не найден.' });
  }
  requireDate(body.date, env.today, current.date, '§8.1');
  return [{ type: 'BestCaseWithdrawn', data: body }];
}
