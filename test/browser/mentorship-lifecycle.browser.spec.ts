import type { Locator, Page } from 'playwright-core';
import type { ApiClient } from '../e2e/support/api-client';
import { startTestApp, type TestApp } from '../e2e/support/test-app';
import type { Browser } from './support/chromium';
import { closeUiAfterAll, openUi, WebUi } from './support/web-ui';

jest.setTimeout(120_000);

const STAFF_CSV = [
  'ФИО;Должность;Дата допуска к работе;Дата согласия на обработку ПДн;Реквизиты согласия',
  'Иванова Мария Петровна;Старший воспитатель;01.09.2015;01.09.2015;Согласие № 1',
  'Петрова Анна Сергеевна;Воспитатель;20.10.2026;;',
  'Без Должности Сотрудник;;01.09.2020;;',
  'Сидорова Ольга Ивановна;Воспитатель;31.02.2020;;',
  'Иванова Мария Петровна;Старший воспитатель;01.09.2015;;',
].join('\n');

const TOPIC = 'Адаптация молодого воспитателя';

/**
 * The whole lifecycle through the page, as the curator, the head, the mentor and the mentee do it:
 * staff from a file, consents and banks, the proposal, every step from the generated forms, and the
 * auditor's and the curator's views. The server's "today" is 2026-11-24 (startTestApp).
 */
