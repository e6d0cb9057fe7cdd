import { daysBetween, ruDate, type BusinessDate } from '#core/shared';
import { genderOf, givenAndPatronymic, withName } from '#libs/russian-names';
import type { DeadlineRef, ReminderType } from './reminder.events';

export interface ReminderFacts {
  type: ReminderType;
  deadline: DeadlineRef;
  today: BusinessDate;
  topic?: string | null;
  /** The people of the mentorship, by role («наставник», «наставляемый»); `personId` marks whose the deadline is. */
  people?: { role: string; fullName: string; personId?: string }[];
  recipientName?: string;
  link?: string;
}

const days = (n: number): string => {
  const m10 = n % 10;
  const m100 = n % 100;
  const word = m10 === 1 && m100 !== 11 ? 'день' : m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14) ? 'дня' : 'дней';
  return `${n} ${word}`;
};

/** How far the deadline is, in Russian: «осталось 3 дня», «срок сегодня», «просрочено на 2 дня». */
export function remaining(due: BusinessDate, today: BusinessDate): string {
  const left = daysBetween(today, due);
  if (left > 0) return `осталось ${days(left)}`;
  if (left === 0) return 'срок сегодня';
  return `просрочено на ${days(-left)}`;
}

/** «Уважаемая Мария Петровна!» when the name has a patronymic; otherwise a greeting that needs no gender. */
function greeting(name: string | undefined): string {
  const polite = name ? givenAndPatronymic(name) : null;
  if (polite) return `${genderOf(name!) === 'female' ? 'Уважаемая' : 'Уважаемый'} ${polite}!`;
  return name ? `Здравствуйте, ${name}!` : 'Здравствуйте!';
}

/** Whose deadline it is, in the genitive («касается наставляемой Петровой Анны Сергеевны»); the program is the mentor's (§3.6). */
function whose(f: ReminderFacts): string | null {
  const people = f.people ?? [];
  const p = people.find((x) => x.personId && x.personId === f.deadline.personId) ?? (f.deadline.kind === 'program' ? people.find((x) => x.role === 'наставник') : undefined);
  if (!p) return null;
  const role = p.role === 'наставляемый' ? (genderOf(p.fullName) === 'female' ? 'наставляемой' : 'наставляемого') : 'наставника';
  return withName(p.fullName, 'genitive', (n) => `Срок касается ${role} ${n}.`, (n) => `Срок касается участника наставничества: ${n} (${p.role}).`);
}

/** The Russian subject and body of a reminder or an escalation. */
export function reminderMessage(f: ReminderFacts): { subject: string; text: string; html: string } {
  const { deadline: d } = f;
  const subject = f.type === 'before'
    ? `Напоминание: ${d.title} — срок ${ruDate(d.due)}`
    : `Срок пропущен: ${d.title} — был ${ruDate(d.due)}`;
  const lines = [
    greeting(f.recipientName),
    '',
    f.type === 'before'
      ? `Приближается срок по Положению о системе наставничества (${d.clause}).`
      : `Срок по Положению о системе наставничества (${d.clause}) пропущен. Письмо направлено куратору и заведующему.`,
    '',
    `${d.title}.`,
    `Срок: ${ruDate(d.due)} (${remaining(d.due, f.today)}).`,
    ...(whose(f) ? [whose(f)!] : []),
    ...(f.topic ? [`Наставничество: «${f.topic}».`] : []),
    ...(f.people ?? []).map((p) => `${p.role[0].toUpperCase()}${p.role.slice(1)}: ${p.fullName}.`),
    ...(f.link ? ['', `Открыть в системе: ${f.link}`] : []),
    '',
    'Письмо сформировано автоматически системой наставничества. Отвечать на него не нужно.',
  ];
  const text = lines.join('\n');
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const html = `<!doctype html><html lang="ru"><meta charset="utf-8"><body>${lines.map((l) => (l ? `<p>${esc(l)}</p>` : '')).join('')}</body></html>`;
  return { subject, text, html };
}
