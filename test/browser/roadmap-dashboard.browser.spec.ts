import type { Locator, Page } from 'playwright-core';
import type { ApiClient } from '../e2e/support/api-client';
import { startTestApp, type TestApp } from '../e2e/support/test-app';
import type { Browser } from './support/chromium';
import { closeUiAfterAll, openUi, WebUi } from './support/web-ui';

jest.setTimeout(120_000);

/** The roadmap card of the dashboard: the curator drafts, the head approves, the curator marks an activity, from the generated forms. */
describe('web interface in Chromium: the roadmap on the dashboard', () => {
  let app: TestApp;
  let browser: Browser;
  let ui: WebUi;
  let curator: ApiClient;
  let head: ApiClient;
  const field = (scope: Locator | Page, label: string) => scope.getByLabel(new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\s*\\*)?$`));
  const card = () => ui.page.locator('section', { has: ui.page.getByRole('heading', { name: 'Дорожная карта' }) });

  async function take(title: string, fill: (form: Locator) => Promise<void>) {
    await card().getByRole('button', { name: title, exact: true }).click();
    const form = card().locator('form');
    await fill(form);
    const answered = ui.page.waitForResponse((r) => r.url().includes('/api/roadmap/steps/') && r.request().method() === 'POST');
    await form.getByRole('button', { name: title, exact: true }).click();
    const response = await answered;
    expect([response.status(), response.status() === 200 ? '' : await response.text()]).toEqual([200, '']);
    await ui.ready('Обзор');
  }

  beforeAll(async () => {
    app = await startTestApp();
    [curator, head] = await Promise.all([app.user(['curator']), app.user(['head'])]);
    ({ browser, ui } = await openUi(app.baseUrl));
  });
  closeUiAfterAll(() => ({ browser, ui, app }));

  it('shows where the organisation stands and takes each role\'s steps', async () => {
    await ui.signIn(curator.token!);
    await card().getByText('Дорожная карта не разработана').waitFor();
    await take('Разработать дорожную карту', (f) => field(f, 'Документ (дорожная карта, протокол)').fill('Дорожная карта на 2026/27 учебный год'));
    await card().getByText('разработана, ждёт утверждения заведующим').waitFor();

    await ui.signIn(head.token!);
    await take('Утвердить дорожную карту', (f) => field(f, 'Приказ об утверждении дорожной карты').fill('Приказ № 30'));
    await card().getByText('Этап 1: Подготовка условий для реализации системы наставничества.').waitFor();

    await ui.signIn(curator.token!);
    await take('Отметить мероприятие выполненным', async (f) => {
      await f.getByRole('combobox').selectOption('1.1');
      await field(f, 'Подтверждающий документ (приказ, протокол, отчёт, ссылка)').fill('Приказ № 12 от 31.03.2022');
    });
    await card().getByText('Этап 2: Формирование банка наставляемых.').waitFor();
    await expect(card().locator('.roadmap-missing li').allTextContents()).resolves.toEqual([
      '2.1. Сбор информации о профессиональных запросах педагогов',
      '2.2. Формирование банка данных наставляемых, обеспечение согласий на сбор и обработку персональных данных',
      '7.1. Освещение мероприятий Дорожной карты на сайте ДОУ и в социальных сетях, по возможности на муниципальном и региональном уровнях',
    ]);
    await ui.screenshot('roadmap-dashboard');
    expect(ui.external).toEqual([]);
  });
});
