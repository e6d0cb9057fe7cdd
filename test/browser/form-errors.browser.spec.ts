import type { Locator, Page } from 'playwright-core';
import type { ApiClient } from '../e2e/support/api-client';
import { hire, proposal, type Staff } from '../e2e/support/kindergarten';
import { startTestApp, type TestApp } from '../e2e/support/test-app';
import type { Browser } from './support/chromium';
import { join } from 'node:path';
import { ARTIFACTS, closeUiAfterAll, openUi, WebUi } from './support/web-ui';

jest.setTimeout(120_000);

/**
 * A program whose third activity is wrong: the message stands under that row's own field, in the words of
 * its label, not only at the top of the form; a refusal by a rule (a due date out of term) goes to the row
 * it names too. Looked at on a desktop and on a 375 px phone screen.
 */
describe('web interface in Chromium: each error next to its own field, also inside repeated rows', () => {
  let app: TestApp;
  let browser: Browser;
  let ui: WebUi;
  let curator: ApiClient;
  let mentor: Staff;
  let mentorshipId: string;
  const TOPIC = 'Адаптация молодого педагога';
  const field = (scope: Locator | Page, label: string) => scope.getByLabel(new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\s*\\*)?$`));
  const errorOf = (row: Locator, label: string) => row.locator('.field', { has: field(ui.page, label) }).locator('.field-error');

  beforeAll(async () => {
    app = await startTestApp();
    const head = await app.user(['head']);
    curator = await app.user(['curator']);
    mentor = await hire(app, curator, 'Иванова Мария Петровна', 'mentor');
    const mentee = await hire(app, curator, 'Петрова Анна Сергеевна', 'mentee');
    mentorshipId = (await curator.post('/api/mentorships', proposal(mentor.id, [mentee.id]))).body.id;
    for (const personId of [mentor.id, mentee.id]) {
      expect((await curator.step(mentorshipId, 'consent', { personId, given: true, date: '2026-09-11', documentRef: `Согласие ${personId.slice(0, 4)}` })).status).toBe(200);
    }
    expect((await head.step(mentorshipId, 'order', { number: '45-к', date: '2026-09-15' })).status).toBe(200);
    ({ browser, ui } = await openUi(app.baseUrl));
  });

  closeUiAfterAll(() => ({ browser, ui, app }));

  async function programForm(): Promise<Locator> {
    await ui.page.setViewportSize({ width: 1280, height: 900 });
    await ui.open(`#/mentorships/${mentorshipId}`, TOPIC);
    const form = await ui.openStep('Составить программу');
    await field(form, 'Дата программы').fill('2026-09-30');
    return form;
  }

  async function fillRow(form: Locator, i: number, values: { kind?: string; title?: string; due?: string }): Promise<Locator> {
    if (await form.locator('.repeat-item').count() <= i) await form.getByRole('button', { name: 'Добавить: Мероприятия программы' }).click();
    const row = form.locator('.repeat-item').nth(i);
    if (values.kind) await field(row, 'Вид мероприятия (п. 3.6)').selectOption({ label: values.kind });
    if (values.title !== undefined) await field(row, 'Мероприятие').fill(values.title);
    if (values.due) await field(row, 'Срок').fill(values.due);
    return row;
  }

  it('a third activity without its title: «Укажите мероприятие.» under that row\'s field, the top says which row', async () => {
    await ui.signIn(mentor.client.token!);
    const form = await programForm();
    const rows = [
      await fillRow(form, 0, { kind: 'Ознакомление с рабочим местом и коллективом', title: 'Знакомство с группой', due: '2026-10-15' }),
      await fillRow(form, 1, { kind: 'Выполнение практических заданий', title: 'Открытое занятие', due: '2027-01-20' }),
      await fillRow(form, 2, { kind: 'Изучение теоретических и практических вопросов', title: '', due: '2027-02-10' }),
    ];
    await form.getByRole('button', { name: 'Составить программу', exact: true }).click();
    await errorOf(rows[2], 'Мероприятие').filter({ hasText: 'Укажите мероприятие.' }).waitFor();
    await expect(field(rows[2], 'Мероприятие').getAttribute('aria-invalid')).resolves.toBe('true');
    for (const row of rows.slice(0, 2)) await expect(row.locator('.field-error:not([hidden])').count()).resolves.toBe(0);
    await expect(form.getByRole('alert').textContent()).resolves.toContain('Мероприятия программы, № 3: укажите мероприятие.');
    await ui.screenshot('form-errors-01-row-3-title-desktop');
  });

  it('a third activity due after the planned end: the rule\'s refusal and its clause under that row\'s due date, on a phone too', async () => {
    const form = await programForm();
    await fillRow(form, 0, { kind: 'Ознакомление с рабочим местом и коллективом', title: 'Знакомство с группой', due: '2026-10-15' });
    await fillRow(form, 1, { kind: 'Выполнение практических заданий', title: 'Открытое занятие', due: '2027-01-20' });
    const third = await fillRow(form, 2, { kind: 'Изучение теоретических и практических вопросов', title: 'Семинар по ФГОС ДО', due: '2027-06-01' });
    await form.getByRole('button', { name: 'Составить программу', exact: true }).click();
    const due = errorOf(third, 'Срок');
    await due.filter({ hasText: 'п. 3.6' }).waitFor();
    await expect(due.textContent()).resolves.toContain('Срок мероприятия № 3 (01.06.2027) должен быть между датой программы (30.09.2026) и окончанием наставничества (31.03.2027).');
    await expect(form.locator('.repeat-item').nth(0).locator('.field-error:not([hidden])').count()).resolves.toBe(0);
    await expect(form.getByRole('alert').textContent()).resolves.not.toMatch(/\d{4}-\d{2}-\d{2}/);
    await ui.screenshot('form-errors-02-row-3-due-desktop');
    await ui.page.setViewportSize({ width: 375, height: 812 });
    await third.scrollIntoViewIfNeeded();
    // The form alone: the whole page at 375 px is too tall to look at.
    await form.screenshot({ path: join(ARTIFACTS, 'form-errors-03-row-3-due-375px.png') });
  });

  it('an empty row left between two is not sent, and the message still stands under the row it is about', async () => {
    const form = await programForm();
    await fillRow(form, 0, { kind: 'Ознакомление с рабочим местом и коллективом', title: 'Знакомство с группой', due: '2026-10-15' });
    await fillRow(form, 1, {});
    const third = await fillRow(form, 2, { kind: 'Изучение теоретических и практических вопросов', title: '', due: '2027-02-10' });
    await form.getByRole('button', { name: 'Составить программу', exact: true }).click();
    await errorOf(third, 'Мероприятие').filter({ hasText: 'Укажите мероприятие.' }).waitFor();
    await expect(form.locator('.repeat-item').nth(1).locator('.field-error:not([hidden])').count()).resolves.toBe(0);
  });
});
