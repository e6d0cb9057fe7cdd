import { positionIn } from './position-case';
import { agreeing, fullNameIn, genderOf, givenAndPatronymic, parseName, shortName, shortNameIn, withName, type GrammaticalCase } from './russian-name';

const CASES: GrammaticalCase[] = ['nominative', 'genitive', 'dative', 'accusative', 'instrumental'];
const allCases = (fullName: string) => CASES.map((c) => fullNameIn(fullName, c));

describe('gender comes from the patronymic', () => {
  it.each([
    ['Фёдорова Галина Павловна', 'female'], ['Петров Иван Сергеевич', 'male'], ['Мамедов Эльдар Ильич', 'male'],
    ['Черных Ольга Ильинична', 'female'], ['Сорокина Ия Фоминична', 'female'], ['Гурко Никита Саввич', 'male'],
    ['Алиев Рашид Гасан оглы', 'male'], ['Алиева Лейла Гасан кызы', 'female'],
    // No patronymic, or one that is not Russian: not guessed from the first name or the surname.
    ['Смит Джон', null], ['Ли', null], ['Nguyen Van An', null], ['Иванова Мария', null], ['Петрова Анна Ивановa', null],
  ])('%s → %s', (name, gender) => expect(genderOf(name)).toBe(gender));

  // The cases the staff list's «Запишите её согласие» was first checked with (its own helper in the core is this one now).
  it.each([
    ['Петрова Анна Сергеевна', 'female'], ['Кузьмина Ольга Ильинична', 'female'], ['Гасанова Лейла Ахмед кызы', 'female'],
    ['Иванов Пётр Сергеевич', 'male'], ['Лукич Илья Ильич', 'male'], ['Мамедов Руслан Ахмед оглы', 'male'],
    ['Римская-Корсакова Анна Петровна', 'female'], ['Smith John', null], ['Петрова', null], ['Ли Вэй', null],
  ])('%s → %s', (name, gender) => expect(genderOf(name)).toBe(gender));
});

describe('full names in every case the documents use', () => {
  it('a woman', () => {
    expect(allCases('Фёдорова Галина Павловна')).toEqual([
      'Фёдорова Галина Павловна', 'Фёдоровой Галины Павловны', 'Фёдоровой Галине Павловне', 'Фёдорову Галину Павловну', 'Фёдоровой Галиной Павловной',
    ]);
    expect(allCases('Морозова Алина Игоревна')[1]).toBe('Морозовой Алины Игоревны');
  });

  it('a man', () => {
    expect(allCases('Петров Иван Сергеевич')).toEqual([
      'Петров Иван Сергеевич', 'Петрова Ивана Сергеевича', 'Петрову Ивану Сергеевичу', 'Петрова Ивана Сергеевича', 'Петровым Иваном Сергеевичем',
    ]);
  });

  it('a double-barrelled surname declines in both parts', () => {
    expect(allCases('Петрова-Водкина Мария Кузьминична')).toEqual([
      'Петрова-Водкина Мария Кузьминична', 'Петровой-Водкиной Марии Кузьминичны', 'Петровой-Водкиной Марии Кузьминичне',
      'Петрову-Водкину Марию Кузьминичну', 'Петровой-Водкиной Марией Кузьминичной',
    ]);
    expect(fullNameIn('Петров-Водкин Кузьма Сергеевич', 'instrumental')).toBe('Петровым-Водкиным Кузьмой Сергеевичем');
  });

  it('«оглы» and «кызы»: the father\'s name and the particle stay as they are', () => {
    expect(allCases('Алиев Рашид Гасан оглы')).toEqual([
      'Алиев Рашид Гасан оглы', 'Алиева Рашида Гасан оглы', 'Алиеву Рашиду Гасан оглы', 'Алиева Рашида Гасан оглы', 'Алиевым Рашидом Гасан оглы',
    ]);
    expect(allCases('Алиева Лейла Гасан кызы')).toEqual([
      'Алиева Лейла Гасан кызы', 'Алиевой Лейлы Гасан кызы', 'Алиевой Лейле Гасан кызы', 'Алиеву Лейлу Гасан кызы', 'Алиевой Лейлой Гасан кызы',
    ]);
  });

  it('surnames that do not change stay, the rest of the name declines', () => {
    expect(fullNameIn('Черных Ольга Ильинична', 'dative')).toBe('Черных Ольге Ильиничне');
    expect(fullNameIn('Шевчук Анна Петровна', 'genitive')).toBe('Шевчук Анны Петровны');
    expect(fullNameIn('Шевчук Андрей Петрович', 'genitive')).toBe('Шевчука Андрея Петровича');
    expect(fullNameIn('Ткаченко Светлана Юрьевна', 'instrumental')).toBe('Ткаченко Светланой Юрьевной');
    expect(fullNameIn('Бойко Любовь Сергеевна', 'instrumental')).toBe('Бойко Любовью Сергеевной');
  });

  it('foreign and one-word names are not declined: null in every case but the nominative', () => {
    for (const name of ['Смит Джон', 'Джон Смит', 'Ли', 'Nguyen Van An', 'Иванова Мария']) {
      expect(allCases(name)).toEqual([name, null, null, null, null]);
    }
  });
});

