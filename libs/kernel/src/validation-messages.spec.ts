import { z } from 'zod';
import { STEP_BODIES, proposeBody } from '#core/mentorship';
import { createUserBody } from '#core/accounts';
import { registerPersonBody } from '#core/people';
import { DomainError, businessDate } from '#core/shared';
import { parseBody } from './parse-body';
import { accusative } from './validation-messages';

function refusal(schema: z.ZodType, body: unknown) {
  try {
    parseBody(schema, body);
  } catch (e) {
    if (e instanceof DomainError) return { message: e.refusal.message, errors: (e.refusal.details as { errors: { path: string; label?: string; message: string; code: string }[] }).errors };
    throw e;
  }
  throw new Error('accepted');
}

const messageAt = (r: ReturnType<typeof refusal>, path: string) => r.errors.find((e) => e.path === path)?.message;

describe('validation messages: from the field\'s Russian label and bounds, never zod\'s words', () => {
  it('asks for an empty field by its label: «Укажите ФИО»', () => {
    const r = refusal(registerPersonBody, { fullName: '  ', position: 'Воспитатель' });
    expect(messageAt(r, 'fullName')).toBe('Укажите ФИО.');
    expect(messageAt(r, 'firstWorkingDay')).toBe('Укажите дату фактического допуска к работе.');
    expect(r.errors.find((e) => e.path === 'fullName')).toMatchObject({ label: 'ФИО', code: 'too_small' });
    expect(r.message).toBe('Проверьте данные. Укажите ФИО. Укажите дату фактического допуска к работе.');
  });

  it('states a number\'s bounds in words: «Оценка работы наставника — целое число от 1 до 5»', () => {
    const body = { date: '2026-11-20', text: 'Отчёт' };
    for (const mentorEvaluation of [7, 0, 4.5, 'пять']) {
      expect(messageAt(refusal(STEP_BODIES['mentee-report'], { ...body, mentorEvaluation }), 'mentorEvaluation')).toBe('Оценка работы наставника — целое число от 1 до 5.');
    }
    expect(messageAt(refusal(STEP_BODIES['mentee-report'], body), 'mentorEvaluation')).toBe('Укажите оценку работы наставника.');
  });

  it('explains a date: its two formats, or that the day does not exist', () => {
    const schema = z.strictObject({ date: businessDate.describe('Дата согласия') });
    expect(messageAt(refusal(schema, { date: 'вчера' }), 'date')).toBe('Дата согласия — в формате ДД.ММ.ГГГГ или ГГГГ-ММ-ДД.');
    expect(messageAt(refusal(schema, { date: '2026-02-30' }), 'date')).toBe('Дата согласия — такого дня нет в календаре (30.02.2026).');
    expect(messageAt(refusal(schema, { date: '31.04.2026' }), 'date')).toBe('Дата согласия — такого дня нет в календаре (31.04.2026).');
    expect(parseBody(schema, { date: '07.12.2026' })).toEqual({ date: '2026-12-07' });
  });

  it('says which row of a list is wrong, and keeps the path the page puts the message under', () => {
    const activities = [
      { kind: 'theory', title: 'Занятие', due: '2026-12-01' },
      { kind: 'theory', title: 'Занятие', due: '2026-12-02' },
      { kind: 'какой-то', title: '', due: 'к Новому году' },
    ];
    const r = refusal(STEP_BODIES.program, { date: '2026-11-20', activities });
    expect(r.errors.map((e) => e.path)).toEqual(['activities.2.kind', 'activities.2.title', 'activities.2.due']);
    expect(messageAt(r, 'activities.2.kind')).toBe('Вид мероприятия — выберите один из вариантов списка.');
    expect(messageAt(r, 'activities.2.title')).toBe('Укажите мероприятие.');
    expect(messageAt(r, 'activities.2.due')).toBe('Срок — дата в формате ДД.ММ.ГГГГ или ГГГГ-ММ-ДД.');
    expect(r.message).toContain('Мероприятия программы, № 3: укажите мероприятие.');
  });

  it('names lengths, lists and choices without a type name or a key', () => {
    const r = refusal(proposeBody, { mentorId: 'p1', menteeIds: [], form: 'solo', topic: 'т'.repeat(501), plannedStart: '2026-12-01', plannedEnd: '2027-05-01', date: '2026-11-20', extra: 1 });
    expect(messageAt(r, 'menteeIds')).toBe('Укажите наставляемых.');
    expect(messageAt(r, 'form')).toBe('Форма наставничества — выберите один из вариантов списка.');
    expect(messageAt(r, 'topic')).toBe('Направление / тема — не длиннее 500 знаков.');
    expect(r.errors.find((e) => e.path === '')).toMatchObject({ code: 'unrecognized_keys', keys: ['extra'], message: 'В запросе есть поля, которых эта форма не принимает: уберите их.' });
    expect(r.message).not.toMatch(/extra|string|number|menteeIds|‹|<=/);
  });

  it('never asks for a field the form marks optional', () => {
    const r = refusal(createUserBody, { name: 'Иванова', roles: ['mentor'], email: 'не-адрес' });
    expect(r.errors.map((e) => e.path)).toEqual(['email']);
    expect(messageAt(r, 'email')).toBe('Адрес эл. почты для напоминаний о сроках — в виде имя@домен.');
  });

  it('puts the head word of a label in the accusative', () => {
    expect(accusative('Дата согласия')).toBe(' дату согласия');
    expect(accusative('Новый наставник')).toBe(' нового наставника');
    expect(accusative('Новый срок окончания')).toBe(' новый срок окончания');
    expect(accusative('Направление / тема')).toBe(' направление / тему');
    expect(accusative('Чьё согласие')).toBe(', чьё согласие');
    expect(accusative('ФИО')).toBe(' ФИО');
  });
});
