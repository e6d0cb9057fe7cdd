import { CommandBus } from '@nestjs/cqrs';
import type { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { addDays, DomainError } from '#core/shared';
import type { Actor } from '#core/people';
import type { StepName } from '#core/mentorship';
import { UsersService } from '#libs/auth';
import { APP_CONFIG, CLOCK, todayIn, type AppConfig, type Clock, type CommandContext } from '#libs/kernel';
import { EnterBankCommand, RecordPersonalDataConsentCommand, RegisterPersonCommand, StaffedOrganisations } from '#libs/people';
import { ProposeMentorshipCommand, TakeStepCommand } from '#libs/mentorships';
import { TakeRoadmapStepCommand } from '#libs/roadmap';
import type { RoadmapStepName } from '#core/roadmap';

/** The accounts made for each role (tokens are shown once) and the sample mentorships. */
export interface DemoLoaded {
  accounts: { title: string; name: string; roles: string[]; token: string }[];
  mentorshipIds: string[];
}

/** The sample goes only where it cannot mix with real records: an organisation with no staff and no mentorships. */
export const organisationNotEmpty = (): DomainError => new DomainError({
  kind: 'state', code: 'store-not-empty',
  message: 'В организации уже есть сотрудники или наставничества; демонстрационные данные загружаются только в пустую организацию.',
});

/**
 * A small sample kindergarten, written through the same command bus as the API, so every
 * event obeys the regulation: staff, banks and mentorships in several states, plus a user per role.
 * It goes into organisation `orgId` (the configured one by default), and only while that one is empty.
 */
export async function loadDemo(app: Pick<INestApplicationContext, 'get'>, log: (line: string) => void, orgId?: string): Promise<DemoLoaded> {
  const bus = app.get(CommandBus);
  const config = app.get<AppConfig>(APP_CONFIG);
  const org = orgId ?? config.defaultOrgId;
  if (await app.get(StaffedOrganisations).has(org)) throw organisationNotEmpty();
  const today = todayIn(app.get<Clock>(CLOCK), config.timeZone);
  const d = (offset: number) => addDays(today, offset);
  const actor: Actor = { userId: 'demo', orgId: org, roles: ['curator', 'head', 'mentor', 'mentee'] };
  const ctx = (personId?: string): CommandContext => {
    const id = randomUUID();
    return { actor: { ...actor, personId }, commandId: id, correlationId: id, requestHash: '', idempotent: false };
  };

  const staff: Record<string, string> = {};
  const hire = async (key: string, fullName: string, position: string, firstDay: number, bank: 'mentor' | 'mentee') => {
    const { personId } = await bus.execute(new RegisterPersonCommand({ fullName, position, firstWorkingDay: d(firstDay) }, ctx()));
    await bus.execute(new RecordPersonalDataConsentCommand(personId, { date: d(firstDay), documentRef: `Согласие на обработку ПДн № ${Object.keys(staff).length + 1}` }, ctx()));
    await bus.execute(new EnterBankCommand(bank, bank === 'mentor'
      ? { personId, competences: ['ФГОС ДО', 'игровые технологии', 'работа с родителями'] }
      : { personId, requests: ['планирование образовательной деятельности', 'работа с родителями'] }, ctx()));
    staff[key] = personId;
  };
  await hire('ivanova', 'Иванова Мария Петровна', 'Старший воспитатель', -3000, 'mentor');
  await hire('sidorova', 'Сидорова Ольга Ивановна', 'Воспитатель высшей категории', -2500, 'mentor');
  await hire('orlova', 'Орлова Татьяна Викторовна', 'Музыкальный руководитель', -2000, 'mentor');
  await hire('petrova', 'Петрова Анна Сергеевна', 'Воспитатель', -130, 'mentee');
  await hire('kuznetsova', 'Кузнецова Елена Андреевна', 'Воспитатель', -100, 'mentee');
  await hire('smirnova', 'Смирнова Дарья Олеговна', 'Воспитатель', -100, 'mentee');
  await hire('volkova', 'Волкова Ирина Николаевна', 'Инструктор по физической культуре', -20, 'mentee');
  await hire('zaitseva', 'Зайцева Ксения Павловна', 'Воспитатель', -12, 'mentee');

  // The organisation's roadmap: approved, stages 1–4 done (one mentor trained), so the dashboard shows stage 5 at work.
  const roadmap = (name: RoadmapStepName, body: Record<string, unknown>) =>
    bus.execute(new TakeRoadmapStepCommand(name, body, ctx()));
  await roadmap('draft', { date: d(-140), documentRef: 'Дорожная карта внедрения системы наставничества' });
  await roadmap('approve', { date: d(-138), documentRef: 'Приказ № 30 «Об утверждении дорожной карты»' });
  for (const activityId of ['1.1', '2.1', '2.2', '3.1', '3.2', '4.1']) {
    await roadmap('activity-done', { activityId, date: d(-135), documentRef: `Документ к мероприятию ${activityId}` });
  }
  await roadmap('mentor-trained', { personId: staff.ivanova, date: d(-130), documentRef: 'Удостоверение о повышении квалификации № 118' });
  for (const activityId of ['4.2', '4.3', '4.4']) {
    await roadmap('activity-done', { activityId, date: d(-125), documentRef: `Документ к мероприятию ${activityId}` });
  }

  const propose = async (mentor: string, mentees: string[], form: string, topic: string, start: number, months: number) => {
    const { mentorshipId } = await bus.execute(new ProposeMentorshipCommand({
      mentorId: staff[mentor], menteeIds: mentees.map((m) => staff[m]), form, topic,
      plannedStart: d(start), plannedEnd: d(start + months * 30), date: d(start - 5),
    }, ctx()));
    return mentorshipId as string;
  };
  const step = (id: string, s: StepName, body: Record<string, unknown>, personId?: string) =>
    bus.execute(new TakeStepCommand(id, s, body, ctx(personId)));
  let consents = 0;
  const consentAll = async (id: string, people: string[], day: number) => {
    for (const p of people) await step(id, 'consent', { personId: staff[p], given: true, date: d(day), documentRef: `Письменное согласие № ${++consents}` });
  };

  // 1. Active, one-to-one, first activity done.
  const a = await propose('ivanova', ['petrova'], 'traditional', 'Адаптация молодого воспитателя', -110, 9);
  await consentAll(a, ['ivanova', 'petrova'], -114);
  await step(a, 'order', { number: '41-к', date: d(-112) });
  await step(a, 'program', { date: d(-105), activities: [
    { kind: 'workplace-intro', title: 'Знакомство с группой, коллективом и укладом ДОУ', due: d(-90) },
    { kind: 'theory', title: 'Изучение ФОП ДО и рабочей программы группы', due: d(-30) },
    { kind: 'practical-task', title: 'Открытое занятие для коллег', due: d(60) },
  ] }, staff.ivanova);
  await step(a, 'acknowledge', { date: d(-104) }, staff.petrova);
  await step(a, 'activity-done', { activityId: 'A1', date: d(-92) }, staff.ivanova);

  // 2. Group mentorship waiting for its program (deadline close).
  const b = await propose('sidorova', ['kuznetsova', 'smirnova'], 'group', 'Проектная деятельность в старшей группе', -8, 6);
  await consentAll(b, ['sidorova', 'kuznetsova', 'smirnova'], -9);
  await step(b, 'order', { number: '52-к', date: d(-6) });

  // 3. Proposed, waiting for consents; the 30-day appointment window is running.
  await propose('orlova', ['volkova'], 'short-term', 'Музыкально-ритмические занятия', 5, 2);

  // 4. Completed with reports and published results (§8.2).
  const c = await propose('orlova', ['zaitseva'], 'situational', 'Работа с родителями', -10, 1);
  await consentAll(c, ['orlova', 'zaitseva'], -10);
  await step(c, 'order', { number: '53-к', date: d(-9) });
  await step(c, 'program', { date: d(-8), activities: [{ kind: 'support', title: 'Консультация перед родительским собранием', due: d(-4) }] }, staff.orlova);
  await step(c, 'acknowledge', { date: d(-8) }, staff.zaitseva);
  await step(c, 'activity-done', { activityId: 'A1', date: d(-4) }, staff.orlova);
  await step(c, 'complete', { date: d(-3), reason: 'plan-fulfilled' });
  await step(c, 'mentor-report', { date: d(-2), text: 'Программа выполнена полностью.', recommendations: 'Продолжить самообразование по теме.' }, staff.orlova);
  await step(c, 'mentee-report', { date: d(-1), text: 'Консультация помогла подготовиться к собранию.', mentorEvaluation: 5 }, staff.zaitseva);
  await step(c, 'publish', { date: d(0), summary: 'Молодой воспитатель провёл первое родительское собрание.' });

  const users = app.get(UsersService);
  const admin: Actor = { userId: 'demo', orgId: org, roles: ['admin'] };
  const accounts: [string, Parameters<UsersService['create']>[0]][] = [
    ['Администратор', { name: 'Администратор', roles: ['admin'] }],
    ['Куратор', { name: 'Куратор (заместитель заведующего)', roles: ['curator'] }],
    ['Заведующий', { name: 'Заведующий', roles: ['head'] }],
    ['Наставник Иванова', { name: 'Иванова М. П.', roles: ['mentor'], personId: staff.ivanova }],
    ['Наставляемая Петрова', { name: 'Петрова А. С.', roles: ['mentee'], personId: staff.petrova }],
    ['Наставник Сидорова', { name: 'Сидорова О. И.', roles: ['mentor'], personId: staff.sidorova }],
    ['Аудитор', { name: 'Аудитор', roles: ['auditor'] }],
  ];
  log('Демонстрационный детский сад загружен: 8 сотрудников, 4 наставничества, дорожная карта (этапы 1–4 выполнены), пользователи для каждой роли.');
  log('Токены для входа (показываются один раз):');
  const created: DemoLoaded['accounts'] = [];
  for (const [title, body] of accounts) {
    const { token } = await users.create(body, admin);
    created.push({ title, name: body.name, roles: body.roles, token });
    log(`  ${title.padEnd(22)} ${token}`);
  }
  log(`Наставничества: ${[a, b, c].map((id) => `/api/mentorships/${id}`).join('  ')}`);
  return { accounts: created, mentorshipIds: [a, b, c] };
}
