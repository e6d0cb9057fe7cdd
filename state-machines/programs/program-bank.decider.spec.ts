import { DomainError, type Refusal } from '../shared/domain-error';
import { contextOf, fold, stateOf } from '../mentorship/mentorship.state';
import { STEP_BODIES } from '../mentorship/mentorship.commands';
import type { MentorshipEvent } from '../mentorship/mentorship.events';
import { actors, ONE, ORG, OTHER_ORG, PLANNED_START, TODAY, actor } from '../testing/fixtures';
import { decideMarkBestCase, decideWithdrawBestCase, foldBestCase } from './best-case.decider';
import { decideRetireTemplate, decideSaveTemplate, draftForMentorship, type SourceMentorship } from './program-bank.decider';
import { parseProgramBankEvent, type ProgramBankEvent } from './program-bank.events';
import { foldTemplate, instantiateTemplate } from './program-template';

const source = (history: MentorshipEvent[]): SourceMentorship => {
  const s = fold(history);
  return { state: stateOf(s), ctx: contextOf(s) };
};
const refusalOf = (f: () => unknown): Refusal => {
  try {
    f();
  } catch (e) {
    if (e instanceof DomainError) return e.refusal;
    throw e;
  }
  throw new Error('expected a refusal');
};
const valid = (events: ProgramBankEvent[]) => events.map((e) => expect(parseProgramBankEvent(e)).toEqual(e));
const env = { actor: actors.curator(), today: TODAY, templateId: 'tpl-1' };

describe('program bank (§3.4)', () => {
  it('given a completed mentorship, saving its program keeps each activity as days from the planned start', () => {
    const events = decideSaveTemplate({ mentorshipId: 'ms-1', date: TODAY }, source(ONE.completed), env);
    valid(events);
    expect(events).toEqual([{
      type: 'ProgramTemplateSaved',
      data: expect.objectContaining({
        templateId: 'tpl-1', orgId: ORG, title: 'Адаптация молодого педагога', sourceMentorshipId: 'ms-1', form: 'traditional',
        durationDays: 263, date: TODAY,
        activities: [
          { kind: 'workplace-intro', title: 'Знакомство с группой и рабочим местом', offsetDays: 20 },
          { kind: 'theory', title: 'Изучение ФОП ДО', offsetDays: 101 },
          { kind: 'practical-task', title: 'Открытое занятие', offsetDays: 232 },
        ],
      }),
    }]);
  });

  it.each(['active', 'program-drafted', 'ordered'] as const)('refuses a mentorship still %s, citing §3.4', (state) => {
    expect(refusalOf(() => decideSaveTemplate({ mentorshipId: 'ms-1', date: TODAY }, source(ONE[state]), env)))
      .toMatchObject({ kind: 'state', code: 'program-not-completed', clause: expect.stringContaining('§3.4') });
  });

  it('is the curator\'s or the methodical council\'s work, not a mentor\'s', () => {
    expect(refusalOf(() => decideSaveTemplate({ mentorshipId: 'ms-1', date: TODAY }, source(ONE.completed), { ...env, actor: actors.mentor() })))
      .toMatchObject({ kind: 'forbidden', clause: '§3.4, §3.5' });
    expect(decideSaveTemplate({ mentorshipId: 'ms-1', date: TODAY }, source(ONE.completed), { ...env, actor: actors.methodist() })).toHaveLength(1);
  });

  it('does not see another organisation\'s mentorship, nor a date before completion or in the future', () => {
    expect(refusalOf(() => decideSaveTemplate({ mentorshipId: 'ms-1', date: TODAY }, source(ONE.completed), { ...env, actor: actor('curator', undefined, OTHER_ORG) })).kind).toBe('not-found');
    expect(refusalOf(() => decideSaveTemplate({ mentorshipId: 'ms-1', date: '2025-05-01' }, source(ONE.completed), env)).code).toBe('date-before-previous-step');
    expect(refusalOf(() => decideSaveTemplate({ mentorshipId: 'ms-1', date: '2025-07-01' }, source(ONE.completed), env)).code).toBe('date-in-future');
  });

  it('keeps one template per source mentorship', () => {
    const existing = foldTemplate(decideSaveTemplate({ mentorshipId: 'ms-1', date: TODAY }, source(ONE.completed), env));
    expect(refusalOf(() => decideSaveTemplate({ mentorshipId: 'ms-1', date: TODAY }, source(ONE.completed), { ...env, existing })))
      .toMatchObject({ kind: 'state', code: 'template-exists', clause: '§3.4', details: { templateId: 'tpl-1' } });
  });

  it('a saved template instantiated for a new start gives a DraftProgram body the step accepts', () => {
    const template = foldTemplate(decideSaveTemplate({ mentorshipId: 'ms-1', title: 'Адаптация', date: TODAY }, source(ONE.completed), env))!;
    const draft = instantiateTemplate(template, '2025-09-01', '2025-08-25');
    expect(draft.body.activities.map((a) => a.due)).toEqual(['2025-09-21', '2025-12-11', '2026-04-21']);
    expect(draft.suggestedEnd).toBe('2026-05-22');
    expect(STEP_BODIES.program.parse(draft.body)).toEqual(draft.body);
  });

  it('offered to a mentorship, warns (§3.6) about activities that would fall outside its term instead of moving them', () => {
    const template = foldTemplate(decideSaveTemplate({ mentorshipId: 'ms-1', date: TODAY }, source(ONE.completed), env))!;
    const shortOne = { ...contextOf(fold(ONE.ordered)), plannedStart: PLANNED_START, plannedEnd: '2024-12-31' };
    const offer = draftForMentorship(template, shortOne, '2024-09-12');
    expect(offer.body.activities.map((a) => a.due)).toEqual(['2024-09-30', '2024-12-20', '2025-04-30']);
    expect(offer.warnings).toEqual([expect.objectContaining({ code: 'activity-due-outside-term', clause: '§3.6', message: expect.stringContaining('«Открытое занятие»') })]);
  });

  it('retiring a template is the keeper\'s, once', () => {
    const saved = decideSaveTemplate({ mentorshipId: 'ms-1', date: TODAY }, source(ONE.completed), env);
    const retired = decideRetireTemplate({ date: TODAY, reason: 'Устарела' }, foldTemplate(saved), env);
    valid(retired);
    expect(foldTemplate([...saved, ...retired])?.retired).toEqual({ date: TODAY, reason: 'Устарела' });
    expect(refusalOf(() => decideRetireTemplate({ date: TODAY, reason: 'x' }, foldTemplate([...saved, ...retired]), env)).code).toBe('template-retired');
  });
});

