import { join } from 'node:path';
import type { ApiClient } from '../e2e/support/api-client';
import { hire, proposal } from '../e2e/support/kindergarten';
import { startTestApp, type TestApp } from '../e2e/support/test-app';
import type { Browser } from './support/chromium';
import { ARTIFACTS, closeUiAfterAll, openUi, WebUi } from './support/web-ui';

jest.setTimeout(120_000);

/**
 * What an auditor and a head read in the history and the integrity statement: words, not event types, JSON or
 * commands; and what a withdrawn mentorship says when no step remains.
 */
describe('web interface in Chromium: the history, the integrity statement and a finished mentorship in plain Russian', () => {
  let app: TestApp;
  let browser: Browser;
  let ui: WebUi;
  let auditor: ApiClient;
  let curator: ApiClient;
  let id: string;
  let withdrawnId: string;
  const TOPIC = 'Адаптация молодого педагога';

  beforeAll(async () => {
    app = await startTestApp({ sealer: true });
    let head: ApiClient;
    [curator, head] = await Promise.all([app.user(['curator']), app.user(['head'])]);
    auditor = await app.user(['auditor']);
    const mentor = await hire(app, curator, 'Иванова Мария Петровна', 'mentor');
    const mentee = await hire(app, curator, 'Петрова Анна Сергеевна', 'mentee');
    id = (await curator.post('/api/mentorships', proposal(mentor.id, [mentee.id]))).body.id;
    await curator.step(id, 'consent', { personId: mentor.id, given: true, date: '2026-09-11', documentRef: 'Согласие № 1' });
    await curator.step(id, 'consent', { personId: mentee.id, given: true, date: '2026-09-11', documentRef: 'Согласие № 2' });
    await head.step(id, 'order', { number: '45-к', date: '2026-09-15' });
    await mentor.client.step(id, 'program', { date: '2026-09-20', activities: [{ kind: 'theory', title: 'Семинар по ФГОС ДО', due: '2026-10-15' }] });
    const other = await hire(app, curator, 'Кузнецова Елена Андреевна', 'mentee');
    withdrawnId = (await curator.post('/api/mentorships', proposal(mentor.id, [other.id], { topic: 'Отозванное предложение' }))).body.id;
    await curator.step(withdrawnId, 'withdraw', { date: '2026-09-12', reason: 'Наставляемая переведена в другой детский сад' });
    for (;;) {
      const r = (await auditor.get('/api/audit/verify')).body;
      if (r.checked > 0 && r.unsealed === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    ({ browser, ui } = await openUi(app.baseUrl));
  });

  closeUiAfterAll(() => ({ browser, ui, app }));

  it('the history names each event in Russian and shows its data as labelled fields', async () => {
    await ui.signIn(auditor.token!);
    await ui.open(`#/mentorships/${id}/audit`, `История: ${TOPIC}`);
    const timeline = ui.page.locator('.timeline');
    await expect(timeline.locator('.timeline-item').first().textContent()).resolves.toContain('Предложена наставническая пара (группа)');
    await timeline.locator('details').first().locator('summary').click();
    const first = await timeline.locator('.timeline-item').first().textContent();
    expect(first).toContain('НаставникИванова Мария Петровна');
    expect(first).toContain('Плановое начало01.10.2026');
    const card = ui.page.locator('section', { has: ui.page.getByRole('heading', { name: 'Целостность журнала' }) });
    // The test's accounts are named «Пользователь curator»; the sum itself and the file formats are meant to be there.
    const text = `${await timeline.textContent()} ${await card.textContent()}`
      .replace(/Пользователь [a-z,]+/g, '').replace(/[0-9a-f]{64}/g, '').replace(/HTML|JSON|SHA-256/g, '');
    expect(text).not.toMatch(/[A-Za-z]|версия|позици|вершин|запечат|\d{4}-\d{2}-\d{2}|\{/i);
    await ui.screenshot('audit-words-01-history');
  });

  it('an earlier statement\'s sum is checked again from the page, and the statement says so in plain words', async () => {
    const chain = (await auditor.get('/api/audit/verify')).body.chains[0];
    const card = ui.page.locator('section', { has: ui.page.getByRole('heading', { name: 'Целостность журнала' }) });
    await card.getByText('Сверить с прежним актом').click();
    await card.getByLabel('Число проверенных событий').fill(String(chain.checked));
    await card.getByLabel('Контрольная сумма (SHA-256)').fill(chain.head);
    await card.getByRole('button', { name: 'Сверить' }).click();
    await card.getByText('Совпадает:').waitFor();
    await card.screenshot({ path: join(ARTIFACTS, 'audit-words-02-earlier-statement.png') });

    const statement = await auditor.get('/api/audit/verify/statement');
    const page = await browser.context.newPage();
    await page.setContent(statement.body);
    const words = await page.locator('body').innerText();
    expect(words).toContain('Сверьте контрольную сумму из этого акта при следующей проверке');
    expect(words).toContain(chain.head);
    expect(words).toMatch(/Заведующий:/);
    expect(words).not.toMatch(/GET \/api|npm run|Вершина|запечат|позици/);
    await page.screenshot({ path: join(ARTIFACTS, 'audit-words-03-statement.png'), fullPage: true });

    const pack = await auditor.get(`/api/audit/export?mentorshipId=${id}&format=html`);
    await page.setContent(pack.body);
    await page.screenshot({ path: join(ARTIFACTS, 'audit-words-04-package.png'), fullPage: true });
    await page.close();
  });

  it('a withdrawn mentorship says so and that no step remains, not that someone else acts next', async () => {
    await ui.signIn(curator.token!);
    await ui.open(`#/mentorships/${withdrawnId}`, 'Отозванное предложение');
    const steps = ui.page.locator('section', { has: ui.page.getByRole('heading', { name: 'Доступные шаги' }) });
    await expect(steps.textContent()).resolves.toContain('Предложение отозвано 12.09.2026: наставничество не состоялось, шагов больше нет.');
    await expect(steps.textContent()).resolves.not.toContain('за другим участником');
  });
});
