import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { ReadModels, rebuild } from '#libs/projections';
import type { ApiClient } from './support/api-client';
import { RestartableApp } from './reminders.app';
import { startTestSmtp, type TestSmtp } from './reminders.smtp';

/**
 * Reminders of the regulation's deadlines by e-mail to a local SMTP server: each sent once, and
 * still once after a restart on the same data, a blue-green rebuild of the read models, and read
 * models built again from nothing.
 */
describe('reminders by e-mail', () => {
  let smtp: TestSmtp;
  let app: RestartableApp;
  let admin: ApiClient;
  const users: Record<'curator' | 'head' | 'mentor' | 'mentee', ApiClient> = {} as never;
  let mentorshipId: string;
  let position: string;

  const ok = async (p: Promise<{ status: number; body: any }>, status = 200) => {
    const r = await p;
    expect({ status: r.status, body: r.body }).toMatchObject({ status });
    return r.body;
  };
  const tick = async () => ok(admin.post(`/api/reminders/run?after=${position}`, {}));
  const mailTo = (address: string) => smtp.messages.filter((m) => m.to && !Array.isArray(m.to) && m.to.value[0].address === address);
  const step = async (client: ApiClient, name: string, body: unknown) => {
    const r = await ok(client.step(mentorshipId, name, body));
    position = r.position;
    return r;
  };

  beforeAll(async () => {
    smtp = await startTestSmtp();
    app = new RestartableApp(smtp.url);
    app.setToday('2026-09-15');
    await app.start();
    admin = app.as(app.adminToken);
    const account = async (name: string, roles: string[], email: string, personId?: string) =>
      app.as((await ok(admin.post('/api/users', { name, roles, email, personId }), 201)).token);
    users.curator = await account('Смирнова Татьяна (куратор)', ['curator'], 'curator@ds6.test');
    users.head = await account('Савельева Л. М. (заведующий)', ['head'], 'head@ds6.test');
    const person = async (fullName: string, firstWorkingDay: string, bank: 'mentor-bank' | 'mentee-bank', list: Record<string, string[]>) => {
      const id = (await ok(users.curator.post('/api/people', { fullName, position: 'Воспитатель', firstWorkingDay }), 201)).id;
      await ok(users.curator.post(`/api/people/${id}/consent`, { date: '2026-09-01', documentRef: 'ПДн' }), 201);
      await ok(users.curator.post(`/${'api'}/${bank}`, { personId: id, ...list }), 201);
      return id as string;
    };
    const mentor = await person('Иванова Мария Петровна', '2015-09-01', 'mentor-bank', { competences: ['ФГОС ДО'] });
    const mentee = await person('Петрова Анна Сергеевна', '2026-09-01', 'mentee-bank', { requests: ['планирование занятий'] });
    users.mentor = await account('Иванова М. П.', ['mentor'], 'mentor@ds6.test', mentor);
    users.mentee = await account('Петрова А. С.', ['mentee'], 'mentee@ds6.test', mentee);
    mentorshipId = (await ok(users.curator.post('/api/mentorships', {
      mentorId: mentor, menteeIds: [mentee], form: 'traditional', topic: 'Адаптация молодого педагога',
      plannedStart: '2026-10-01', plannedEnd: '2027-03-31', date: '2026-09-10',
    }), 201)).id;
    await step(users.curator, 'consent', { personId: mentor, given: true, date: '2026-09-11', documentRef: 'Согласие №1' });
    await step(users.curator, 'consent', { personId: mentee, given: true, date: '2026-09-11', documentRef: 'Согласие №2' });
    await step(users.head, 'order', { number: '45-к', date: '2026-09-15' });
  });
  afterAll(async () => {
    await app.dispose();
    await smtp.close();
  });

  it('reminds the mentor three days before the program is due (§3.6), once, across restarts and rebuilds', async () => {
    app.setToday('2026-09-21');
    expect(await tick()).toMatchObject({ today: '2026-09-21', recorded: 0, emailed: 0 });
    app.setToday('2026-09-22');
    expect(await tick()).toMatchObject({ recorded: 1, emailed: 1, failed: 0 });
    expect(smtp.messages).toHaveLength(1);
    const [mail] = mailTo('mentor@ds6.test');
    expect(mail.subject).toBe('Напоминание: Программа — не позднее 10 дней с приказа — срок 25.09.2026');
    expect(mail.text).toContain('Срок: 25.09.2026 (осталось 3 дня).');
    expect(mail.text).toContain('Наставничество: «Адаптация молодого педагога».');
    expect(mail.text).toContain('Наставник: Иванова Мария Петровна.');
    expect(mail.text).toContain('(§3.6)');

    expect(await tick()).toMatchObject({ recorded: 0, emailed: 0 });

    await app.stop();
    await app.start();
    expect(await tick()).toMatchObject({ recorded: 0, emailed: 0 });

    const rm = app.app.get(ReadModels);
    await rebuild(rm.store, rm.db, rm.projections);
    const deadlines = await ok(users.mentor.get(`/api/deadlines?after=${position}`));
    expect(deadlines.items).toEqual([expect.objectContaining({ kind: 'program', due: '2026-09-25', status: 'upcoming' })]);
    expect(await tick()).toMatchObject({ recorded: 0, emailed: 0 });

    await app.stop();
    for (const suffix of ['', '-wal', '-shm']) rmSync(join(app.dir, `readmodels.sqlite${suffix}`), { force: true });
    await app.start();
    expect(await tick()).toMatchObject({ recorded: 0, emailed: 0 });
    expect(smtp.messages).toHaveLength(1);

    const mine = await ok(users.mentor.get('/api/reminders'));
    expect(mine).toMatchObject({ today: '2026-09-22', open: 1 });
    expect(mine.items).toEqual([expect.objectContaining({
      type: 'before', typeTitle: 'Напоминание о сроке', kind: 'program', due: '2026-09-25', clause: '§3.6', date: '2026-09-22',
      mentorshipId, topic: 'Адаптация молодого педагога', resolved: false, remaining: 'осталось 3 дня', email: 'sent',
    })]);
    expect((await ok(users.mentee.get('/api/reminders'))).items).toEqual([]);
  });

  it('escalates the missed deadline to the curator and the head, once', async () => {
    app.setToday('2026-09-27');
    expect(await tick()).toMatchObject({ recorded: 1, emailed: 2 });
    for (const address of ['curator@ds6.test', 'head@ds6.test']) {
      const mails = mailTo(address);
      expect(mails).toHaveLength(1);
      expect(mails[0].subject).toBe('Срок пропущен: Программа — не позднее 10 дней с приказа — был 25.09.2026');
      expect(mails[0].text).toContain('просрочено на 2 дня');
    }
    await app.stop();
    await app.start();
    expect(await tick()).toMatchObject({ recorded: 0, emailed: 0 });
    expect(smtp.messages).toHaveLength(3);
    expect((await ok(users.curator.get('/api/reminders'))).items).toEqual([expect.objectContaining({ type: 'escalation', typeTitle: 'Срок пропущен', email: 'sent' })]);
  });

  it('tries a refused e-mail again on the next tick and delivers it once; a met deadline reads as resolved', async () => {
    await step(users.mentor, 'program', { date: '2026-09-27', activities: [{ kind: 'workplace-intro', title: 'Знакомство с группой', due: '2026-09-30' }] });
    await step(users.mentee, 'acknowledge', { date: '2026-09-27' });
    expect((await ok(users.mentor.get('/api/reminders'))).items[0]).toMatchObject({ kind: 'program', resolved: true, remaining: null });
    app.setToday('2026-10-01');
    await step(users.mentor, 'activity-done', { activityId: 'A1', date: '2026-09-30' });
    await step(users.curator, 'complete', { date: '2026-10-01', reason: 'plan-fulfilled' });

    app.setToday('2026-10-08');
    smtp.refuseNext(1);
    expect(await tick()).toMatchObject({ recorded: 2, emailed: 1, failed: 1 });
    expect(await tick()).toMatchObject({ recorded: 0, emailed: 1, failed: 0 });
    expect(await tick()).toMatchObject({ recorded: 0, emailed: 0, failed: 0 });
    const reports = smtp.messages.slice(3);
    expect(reports.map((m) => m.subject).sort()).toEqual([
      'Напоминание: Отчёт наставляемого — в течение 10 дней после завершения — срок 11.10.2026',
      'Напоминание: Отчёт наставника — в течение 10 дней после завершения — срок 11.10.2026',
    ]);
    expect(mailTo('mentor@ds6.test')).toHaveLength(2);
    expect(mailTo('mentee@ds6.test')).toHaveLength(1);
  });

  it('writes no name or address into the log', () => {
    const log = app.log.lines.join('\n');
    expect(log).toContain('reminders 2026-09-22: recorded=1 emailed=1 failed=0');
    for (const secret of ['Иванова', 'Петрова', 'Смирнова', 'Савельева', '@ds6.test']) expect(log).not.toContain(secret);
  });
});
