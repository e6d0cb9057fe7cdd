import { eventFields } from './event-fields';

const NAMES: Record<string, string> = { m1: 'Иванова Мария Петровна', e1: 'Петрова Анна Сергеевна' };
const ctx = { name: (id: string) => NAMES[id] ?? 'сотрудник' };
const asText = (type: string, data: unknown) => eventFields(type, data, ctx).map((f) => `${f.label}: ${f.value}`);

describe('event data as labelled Russian fields', () => {
  it('names people, words enums, writes dates as ДД.ММ.ГГГГ and leaves out the ids that only link records', () => {
    expect(asText('MentorshipProposed', {
      mentorshipId: '70be73d9-1111-4111-8111-111111111111', orgId: 'default', mentorId: 'm1', mentees: [{ personId: 'e1', firstWorkingDay: '2026-09-01' }],
      form: 'traditional', topic: 'Адаптация', plannedStart: '2026-10-01', plannedEnd: '2027-03-31', date: '2026-09-10',
    })).toEqual([
      'Наставник: Иванова Мария Петровна', 'Наставляемые: Петрова Анна Сергеевна', 'Форма наставничества: Традиционная («один-на-один»)',
      'Тема: Адаптация', 'Плановое начало: 01.10.2026', 'Плановое окончание: 31.03.2027', 'Дата: 10.09.2026',
    ]);
  });

  it('words a consent, a program, a completion and a report', () => {
    expect(asText('ConsentRecorded', { personId: 'e1', given: false, date: '2026-09-11', documentRef: 'Заявление № 2' }))
      .toEqual(['Сотрудник: Петрова Анна Сергеевна', 'Решение: отказ', 'Дата: 11.09.2026', 'Документ: Заявление № 2']);
    expect(asText('ProgramDrafted', { date: '2026-09-30', activities: [{ id: 'A1', kind: 'theory', title: 'Семинар', due: '2026-10-15' }] }))
      .toEqual(['Дата: 30.09.2026', 'Мероприятия: 1. Семинар (изучение теоретических и практических вопросов; срок 15.10.2026)']);
    expect(asText('ActivityCompleted', { activityId: 'A3', date: '2026-10-01' })).toEqual(['Мероприятие: № 3', 'Дата: 01.10.2026']);
    expect(asText('MentorshipCompleted', { date: '2026-11-20', reason: 'plan-fulfilled' }))
      .toEqual(['Дата: 20.11.2026', 'Основание: Выполнение плана мероприятий в полном объёме']);
    expect(asText('MenteeReportSubmitted', { personId: 'e1', date: '2026-11-21', text: 'Спасибо', mentorEvaluation: 5 }))
      .toContain('Оценка работы наставника: 5 из 5');
  });

  it('never shows a stored personal field\'s ciphertext, nor a key or JSON', () => {
    const fields = asText('PersonRegistered', { personId: 'p9', orgId: 'default', personal: { subject: 'p9', iv: 'aa', ct: 'bb', tag: 'cc' }, position: 'Воспитатель', firstWorkingDay: '2026-09-01' });
    expect(fields).toEqual(['Сотрудник: сотрудник', 'Персональные данные: хранятся в зашифрованном виде', 'Должность: Воспитатель', 'Дата допуска к работе: 01.09.2026']);
    expect(asText('PersonalDataDestroyed', { personId: 'p9', orgId: 'default', fields: ['PersonRegistered.fullName', 'UserCreated.email'], date: '2026-11-20', order: { number: '44-ПД', date: '2026-11-19' } }))
      .toEqual(['Сотрудник: сотрудник', 'Уничтоженные сведения: ФИО, адрес эл. почты учётной записи', 'Дата: 20.11.2026', 'Приказ: № 44-ПД от 19.11.2026']);
    for (const line of [...fields, ...asText('DocumentAttached', { documentId: 'x', kind: 'pairs-order', fileName: 'Приказ.docx', contentHash: 'ab'.repeat(32), step: { event: 'OrderIssued', revision: 3, date: '2026-09-15' } })]) {
      expect(line.replace(/\.docx$/, '')).not.toMatch(/[A-Za-z{]/);
    }
  });

  it('words the order\'s supplementary agreement and an early end by notice (ТК РФ ст. 351.8)', () => {
    expect(asText('OrderIssued', { number: '12-к', date: '2026-09-15', agreement: { number: '3', date: '2026-09-15', contractRef: '№ 41 от 01.09.2020', pay: 'amount', amount: 3000 } }))
      .toEqual(['Номер приказа: 12-к', 'Дата: 15.09.2026', 'Дополнительное соглашение: № 3 от 15.09.2026 к трудовому договору № 41 от 01.09.2020; доплата в рублях в месяц — 3000 руб.']);
    expect(asText('MentorshipEndedEarly', { date: '2026-11-27', noticeBy: 'mentee', personId: 'e1', noticeDate: '2026-11-20', noticeRef: 'Заявление № 7' }))
      .toEqual(['Дата: 27.11.2026', 'Заявление подал: Наставляемый', 'Сотрудник: Петрова Анна Сергеевна', 'Дата заявления: 20.11.2026', 'Заявление: Заявление № 7']);
  });
});
