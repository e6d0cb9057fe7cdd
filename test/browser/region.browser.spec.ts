import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiClient } from '../e2e/support/api-client';
import { notPlainRussian } from '../e2e/support/plain-russian';
import { REGION, startTestApp, type TestApp } from '../e2e/support/test-app';
import { launchChromium, type Browser } from './support/chromium';
import { ARTIFACTS, closeUiAfterAll, WebUi } from './support/web-ui';

jest.setTimeout(180_000);

/**
 * The coordinator's page: three kindergartens of a municipality (each the demo's sample), their totals
 * with charts, the table sorted by a column, one organisation's figures, the XLSX; at a desktop's width
 * and a phone's (390 px). Every word on it is Russian; no name of a person.
 */
describe('web interface in Chromium: the municipality\'s view', () => {
  let app: TestApp;
  let browser: Browser;
  let coordinator: ApiClient;
  const names: string[] = [];

  beforeAll(async () => {
    app = await startTestApp({ regional: true });
    for (const orgId of ['sad-pervyj', 'sad-vtoroj', 'sad-tretij']) {
      const org = await app.organisation(orgId);
      const demo = await org.admin.post('/api/demo', {});
      if (demo.status !== 201) throw new Error(`${demo.status} ${JSON.stringify(demo.body)}`);
      const curator = app.as(demo.body.accounts.find((a: { roles: string[] }) => a.roles.includes('curator')).token);
      const staff = (await curator.get('/api/staff')).body.items as { fullName: string | null }[];
      // Surnames of the sample's staff: none may reach the coordinator.
      names.push(...staff.map((p) => p.fullName?.split(' ')[0]).filter((n): n is string => !!n && !names.includes(n)));
    }
    await app.system!.post('/api/organisations/sad-tretij/rename', { name: 'Детский сад «Аистёнок»' });
    const r = await app.system!.post('/api/coordinators', { name: 'Координатор района', regionId: REGION.regionId, municipalityId: REGION.municipalityId });
    coordinator = app.as(r.body.token);
    browser = await launchChromium();
  });
  // Each test opens its own page (a desktop's or a phone's width) and checks it for page errors itself.
  closeUiAfterAll(() => ({ browser, app }));

  async function signedIn(width: number, height: number): Promise<WebUi> {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width, height });
    const ui = new WebUi(page, app.baseUrl);
    await page.goto(`${app.baseUrl}/#/sign-in`);
    await page.getByLabel('Токен доступа').fill(coordinator.token!);
    await page.getByRole('button', { name: 'Войти' }).click();
    await ui.ready('Организации муниципалитета');
    return ui;
  }

  /** What a person reads on the page: Russian, no person's name. */
  async function plainAndNameless(ui: WebUi) {
    const text = await ui.main.innerText();
    expect(notPlainRussian(text)).toEqual([]);
    expect(names.filter((n) => text.includes(n))).toEqual([]);
    expect(names.length).toBeGreaterThan(3);
  }

  it('shows the totals with charts and a table of the organisations, sorted by any column, at a desktop\'s width', async () => {
    const ui = await signedIn(1280, 900);
    await ui.page.getByRole('heading', { name: 'Итого' }).waitFor();
    const rows = ui.page.locator('.region-table tbody tr');
    await expect(rows.count()).resolves.toBe(3);
    await expect(ui.page.locator('.region-table tbody th').allTextContents()).resolves.toEqual(['Детский сад «Аистёнок»', 'Детский сад № 1', 'Детский сад № 2']);
    await expect(ui.page.locator('.figures .figure').first().textContent()).resolves.toContain('3организации');
    await expect(ui.page.locator('svg.stacked-bar rect').count()).resolves.toBe(4);
    await ui.page.getByRole('button', { name: 'Наставничеств', exact: true }).click();
    await expect(ui.page.locator('.region-table th[aria-sort="ascending"]').textContent()).resolves.toContain('Наставничеств');
    await ui.page.getByRole('button', { name: /^Наставничеств ▲$/ }).click();
    await expect(ui.page.locator('.region-table th[aria-sort="descending"]').count()).resolves.toBe(1);
    await plainAndNameless(ui);
    await ui.screenshot('region-desktop');
    expect(ui.errors).toEqual([]);
    expect(ui.external).toEqual([]);
  });

  it('opens one organisation\'s figures and comes back', async () => {
    const ui = await signedIn(1280, 900);
    await ui.page.getByRole('link', { name: 'Детский сад «Аистёнок»' }).click();
    await ui.page.getByRole('heading', { level: 2, name: 'Детский сад «Аистёнок»' }).waitFor();
    await expect(ui.main.innerText()).resolves.toContain('Показатели из отчёта о мониторинге организации');
    await plainAndNameless(ui);
    await ui.screenshot('region-organisation');
    await ui.page.getByRole('link', { name: '← Все организации' }).click();
    await ui.page.getByRole('heading', { name: 'Итого' }).waitFor();
    expect(ui.errors).toEqual([]);
  });

  it('fits a phone (390 px): the table scrolls inside its box, nothing else does', async () => {
    const ui = await signedIn(390, 844);
    await ui.page.getByRole('heading', { name: 'Итого' }).waitFor();
    const overflow = await ui.page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await ui.screenshot('region-phone');
    await ui.page.getByRole('heading', { name: 'По организациям' }).scrollIntoViewIfNeeded();
    await ui.page.screenshot({ path: join(ARTIFACTS, 'region-phone-table.png') });
    expect(ui.errors).toEqual([]);
  });

  it('downloads the XLSX: a titled sheet with a row per organisation and the totals, in Russian, with no one\'s name', async () => {
    const ui = await signedIn(1280, 900);
    const [download] = await Promise.all([ui.page.waitForEvent('download'), ui.page.getByRole('button', { name: 'Скачать XLSX' }).click()]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync((await download.path())!) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet('Сводка')!;
    expect(ws.getCell('A1').value).toBe('Сводные показатели наставничества педагогических работников по организациям');
    const first = [6, 7, 8, 9].map((n) => ws.getRow(n).getCell(1).value);
    expect(first).toEqual(['Детский сад «Аистёнок»', 'Детский сад № 1', 'Детский сад № 2', 'Итого']);
    const texts: string[] = [];
    wb.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((c) => { if (typeof c.value === 'string') texts.push(c.value); })));
    expect(texts.flatMap((t) => notPlainRussian(t).map((p) => `«${t}»: ${p}`))).toEqual([]);
    expect(names.filter((n) => texts.some((t) => t.includes(n)))).toEqual([]);
  });
});
