import type { Locator, Page } from 'playwright-core';
import type { ApiClient } from '../e2e/support/api-client';
import { startTestApp, type TestApp } from '../e2e/support/test-app';
import { ERASED } from '#core/people';
import type { Browser } from './support/chromium';
import { closeUiAfterAll, openUi, WebUi } from './support/web-ui';

jest.setTimeout(120_000);

/** The curator records a written withdrawal of consent; the head orders destruction; the name is gone from the page. */
describe('web interface in Chromium: withdrawal of consent and destruction of personal data', () => {
  let app: TestApp;
  let browser: Browser;
  let ui: WebUi;
  let curator: ApiClient;
  let head: ApiClient;
  let personId: string;
  const NAME = 'Отзывающая Согласие Сотрудница';
  const field = (scope: Locator | Page, label: string) => scope.getByLabel(new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\s*\\*)?$`));
  const row = () => ui.page.locator(`tr[data-person="${personId}"]`);

  beforeAll(async () => {
    app = await startTestApp();
    [curator, head] = await Promise.all([app.user(['curator']), app.user(['head'])]);
    personId = (await curator.post('/api/people', { fullName: NAME, position: 'Воспитатель', firstWorkingDay: '2026-09-01' })).body.id;
    await curator.post(`/api/people/${personId}/consent`, { date: '2026-09-01', documentRef: 'Согласие № 31' });
    ({ browser, ui } = await openUi(app.baseUrl));
  });

  closeUiAfterAll(() => ({ browser, ui, app }));

  it('the curator records the written withdrawal: the bank buttons go, the head is offered destruction', async () => {
    await ui.page.goto(`${app.baseUrl}/`);
    await ui.signIn(curator.token!);
    await ui.open('#/people', 'Сотрудники и банки');
    await row().getByRole('button', { name: 'Отзыв согласия' }).click();
    const dialog = ui.page.getByRole('dialog');
    await field(dialog, 'Дата отзыва согласия').fill('2026-11-20');
    await field(dialog, 'Реквизиты письменного отзыва согласия').fill('Заявление вх. № 88');
    await dialog.getByRole('button', { name: 'Записать' }).click();
    await ui.page.getByRole('status').filter({ hasText: 'больше не обрабатываются' }).waitFor();
    await expect(row().textContent()).resolves.toContain('отозвано 20.11.2026');
    await expect(row().getByRole('button', { name: 'В базу наставников' }).count()).resolves.toBe(0);
    await expect(row().getByRole('button', { name: 'Уничтожить данные' }).count()).resolves.toBe(0);
  });

  it('the head orders destruction: the row shows the erased mark and the date, never the name', async () => {
    await ui.page.evaluate('sessionStorage.clear()');
    await ui.page.goto(`${app.baseUrl}/`);
    await ui.signIn(head.token!);
    await ui.open('#/people', 'Сотрудники и банки');
    await row().getByRole('button', { name: 'Уничтожить данные' }).click();
    const dialog = ui.page.getByRole('dialog');
    await field(dialog, 'Дата уничтожения').fill('2026-11-24');
    await field(dialog, 'Номер приказа (акта) об уничтожении').fill('15-ПД');
    await field(dialog, 'Дата приказа (акта)').fill('2026-11-23');
    await dialog.getByRole('button', { name: 'Записать' }).click();
    await ui.page.getByRole('status').filter({ hasText: 'Персональные данные уничтожены' }).waitFor();
    const text = await row().textContent();
    expect(text).toContain(ERASED);
    expect(text).toContain('данные уничтожены 24.11.2026');
    expect(await ui.main.textContent()).not.toContain(NAME);
  });
});
