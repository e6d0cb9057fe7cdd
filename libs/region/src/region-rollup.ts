import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { coordinatorTerritory, type Territory } from '#core/region';
import type { Actor } from '#core/people';
import { businessDate, DomainError, ruDate } from '#core/shared';
import { parseQuery, ReadModels, readYourWrites } from '#libs/projections';
import { FIGURE_TITLES, figureShares, MonitoringReportService, organisationFigures, sumFigures, type FigureTotals, type OrganisationFigures } from '#libs/reports';
import { RegisterIndex } from './register.index';
import { comparePositions, positionToString, type LogPosition } from '#libs/event-store';
import { EventBoundedCache } from '#libs/kernel';

export const rollupParams = z.strictObject({
  from: businessDate.describe('Начало периода'),
  to: businessDate.describe('Конец периода'),
  format: z.enum(['json', 'xlsx']).default('json').describe('Формат: json или xlsx'),
  ...readYourWrites,
});
export type RollupParams = z.infer<typeof rollupParams>;

export interface RollupRow {
  orgId: string;
  name: string;
  municipality: string;
  disabled: boolean;
  figures: OrganisationFigures;
  shares: ReturnType<typeof figureShares>;
}

export interface Rollup {
  title: string;
  clause: string;
  territory: { kind: Territory['kind']; region: string; municipality: string | null };
  period: { from: string; to: string };
  asOf: string;
  organisations: RollupRow[];
  totals: FigureTotals & { shares: ReturnType<typeof figureShares> };
  /** Words for the keys of the figures (states, forms, reasons, roadmap phases and stages). */
  titles: typeof FIGURE_TITLES;
}

/** Roll-ups kept (territories × periods). */
const CACHED_ROLLUPS = 32;
/** Organisations' figures kept (organisations × periods). */
const CACHED_ORGANISATION_FIGURES = 50_000;

export const ROLLUP_TITLE = 'Сводные показатели наставничества педагогических работников по организациям';

/**
 * The coordinator's view of its territory: each organisation's figures from its own monitoring report
 * for the period (the report its curator reads, §3.4), and their sums. Counts only: no name, no
 * person's id, no text anyone wrote.
 */
@Injectable()
export class RegionRollup {
  // Bounded by entries (each weighs one), the least recently stored dropped first.
  private readonly cache = new EventBoundedCache<Rollup>(CACHED_ROLLUPS, () => 1);
  private readonly perOrganisation = new EventBoundedCache<{ figures: OrganisationFigures; at: LogPosition }>(CACHED_ORGANISATION_FIGURES, () => 1);

  constructor(
    private readonly register: RegisterIndex, private readonly reports: MonitoringReportService, private readonly rm: ReadModels,
  ) {}

  parse(actor: Actor, raw: unknown): { territory: Territory; q: RollupParams } {
    const territory = coordinatorTerritory(actor);
    const q = parseQuery(rollupParams, raw);
    if (q.from > q.to) {
      throw new DomainError({ kind: 'invalid', code: 'invalid-period', message: `Начало периода ${ruDate(q.from)} позже его конца ${ruDate(q.to)}.` });
    }
    return { territory, q };
  }

  /**
   * The roll-up, or the same answer again while nothing it reads has moved: the read models' position,
   * the register's, the period and today are its key (a few coordinators reading one territory between
   * two steps of its kindergartens cost one build). Otherwise each organisation's figures are kept too,
   * with the read models' position they were built at, and built again only once that organisation has
   * an event past it: after a step in one kindergarten, one report is built, not two thousand.
   * `rebuild`: `rollup` ignores the first cache, `everything` both.
   */
  async build(territory: Territory, q: Pick<RollupParams, 'from' | 'to'>, rebuild?: 'rollup' | 'everything'): Promise<Rollup> {
    const organisations = await this.register.within(territory);
    const position = this.rm.status.position();
    const today = this.rm.today();
    const key = JSON.stringify([territory, q.from, q.to, today, position ? positionToString(position) : null, this.register.version()]);
    const cached = rebuild ? undefined : this.cache.get(key);
    if (cached) return cached;
    const built = await this.compute(territory, q, organisations, today, rebuild === 'everything');
    this.cache.set(key, built);
    return built;
  }

  /** Each organisation's figures: from memory when nothing of it happened since they were built, else from its report. */
  private async figuresOf(orgIds: readonly string[], q: Pick<RollupParams, 'from' | 'to'>, today: string, everything: boolean): Promise<Map<string, OrganisationFigures>> {
    const at = this.rm.status.position();
    const keyOf = (orgId: string) => `${orgId} ${q.from} ${q.to} ${today}`;
    const figures = new Map<string, OrganisationFigures>();
    const stale: string[] = [];
    for (const orgId of orgIds) {
      const kept = everything ? undefined : this.perOrganisation.get(keyOf(orgId));
      const last = this.register.lastEventOf(orgId);
      if (kept && (!last || comparePositions(last, kept.at) <= 0)) figures.set(orgId, kept.figures);
      else stale.push(orgId);
    }
    const reports = await this.reports.buildMany(stale, q);
    for (const orgId of stale) {
      const f = organisationFigures(reports.get(orgId)!);
      figures.set(orgId, f);
      if (!at) continue;
      this.perOrganisation.set(keyOf(orgId), { figures: f, at });
    }
    return figures;
  }

  private async compute(
    territory: Territory, q: Pick<RollupParams, 'from' | 'to'>, organisations: Awaited<ReturnType<RegisterIndex['within']>>, today: string, everything: boolean,
  ): Promise<Rollup> {
    const all = await this.figuresOf(organisations.map((o) => o.orgId), q, today, everything);
    const rows: RollupRow[] = organisations.map((o) => {
      const figures = all.get(o.orgId)!;
      return {
        orgId: o.orgId, name: o.name, municipality: this.register.placeNames(o.regionId, o.municipalityId).municipality,
        disabled: o.disabledOn !== null, figures, shares: figureShares(figures),
      };
    });
    const totals = sumFigures(rows.map((r) => r.figures));
    const place = this.register.placeNames(territory.regionId, territory.kind === 'municipality' ? territory.municipalityId : '');
    return {
      title: ROLLUP_TITLE,
      clause: '§3.4',
      territory: { kind: territory.kind, region: place.region, municipality: territory.kind === 'municipality' ? place.municipality : null },
      period: { from: q.from, to: q.to },
      asOf: today,
      organisations: rows,
      totals: { ...totals, shares: figureShares(totals) },
      titles: FIGURE_TITLES,
    };
  }
}
