import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { ApiClient } from '../e2e/support/api-client';
import { hire, proposal } from '../e2e/support/kindergarten';
import { startTestApp, type TestApp } from '../e2e/support/test-app';
import type { Browser } from './support/chromium';
import { ARTIFACTS, closeUiAfterAll, openUi, WebUi } from './support/web-ui';

jest.setTimeout(120_000);

const DETAILS = {
  fullName: 'Муниципальное казённое дошкольное образовательное учреждение детский сад № 6 «Рябинушка» с. Гофицкое',
  shortName: 'МКДОУ ДС № 6 «Рябинушка»', address: '356265, Ставропольский край, с. Гофицкое, ул. Школьная, 12',
  headName: 'Савельева Людмила Михайловна', curatorName: 'Кузнецова Ольга Николаевна', curatorPosition: 'Заместитель заведующего',
};

/**
 * «Для печати» opens a print view — a new tab with the printable page and «Напечатать» (window.print()) —
 * for a document and for the monitoring report, instead of downloading a file; the head enters the
 * organisation's details on «Организация». Screenshots at desktop and phone width in test-artifacts/browser/.
 */
describe('web interface in Chromium: print views and the organisation\'s details', () => {
  let app: TestApp;
  let browser: Browser;
  let ui: WebUi;
  let head: ApiClient;
  let mentorshipId: string;
  // «ФИО *» for a required field, «Адрес (необязательно)» for another: match the words.
  const field = (scope: Locator | Page, label: string) => scope.getByLabel(new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\s*\\*|\\s*\\(необязательно\\))?$`));

  /** Clicks a «Для печати» button and returns the tab it opens, once the page is laid in. */
  async function printView(button: Locator): Promise<Page> {
    const [popup] = await Promise.all([ui.page.waitForEvent('popup'), button.click()]);
    await popup.getByRole('button', { name: 'Напечатать' }).waitFor();
    popup.on('pageerror', (e) => ui.errors.push(e.message));
    return popup;
  }
  async function shots(page: Page, name: string) {
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: join(ARTIFACTS, `${name}-desktop.png`), fullPage: true });
    await page.setViewportSize({ width: 375, height: 740 });
    await page.screenshot({ path: join(ARTIFACTS, `${name}-phone.png`), fullPage: true });
    const overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1280, height: 900 });
    // As printed: the browser's own PDF of the page on A4, the bar gone.
    await page.emulateMedia({ media: 'print' });
    await page.pdf({ path: join(ARTIFACTS, `${name}.pdf`), format: 'A4', preferCSSPageSize: true });
    await page.emulateMedia({ media: 'screen' });
  }

  beforeAll(async () => {
    app = await startTestApp();
    const curator = await app.user(['curator']);
    head = await app.user(['head']);
    const mentor = await hire(app, curator, 'Фёдорова Галина Павловна', 'mentor');
    const mentee = await hire(app, curator, 'Морозова Алина Игоревна', 'mentee');
    mentorshipId = (await curator.post('/api/mentorships', proposal(mentor.id, [mentee.id], { plannedStart: '2026-09-15', date: '2026-09-05' }))).body.id;
    await curator.step(mentorshipId, 'consent', { personId: mentor.id, given: true, date: '2026-09-07', documentRef: 'Согласие № 12' });
    await curator.step(mentorshipId, 'consent', { personId: mentee.id, given: true, date: '2026-09-08', documentRef: 'Согласие № 13' });
    await head.step(mentorshipId, 'order', { number: '45-к', date: '2026-09-10' });
    await mentor.client.step(mentorshipId, 'program', { date: '2026-09-18', activities: [{ kind: 'workplace-intro', title: 'Знакомство с группой', due: '2026-09-30' }] });
    ({ browser, ui } = await openUi(app.baseUrl));
  });
  closeUiAfterAll(() => ({ browser, ui, app }));

  it('the head enters the organisation\'s details on «Организация»', async () => {
    await ui.signIn(head.token!);
    await ui.open('#/organisation', 'Организация');
    await ui.page.getByText('Реквизиты ещё не внесены').waitFor();
    for (const [label, value] of [
      ['Полное наименование организации', DETAILS.fullName], ['Сокращённое наименование', DETAILS.shortName], ['Адрес', DETAILS.address],
      ['ФИО заведующего', DETAILS.headName], ['ФИО куратора реализации программ наставничества', DETAILS.curatorName], ['Должность куратора', DETAILS.curatorPosition],
    ]) await field(ui.page, label).fill(value);
    await field(ui.page, 'Действуют с (документы с этой даты печатаются с этими реквизитами); по умолчанию — сегодня').fill('2026-09-01');
    await ui.page.getByRole('button', { name: 'Сохранить реквизиты' }).click();
    await ui.page.getByRole('status').filter({ hasText: 'Реквизиты сохранены: действуют с 01.09.2026.' }).waitFor();
    await expect(ui.main.textContent()).resolves.toContain('Савельева Людмила Михайловна (заведующий)');
    await ui.screenshot('organisation-details');
  });

  it('«Для печати» of a document opens a print view with «Напечатать», styled as the document, nothing downloaded', async () => {
    await ui.open(`#/mentorships/${mentorshipId}`);
    const order = ui.page.locator('li.document', { hasText: 'Приказ «О закреплении наставнических пар»' });
    let downloaded = false;
    ui.page.once('download', () => { downloaded = true; });
    const popup = await printView(order.getByRole('button', { name: 'Для печати' }));
    const text = await popup.locator('body').textContent();
    for (const t of ['ПРИКАЗ', DETAILS.fullName, 'Наставнику (Фёдоровой Г. П.)', 'Заведующий', 'Савельева Л. М.']) expect(text).toContain(t);
    // The page's own stylesheet is in force (adopted: the site's policy allows no inline <style>).
    expect(await popup.evaluate('getComputedStyle(document.querySelector("table")).borderCollapse')).toBe('collapse');
    expect(await popup.evaluate('getComputedStyle(document.body).fontFamily')).toContain('Times New Roman');
    // «Напечатать» calls window.print(); on paper the bar is not there.
    await popup.evaluate('window.__printed = 0; window.print = () => { window.__printed++; };');
    await popup.getByRole('button', { name: 'Напечатать' }).click();
    expect(await popup.evaluate('window.__printed')).toBe(1);
    await popup.emulateMedia({ media: 'print' });
    expect(await popup.evaluate('getComputedStyle(document.querySelector(".print-toolbar")).display')).toBe('none');
    await popup.emulateMedia({ media: 'screen' });
    await shots(popup, 'print-order');
    await popup.close();

    const program = ui.page.locator('li.document', { hasText: 'Персонализированная программа наставничества' });
    const programView = await printView(program.getByRole('button', { name: 'Для печати' }));
    await expect(programView.locator('body').textContent()).resolves.toContain('Знакомство с группой');
    await shots(programView, 'print-program');
    await programView.close();
    expect(downloaded).toBe(false);
  });

  it('«Для печати» of the monitoring report opens the document a municipality receives', async () => {
    await ui.open('#/monitoring?from=2026-01-01&to=2026-11-24', 'Мониторинг');
    await ui.page.locator('.figures').waitFor();
    const popup = await printView(ui.page.getByRole('button', { name: 'Для печати' }));
    const text = await popup.locator('body').textContent();
    for (const t of ['Отчёт о мониторинге реализации системы наставничества педагогических работников', 'за период с 01.01.2026 по 24.11.2026',
      '1. Участники наставничества (п. 3.4)', 'Куратор реализации программ наставничества', 'Кузнецова О. Н.']) expect(text).toContain(t);
    await shots(popup, 'print-monitoring');
    await popup.close();
  });

  it('made no request outside the app', () => {
    expect(ui.external).toEqual([]);
  });
});
