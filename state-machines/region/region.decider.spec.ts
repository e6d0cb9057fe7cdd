import { parseAccountEvent } from '../accounts/accounts.events';
import { parseOrganisationEvent } from '../organisation/organisation.events';
import type { Actor } from '../people/roles';
import { deciderOutcome, expectRefused } from '../shared/testing/decider-outcome';
import { createCoordinatorBody, registerOrganisationBody, type RegisterOrganisationBody } from './organisation-registry.commands';
import { decideCreateCoordinator, decideRegisterOrganisation, decideRegistryCommand, type RegistryCommand } from './organisation-registry.decider';
import { parseRegistryEvent, type RegistryEvent } from './organisation-registry.events';
import { foldRegistry } from './organisation-registry.state';
import { withinTerritory } from './region.policy';
import { SYSTEM_ORG_ID } from './region-access';
import { decideRegisterMunicipality, decideRegisterRegion } from './territory.decider';
import { parseTerritoryEvent, type TerritoryEvent } from './territory.events';
import { foldRegion } from './territory.state';

const TODAY = '2026-11-24';
const NOW = '2026-11-24T06:00:00.000Z';
const SYSTEM: Actor = { userId: 'admin', orgId: 'default', roles: ['admin'], region: { role: 'system-admin' } };
const ORG_ADMIN: Actor = { userId: 'u1', orgId: 'default', roles: ['admin'] };
const COORDINATOR: Actor = { userId: 'c1', orgId: SYSTEM_ORG_ID, roles: [], region: { role: 'coordinator', territory: { kind: 'region', regionId: 'stav' } } };
const REGION: TerritoryEvent[] = [
  { type: 'RegionRegistered', data: { regionId: 'stav', name: 'Ставропольский край', date: TODAY } },
  { type: 'MunicipalityRegistered', data: { regionId: 'stav', municipalityId: 'andr', name: 'Андроповский округ', date: TODAY } },
];
const BODY = registerOrganisationBody.parse({
  orgId: 'ds6', name: 'Детский сад № 6 «Рябинушка»', regionId: 'stav', municipalityId: 'andr',
  details: { fullName: 'МКДОУ детский сад № 6 «Рябинушка»', shortName: 'МКДОУ ДС № 6', address: 'с. Гофицкое, ул. Школьная, 12', headName: 'Савельева Людмила Михайловна' },
  administrator: { name: 'Администратор сада' },
});
const ENV = { actor: SYSTEM, today: TODAY, now: NOW, configuredOrgId: 'default', administrator: { userId: 'user-1', tokenHash: 'hash' } };

/** The store's schema of an event, after the JSON it is stored as. */
const stored = <E>(parse: (raw: { type: string; data: unknown }) => E) => (e: E) => parse(JSON.parse(JSON.stringify(e)));

/** given(registry history).when(command, actor).then(events) | .thenRefused(refusal). */
function givenRegistry(...history: RegistryEvent[]) {
  const state = foldRegistry(history);
  return {
    when: (command: RegistryCommand, actor: Actor = SYSTEM) =>
      deciderOutcome(history, () => decideRegistryCommand(command, state, { actor, today: TODAY }), stored(parseRegistryEvent), foldRegistry),
  };
}

const registered: RegistryEvent = {
  type: 'OrganisationRegistered',
  data: { orgId: 'ds6', name: 'Детский сад № 6 «Рябинушка»', regionId: 'stav', municipalityId: 'andr', timeZone: 'Europe/Moscow', administratorId: 'user-1', date: TODAY },
};

