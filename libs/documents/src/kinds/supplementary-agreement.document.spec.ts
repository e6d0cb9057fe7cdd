import JSZip from 'jszip';
import { contextOf, fold, stateOf, type MentorshipEvent, type SupplementaryAgreement } from '#core/mentorship';
import { AGREEMENT, GROUP, MENTEE, MENTEE_2, MENTOR, MENTOR_2, ONE, SUCCESSOR_ID, withAgreement } from '#core/testing';
import type { PrintedOrganisation } from '#core/organisation';
import type { DocumentFacts } from '../document.facts';
import { buildDocument, documentSlots, slotOf } from '../document-slots';
import { renderDocx } from '../docx.renderer';
import { renderHtml } from '../html.renderer';

const people = new Map([
  [MENTOR, { fullName: 'Иванова Мария Петровна', position: 'Старший воспитатель' }],
  [MENTOR_2, { fullName: 'Сидорова Ольга Ивановна', position: 'Воспитатель' }],
  [MENTEE, { fullName: 'Петрова Анна Сергеевна', position: 'Воспитатель' }],
  [MENTEE_2, { fullName: 'Кузнецова Елена Андреевна', position: 'Воспитатель' }],
]);
const facts = (history: MentorshipEvent[]): DocumentFacts => {
  const s = fold(history);
  const organisation: PrintedOrganisation = {
    fullName: 'МКДОУ ДС № 6 «Рябинушка»', shortName: 'МКДОУ ДС № 6', address: null, headName: 'Савельева Людмила Михайловна', headPosition: 'Заведующий',
    curatorName: null, curatorPosition: null, source: 'entered', effectiveFrom: '2025-01-01',
  };
  return { organisation, ctx: contextOf(s), state: stateOf(s), people, events: history };
};
const text = (history: MentorshipEvent[]) => {
  const m = buildDocument('supplementary-agreement', facts(history));
  return { m, all: m.blocks.map((b) => ('text' in b ? b.text : 'items' in b ? b.items.join('\n') : 'lines' in b ? b.lines.join('\n') : 'role' in b ? `${b.role} ${b.name}` : '')).join('\n') };
};
const slots = (history: MentorshipEvent[]) => {
  const f = facts(history);
  return documentSlots(f.ctx, f.state, history.map((event, revision) => ({ revision, event })));
};
const agreementSlot = (history: MentorshipEvent[]) => slots(history).find((s) => s.kind === 'supplementary-agreement');

describe('the supplementary agreement to the mentor\'s employment contract (ТК РФ ст. 351.8), a document of the order step', () => {
  it('is a blank to sign while consents are in, and final once the order recorded its terms, attached to the order', () => {
    expect(agreementSlot(ONE.proposed)).toBeUndefined();
    expect(agreementSlot(ONE.consented)).toMatchObject({ personId: MENTOR, available: true, clause: 'ТК РФ ст. 351.8, §3.3', step: { event: 'OrderIssued', revision: null } });
    expect(agreementSlot(withAgreement(ONE.ordered))).toMatchObject({ step: { event: 'OrderIssued', revision: 3, date: '2024-09-10' } });
    // An order without its terms (before the law, or not entered) has none to show.
    expect(agreementSlot(ONE.ordered)).toBeUndefined();
    expect(() => slotOf(slots(ONE.ordered), 'supplementary-agreement', undefined)).toThrow('Дополнительное соглашение');
  });

  it('names the parties, the content, term and form of the mentoring, the pay, the notice to end it early, and the signatures', () => {
    const { m, all } = text(withAgreement(GROUP.completed));
    expect(m.status).toBe('final');
    expect(m.fileName).toBe('Дополнительное соглашение № ДС-15 от 10.09.2024 о наставничестве');
    for (const t of [
      'ДОПОЛНИТЕЛЬНОЕ СОГЛАШЕНИЕ № ДС-15', 'к трудовому договору № 7 от 01.09.2015', '«10» сентября 2024 г.',
      'МКДОУ ДС № 6 «Рябинушка», именуемое в дальнейшем «Работодатель», в лице заведующего Савельевой Людмилы Михайловны', 'и Иванова Мария Петровна, старший воспитатель, именуемая в дальнейшем «Работник»',
      'в отношении наставляемых: Петрова Анна Сергеевна, воспитатель; Кузнецова Елена Андреевна, воспитатель.',
      'наставничество по направлению «Адаптация молодого педагога»', 'Срок выполнения работы: с 10.09.2024 по 31.05.2025.',
      'Форма наставничества: Наставничество в группе (п. 2.3 Положения).', 'доплата в размере 3\u00a0000 руб. в месяц',
      'не менее чем за три рабочих дня', 'Письменное согласие Работника: Согласие p-mentor от 04.09.2024.',
      'Работодатель: заведующий Савельева Л. М.', 'Работник Иванова М. П.',
    ]) expect(all).toContain(t);
  });

  it.each<[string, Partial<SupplementaryAgreement>, string]>([
    ['a percentage', { pay: 'percent', amount: undefined, percent: 12.5 }, 'доплата в размере 12,50 % должностного оклада в месяц'],
    ['«без доплаты»', { pay: 'none', amount: undefined }, 'Работа по наставничеству выполняется Работником без доплаты.'],
    ['kopecks', { amount: 2500.5 }, 'доплата в размере 2\u00a0500,50 руб. в месяц'],
  ])('words the pay as %s', (_t, over, words) => {
    expect(text(withAgreement(ONE.ordered, { ...AGREEMENT, ...over })).all).toContain(words);
  });

  it('a draft leaves the number, date, contract and pay blank', () => {
    const { m, all } = text(ONE.consented);
    expect(m.status).toBe('draft');
    expect(m.fileName).toBe('Проект дополнительного соглашения о наставничестве');
    expect(all).toContain('ДОПОЛНИТЕЛЬНОЕ СОГЛАШЕНИЕ № ________________');
    expect(all).toContain('доплата в размере ________________ (или: работа выполняется без доплаты)');
  });

  it('is one per mentor: a successor\'s is the new mentor\'s, recorded with the replacement', () => {
    const continued: MentorshipEvent = {
      type: 'MentorshipContinued',
      data: {
        ...(ONE.proposed[0].data as Extract<MentorshipEvent, { type: 'MentorshipProposed' }>['data']), mentorshipId: SUCCESSOR_ID, mentorId: MENTOR_2,
        date: '2024-10-05', predecessorId: 'ms-1', newMentorConsentRef: 'Согласие № 7', orderNumber: '31-к',
        agreement: { ...AGREEMENT, number: 'ДС-31', date: '2024-10-05', pay: 'none', amount: undefined },
      },
    };
    expect(agreementSlot([continued])).toMatchObject({ personId: MENTOR_2, step: { event: 'MentorshipContinued', revision: 0 } });
    const { all } = text([continued]);
    expect(all).toContain('и Сидорова Ольга Ивановна, воспитатель, именуемая');
    expect(all).toContain('Письменное согласие Работника: Согласие № 7 от 05.10.2024.');
  });

  it('prints as DOCX and HTML like the other documents', async () => {
    const m = buildDocument('supplementary-agreement', facts(withAgreement(ONE.ordered)));
    const xml = await (await JSZip.loadAsync(await renderDocx(m))).file('word/document.xml')!.async('string');
    expect(xml).toContain('ДОПОЛНИТЕЛЬНОЕ СОГЛАШЕНИЕ № ДС-15');
    expect(renderHtml(m)).toContain('не менее чем за три рабочих дня (ст. 351.8 ТК РФ)');
  });
});
