import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { coordinatorTerritory, type Territory } from '#core/region';
import type { Actor } from '#core/people';
import { businessDate, DomainError, ruDate } from '#core/shared';
import { parseQuery, ReadModels, readYourWrites } from '#libs/projections';
import { FIGURE_TITLES, figureShares, MonitoringReportService, organisationFigures, sumFigures, type FigureTotals, type OrganisationFigures } from '#libs/reports';
import { RegisterIndex } from './register.index';

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

/** Roll-ups kept (territories × periods), the oldest dropped first. */
const CACHED_ROLLUPS = 32;

export const ROLLUP_TITLE = 'Сводные показатели наставничества педагогических работников по организациям';

/**
 * The coordinator's view of its territory: each organisation's figures from its own monitoring report
 * for the period (the report its curator reads, §3.4), and their sums. Counts only: no name, no
 * person's id, no text anyone wrote.
 */
@Injectable()
export class RegionRollup {
  private readonly cache = new Map<string, Rollup>();

  constructor(private readonly register: RegisterIndex, private readonly reports: MonitoringReportService, private readonly rm: ReadModels) {}

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
   * two steps of its kindergartens cost one build). `fresh`: build it whatever the cache holds.
   */
  async build(territory: Territory, q: Pick<RollupParams, 'from' | 'to'>, fresh = false): Promise<Rollup> {
    const organisations = await this.register.within(territory);
    const position = this.rm.status.position();
    const key = JSON.stringify([territory, q.from, q.to, this.rm.today(), position ? `${position.commit}/${position.prepare}` : null, this.register.version()]);
    const cached = fresh ? undefined : this.cache.get(key);
    if (cached) return cached;
    const built = await this.compute(territory, q, organisations);
    if (this.cache.size >= CACHED_ROLLUPS) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(key, built);
    return built;
  }

  private async compute(territory: Territory, q: Pick<RollupParams, 'from' | 'to'>, organisations: Awaited<ReturnType<RegisterIndex['within']>>): Promise<Rollup> {
    const reports = await this.reports.buildMany(organisations.map((o) => o.orgId), { from: q.from, to: q.to });
    const rows: RollupRow[] = organisations.map((o) => {
      const figures = organisationFigures(reports.get(o.orgId)!);
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
      asOf: this.rm.today(),
      organisations: rows,
      totals: { ...totals, shares: figureShares(totals) },
      titles: FIGURE_TITLES,
    };
  }
}
