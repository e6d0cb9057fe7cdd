import type { ApiClient } from './support/api-client';
import { proposal } from './support/kindergarten';
import { BEFORE_TRAINING, walkRoadmap } from './support/roadmap-walk';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * Pairing suggestions (§3.5, §6.1) on a known bank, through HTTP. The mentee Петрова asks for
 * three things; four mentors differ in competences, load (from proposed mentorships) and
 * training (recorded on the roadmap, stage 4).
 */
describe('pairing suggestions for a mentee of the bank', () => {
  let app: TestApp;
  let curator: ApiClient;
  let head: ApiClient;
  let lastPosition = '';
  const id: Record<string, string> = {};

  const ok = async (p: Promise<{ status: number; body: any }>) => {
    const r = await p;
    if (r.status >= 300) throw new Error(`${r.status} ${JSON.stringify(r.body)}`);
    if (r.body?.position) lastPosition = r.body.position;
    return r.body;
  };
  async function staff(key: string, fullName: string, bank: { competences: string[] } | { requests: string[] }) {
    id[key] = (await ok(curator.post('/api/people', { fullName, position: 'Воспитатель', firstWorkingDay: '2026-09-01' }))).id;
    await ok(curator.post(`/api/people/${id[key]}/consent`, { date: '2026-09-01', documentRef: `ПДн ${key}` }));
    await ok(curator.post('competences' in bank ? '/api/mentor-bank' : '/api/mentee-bank', { personId: id[key], ...bank }));
  }
  const suggestions = (who: ApiClient, personId: string) => who.get(`/api/banks/mentees/${personId}/suggestions?after=${lastPosition}`);

  beforeAll(async () => {
    app = await startTestApp();
    curator = await app.user(['curator']);
    head = await app.user(['head']);
    await staff('petrova', 'Петрова Анна Сергеевна', { requests: ['Планирование занятий', 'Работа с родителями воспитанников', 'Игровые технологии'] });
    await staff('ivanova', 'Иванова Мария Петровна', { competences: ['планирование образовательной деятельности', 'Взаимодействие с родителями'] });
    await staff('sidorova', 'Сидорова Ольга Ивановна', { competences: ['игровые технологии в работе с детьми', 'планирование занятий'] });
    await staff('orlova', 'Орлова Татьяна Викторовна', { competences: ['ФГОС ДО', 'игровых технологий', 'сотрудничество с родителями'] });
    await staff('kuznetsova', 'Кузнецова Елена Андреевна', { competences: ['музыкальное развитие'] });
    for (const k of ['a', 'b', 'c', 'd']) await staff(k, `Наставляемая ${k.toUpperCase()}`, { requests: ['адаптация'] });
    // Loads: Иванова holds one mentee, Сидорова a group of three (the limit, §3.7).
    await ok(curator.post('/api/mentorships', proposal(id.ivanova, [id.a])));
    await ok(curator.post('/api/mentorships', proposal(id.sidorova, [id.b, id.c, id.d], { form: 'group' })));
    // Training is recorded on the roadmap from stage 4 («Отбор и обучение»).
    await walkRoadmap(curator, head, BEFORE_TRAINING);
    for (const k of ['ivanova', 'sidorova', 'kuznetsova']) {
      await ok(curator.post('/api/roadmap/steps/mentor-trained', { personId: id[k], date: '2026-09-05', documentRef: `Удостоверение ${k}` }));
    }
  });
  afterAll(() => app.close());

  it('ranks the mentor bank and explains each rank in Russian', async () => {
    const r = await suggestions(curator, id.petrova);
    expect(r.status).toBe(200);
    expect(r.body.stale).toBe(false);
    expect(r.body.mentee).toEqual({ personId: id.petrova, fullName: 'Петрова Анна Сергеевна', position: 'Воспитатель', requests: ['Планирование занятий', 'Работа с родителями воспитанников', 'Игровые технологии'] });
    expect(r.body.items.map((s: any) => [s.rank, s.fullName, s.explanation])).toEqual([
      [1, 'Иванова Мария Петровна', 'совпадают 2 из 3 запросов; свободно 2 места; прошёл обучение наставников'],
      [2, 'Орлова Татьяна Викторовна', 'совпадают 2 из 3 запросов; свободно 3 места; обучение наставников не записано'],
      [3, 'Кузнецова Елена Андреевна', 'не совпадает ни один из 3 запросов; свободно 3 места; прошёл обучение наставников'],
      [4, 'Сидорова Ольга Ивановна', 'совпадают 2 из 3 запросов; свободных мест нет (уже 3 наставляемых, п. 3.7); прошёл обучение наставников'],
    ]);
    expect(r.body.items[0]).toMatchObject({
      matched: [{ request: 'Планирование занятий', words: ['планирование'] }, { request: 'Работа с родителями воспитанников', words: ['родителями'] }],
      unmatched: ['Игровые технологии'], load: { current: 1, limit: 3, free: 2 }, trainedOn: '2026-09-05', available: true,
    });
    expect(r.body.items[3].available).toBe(false);
    expect(r.body.note).toContain('только рекомендация');
  });

  it('is advice: the curator still proposes, and the next ranking counts the new load', async () => {
    await ok(curator.post('/api/mentorships', proposal(id.ivanova, [id.petrova])));
    const r = await suggestions(curator, id.petrova);
    expect(r.body.items[0]).toMatchObject({ fullName: 'Иванова Мария Петровна', load: { current: 2, free: 1 } });
    expect(r.body.items[0].explanation).toContain('свободно 1 место');
  });

  it('is for the staff readers, and only for mentees of the bank', async () => {
    const mentor = await app.user(['mentor'], id.ivanova);
    const denied = await mentor.get(`/api/banks/mentees/${id.petrova}/suggestions`);
    expect(denied.status).toBe(403);
    expect(denied.body.clause).toBe('§3.5');
    const notMentee = await curator.get(`/api/banks/mentees/${id.orlova}/suggestions`);
    expect(notMentee.status).toBe(404);
    expect(notMentee.body).toMatchObject({ code: 'mentee-not-in-bank', clause: '§3.4' });
    expect((await (await app.user(['methodist'])).get(`/api/banks/mentees/${id.petrova}/suggestions`)).status).toBe(200);
  });
});
