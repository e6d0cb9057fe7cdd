import { plannedReminders, recipientsOf, reminderIdOf, type Account, type OpenDeadline } from './reminder-plan';
import { classifyMailFailure } from './reminder-mailer';
import { reminderMessage, remaining } from './reminder-message';

const program: OpenDeadline = {
  orgId: 'org', kind: 'program', mentorshipId: 'ms-1', personId: null, mentorId: 'p-mentor', due: '2026-09-25', clause: '§3.6',
  title: 'Программа — не позднее 10 дней с приказа', topic: 'Адаптация',
};
const accounts: Account[] = [
  { userId: 'u-cur', roles: ['curator'], email: 'cur@ds.test' },
  { userId: 'u-head', roles: ['head'] },
  { userId: 'u-mentor', roles: ['mentor'], personId: 'p-mentor' },
  { userId: 'u-mentee', roles: ['mentee'], personId: 'p-mentee' },
  { userId: 'u-other-mentor', roles: ['mentor'], personId: 'p-other' },
];

describe('which reminders are due', () => {
  it.each([
    ['2026-09-21', []],
    ['2026-09-22', ['before']],
    ['2026-09-25', ['before']],
    ['2026-09-26', ['escalation']],
  ])('on %s with 3 lead days: %j', (today, types) => {
    expect(plannedReminders([program], today, 3).map((p) => p.type)).toEqual(types);
  });

  it('identifies a reminder by the deadline and its due date, so a moved deadline is a new one', () => {
    expect(reminderIdOf(program, 'before')).toBe('ms-1:program::2026-09-25:before');
    expect(reminderIdOf({ ...program, due: '2026-09-26' }, 'before')).not.toBe(reminderIdOf(program, 'before'));
  });
});

describe('who is reminded', () => {
  const to = (d: Partial<OpenDeadline>, type: 'before' | 'escalation' = 'before') =>
    recipientsOf({ reminderId: 'x', type, deadline: { ...program, ...d } }, accounts).map((r) => `${r.account.userId}:${r.reason}`);

  it('the mentor for the program and their report (§3.6), each mentee for theirs', () => {
    expect(to({})).toEqual(['u-mentor:responsible']);
    expect(to({ kind: 'mentor-report', personId: 'p-mentor' })).toEqual(['u-mentor:responsible']);
    expect(to({ kind: 'mentee-report', personId: 'p-mentee' })).toEqual(['u-mentee:responsible']);
  });

  it('the head and the curator for the appointment order (§3.3, §3.7); the curator for the mentee bank (§3.4)', () => {
    expect(to({ kind: 'appointment', personId: 'p-mentee' })).toEqual(['u-head:head', 'u-cur:curator']);
    expect(to({ kind: 'mentee-bank-update', mentorshipId: null, mentorId: null })).toEqual(['u-cur:curator']);
  });

  it('a missed deadline goes to the curator and the head, whoever it belonged to', () => {
    expect(to({}, 'escalation')).toEqual(['u-cur:curator', 'u-head:head']);
  });
});

describe('e-mail', () => {
  it('is retried only when the server certainly did not take the message', () => {
    expect(classifyMailFailure({ code: 'ECONNECTION', command: 'CONN' })).toEqual({ code: 'ECONNECTION', retryable: true });
    expect(classifyMailFailure({ code: 'EENVELOPE', responseCode: 450 })).toEqual({ code: 'SMTP450', retryable: true });
    expect(classifyMailFailure({ code: 'EMESSAGE', responseCode: 550 })).toEqual({ code: 'SMTP550', retryable: false });
    expect(classifyMailFailure({ code: 'ETIMEDOUT', command: 'DATA' })).toEqual({ code: 'ETIMEDOUT', retryable: false });
    expect(classifyMailFailure({ code: 'ECONNECTION', command: 'DATA' }).retryable).toBe(false);
  });

  it('says in Russian what is due, by when, and for whom', () => {
    const m = reminderMessage({ type: 'before', deadline: program, today: '2026-09-22', topic: 'Адаптация', people: [{ role: 'наставник', fullName: 'Иванова Мария Петровна' }], recipientName: 'Иванова М. П.' });
    expect(m.subject).toBe('Напоминание: Программа — не позднее 10 дней с приказа — срок 25.09.2026');
    expect(m.text).toContain('Срок: 25.09.2026 (осталось 3 дня).');
    expect(m.text).toContain('Наставник: Иванова Мария Петровна.');
    expect(reminderMessage({ type: 'escalation', deadline: program, today: '2026-09-27' }).subject).toBe('Срок пропущен: Программа — не позднее 10 дней с приказа — был 25.09.2026');
    expect([remaining('2026-09-25', '2026-09-24'), remaining('2026-09-25', '2026-09-25'), remaining('2026-09-25', '2026-10-06')])
      .toEqual(['осталось 1 день', 'срок сегодня', 'просрочено на 11 дней']);
  });

  it('greets by given name and patronymic and says whose deadline it is, names declined', () => {
    const people = [
      { role: 'наставник', fullName: 'Иванов Пётр Сергеевич', personId: 'p-mentor' },
      { role: 'наставляемый', fullName: 'Петрова Анна Сергеевна', personId: 'p-mentee' },
    ];
    const program_ = reminderMessage({ type: 'before', deadline: program, today: '2026-09-22', people, recipientName: 'Петрова Анна Сергеевна' });
    expect(program_.text).toContain('Уважаемая Анна Сергеевна!');
    expect(program_.text).toContain('Срок касается наставника Иванова Петра Сергеевича.');
    const report = reminderMessage({ type: 'escalation', deadline: { ...program, kind: 'mentee-report', personId: 'p-mentee' }, today: '2026-09-27', people, recipientName: 'Иванов Пётр Сергеевич' });
    expect(report.text).toContain('Уважаемый Пётр Сергеевич!');
    expect(report.text).toContain('Срок касается наставляемой Петровой Анны Сергеевны.');
    expect(report.text).toContain('Письмо направлено куратору и заведующему.');
    const foreign = reminderMessage({ type: 'before', deadline: { ...program, kind: 'mentee-report', personId: 'p-x' }, today: '2026-09-22', people: [{ role: 'наставляемый', fullName: 'Смит Джон', personId: 'p-x' }], recipientName: 'Смит Джон' });
    expect(foreign.text).toContain('Здравствуйте, Смит Джон!');
    expect(foreign.text).toContain('Срок касается участника наставничества: Смит Джон (наставляемый).');
  });
});
