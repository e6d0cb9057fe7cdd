import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { z } from 'zod';
import type { Actor } from '../../../state-machines/people/roles';
import { businessDate } from '../../../state-machines/shared/business-date';
import { CurrentActor } from '../../auth/src/current-actor.decorator';
import { parseBody } from '../../workflow/src/support/parse-body';
import { GetOrganisationAsOfQuery } from './organisation-as-of.query';

@Controller('audit')
export class AuditController {
  constructor(private readonly queries: QueryBus) {}

  /** `GET /api/audit/organisation?asOf=YYYY-MM-DD` */
  @Get('organisation')
  organisation(@Query('asOf') asOf: string | undefined, @CurrentActor() actor: Actor) {
    const { date } = parseBody(z.strictObject({ date: businessDate.describe('Дата (ГГГГ-ММ-ДД)') }), { date: asOf });
    return this.queries.execute(new GetOrganisationAsOfQuery(actor, date));
  }
}
