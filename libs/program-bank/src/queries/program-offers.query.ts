import { Inject, Injectable } from '@nestjs/common';
import { canRead, stateOf, type MentorshipContext } from '#core/mentorship';
import {
  draftForMentorship, draftParams, instantiateTemplate, requireBankReader, type ProgramTemplate,
} from '#core/programs';
import { DomainError } from '#core/shared';
import type { Actor } from '#core/people';
import { APP_CONFIG, type AppConfig, CLOCK, todayIn, type Clock, parseBody } from '#libs/kernel';
import { MentorshipRepository } from '#libs/mentorships';
import { ProgramBankRepository } from '../program-bank.repository';
import { ProgramBankQuery, templateDto } from './program-bank.query';

const words = (s: string): Set<string> => new Set(s.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 4));

/** Same form first (§2.3), then the most words shared with the mentorship's topic. */
function relevance(t: { form: string; topic: string; title: string }, ctx: MentorshipContext): number {
  const topic = words(ctx.topic);
  const shared = [...words(`${t.topic} ${t.title}`)].filter((w) => topic.has(w)).length;
  return (t.form === ctx.form ? 100 : 0) + shared;
}

/** Templates turned into DraftProgram bodies: for a given start, or offered to a mentorship about to draft its program. */
@Injectable()
export class ProgramOffersQuery {
  constructor(
    private readonly bank: ProgramBankRepository,
    private readonly list: ProgramBankQuery,
    private readonly mentorships: MentorshipRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private today(): string {
    return todayIn(this.clock, this.config.timeZone);
  }

  async template(actor: Actor, templateId: string): Promise<ProgramTemplate> {
    requireBankReader(actor);
    const t = (await this.bank.template(templateId)).state;
    if (!t || t.orgId !== actor.orgId) throw new DomainError({ kind: 'not-found', code: 'not-found', message: 'Программа в банке не найдена.' });
    return t;
  }

  /** `GET /api/program-templates/:id/draft?start=&date=`. */
  async draft(actor: Actor, templateId: string, rawQuery: unknown) {
    const q = parseBody(draftParams, rawQuery);
    const t = await this.template(actor, templateId);
    return { templateId, title: t.title, ...instantiateTemplate(t, q.start, q.date ?? this.today()) };
  }

  /** `GET /api/mentorships/:id/program-templates`: what the mentor is offered when drafting (§3.6), prefilled for this mentorship. */
  async offersFor(actor: Actor, mentorshipId: string) {
    requireBankReader(actor);
    const m = await this.mentorships.load(mentorshipId);
    if (m.revision < 0 || !canRead(actor, m.snapshot.context)) throw new DomainError({ kind: 'not-found', code: 'not-found', message: 'Наставничество не найдено.' });
    const ctx = m.snapshot.context;
    const today = this.today();
    const date = ctx.lastDate > today ? ctx.lastDate : today;
    const templates = this.list.templates(actor, {});
    const ranked = templates
      .map((t) => ({ t, score: relevance(t, ctx) }))
      .sort((a, b) => b.score - a.score || b.t.savedOn.localeCompare(a.t.savedOn));
    const full = await Promise.all(ranked.map(({ t }) => this.bank.template(t.id)));
    return {
      mentorshipId, state: stateOf(m.snapshot), plannedStart: ctx.plannedStart, plannedEnd: ctx.plannedEnd,
      items: ranked.flatMap(({ t }, i) => {
        const template = full[i].state;
        if (!template) return [];
        const draft = draftForMentorship(template, ctx, date);
        return [{ ...templateDto(template, t.bestCase), sameForm: template.form === ctx.form, draft }];
      }),
    };
  }
}
