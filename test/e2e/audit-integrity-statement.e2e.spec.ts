import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { ApiClient } from './support/api-client';
import { hire, proposal } from './support/kindergarten';
import { startTestApp, type TestApp } from './support/test-app';
import { ChainSealer } from '#libs/audit';

/** The text a reader sees: tags dropped, entities decoded, spaces collapsed. */
const textOf = (html: string) =>
  html.replace(/<style[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/\s+/g, ' ');

describe('audit: the printable verification statement, and a chain forged after it', () => {
  let app: TestApp;
  let auditor: ApiClient;
  let curator: ApiClient;
  let id: string;

  const statement = async (query = '') => {
    const r = await fetch(`${app.baseUrl}/api/audit/verify/statement${query}`, { headers: { authorization: `Bearer ${auditor.token}` } });
    return { status: r.status, headers: r.headers, text: textOf(await r.text()) };
  };

  beforeAll(async () => {
    app = await startTestApp({ sealer: true });
    curator = await app.user(['curator']);
    const head = await app.user(['head']);
    auditor = await app.user(['auditor']);
    const mentor = await hire(app, curator, 'Иванова Мария Петровна', 'mentor');
    const mentee = await hire(app, curator, 'Петрова Анна Сергеевна', 'mentee');
    id = (await curator.post('/api/mentorships', proposal(mentor.id, [mentee.id]))).body.id;
    await curator.step(id, 'consent', { personId: mentor.id, given: true, date: '2026-09-11', documentRef: 'Согласие №1' });
    await curator.step(id, 'consent', { personId: mentee.id, given: true, date: '2026-09-11', documentRef: 'Согласие №2' });
    await head.step(id, 'order', { number: '45-к', date: '2026-09-15' });
    for (;;) {
      const r = (await auditor.get('/api/audit/verify')).body;
      if (r.checked > 0 && r.unsealed === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  });
  afterAll(() => app.close());

  it('is a printable Russian «Акт» with the organisation, the time of the check, the positions, the head and the result', async () => {
    const v = (await auditor.get('/api/audit/verify')).body;
    const s = await statement();
    expect(s.status).toBe(200);
    expect(s.headers.get('content-type')).toMatch(/^text\/html; charset=utf-8/);
    expect(s.headers.get('content-disposition')).toMatch(/^inline; filename="akt-proverki-zhurnala-default-2026-11-24\.html"/);
    expect(s.headers.get('content-security-policy')).toContain("default-src 'none'");
    const c = v.chains[0];
    expect(s.text).toContain('Акт проверки целостности журнала событий');
    // No details entered: a line for the name, as on the documents, never the organisation's key.
    expect(s.text).toContain('Организация (наименование образовательной организации)');
    expect(s.text).not.toContain('default');
    // The test clock starts at 09:00 Moscow time and runs on, so the seconds are whatever the run took.
    expect(s.text).toMatch(/Дата и время проверки 24\.11\.2026 09:0\d:\d\d \(Москва, стандартное время\)/);
    expect(s.text).toContain('Проверку выполнил Пользователь auditor (аудитор)');
    expect(s.text).toContain(`Проверено событий организации ${c.checked} — все, с начала журнала`);
    expect(s.text).toContain(`Контрольная сумма (SHA-256) после события № ${c.checked} ${c.head}`);
    expect(s.text).toContain('Результат Журнал цел');
    // How to check again, in plain words: the number of events and the sum itself, no address or command.
    expect(s.text).toContain(`Сверьте контрольную сумму из этого акта при следующей проверке`);
    expect(s.text).toContain(`укажите число проверенных событий (${c.checked}) и контрольную сумму из этого акта`);
    expect(s.text).not.toMatch(/GET \/api|npm run|вершин|запечат|позици/i);
    expect(s.text).toContain('Проверку провёл:');
  });

  it('a chain recomputed over a changed event verifies on its own, but the head of the earlier statement exposes it', async () => {
    const earlier = (await auditor.get('/api/audit/verify')).body.chains[0];
    expect((await statement(`?count=${earlier.checked}&head=${earlier.head}`)).text).toContain(`${earlier.head} — совпадает`);

    // The intruder changes the order number and rebuilds every chain record from scratch.
    const db = new Database(join(app.dir, 'events.sqlite'));
    db.prepare("UPDATE events SET data = json_set(data, '$.number', '1-к') WHERE type = 'OrderIssued' AND stream_id = ?").run(`mentorship-${id}`);
    db.prepare("DELETE FROM events WHERE stream_id LIKE 'auditchain-%'").run();
    db.close();
    await new ChainSealer(app.store, { now: app.clock.now }).sealToEnd();
    expect((await auditor.get('/api/audit/verify')).body.intact).toBe(true);

    const anchored = await auditor.get(`/api/audit/verify?count=${earlier.checked}&head=${earlier.head}`);
    expect(anchored.body).toMatchObject({ intact: false, firstBreak: { kind: 'head-mismatch', ordinal: earlier.checked, expected: { head: earlier.head } } });
    const s = await statement(`?count=${earlier.checked}&head=${earlier.head}`);
    expect(s.text).toContain('НАРУШЕНА ЦЕЛОСТНОСТЬ ЖУРНАЛА');
    expect(s.text).toContain(`${earlier.head} — НЕ СОВПАДАЕТ`);
    expect(s.text).toContain('контрольная сумма не совпадает с записанной ранее');
  });

  it('a malformed head from a statement is refused in Russian', async () => {
    const r = await auditor.get('/api/audit/verify?count=3&head=xyz');
    expect(r.status).toBe(400);
    expect(r.body.detail).toContain('64 шестнадцатеричных знака');
    expect((await auditor.get('/api/audit/verify?count=3')).body.detail).toContain('Укажите из прежнего акта и число событий, и контрольную сумму');
  });
});
