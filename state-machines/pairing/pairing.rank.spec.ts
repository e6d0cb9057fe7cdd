import { rankMentors, type MentorCandidate } from './pairing.rank';
import { keyStems, words } from './pairing.text';
import { plural } from './pairing.words';

/** A known bank: one mentee with three requests, four mentors. */
const REQUESTS = ['Планирование занятий', 'Работа с родителями воспитанников', 'Игровые технологии'];
const BANK: MentorCandidate[] = [
  { personId: 'ivanova', competences: ['планирование образовательной деятельности', 'Взаимодействие с родителями'], load: 1, trainedOn: '2026-03-01' },
  { personId: 'sidorova', competences: ['игровые технологии в работе с детьми', 'планирование занятий'], load: 3, trainedOn: '2026-03-01' },
  { personId: 'orlova', competences: ['ФГОС ДО', 'игровых технологий', 'сотрудничество с родителями'], load: 0 },
  { personId: 'kuznetsova', competences: ['музыкальное развитие'], load: 0, trainedOn: '2026-03-02' },
];

describe('pairing suggestions (§3.5, §6.1)', () => {
  const ranked = rankMentors('mentee-1', REQUESTS, BANK);

  it('puts mentors who can take the mentee first, then by requests met, then trained, then free places', () => {
    expect(ranked.map((s) => [s.rank, s.personId])).toEqual([[1, 'ivanova'], [2, 'orlova'], [3, 'kuznetsova'], [4, 'sidorova']]);
  });

  it('explains each rank in Russian', () => {
    expect(ranked.map((s) => s.explanation)).toEqual([
      'совпадают 2 из 3 запросов; свободно 2 места; прошёл обучение наставников',
      'совпадают 2 из 3 запросов; свободно 3 места; обучение наставников не записано',
      'не совпадает ни один из 3 запросов; свободно 3 места; прошёл обучение наставников',
      'совпадают 2 из 3 запросов; свободных мест нет (уже 3 наставляемых, п. 3.7); прошёл обучение наставников',
    ]);
  });

  it('says which requests matched and by which words', () => {
    expect(ranked[0]).toMatchObject({
      matched: [{ request: 'Планирование занятий', words: ['планирование'] }, { request: 'Работа с родителями воспитанников', words: ['родителями'] }],
      unmatched: ['Игровые технологии'],
      load: { current: 1, limit: 3, free: 2 },
      trainedOn: '2026-03-01',
      available: true,
    });
    expect(ranked[3]).toMatchObject({ available: false, load: { current: 3, free: 0 } });
  });

  it('a mentee in the mentor bank is never suggested to themselves', () => {
    expect(rankMentors('orlova', REQUESTS, BANK).map((s) => s.personId)).not.toContain('orlova');
  });

  it('one match out of one request is «совпадает 1 из 1 запроса»', () => {
    expect(rankMentors('m', ['Адаптация'], [{ personId: 'x', competences: ['адаптации молодых педагогов'], load: 2 }])[0].explanation)
      .toBe('совпадает 1 из 1 запроса; свободно 1 место; обучение наставников не записано');
  });
});

describe('Russian text matching', () => {
  it('ignores case and ё, and cuts common endings', () => {
    expect(keyStems('Планирование ЗАНЯТИЙ').map((w) => w.stem)).toEqual(keyStems('планировании занятия').map((w) => w.stem));
    expect(keyStems('Работа с детьми').map((w) => w.stem)).toEqual(['дет']);
    expect(words('Учёт ёлок').map((w) => w.word)).toEqual(['учет', 'елок']);
  });

  it('drops short and function words, and general words unless nothing else is left', () => {
    expect(words('ФГОС ДО и работа для детей').map((w) => w.word)).toEqual(['фгос', 'работа', 'детей']);
    expect(keyStems('Работа').map((w) => w.word)).toEqual(['работа']);
  });

  it('agrees numbers', () => {
    expect([1, 2, 5, 11, 21, 22].map((n) => plural(n, 'место', 'места', 'мест'))).toEqual(['место', 'места', 'мест', 'мест', 'место', 'места']);
  });
});