describe('best cases (§8.1, §8.2)', () => {
  const body = { mentorshipId: 'ms-1', title: 'Адаптация за полгода', summary: 'Молодой педагог провёл открытое занятие.', date: TODAY };

  it('the curator marks a completed mentorship: topic, form, duration and kinds of activities, no names or titles', () => {
    const events = decideMarkBestCase(body, { subject: 'mentorship', mentorship: source(ONE.completed) }, undefined, env);
    valid(events);
    expect(events[0]).toEqual({
      type: 'BestCaseMarked',
      data: {
        orgId: ORG, subject: 'mentorship', subjectId: 'ms-1', title: body.title, summary: body.summary, topic: 'Адаптация молодого педагога',
        form: 'traditional', durationDays: 263, completedOn: '2025-05-30', date: TODAY,
        activityKinds: [{ kind: 'workplace-intro', count: 1 }, { kind: 'theory', count: 1 }, { kind: 'practical-task', count: 1 }],
      },
    });
  });

  it('refuses before completion (§8.2), for anyone but the curator, and twice unless withdrawn', () => {
    expect(refusalOf(() => decideMarkBestCase(body, { subject: 'mentorship', mentorship: source(ONE.active) }, undefined, env)))
      .toMatchObject({ kind: 'state', code: 'not-completed', clause: '§8.2' });
    expect(refusalOf(() => decideMarkBestCase(body, { subject: 'mentorship', mentorship: source(ONE.completed) }, undefined, { ...env, actor: actors.head() })))
      .toMatchObject({ kind: 'forbidden', clause: '§3.4, §8.1' });
    const marked = decideMarkBestCase(body, { subject: 'mentorship', mentorship: source(ONE.completed) }, undefined, env);
    expect(refusalOf(() => decideMarkBestCase(body, { subject: 'mentorship', mentorship: source(ONE.completed) }, foldBestCase(marked), env)).code).toBe('already-best-case');
    const withdrawn = decideWithdrawBestCase({ date: TODAY, reason: 'Ошибка' }, foldBestCase(marked), env);
    expect(decideMarkBestCase(body, { subject: 'mentorship', mentorship: source(ONE.completed) }, foldBestCase([...marked, ...withdrawn]), env)).toHaveLength(1);
  });

  it('says another organisation\'s subject is not found, even when it is marked already (existence stays hidden)', () => {
    const marked = foldBestCase(decideMarkBestCase(body, { subject: 'mentorship', mentorship: source(ONE.completed) }, undefined, env));
    const other = { ...env, actor: actor('curator', undefined, OTHER_ORG) };
    expect(refusalOf(() => decideMarkBestCase(body, { subject: 'mentorship', mentorship: source(ONE.completed) }, marked, other))).toMatchObject({ kind: 'not-found', code: 'not-found' });
    expect(refusalOf(() => decideMarkBestCase(body, { subject: 'mentorship', mentorship: undefined }, undefined, other))).toMatchObject({ kind: 'not-found', code: 'not-found' });
  });

  it('marks a template of the bank, but not a retired one', () => {
    const saved = decideSaveTemplate({ mentorshipId: 'ms-1', date: TODAY }, source(ONE.completed), env);
    const t = { ...body, mentorshipId: undefined, templateId: 'tpl-1' };
    expect(decideMarkBestCase(t, { subject: 'template', template: foldTemplate(saved) }, undefined, env)[0].data).toMatchObject({ subject: 'template', subjectId: 'tpl-1' });
    const retired = [...saved, ...decideRetireTemplate({ date: TODAY, reason: 'Устарела' }, foldTemplate(saved), env)];
    expect(refusalOf(() => decideMarkBestCase(t, { subject: 'template', template: foldTemplate(retired) }, undefined, env)).code).toBe('template-retired');
  });
});
