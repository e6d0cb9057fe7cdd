import { enforce, refuse } from '../shared/domain-error';
import { ruDate, type BusinessDate } from '../shared/business-date';
import type { Actor, Role } from '../people/roles';
import type { MentorshipContext } from '../mentorship/mentorship.context';
import { activitiesWithinTerm } from '../mentorship/rules/program-content.rule';
import type { MentorshipState } from '../mentorship/mentorship.vocabulary';
import type { RetireTemplateBody, SaveTemplateBody } from './program-bank.commands';
import type { ProgramBankEvent } from './program-bank.events';
import { documentDateValid } from './rules/document-date.rule';
import { durationOf, instantiateTemplate, templateActivities, type ProgramDraft, type ProgramTemplate } from './program-template';

/** §3.4: the curator forms the bank of programs; §3.5: the methodical council develops programs with them. */
export const BANK_KEEPERS: readonly Role[] = ['curator', 'methodist'];
/** Who may read the bank: staff, and a mentor drafting a program (§3.6). */
export const BANK_READERS: readonly Role[] = ['admin', 'head', 'curator', 'methodist', 'auditor', 'mentor'];

export interface SourceMentorship {
  state: MentorshipState | 'new';
  ctx: MentorshipContext;
}

function requireKeeper(actor: Actor): void {
  if (!actor.roles.some((r) => BANK_KEEPERS.includes(r))) {
    refuse({ kind: 'forbidden', code: 'role-not-allowed', clause: '§3.4, §3.5', message: 'Банк программ наставничества ведёт куратор (п. 3.4) вместе с методическим объединением (п. 3.5).' });
  }
}

export function requireBankReader(actor: Actor): void {
  if (!actor.roles.some((r) => BANK_READERS.includes(r))) {
    refuse({ kind: 'forbidden', code: 'role-not-allowed', clause: '§3.4, §3.6', message: 'Банк программ открыт сотрудникам, ведущим наставничество, и наставникам, составляющим программу.' });
  }
}

export function requireDate(date: BusinessDate, today: BusinessDate, notBefore: BusinessDate | undefined, clause: string): void {
  enforce(documentDateValid(date, today, notBefore, clause));
}

/** §3.4: only a completed mentorship's program enters the bank, as offsets from its planned start. */
export function decideSaveTemplate(
  body: SaveTemplateBody, source: SourceMentorship | undefined,
  env: { actor: Actor; today: BusinessDate; templateId: string; existing?: ProgramTemplate },
): ProgramBankEvent[] {
  requireKeeper(env.actor);
  if (env.existing) {
    refuse({
      kind: 'state', code: 'template-exists', clause: '§3.4', details: { templateId: env.existing.templateId },
      message: `Программа этого наставничества уже в банке («${env.existing.title}», ${ruDate(env.existing.date)}).`,
    });
  }
  if (!source || source.state === 'new' || source.ctx.orgId !== env.actor.orgId) {
    return refuse({ kind: 'not-found', code: 'not-found', message: 'Наставничество не найдено.' });
  }
  const { ctx } = source;
  if (source.state !== 'completed' || !ctx.completion || !ctx.program) {
    return refuse({
      kind: 'state', code: 'program-not-completed', clause: '§3.4, §7.1',
      message: 'В банк программ вносится программа завершённого наставничества: это наставничество ещё не завершено.',
    });
  }
  requireDate(body.date, env.today, ctx.completion.date, '§3.4');
  return [{
    type: 'ProgramTemplateSaved',
    data: {
      templateId: env.templateId, orgId: ctx.orgId, title: body.title ?? ctx.topic, topic: ctx.topic, form: ctx.form,
      sourceMentorshipId: ctx.mentorshipId, durationDays: durationOf(ctx), activities: templateActivities(ctx), date: body.date,
    },
  }];
}

export function decideRetireTemplate(body: RetireTemplateBody, template: ProgramTemplate | undefined, env: { actor: Actor; today: BusinessDate }): ProgramBankEvent[] {
  requireKeeper(env.actor);
  if (!template || template.orgId !== env.actor.orgId) return refuse({ kind: 'not-found', code: 'not-found', message: 'Программа в банке не найдена.' });
  if (template.retired) refuse({ kind: 'state', code: 'template-retired', clause: '§3.4', message: `Программа уже исключена из банка (${ruDate(template.retired.date)}).` });
  requireDate(body.date, env.today, template.date, '§3.4');
  return [{ type: 'ProgramTemplateRetired', data: body }];
}

export interface DraftWarning {
  code: string;
  clause: string;
  message: string;
}

/**
 * A template offered to a mentorship that awaits its program: dated `date`, starting at the
 * mentorship's planned start. Activities that would fall outside the term are warned about, not moved.
 */
export function draftForMentorship(template: ProgramTemplate, ctx: MentorshipContext, date: BusinessDate): ProgramDraft & { warnings: DraftWarning[] } {
  const draft = instantiateTemplate(template, ctx.plannedStart, date);
  const warnings: DraftWarning[] = [];
  for (const a of draft.body.activities) {
    const v = activitiesWithinTerm(ctx, date, [a.due]);
    if (v) warnings.push({ code: v.code, clause: v.clause!, message: `«${a.title}»: ${v.message}` });
  }
  if (template.retired) warnings.push({ code: 'template-retired', clause: '§3.4', message: `Программа исключена из банка ${ruDate(template.retired.date)}: ${template.retired.reason}` });
  return { ...draft, warnings };
}