describe('the territory: regions and municipalities', () => {
  it('given nothing, when the system administrator registers a region and a municipality, then both are recorded', () => {
    const events = decideRegisterRegion({ regionId: 'stav', name: 'Ставропольский край' }, undefined, { actor: SYSTEM, today: TODAY });
    const more = decideRegisterMunicipality({ municipalityId: 'andr', name: 'Андроповский округ' }, foldRegion(events), { actor: SYSTEM, today: TODAY });
    expect([...events, ...more]).toEqual(REGION);
    for (const e of REGION) expect(parseTerritoryEvent(e)).toEqual(e);
  });

  it('given a region, when its code or a municipality\'s is taken again, or an organisation\'s administrator tries, then it is refused', () => {
    expectRefused(() => decideRegisterRegion({ regionId: 'stav', name: 'Другой' }, foldRegion(REGION), { actor: SYSTEM, today: TODAY }), { code: 'region-exists', clause: '§3.3' });
    expectRefused(() => decideRegisterMunicipality({ municipalityId: 'andr', name: 'Другой' }, foldRegion(REGION), { actor: SYSTEM, today: TODAY }), { code: 'municipality-exists' });
    expectRefused(() => decideRegisterMunicipality({ municipalityId: 'new', name: 'Андроповский округ' }, foldRegion(REGION), { actor: SYSTEM, today: TODAY }), { code: 'municipality-name-taken' });
    expectRefused(() => decideRegisterRegion({ regionId: 'kras', name: 'Край' }, undefined, { actor: ORG_ADMIN, today: TODAY }), { kind: 'forbidden', code: 'system-admin-only' });
  });
});

describe('the register of organisations', () => {
  it('given a municipality, when the system administrator registers an organisation, then its entry, details and first administrator are decided', () => {
    const r = decideRegisterOrganisation(BODY, undefined, foldRegion(REGION), ENV);
    expect(r.registry).toEqual([registered]);
    expect(r.details).toEqual([{ type: 'OrganisationDetailsRecorded', data: { orgId: 'ds6', effectiveFrom: TODAY, ...BODY.details } }]);
    expect(r.account).toEqual([{ type: 'UserCreated', data: { userId: 'user-1', orgId: 'ds6', name: 'Администратор сада', roles: ['admin'], tokenHash: 'hash', issuedAt: NOW } }]);
    for (const e of r.details) expect(stored(parseOrganisationEvent)(e)).toEqual(e);
    for (const e of r.account) expect(stored(parseAccountEvent)(e)).toEqual(e);
  });

  it('given the configured first organisation, when it is registered without an administrator, then only its entry is decided (it has one)', () => {
    const r = decideRegisterOrganisation({ ...BODY, orgId: 'default', details: undefined, administrator: undefined }, undefined, foldRegion(REGION), ENV);
    expect(r.registry[0].data).not.toHaveProperty('administratorId');
    expect([r.details, r.account]).toEqual([[], []]);
  });

  it('refuses someone else than the system administrator, an unknown place, a taken code and a new organisation without an administrator', () => {
    const region = foldRegion(REGION);
    expectRefused(() => decideRegisterOrganisation(BODY, undefined, region, { ...ENV, actor: ORG_ADMIN }), { kind: 'forbidden', code: 'system-admin-only' });
    expectRefused(() => decideRegisterOrganisation(BODY, undefined, region, { ...ENV, actor: COORDINATOR }), { kind: 'forbidden', code: 'system-admin-only' });
    expectRefused(() => decideRegisterOrganisation(BODY, undefined, undefined, ENV), { kind: 'not-found', code: 'region-not-found' });
    expectRefused(() => decideRegisterOrganisation({ ...BODY, municipalityId: 'none' }, undefined, region, ENV), { kind: 'not-found', code: 'municipality-not-found' });
    expectRefused(() => decideRegisterOrganisation(BODY, foldRegistry([registered]), region, ENV), { kind: 'state', code: 'organisation-exists' });
    expectRefused(() => decideRegisterOrganisation({ ...BODY, administrator: undefined } as RegisterOrganisationBody, undefined, region, ENV), { kind: 'invalid', code: 'administrator-required', clause: '§3.3' });
  });

  it('given an organisation, when it is renamed, disabled and enabled, then each is recorded and the fold follows', () => {
    const renamed = givenRegistry(registered).when({ type: 'Rename', body: { name: 'ДС «Рябинушка»' } })
      .then([{ type: 'OrganisationRenamed', data: { orgId: 'ds6', name: 'ДС «Рябинушка»', date: TODAY } }]);
    expect(renamed?.name).toBe('ДС «Рябинушка»');
    const disabled = givenRegistry(registered).when({ type: 'Disable' }).then([{ type: 'OrganisationDisabled', data: { orgId: 'ds6', date: TODAY } }]);
    expect(disabled?.disabledOn).toBe(TODAY);
    const off: RegistryEvent = { type: 'OrganisationDisabled', data: { orgId: 'ds6', date: TODAY } };
    expect(givenRegistry(registered, off).when({ type: 'Enable' }).then([{ type: 'OrganisationEnabled', data: { orgId: 'ds6', date: TODAY } }])?.disabledOn).toBeNull();
  });

  it('refuses a change of nothing, of an organisation not in the register, and anyone but the system administrator', () => {
    givenRegistry(registered).when({ type: 'Rename', body: { name: registered.data.name } }).thenRefused({ code: 'organisation-name-unchanged' });
    givenRegistry(registered).when({ type: 'Enable' }).thenRefused({ code: 'organisation-not-disabled' });
    givenRegistry(registered, { type: 'OrganisationDisabled', data: { orgId: 'ds6', date: TODAY } }).when({ type: 'Disable' }).thenRefused({ code: 'organisation-already-disabled' });
    givenRegistry().when({ type: 'Disable' }).thenRefused({ kind: 'not-found', code: 'organisation-not-found' });
    givenRegistry(registered).when({ type: 'Disable' }, ORG_ADMIN).thenRefused({ kind: 'forbidden', code: 'system-admin-only' });
  });
});

