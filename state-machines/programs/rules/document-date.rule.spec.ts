import { DomainError, type Refusal } from '../../shared/domain-error';
import { contextOf, fold, stateOf } from '../../mentorship/mentorship.state';
import { actors, ONE, TODAY } from '../../testing/fixtures';
import { decideSaveTemplate } from '../program-bank.decider';
import { documentDateValid } from './document-date.rule';

describe('documentDateValid (§3.4, §8.1)', () => {
  it('holds from the date it refers to up to today', () => {
    expect(documentDateValid('2025-05-30', TODAY, '2025-05-30', '§3.4')).toBeNull();
    expect(documentDateValid(TODAY, TODAY, undefined, '§8.1')).toBeNull();
  });

  it('refuses the future first, then a date before what it refers to, with the step\'s clause', () => {
    expect(documentDateValid('2025-06-03', TODAY, '2025-07-01', '§8.1')).toMatchObject({ kind: 'rule', code: 'date-in-future', clause: '§8.1' });
    expect(documentDateValid('2025-05-29', TODAY, '2025-05-30', '§3.4')).toMatchObject({ kind: 'rule', code: 'date-before-previous-step', clause: '§3.4' });
  });

  it('given a mentorship completed on 2025-05-30, when its program is saved to the bank dated the day before, then it is refused by this rule', () => {
    const s = fold(ONE.completed);
    let refusal: Refusal | undefined;
    try {
      decideSaveTemplate({ mentorshipId: 'ms-1', date: '2025-05-29' }, { state: stateOf(s), ctx: contextOf(s) }, { actor: actors.curator(), today: TODAY, templateId: 'tpl-1' });
    } catch (e) {
      if (e instanceof DomainError) refusal = e.refusal;
    }
    expect(refusal).toEqual(documentDateValid('2025-05-29', TODAY, '2025-05-30', '§3.4'));
  });
});
