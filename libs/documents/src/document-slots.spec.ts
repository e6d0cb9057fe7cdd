import { fold, contextOf, stateOf, STEP_NAMES, type MentorshipEvent } from '#core/mentorship';
import { GROUP, MENTEE, MENTEE_2, MENTOR, ONE } from '#core/testing';
import { EMPTY_ORGANISATION, printedOrganisation } from '#core/organisation';
import type { DocumentFacts } from './document.facts';
import { buildDocument, documentSlots, stepCreatesDocuments } from './document-slots';
import { renderHtml } from './html.renderer';

const people = new Map([
  [MENTOR, { fullName: 'Иванова Мария Петровна', position: 'Старший воспитатель' }],
  [MENTEE, { fullName: 'Петрова Анна Сергеевна', position: 'Воспитатель' }],
  [MENTEE_2, { fullName: 'Кузнецова Елена Андреевна', position: 'Воспитатель' }],
]);
const facts = (history: MentorshipEvent[], personId?: string): DocumentFacts => {
  const s = fold(history);
  return { organisation: printedOrganisation(EMPTY_ORGANISATION, '2024-09-10', 'ДОУ № 6'), ctx: contextOf(s), state: stateOf(s), people, events: history, personId };
};
const steps = (history: MentorshipEvent[]) => history.map((event, revision) => ({ revision, event }));
const slotsOf = (history: MentorshipEvent[]) => {
  const f = facts(history);
  return documentSlots(f.ctx, f.state, steps(history));
};

describe('which documents a mentorship has, and the step each belongs to', () => {
  it('before consents: the consents are blanks; the order waits for them (§3.2, §3.7)', () => {
    const slots = slotsOf(GROUP.proposed);
    expect(slots.map((s) => [s.kind, s.personId, s.available, s.step.revision])).toEqual([
      ['mentor-consent', MENTOR, true, null],
      ['mentee-consent', MENTEE, true, null],
      ['mentee-consent', MENTEE_2, true, null],
      ['pairs-order', null, false, null],
      ['program', null, false, null],
      ['mentor-report', MENTOR, false, null],
      ['mentee-report', MENTEE, false, null],
      ['mentee-report', MENTEE_2, false, null],
    ]);
    expect(slots.find((s) => s.kind === 'pairs-order')?.note).toContain('п');
  });

  it('once recorded, each document points at its step\'s event and revision', () => {
    const slots = slotsOf(ONE.completed);
    const at = (kind: string) => slots.find((s) => s.kind === kind)!.step;
    expect(at('mentor-consent')).toEqual({ event: 'ConsentRecorded', revision: 1, date: '2024-09-04' });
    expect(at('mentee-consent')).toEqual({ event: 'ConsentRecorded', revision: 2, date: '2024-09-05' });
    expect(at('pairs-order')).toEqual({ event: 'OrderIssued', revision: 3, date: '2024-09-10' });
    expect(at('mentor-report')).toEqual({ event: 'MentorReportSubmitted', revision: null, date: null });
  });

  it('a draft differs from the final document only in what the step fills in, and so in its content', () => {
    const draft = buildDocument('pairs-order', facts(ONE.consented));
    const final = buildDocument('pairs-order', facts(ONE.ordered));
    expect([draft.status, final.status]).toEqual(['draft', 'final']);
    expect(JSON.stringify(draft)).not.toContain('15-к');
    expect(JSON.stringify(final)).toContain('15-к');
    expect(final.fileName).toBe('Приказ № 15-к от 10.09.2024 О закреплении наставнических пар');
  });

  it('escapes what people typed when it prints', () => {
    const history: MentorshipEvent[] = [...ONE.completed, { type: 'MentorReportSubmitted', data: { personId: MENTOR, date: '2025-06-01', text: '<script>alert(1)</script>', recommendations: 'a & b' } }];
    const html = renderHtml(buildDocument('mentor-report', facts(history)));
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('a &amp; b');
  });
});

describe('the steps that attach documents', () => {
  it('are those whose event makes a document final: consents, orders, the program (drafted or amended), reports', () => {
    expect(STEP_NAMES.filter(stepCreatesDocuments)).toEqual(['consent', 'order', 'program', 'amend', 'mentor-report', 'mentee-report', 'replace']);
  });
});