describe('coordinators', () => {
  it('given a region, when the system administrator makes a coordinator of a municipality, then the account is above organisations with that territory', () => {
    const events = decideCreateCoordinator(createCoordinatorBody.parse({ name: 'Координатор', regionId: 'stav', municipalityId: 'andr' }), foldRegion(REGION), { actor: SYSTEM, now: NOW, userId: 'c9', tokenHash: 'h' });
    expect(events).toEqual([{
      type: 'UserCreated',
      data: { userId: 'c9', orgId: SYSTEM_ORG_ID, name: 'Координатор', roles: [], region: { role: 'coordinator', territory: { kind: 'municipality', regionId: 'stav', municipalityId: 'andr' } }, tokenHash: 'h', issuedAt: NOW },
    }]);
    expect(stored(parseAccountEvent)(events[0])).toEqual(events[0]);
  });

  it('refuses a coordinator of an unknown municipality, and an account with neither a role nor a territory', () => {
    expectRefused(() => decideCreateCoordinator({ name: 'К', regionId: 'stav', municipalityId: 'none' }, foldRegion(REGION), { actor: SYSTEM, now: NOW, userId: 'c', tokenHash: 'h' }), { code: 'municipality-not-found' });
    expectRefused(() => decideCreateCoordinator({ name: 'К', regionId: 'stav' }, foldRegion(REGION), { actor: COORDINATOR, now: NOW, userId: 'c', tokenHash: 'h' }), { code: 'system-admin-only' });
    expect(() => parseAccountEvent({ type: 'UserCreated', data: { userId: 'x', orgId: 'o', name: 'Н', roles: [], tokenHash: 'h' } })).toThrow();
  });

  it('a territory holds the organisations of its municipality, or of every municipality of its region', () => {
    const place = { regionId: 'stav', municipalityId: 'andr' };
    expect(withinTerritory({ kind: 'municipality', regionId: 'stav', municipalityId: 'andr' }, place)).toBe(true);
    expect(withinTerritory({ kind: 'municipality', regionId: 'stav', municipalityId: 'other' }, place)).toBe(false);
    expect(withinTerritory({ kind: 'region', regionId: 'stav' }, place)).toBe(true);
    expect(withinTerritory({ kind: 'region', regionId: 'kras' }, place)).toBe(false);
  });
});