describe('web interface in Chromium: a mentorship from the staff list to published results', () => {
  let app: TestApp;
  let browser: Browser;
  let ui: WebUi;
  let curator: ApiClient;
  let head: ApiClient;
  let auditor: ApiClient;
  let mentor: ApiClient;
  let mentee: ApiClient;
  let mentorId: string;
  let menteeId: string;
  let mentorshipId: string;

  // A label reads "ФИО *" on screen; the star is hidden from assistive technology, so match the words.
  const field = (scope: Locator | Page, label: string) => scope.getByLabel(new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\s*\\*)?$`));

  beforeAll(async () => {
    app = await startTestApp();
    [curator, head, auditor] = await Promise.all([app.user(['curator']), app.user(['head']), app.user(['auditor'])]);
    ({ browser, ui } = await openUi(app.baseUrl));
  });

  closeUiAfterAll(() => ({ browser, ui, app }));

  it('serves the sign-in page at / and signs the curator in with a token', async () => {
    await ui.page.goto(`${app.baseUrl}/`);
    await ui.page.getByRole('heading', { name: 'Вход' }).waitFor();
    await ui.screenshot('01-sign-in');
    await ui.page.getByLabel('Токен доступа').fill('не-тот-токен');
    await ui.page.getByRole('button', { name: 'Войти' }).click();
    await ui.page.getByRole('alert').filter({ hasText: 'Токен не распознан' }).waitFor();
    await ui.signIn(curator.token!);
    await expect(ui.main.textContent()).resolves.toContain('Предложить наставничество');
  });

  it('imports a staff list: a preview with the rejected rows and why, then registers the accepted ones', async () => {
    await ui.open('#/people', 'Сотрудники и банки');
    await ui.page.getByLabel('Файл со списком сотрудников (CSV или XLSX)').setInputFiles({ name: 'сотрудники.csv', mimeType: 'text/csv', buffer: Buffer.from(STAFF_CSV, 'utf8') });
    await ui.page.getByRole('button', { name: 'Проверить файл' }).click();
    const preview = ui.page.locator('.import-result');
    await preview.getByText('будут зарегистрированы 2, отклонены 3').waitFor();
    const rejected = await preview.locator('table').filter({ hasText: 'Почему отклонена' }).textContent();
    expect(rejected).toContain('Должность:');
    expect(rejected).toContain('Дата допуска к работе:');
    expect(rejected).toContain('Повтор строки 2');
    await ui.screenshot('02-people-import-preview');
    await preview.getByRole('button', { name: 'Зарегистрировать: 2' }).click();
    await ui.page.getByRole('status').filter({ hasText: 'зарегистрировано 2, отклонено 3' }).waitFor();
    const staff = (await curator.get('/api/staff')).body.items as { personId: string; fullName: string }[];
    mentorId = staff.find((p) => p.fullName === 'Иванова Мария Петровна')!.personId;
    menteeId = staff.find((p) => p.fullName === 'Петрова Анна Сергеевна')!.personId;
  });

  it('registers a staff member with the generated form, records consents and fills both banks', async () => {
    const register = ui.page.locator('section').filter({ has: ui.page.getByRole('heading', { name: 'Зарегистрировать сотрудника' }) });
    await field(register, 'ФИО').fill('Кузнецова Елена Андреевна');
    await field(register, 'Должность').fill('Воспитатель');
    await field(register, 'Дата фактического допуска к работе').fill('2026-11-02');
    await register.getByRole('button', { name: 'Зарегистрировать' }).click();
    await ui.page.getByRole('status').filter({ hasText: 'Кузнецова Елена Андреевна' }).waitFor();
    // The patronymic says she is a woman: «её согласие», never «его».
    await ui.page.getByRole('status').filter({ hasText: 'Сотрудница «Кузнецова Елена Андреевна» зарегистрирована. Запишите её согласие' }).waitFor();

    const row = (id: string) => ui.page.locator(`tr[data-person="${id}"]`);
    const dialog = ui.page.getByRole('dialog');
    await row(menteeId).getByRole('button', { name: 'Записать согласие' }).click();
    await field(dialog, 'Дата согласия').fill('2026-10-20');
    await field(dialog, 'Реквизиты согласия на обработку персональных данных').fill('Согласие № 2');
    await dialog.getByRole('button', { name: 'Записать' }).click();
    await ui.page.getByRole('status').filter({ hasText: 'Согласие сотрудника «Петрова Анна Сергеевна» записано' }).waitFor();

    await row(mentorId).getByRole('button', { name: 'В базу наставников' }).click();
    await field(dialog, 'Компетенции, № 1').fill('ФГОС ДО');
    await dialog.getByRole('button', { name: 'Добавить: Компетенции' }).click();
    await field(dialog, 'Компетенции, № 2').fill('игровые технологии');
    await dialog.getByRole('button', { name: 'Записать' }).click();
    await ui.page.getByRole('status').filter({ hasText: 'в базе наставников' }).waitFor();

    await row(menteeId).getByRole('button', { name: 'В банк наставляемых' }).click();
    await field(dialog, 'Профессиональные запросы, № 1').fill('планирование занятий');
    await dialog.getByRole('button', { name: 'Записать' }).click();
    await ui.page.getByRole('status').filter({ hasText: 'в банке наставляемых' }).waitFor();
    await expect(row(mentorId).textContent()).resolves.toContain('0 из 3');
    await ui.screenshot('03-people-and-banks');

    mentor = await app.user(['mentor'], mentorId);
    mentee = await app.user(['mentee'], menteeId);
  });

  it('proposes a pair from the generated form; refusals show next to the fields, with the clause', async () => {
    await ui.open('#/mentorships/new', 'Предложить наставническую пару (группу)');
    const form = ui.page.locator('form.schema-form');
    await field(form, 'Наставник (из базы наставников)').selectOption(mentorId);
    await form.getByLabel('Петрова Анна Сергеевна — Воспитатель').check();
    await field(form, 'Форма наставничества (п. 2.3)').selectOption({ label: 'Традиционная («один-на-один»)' });
    await field(form, 'Плановое начало').fill('2026-11-09');
    await field(form, 'Плановое окончание (от 1 месяца до 1 года)').fill('2028-01-31');
    await field(form, 'Дата предложения').fill('2026-11-02');

    await form.getByRole('button', { name: 'Предложить' }).click();
    const topicError = form.locator('.field', { has: field(ui.page, 'Направление / тема') }).locator('.field-error');
    await topicError.waitFor();
    await expect(field(form, 'Направление / тема').getAttribute('aria-invalid')).resolves.toBe('true');

    await field(form, 'Направление / тема').fill(TOPIC);
    await form.getByRole('button', { name: 'Предложить' }).click();
    const alert = form.getByRole('alert');
    await alert.filter({ hasText: 'п. 3.7 Положения' }).waitFor();
    await expect(alert.textContent()).resolves.toContain('от 1 месяца до 1 года');
    const endError = form.locator('.field', { has: field(ui.page, 'Плановое окончание (от 1 месяца до 1 года)') }).locator('.field-error');
    await expect(endError.textContent()).resolves.toContain('п. 3.7');
    await ui.screenshot('04-propose-refused-with-clause');

    await field(form, 'Плановое окончание (от 1 месяца до 1 года)').fill('2027-05-08');
    await form.getByRole('button', { name: 'Предложить' }).click();
    await ui.ready(TOPIC);
    mentorshipId = /#\/mentorships\/([^?]+)/.exec(ui.page.url())![1];
    await expect(ui.state()).resolves.toBe('Предложено');
  });

  it('the curator records both written consents; the order is not offered to the curator', async () => {
    const steps = await ui.offeredSteps();
    expect(steps).toEqual(expect.arrayContaining(['Записать письменное согласие', 'Отозвать предложение']));
    expect(steps).not.toContain('Издать приказ о закреплении');
    for (const [personId, ref, date] of [[mentorId, 'Согласие наставника № 7', '2026-11-03'], [menteeId, 'Согласие наставляемой № 8', '2026-11-03']]) {
      const form = await ui.openStep('Записать письменное согласие');
      await field(form, 'Чьё согласие').selectOption(personId);
      await form.getByRole('radio', { name: 'Да' }).check();
      await field(form, 'Дата согласия').fill(date);
      await field(form, 'Реквизиты письменного согласия').fill(ref);
      if (personId === menteeId) await ui.screenshot('05-step-form-consent');
      await ui.submitStep(form, 'Записать письменное согласие');
    }
    await expect(ui.state()).resolves.toBe('Согласия получены');
    expect(await ui.offeredSteps()).not.toContain('Издать приказ о закреплении');
  });

  it('the head issues the order; a date in the future is refused with the clause next to the date', async () => {
    await ui.signIn(head.token!);
    // The mentee started on 20.10, so the 30-day appointment deadline (§3.7) passed on 19.11.
    const deadlines = ui.page.locator('section', { has: ui.page.getByRole('heading', { name: /^Сроки/ }) });
    await expect(deadlines.locator('.deadline.status-overdue').textContent()).resolves.toContain('§3.7');
    await expect(ui.page.locator('.task', { hasText: TOPIC }).getByRole('link', { name: 'Издать приказ о закреплении' }).count()).resolves.toBe(1);
    await ui.screenshot('06-dashboard-head-overdue');
    await ui.open(`#/mentorships/${mentorshipId}`, TOPIC);
    const steps = await ui.offeredSteps();
    expect(steps).toContain('Издать приказ о закреплении');
    expect(steps).not.toContain('Записать письменное согласие');
    const form = await ui.openStep('Издать приказ о закреплении');
    await field(form, 'Номер приказа').fill('45-к');
    await field(form, 'Дата приказа').fill('2026-12-01');
    await form.getByRole('button', { name: 'Издать приказ о закреплении' }).click();
    const dateError = form.locator('.field', { has: field(ui.page, 'Дата приказа') }).locator('.field-error');
    await dateError.filter({ hasText: 'ещё не наступила' }).waitFor();
    await expect(form.getByRole('alert').textContent()).resolves.toContain('п. 3.7 Положения');
    await ui.screenshot('07-step-refused-date-in-future');
    await field(form, 'Дата приказа').fill('2026-11-05');
    await ui.submitStep(form, 'Издать приказ о закреплении');
    await expect(ui.state()).resolves.toBe('Утверждено приказом');
    expect(await ui.offeredSteps()).not.toContain('Составить программу');
  });

  it('the mentor drafts the program from the dashboard task, with repeatable activities', async () => {
    await ui.signIn(mentor.token!);
    await ui.page.getByRole('link', { name: 'Составить программу' }).click();
    await ui.ready(TOPIC);
    const form = ui.page.locator('.step-form');
    await field(form, 'Дата программы').fill('2026-11-10');
    const first = form.locator('.repeat-item').nth(0);
    await field(first, 'Вид мероприятия (п. 3.6)').selectOption({ label: 'Ознакомление с рабочим местом и коллективом' });
    await field(first, 'Мероприятие').fill('Знакомство с группой и коллективом');
    await field(first, 'Срок').fill('2026-11-30');
    await form.getByRole('button', { name: 'Добавить: Мероприятия программы' }).click();
    const second = form.locator('.repeat-item').nth(1);
    await field(second, 'Вид мероприятия (п. 3.6)').selectOption({ label: 'Выполнение практических заданий' });
    await field(second, 'Мероприятие').fill('Открытое занятие для коллег');
    await field(second, 'Срок').fill('2027-02-15');
    await ui.screenshot('08-step-form-program');
    await ui.submitStep(form, 'Составить программу');
    await expect(ui.state()).resolves.toBe('Программа составлена');
    await expect(ui.main.textContent()).resolves.toContain('Открытое занятие для коллег');
  });

  it('the mentee acknowledges the program and it becomes active', async () => {
    await ui.signIn(mentee.token!);
    await ui.open(`#/mentorships/${mentorshipId}`, TOPIC);
    expect(await ui.offeredSteps()).toEqual(expect.arrayContaining(['Ознакомиться с программой']));
    const form = await ui.openStep('Ознакомиться с программой');
    await field(form, 'Дата ознакомления').fill('2026-11-11');
    await ui.submitStep(form, 'Ознакомиться с программой');
    await expect(ui.state()).resolves.toBe('Реализуется');
    const steps = await ui.offeredSteps();
    expect(steps).not.toContain('Отметить мероприятие выполненным');
    expect(steps).not.toContain('Завершить наставничество');
  });

  it('the mentor marks both activities done but may not complete the mentorship', async () => {
    await ui.signIn(mentor.token!);
    await ui.open(`#/mentorships/${mentorshipId}`, TOPIC);
    for (const [activity, date] of [['A1', '2026-11-15'], ['A2', '2026-11-18']]) {
      const form = await ui.openStep('Отметить мероприятие выполненным');
      await field(form, 'Мероприятие').selectOption(activity);
      await field(form, 'Дата выполнения').fill(date);
      await ui.submitStep(form, 'Отметить мероприятие выполненным');
    }
    expect(await ui.offeredSteps()).not.toContain('Завершить наставничество');
  });

  it('the curator completes it (§7.1)', async () => {
    await ui.signIn(curator.token!);
    await ui.open(`#/mentorships/${mentorshipId}`, TOPIC);
    const form = await ui.openStep('Завершить наставничество');
    await field(form, 'Дата завершения').fill('2026-11-20');
    await field(form, 'Основание завершения (п. 7.1)').selectOption({ label: 'Выполнение плана мероприятий в полном объёме' });
    await ui.submitStep(form, 'Завершить наставничество');
    await expect(ui.state()).resolves.toBe('Завершено');
    expect(await ui.offeredSteps()).not.toContain('Отчёт наставника');
  });

  it('the mentor and the mentee submit their reports (§3.6)', async () => {
    await ui.signIn(mentor.token!);
    await ui.open(`#/mentorships/${mentorshipId}`, TOPIC);
    let form = await ui.openStep('Отчёт наставника');
    await field(form, 'Дата отчёта').fill('2026-11-21');
    await field(form, 'Отчёт о выполнении программы').fill('Программа выполнена полностью.');
    await field(form, 'Рекомендации по дальнейшему развитию').fill('Готовиться к аттестации.');
    await ui.submitStep(form, 'Отчёт наставника');

    await ui.signIn(mentee.token!);
    await ui.open(`#/mentorships/${mentorshipId}`, TOPIC);
    form = await ui.openStep('Отчёт наставляемого');
    await field(form, 'Дата отчёта').fill('2026-11-22');
    await field(form, 'Отчёт о прохождении наставничества').fill('Стало понятно, как планировать занятия.');
    await field(form, 'Оценка работы наставника (1–5)').fill('5');
    await ui.submitStep(form, 'Отчёт наставляемого');
    expect(await ui.offeredSteps()).toEqual([]);
  });

  it('the curator publishes the results (§8.2); the picture shows the path taken', async () => {
    await ui.signIn(curator.token!);
    await ui.open(`#/mentorships/${mentorshipId}`, TOPIC);
    const form = await ui.openStep('Опубликовать результаты');
    await field(form, 'Дата публикации').fill('2026-11-24');
    await field(form, 'Итоги для сайта').fill('Молодой воспитатель освоил планирование и провёл открытое занятие.');
    await ui.submitStep(form, 'Опубликовать результаты');
    expect(await ui.offeredSteps()).toEqual([]);
    await expect(ui.main.textContent()).resolves.toContain('итоги опубликованы');
    const diagram = ui.page.locator('svg.lifecycle');
    await expect(diagram.locator('.lc-state.current').getAttribute('data-state')).resolves.toBe('completed');
    const visited = await diagram.locator('.lc-state.visited').evaluateAll((els) => els.map((e) => e.getAttribute('data-state')));
    expect(visited).toEqual(['new', 'proposed', 'consented', 'ordered', 'program-drafted', 'active', 'completed']);
    await expect(diagram.locator('.lc-edge.taken').count()).resolves.toBe(6);
    await expect(diagram.locator('.lc-region.done').count()).resolves.toBe(3);
    await ui.screenshot('09-mentorship-published');
  });

  it('the auditor sees the timeline and the state as of a date, and is offered no step', async () => {
    await ui.signIn(auditor.token!);
    await ui.open(`#/mentorships/${mentorshipId}`, TOPIC);
    expect(await ui.offeredSteps()).toEqual([]);
    await ui.open(`#/mentorships/${mentorshipId}/audit`, `История: ${TOPIC}`);
    await expect(ui.page.getByRole('heading', { name: 'Хронология (12)' }).count()).resolves.toBe(1);
    const timeline = await ui.page.locator('.timeline').textContent();
    expect(timeline).toContain('Приказ о закреплении № 45-к от 05.11.2026');
    expect(timeline).toContain('«Согласие наставника № 7»');
    await field(ui.page, 'Дата').fill('2026-11-06');
    await ui.page.locator('.asof-result').filter({ hasText: 'На 06.11.2026' }).waitFor();
    await expect(ui.page.locator('.asof-result .badge').first().textContent()).resolves.toBe('Утверждено приказом');
    // Every step was typed in on 2026-11-24, so on the 6th the system itself knew nothing yet.
    await expect(ui.page.locator('.asof-result').textContent()).resolves.toContain('задним числом');
    const integrity = await ui.page.locator('section', { has: ui.page.getByRole('heading', { name: 'Целостность журнала' }) }).textContent();
    expect(integrity).toMatch(/Недоступно|Журнал/);
    await ui.screenshot('10-audit');
  });

  it('the dashboard shows states, deadlines and loads; the monitoring report charts and downloads', async () => {
    await ui.signIn(curator.token!);
    const states = ui.page.locator('section', { has: ui.page.getByRole('heading', { name: 'Наставничества по состояниям' }) });
    await expect(states.textContent()).resolves.toContain('Всего наставничеств: 1');
    const loads = ui.page.locator('section', { has: ui.page.getByRole('heading', { name: 'Нагрузка наставников' }) });
    await expect(loads.textContent()).resolves.toContain('Иванова Мария Петровна');
    await ui.screenshot('11-dashboard-curator');

    await ui.open('#/monitoring?from=2026-01-01&to=2026-11-24', 'Мониторинг');
    await ui.page.locator('.figures').waitFor();
    await expect(ui.page.locator('figure', { hasText: 'Наставничества по состояниям' }).locator('.bar-row', { hasText: 'Завершено' }).locator('.bar-value').textContent()).resolves.toBe('1');
    await expect(ui.page.locator('figure', { hasText: 'Соблюдение сроков Положения' }).textContent()).resolves.toContain('100 %');
    await ui.screenshot('12-monitoring');
    for (const [button, ext] of [['Скачать XLSX', 'xlsx'], ['Скачать CSV', 'csv']]) {
      const [download] = await Promise.all([ui.page.waitForEvent('download'), ui.page.getByRole('button', { name: button }).click()]);
      expect(download.suggestedFilename()).toBe(`monitoring-2026-01-01-2026-11-24.${ext}`);
      expect((await download.createReadStream()).readable).toBe(true);
    }

    await ui.open('#/lifecycle', 'Жизненный цикл наставничества');
    await expect(ui.page.locator('svg.lifecycle .lc-state').count()).resolves.toBe(10);
    await ui.screenshot('13-lifecycle');
  });

  it('fits a tablet screen', async () => {
    await ui.page.setViewportSize({ width: 768, height: 1024 });
    await ui.open('#/', 'Обзор');
    await ui.screenshot('14-tablet-dashboard');
    await ui.open(`#/mentorships/${mentorshipId}`, TOPIC);
    const overflow = await ui.page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await ui.screenshot('15-tablet-mentorship');
  });

  it('made no request outside the app', () => {
    expect(ui.external).toEqual([]);
  });
});
