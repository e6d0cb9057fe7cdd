import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { z } from 'zod';
import type { Actor } from '#core/people';
import { businessDate } from '#core/shared';
import { CurrentActor } from '#libs/auth';
import { parseBody } from '#libs/kernel';
import { GetOrganisationAsOfQuery } from './organisation-as-of.query';

@Controller('audit')
export class AuditController {
  constructor(private readonly queries: QueryBus) {}

  /** `GET /api/audit/organisation?asOf=YYYY-MM-DD` */
  @Get('organisation')
  organisation(@Query('asOf') asOf: string | undefined, @CurrentActor() actor: Actor) {
    const { date } = parseBody(z.strictObject({ date: businessDate.describe('Дата') }), { date: asOf });
    return this.queries.execute(new GetOrganisationAsOfQuery(actor, date));
  }
}
