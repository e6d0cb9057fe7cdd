import { Inject, Injectable } from '@nestjs/common';
import { coordinatorTerritory, isSystemAdmin, requireSystemAdmin, SYSTEM_ORG_ID } from '#core/region';
import { UsersService } from '#libs/auth';
import type { Actor } from '#core/people';
import { APP_CONFIG, type AppConfig } from '#libs/kernel';
import { RegisterIndex } from './register.index';

/** What the system administrator lists, and what a coordinator may know of its territory's register. */
@Injectable()
export class RegionLists {
  constructor(private readonly register: RegisterIndex, private readonly users: UsersService, @Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Regions with their municipalities: all for the system administrator, its own for a coordinator. */
  async regions(actor: Actor) {
    const all = await this.register.allRegions();
    if (isSystemAdmin(actor)) return all;
    const t = coordinatorTerritory(actor);
    return all.filter((r) => r.regionId === t.regionId).map((r) => ({
      ...r, municipalities: t.kind === 'region' ? r.municipalities : r.municipalities.filter((m) => m.municipalityId === t.municipalityId),
    }));
  }

  /** The coordinators' accounts, with their territory in words and whether they work. */
  async coordinators(actor: Actor) {
    requireSystemAdmin(actor, 'Учётные записи координаторов ведёт');
    await this.register.catchUp();
    const accounts = await this.users.list({ ...actor, orgId: SYSTEM_ORG_ID, roles: ['admin'] });
    return accounts.filter((a) => a.region?.role === 'coordinator').map((a) => {
      const t = a.region!.role === 'coordinator' ? a.region!.territory : undefined;
      const place = t ? this.register.placeNames(t.regionId, t.kind === 'municipality' ? t.municipalityId : '') : undefined;
      return { userId: a.userId, name: a.name, territory: t, region: place?.region ?? '—', municipality: t?.kind === 'municipality' ? place!.municipality : null, state: a.state, tokenExpiresOn: a.tokenExpiresOn };
    });
  }

  /**
   * Every organisation of the install: the registered ones, and the configured first one (`ORG_ID`) while
   * it is not registered (it works as it always has, outside any municipality).
   */
  async organisations(actor: Actor) {
    requireSystemAdmin(actor, 'Список организаций ведёт');
    const registered = await this.register.allOrganisations();
    const rows = registered.map((o) => ({ ...o, ...this.register.placeNames(o.regionId, o.municipalityId), registered: true, configured: o.orgId === this.config.defaultOrgId }));
    if (!registered.some((o) => o.orgId === this.config.defaultOrgId)) {
      rows.unshift({
        orgId: this.config.defaultOrgId, name: 'Первая организация (настройка сервера)', regionId: '', municipalityId: '', region: '—', municipality: '—',
        timeZone: this.config.timeZone, registeredOn: '', disabledOn: null, registered: false, configured: true,
      });
    }
    return rows;
  }
}