describe('initials', () => {
  it('«Фёдорова Г. П.» in the nominative and in each case', () => {
    expect(shortName('Фёдорова Галина Павловна')).toBe('Фёдорова Г. П.');
    expect(CASES.map((c) => shortNameIn('Фёдорова Галина Павловна', c))).toEqual(['Фёдорова Г. П.', 'Фёдоровой Г. П.', 'Фёдоровой Г. П.', 'Фёдорову Г. П.', 'Фёдоровой Г. П.']);
    expect(shortNameIn('Петров Иван Сергеевич', 'dative')).toBe('Петрову И. С.');
    expect(shortNameIn('Петрова-Водкина Мария Кузьминична', 'dative')).toBe('Петровой-Водкиной М. К.');
    expect(shortName('Алиев Рашид Гасан оглы')).toBe('Алиев Р. Г.');
    expect(shortNameIn('Алиев Рашид Гасан оглы', 'dative')).toBe('Алиеву Р. Г.');
  });

  it('a foreign name is written as entered, not guessed into initials', () => {
    expect(shortName('Смит Джон')).toBe('Смит Джон');
    expect(shortName('Nguyen Van An')).toBe('Nguyen Van An');
    expect(shortNameIn('Смит Джон', 'dative')).toBeNull();
  });
});

describe('a phrase with a name', () => {
  const appoint = (name: string) => withName(name, 'accusative', (n) => `Назначить наставником ${n}`, (n) => `Назначить наставником: ${n}`);
  it('declines the name where it can and lays out the nominative where it cannot', () => {
    expect(appoint('Фёдорова Галина Павловна')).toBe('Назначить наставником Фёдорову Галину Павловну');
    expect(appoint('Смит Джон')).toBe('Назначить наставником: Смит Джон');
    expect(withName('Фёдорова Галина Павловна', 'dative', (n) => `Наставнику (${n})`, (n) => `Наставнику (наставник: ${n})`, { short: true })).toBe('Наставнику (Фёдоровой Г. П.)');
    expect(withName('Ли', 'dative', (n) => `Наставнику (${n})`, (n) => `Наставнику (наставник: ${n})`, { short: true })).toBe('Наставнику (наставник: Ли)');
  });

  it('addresses a letter by given name and patronymic', () => {
    expect(givenAndPatronymic('Фёдорова Галина Павловна')).toBe('Галина Павловна');
    expect(givenAndPatronymic('Смит Джон')).toBeNull();
  });

  it('parses the parts and keeps the name as written', () => {
    expect(parseName('  Фёдорова   Галина Павловна ')).toEqual({
      text: 'Фёдорова Галина Павловна', surname: 'Фёдорова', given: 'Галина', patronymic: 'Павловна', gender: 'female', declinable: true,
    });
  });
});

describe('positions, for the heading of a letter to the head', () => {
  it.each([
    ['Заведующий', 'Заведующему', 'Заведующего'],
    ['Заведующая', 'Заведующей', 'Заведующей'],
    ['Исполняющий обязанности заведующего', 'Исполняющему обязанности заведующего', 'Исполняющего обязанности заведующего'],
    ['Директор', 'Директору', 'Директора'],
    ['Руководитель', 'Руководителю', 'Руководителя'],
  ])('%s → %s, %s', (position, dative, genitive) => {
    expect([positionIn(position, 'dative'), positionIn(position, 'genitive')]).toEqual([dative, genitive]);
  });

  it('is null for what the rules do not know, so the caller keeps the nominative', () => {
    expect(positionIn('И. о. заведующего', 'dative')).toBeNull();
    expect(positionIn('Няня', 'dative')).toBeNull();
    expect(positionIn('Старший воспитатель', 'dative')).toBeNull();
    expect(positionIn('Заведующий детским садом', 'dative')).toBeNull();
  });

  it('agrees a participle with the person: «ознакомлена» for a woman, «ознакомлен» for a man, both forms when the name does not tell', () => {
    expect(agreeing('Зайцева Ксения Павловна', 'ознакомлен')).toBe('ознакомлена');
    expect(agreeing('Алиев Рашид Гасан оглы', 'ознакомлен')).toBe('ознакомлен');
    expect(agreeing('Smith John', 'ознакомлен')).toBe('ознакомлен(а)');
  });
});
