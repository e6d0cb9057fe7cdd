import { given } from '../../testing/given-when-then';
import { actors, ONE, stepEnv } from '../../testing/fixtures';
import type { StepBody } from '../mentorship.commands';
import { STEP_BODIES } from '../mentorship.commands';
import { parseMentorshipEvent, type MentorshipEvent } from '../mentorship.events';
import { fold } from '../mentorship.state';
import { warnings } from '../mentorship.view';
import { agreementMissingWarning, agreementNotAfterOrder } from './supplementary-agreement.rule';

const agreement = { number: 'ДС-7', date: '2024-09-09', contractRef: '№ 12 от 01.09.2020', pay: 'amount' as const, amount: 3000 };
const order = (over: Partial<StepBody<'order'>> = {}): StepBody<'order'> => ({ number: '15-к', date: '2024-09-10', agreement, ...over });

describe('supplementary agreement at the order step (ТК РФ ст. 351.8)', () => {
  it('given consents, when the head issues the order with the agreement\'s terms, then the order carries them', () => {
    const { snapshot } = given(...ONE.consented).when('order', order(), stepEnv(actors.head())).then([{ type: 'OrderIssued', data: order() }]);
    expect(snapshot.context.order).toEqual({ number: '15-к', date: '2024-09-10', agreement });
  });

  it.each([
    ['a sum a month', { pay: 'amount', amount: 2500.5 }],
    ['a percentage of salary', { pay: 'percent', percent: 15 }],
    ['«без доплаты», explicitly', { pay: 'none' }],
  ] as const)('records pay as %s', (_t, pay) => {
    const body = order({ agreement: { number: 'ДС-7', date: '2024-09-10', ...pay } });
    given(...ONE.consented).when('order', body, stepEnv(actors.head())).then([{ type: 'OrderIssued', data: body }]);
  });

  it.each([
    ['no pay chosen', { number: 'ДС-7', date: '2024-09-10' }, 'pay'],
    ['a sum without its amount', { number: 'ДС-7', date: '2024-09-10', pay: 'amount' }, 'agreement.amount'],
    ['a percentage without its figure', { number: 'ДС-7', date: '2024-09-10', pay: 'percent' }, 'agreement.percent'],
    ['«без доплаты» with a sum', { number: 'ДС-7', date: '2024-09-10', pay: 'none', amount: 100 }, 'agreement.amount'],
    ['a percentage over 100', { number: 'ДС-7', date: '2024-09-10', pay: 'percent', percent: 120 }, 'agreement.percent'],
    ['a negative sum', { number: 'ДС-7', date: '2024-09-10', pay: 'amount', amount: -5 }, 'agreement.amount'],
    ['fractions of a kopeck', { number: 'ДС-7', date: '2024-09-10', pay: 'amount', amount: 10.005 }, 'agreement.amount'],
  ])('the body refuses %s, in Russian, at the field', (_t, a, path) => {
    const r = STEP_BODIES.order.safeParse({ number: '1', date: '2024-09-10', agreement: a });
    expect(r.success).toBe(false);
    const issue = r.error!.issues.find((i) => i.path.join('.').endsWith(path));
    expect(issue).toBeDefined();
    if (path !== 'pay') expect(issue!.message).toMatch(/[А-Яа-я]/);
  });

  it('the stored event checks the same: an agreement whose pay does not match its kind is not a valid event', () => {
    expect(() => parseMentorshipEvent({ type: 'OrderIssued', data: { number: '1', date: '2024-09-10', agreement: { number: 'ДС', date: '2024-09-10', pay: 'amount' } } })).toThrow();
  });

  it('an order stored without an agreement still folds (events before ст. 351.8)', () => {
    const stored = JSON.parse('{"type":"OrderIssued","data":{"number":"15-к","date":"2024-09-10"}}') as MentorshipEvent;
    expect(fold([...ONE.consented, parseMentorshipEvent(stored)]).context.order).toEqual({ number: '15-к', date: '2024-09-10' });
  });

  it('refuses an agreement dated after the order', () => {
    expect(agreementNotAfterOrder({ ...agreement, date: '2024-09-11' }, '2024-09-10')).toMatchObject({ code: 'agreement-after-order', clause: 'ТК РФ ст. 351.8, §3.3' });
    expect(agreementNotAfterOrder(agreement, '2024-09-10')).toBeNull();
    given(...ONE.consented).when('order', order({ agreement: { ...agreement, date: '2024-09-11' } }), stepEnv(actors.head()))
      .thenRefused({ kind: 'rule', code: 'agreement-after-order', clause: 'ТК РФ ст. 351.8, §3.3' });
  });

  describe('warns of an order since 01.03.2025 without the agreement\'s terms', () => {
    it('not before the law, not with the terms', () => {
      expect(agreementMissingWarning({ date: '2025-02-28' })).toBeNull();
      expect(agreementMissingWarning({ date: '2025-03-01', agreement })).toBeNull();
      expect(agreementMissingWarning(undefined)).toBeNull();
      expect(agreementMissingWarning({ date: '2025-03-01' })).toMatchObject({ code: 'supplementary-agreement-missing', clause: 'ТК РФ ст. 351.8' });
    });

    it('on the mentorship\'s warnings', () => {
      const later = (data: StepBody<'order'>): MentorshipEvent[] => [...ONE.consented, { type: 'OrderIssued', data }];
      expect(warnings(fold(later({ number: '1', date: '2025-03-03' }))).map((w) => w.code)).toContain('supplementary-agreement-missing');
      expect(warnings(fold(later({ number: '1', date: '2025-03-03', agreement: { ...agreement, date: '2025-03-03' } }))).map((w) => w.code))
        .not.toContain('supplementary-agreement-missing');
    });
  });
});
