import type { ApiClient } from '../e2e/support/api-client';
import { startTestApp, type TestApp } from '../e2e/support/test-app';
import type { Browser } from './support/chromium';
import { closeUiAfterAll, openUi, WebUi } from './support/web-ui';

jest.setTimeout(120_000);

/** The administrator's «Пользователи» page: accounts with their state and token expiry; disable, enable, a new token shown once. */
describe('web interface in Chromium: accounts', () => {
  let app: TestApp;
  let browser: Browser;
  let ui: WebUi;
  let curator: { id: string; client: ApiClient };
  const NAME = 'Куратор Доступова';
  const row = () => ui.page.locator(`tr[data-user="${curator.id}"]`);

  beforeAll(async () => {
    app = await startTestApp();
    const r = await app.admin.post('/api/users', { name: NAME, roles: ['curator'] });
    curator = { id: r.body.id, client: app.as(r.body.token) };
    ({ browser, ui } = await openUi(app.baseUrl));
    await ui.page.goto(`${app.baseUrl}/`);
    await ui.signIn(app.admin.token!);
  });

  closeUiAfterAll(() => ({ browser, ui, app }));

  it('lists the accounts: active, the token valid until dd.mm.yyyy', async () => {
    await ui.open('#/users', 'Пользователи');
    await row().waitFor();
    const text = await row().textContent();
    expect(text).toContain(NAME);
    expect(text).toContain('Куратор');
    expect(text).toContain('Активна');
    expect(text).toContain('до 23.05.2027');
    await ui.screenshot('accounts-01-list-desktop');
  });

  it('disables the account: its token is refused; enables it again', async () => {
    await row().getByRole('button', { name: 'Отключить' }).click();
    await ui.page.getByRole('status').filter({ hasText: 'отключена' }).waitFor();
    await expect(row().textContent()).resolves.toContain('Отключена администратором');
    await ui.screenshot('accounts-02-disabled-desktop');
    expect((await curator.client.get('/api/session')).status).toBe(401);
    await row().getByRole('button', { name: 'Включить' }).click();
    await ui.page.getByRole('status').filter({ hasText: 'снова действует' }).waitFor();
    expect((await curator.client.get('/api/session')).status).toBe(200);
  });

  it('«Выдать новый токен» shows the new token once; the old one stops, the new one works', async () => {
    await row().getByRole('button', { name: 'Выдать новый токен' }).click();
    const shown = ui.page.getByRole('status').filter({ hasText: 'показывается один раз' });
    await shown.waitFor();
    const fresh = await shown.getByLabel('Токен').inputValue();
    expect(fresh).toMatch(/^mt_/);
    await ui.screenshot('accounts-03-new-token-desktop');
    expect((await curator.client.get('/api/session')).status).toBe(401);
    expect((await app.as(fresh).get('/api/session')).status).toBe(200);
    // Shown once: the page loaded again has no token in it, the list does not carry one.
    await ui.page.reload();
    await ui.ready('Пользователи');
    await row().waitFor();
    await expect(ui.page.locator('input.token').count()).resolves.toBe(0);
    expect(await ui.page.content()).not.toContain(fresh);
  });

  it('at phone width (375 px) each account is a readable card', async () => {
    await ui.page.setViewportSize({ width: 375, height: 800 });
    await ui.open('#/users', 'Пользователи');
    await row().waitFor();
    const box = await row().boundingBox();
    expect(box!.width).toBeLessThanOrEqual(375);
    expect(await ui.page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    await ui.screenshot('accounts-04-list-phone');
    await ui.page.setViewportSize({ width: 1280, height: 900 });
  });
});
