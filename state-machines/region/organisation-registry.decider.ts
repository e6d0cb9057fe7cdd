import type { UserCreated } from '../accounts/accounts.events';
import type { OrganisationEvent } from '../organisation/organisation.events';
import type { Actor } from '../people/roles';
import { refuse } from '../shared/domain-error';
import { requireSystemAdmin } from './region.policy';
import { SYSTEM_ORG_ID, type Territory } from './region-access';
import type { CreateCoordinatorBody, RegisterOrganisationBody, RenameOrganisationBody } from './organisation-registry.commands';
import type { RegistryEvent } from './organisation-registry.events';
import type { RegisteredOrganisation } from './organisation-registry.state';
import { municipalityOf, type RegionState } from './territory.state';

/** What the shell chose and found for a registration: the actor, today, the first administrator's id and token hash, now. */
export interface RegistrationEnv {
  actor: Actor;
  today: string;
  now: string;
  /** The organisation of `ORG_ID`: it exists before any register and already has its administrator. */
  configuredOrgId: string;
  administrator: { userId: string; tokenHash: string };
}

export interface Registration {
  registry: RegistryEvent[];
  /** Into `organisation-<orgId>`: its details, when given. */
  details: OrganisationEvent[];
  /** Into `user-<id>`: its first administrator, when one is made. */
  account: { type: 'UserCreated'; data: UserCreated }[];
}

const NOT_REGISTERED = { kind: 'not-found', code: 'organisation-not-found', clause: '§3.3', message: 'Организация не найдена в реестре региона.' } as const;

/** The region and municipality named must be registered: an organisation belongs to one municipality of one region (§3.3: сетевое взаимодействие). */
function requirePlace(region: RegionState | undefined, municipalityId: string): void {
  if (!region) refuse({ kind: 'not-found', code: 'region-not-found', clause: '§3.3', message: 'Регион не найден: сначала зарегистрируйте его.' });
  if (!municipalityOf(region, municipalityId)) {
    refuse({ kind: 'not-found', code: 'municipality-not-found', clause: '§3.3', message: 'Муниципалитет не найден в этом регионе: сначала зарегистрируйте его.' });
  }
}

/**
 * The system administrator registers an organisation: its entry in the register, its details, and its
 * first administrator's account (refused without one, except for the configured first organisation,
 * which has its administrator already). An organisation is registered once.
 */
export function decideRegisterOrganisation(
  body: RegisterOrganisationBody, current: RegisteredOrganisation | undefined, region: RegionState | undefined, env: RegistrationEnv,
): Registration {
  requireSystemAdmin(env.actor, 'Организации регистрирует');
  if (current) refuse({ kind: 'state', code: 'organisation-exists', clause: '§3.3', message: 'Организация с таким кодом уже есть в реестре.' });
  requirePlace(region, body.municipalityId);
  if (!body.administrator && body.orgId !== env.configuredOrgId) {
    refuse({
      kind: 'invalid', code: 'administrator-required', clause: '§3.3',
      message: 'У новой организации должен быть первый администратор: укажите его имя.', details: { fields: ['administrator'] },
    });
  }
  const { orgId, name, regionId, municipalityId, timeZone } = body;
  const administratorId = body.administrator ? env.administrator.userId : undefined;
  return {
    registry: [{ type: 'OrganisationRegistered', data: { orgId, name, regionId, municipalityId, timeZone, ...(administratorId ? { administratorId } : {}), date: env.today } }],
    details: body.details ? [{ type: 'OrganisationDetailsRecorded', data: { orgId, effectiveFrom: env.today, ...body.details } }] : [],
    account: body.administrator
      ? [{
        type: 'UserCreated',
        data: {
          userId: env.administrator.userId, orgId, name: body.administrator.name, roles: ['admin'], tokenHash: env.administrator.tokenHash,
          ...(body.administrator.email ? { email: body.administrator.email } : {}), issuedAt: env.now,
        },
      }]
      : [],
  };
}

export type RegistryCommand = { type: 'Rename'; body: RenameOrganisationBody } | { type: 'Disable' } | { type: 'Enable' };

/** Renaming, disabling and enabling a registered organisation: the system administrator's. A disabled organisation's accounts are refused. */
export function decideRegistryCommand(command: RegistryCommand, current: RegisteredOrganisation | undefined, env: { actor: Actor; today: string }): RegistryEvent[] {
  requireSystemAdmin(env.actor, 'Организации переименовывает, отключает и включает');
  if (!current) return refuse(NOT_REGISTERED);
  const orgId = current.orgId;
  switch (command.type) {
    case 'Rename':
      if (command.body.name === current.name) refuse({ kind: 'state', code: 'organisation-name-unchanged', clause: '§3.3', message: 'Организация уже так называется: записывать нечего.' });
      return [{ type: 'OrganisationRenamed', data: { orgId, name: command.body.name, date: env.today } }];
    case 'Disable':
      if (current.disabledOn) refuse({ kind: 'state', code: 'organisation-already-disabled', clause: '§3.3', message: 'Организация уже отключена.' });
      return [{ type: 'OrganisationDisabled', data: { orgId, date: env.today } }];
    case 'Enable':
      if (!current.disabledOn) refuse({ kind: 'state', code: 'organisation-not-disabled', clause: '§3.3', message: 'Организация не отключена: включать нечего.' });
      return [{ type: 'OrganisationEnabled', data: { orgId, date: env.today } }];
  }
}

/**
 * The account of a municipal or regional coordinator (§3.4: the curator coordinates with the regional
 * system of mentoring and reports to it): above organisations, with no role in any, reading its territory's figures.
 */
export function decideCreateCoordinator(
  body: CreateCoordinatorBody, region: RegionState | undefined, env: { actor: Actor; now: string; userId: string; tokenHash: string },
): { type: 'UserCreated'; data: UserCreated }[] {
  requireSystemAdmin(env.actor, 'Учётные записи координаторов создаёт');
  if (body.municipalityId) requirePlace(region, body.municipalityId);
  else if (!region) refuse({ kind: 'not-found', code: 'region-not-found', clause: '§3.4', message: 'Регион не найден: сначала зарегистрируйте его.' });
  const territory: Territory = body.municipalityId
    ? { kind: 'municipality', regionId: body.regionId, municipalityId: body.municipalityId }
    : { kind: 'region', regionId: body.regionId };
  return [{
    type: 'UserCreated',
    data: { userId: env.userId, orgId: SYSTEM_ORG_ID, name: body.name, roles: [], region: { role: 'coordinator', territory }, tokenHash: env.tokenHash, issuedAt: env.now },
  }];
}

/** Refusal of an account whose organisation is disabled (401): the register says its accounts do not work. */
export const ORGANISATION_DISABLED = {
  kind: 'unauthenticated', code: 'organisation-disabled', clause: '§3.3',
  message: 'Организация отключена системным администратором региона: её учётные записи не действуют. Обратитесь в муниципальный орган управления образованием.',
} as const;
