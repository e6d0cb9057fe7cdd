import { genderOf } from './gender';

describe('gender from the patronymic', () => {
  it.each([
    ['Петрова Анна Сергеевна', 'female'],
    ['Кузьмина Ольга Ильинична', 'female'],
    ['Гасанова Лейла Ахмед кызы', 'female'],
    ['Иванов Пётр Сергеевич', 'male'],
    ['Лукич Илья Ильич', 'male'],
    ['Мамедов Руслан Ахмед оглы', 'male'],
    ['Римская-Корсакова Анна Петровна', 'female'],
    ['Smith John', undefined],
    ['Петрова', undefined],
    ['Ли Вэй', undefined],
  ])('%s → %s', (name, gender) => expect(genderOf(name)).toBe(gender));
});
