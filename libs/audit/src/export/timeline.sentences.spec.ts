import { sentence, type SentenceContext } from './timeline.sentences';

const NAMES: Record<string, string> = {
  fedorova: 'Фёдорова Галина Павловна', petrov: 'Петров Иван Сергеевич', aliev: 'Алиев Рашид Гасан оглы', smith: 'Смит Джон',
};
const ctx: SentenceContext = { name: (id) => NAMES[String(id)] ?? `сотрудник ${String(id).slice(0, 8)}` };
const consent = (personId: string, given = true) =>
  sentence({ type: 'ConsentRecorded', role: 'curator', actorName: 'Куратор', data: { personId, given, date: '2026-09-11', documentRef: 'Согласие № 1' } }, ctx);

describe('timeline sentences put names in the case the sentence needs', () => {
  it('a written consent is «согласие» of someone: the genitive', () => {
    expect(consent('fedorova')).toBe('Куратор (Куратор) записал письменное согласие Фёдоровой Галины Павловны на участие в наставничестве («Согласие № 1» от 11.09.2026)');
    expect(consent('petrov')).toContain('письменное согласие Петрова Ивана Сергеевича на участие');
    expect(consent('aliev')).toContain('письменное согласие Алиева Рашида Гасан оглы на участие');
  });

  it('a refusal is «отказ от участия»', () => {
    expect(consent('fedorova', false)).toContain('записал письменный отказ Фёдоровой Галины Павловны от участия в наставничестве');
  });

  it('a name that does not decline follows a colon in the nominative', () => {
    expect(consent('smith')).toBe('Куратор (Куратор) записал письменное согласие на участие в наставничестве («Согласие № 1» от 11.09.2026): Смит Джон');
    expect(consent('0f1e2d3c-unknown')).toMatch(/на участие в наставничестве \(«Согласие № 1» от 11\.09\.2026\): сотрудник 0f1e2d3c$/);
  });

  it('someone entered into a bank is the object: the accusative', () => {
    const entered = (type: string, personId: string) => sentence({ type, role: 'curator', data: { personId } }, ctx);
    expect(entered('MentorBankEntered', 'fedorova')).toBe('Куратор включил Фёдорову Галину Павловну в банк наставников');
    expect(entered('MenteeBankEntered', 'petrov')).toBe('Куратор включил Петрова Ивана Сергеевича в банк наставляемых');
    expect(entered('MenteeBankEntered', 'smith')).toBe('Куратор включил в банк наставляемых: Смит Джон');
  });

  it('personal-data consents and their withdrawal: the genitive', () => {
    const pd = sentence({ type: 'PersonalDataConsentWithdrawn', role: 'curator', data: { personId: 'fedorova', date: '2026-10-01', documentRef: 'Отзыв' } }, ctx);
    expect(pd).toBe('Куратор записал отзыв согласия Фёдоровой Галины Павловны на обработку персональных данных («Отзыв» от 01.10.2026)');
  });
});
