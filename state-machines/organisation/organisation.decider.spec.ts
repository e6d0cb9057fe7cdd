import type { Actor } from '../people/roles';
import { deciderOutcome } from '../shared/testing/decider-outcome';
import { organisationDetailsBody, type OrganisationDetailsBody } from './organisation.commands';
import { decideRecordDetails } from './organisation.decider';
import { parseOrganisationEvent, type OrganisationEvent } from './organisation.events';
import { detailsOn, foldOrganisation, type OrganisationState } from './organisation.state';
import { BLANK_ORGANISATION_NAME, printedOrganisation } from './organisation.printed';

const ORG = 'org-a';
const TODAY = '2026-11-24';
const as = (...roles: Actor['roles']): Actor => ({ userId: `u-${roles.join('-')}`, orgId: ORG, roles });
const BODY = organisationDetailsBody.parse({
  fullName: 'Муниципальное казённое дошкольное образовательное учреждение детский сад № 6 «Рябинушка» с. Гофицкое',
  shortName: 'МКДОУ ДС № 6 «Рябинушка» с. Гофицкое',
  address: '356265, Ставропольский край, с. Гофицкое, ул. Школьная, 12',
  headName: 'Савельева Людмила Михайловна',
  curatorName: 'Фёдорова Галина Павловна',
  curatorPosition: 'Заместитель заведующего по воспитательной работе',
});
const recorded = (over: Partial<OrganisationEvent['data']> = {}): OrganisationEvent => {
  const { effectiveFrom: _e, ...details } = BODY;
  return { type: 'OrganisationDetailsRecorded', data: { orgId: ORG, effectiveFrom: TODAY, ...details, ...over } };
};

/** given(history).when(body, actor).then(events) | .thenRefused(refusal), as the other deciders' specs. */
function given(...history: OrganisationEvent[]) {
  const state: OrganisationState = foldOrganisation(history);
  return {
    when: (body: OrganisationDetailsBody, actor: Actor, today = TODAY) => deciderOutcome(
      history, () => decideRecordDetails(body, state, { actor, today }), (e) => parseOrganisationEvent(JSON.parse(JSON.stringify(e))), foldOrganisation,
    ),
  };
}

describe('organisation details', () => {
  it('the head records them, in force from today; the position defaults to «Заведующий»', () => {
    const state = given().when(BODY, as('head')).then([recorded()]);
    expect(detailsOn(state, TODAY)).toMatchObject({ shortName: 'МКДОУ ДС № 6 «Рябинушка» с. Гофицкое', headPosition: 'Заведующий', effectiveFrom: TODAY });
    expect(detailsOn(state, '2026-11-23')).toBeUndefined();
  });

  it('the administrator records them too; nobody else does (§3.3)', () => {
    given().when(BODY, as('admin')).then([recorded()]);
    for (const role of ['curator', 'methodist', 'mentor', 'mentee', 'auditor'] as const) {
      given().when(BODY, as(role)).thenRefused({ kind: 'forbidden', code: 'role-not-allowed', clause: '§3.3' });
    }
  });

  it('from a past day, so documents dated since then print them', () => {
    const state = given().when({ ...BODY, effectiveFrom: '2026-09-01' }, as('head')).then([recorded({ effectiveFrom: '2026-09-01' })]);
    expect(detailsOn(state, '2026-09-01')?.effectiveFrom).toBe('2026-09-01');
    expect(detailsOn(state, '2026-08-31')).toBeUndefined();
  });

  it('never from a day that has not come', () => {
    given().when({ ...BODY, effectiveFrom: '2026-11-25' }, as('head')).thenRefused({ kind: 'rule', code: 'details-date-in-future' });
  });

  it('a new version applies from its day on; the earlier one still names earlier documents', () => {
    const renamed = { ...BODY, headName: 'Орлова Татьяна Викторовна', effectiveFrom: '2026-11-01' };
    const state = given(recorded({ effectiveFrom: '2026-09-01' })).when(renamed, as('head')).then([recorded({ effectiveFrom: '2026-11-01', headName: 'Орлова Татьяна Викторовна' })]);
    expect(detailsOn(state, '2026-10-31')?.headName).toBe('Савельева Людмила Михайловна');
    expect(detailsOn(state, '2026-11-01')?.headName).toBe('Орлова Татьяна Викторовна');
  });

  it('entered again for the same day it corrects that version; the same details again are refused', () => {
    const state = given(recorded()).when({ ...BODY, address: '356265, с. Гофицкое, ул. Школьная, 14' }, as('head')).then([recorded({ address: '356265, с. Гофицкое, ул. Школьная, 14' })]);
    expect(state.versions).toHaveLength(1);
    given(recorded()).when(BODY, as('head')).thenRefused({ kind: 'state', code: 'details-unchanged' });
  });

  it('the body is checked field by field: too short a name, an unknown field', () => {
    expect(organisationDetailsBody.safeParse({ ...BODY, shortName: 'Д' }).success).toBe(false);
    expect(organisationDetailsBody.safeParse({ ...BODY, inn: '123' }).success).toBe(false);
  });
});

describe('the organisation as documents print it', () => {
  it('the details in force on the document\'s date; before any, the configured name, else a blank line', () => {
    const state = foldOrganisation([recorded({ effectiveFrom: '2026-09-01' })]);
    expect(printedOrganisation(state, '2026-09-15', 'ДОУ из настроек')).toMatchObject({ shortName: 'МКДОУ ДС № 6 «Рябинушка» с. Гофицкое', headName: 'Савельева Людмила Михайловна', source: 'entered' });
    expect(printedOrganisation(state, '2026-08-31', 'ДОУ из настроек')).toMatchObject({ fullName: 'ДОУ из настроек', shortName: 'ДОУ из настроек', headName: null, headPosition: 'Заведующий', source: 'configuration' });
    expect(printedOrganisation(state, '2026-08-31')).toMatchObject({ fullName: BLANK_ORGANISATION_NAME, source: 'blank' });
  });
});
