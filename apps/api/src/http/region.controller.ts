import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Actor } from '#core/people';
import { accountActionBody } from '#core/accounts';
import {
  createCoordinatorBody, organisationActionBody, registerMunicipalityBody, registerOrganisationBody, registerRegionBody, renameOrganisationBody,
} from '#core/region';
import { CurrentActor } from '#libs/auth';
import { parseBody, positionOf, type CommandOutcome, type HttpRequest, type HttpReply } from '#libs/kernel';
import { ReadModels } from '#libs/projections';
import { RegionCommands, RegionLists, RegionRollup, rollupXlsx } from '#libs/region';
import { awaitFreshness } from './queries/freshness';
import { commandContext } from './request-context';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** What a write of the register answers: the stream's revision, the log position to read after, whether it was a replay. */
const answer = (written: CommandOutcome) => ({ revision: written.revision, position: positionOf(written), replayed: written.replayed });

/** Above organisations: the system administrator's register of regions, municipalities, organisations and coordinators. */
@Controller()
export class RegionController {
  constructor(private readonly commands: RegionCommands, private readonly lists: RegionLists, private readonly rollup: RegionRollup, private readonly rm: ReadModels) {}

  @Get('regions')
  async regions(@CurrentActor() actor: Actor) {
    return { items: await this.lists.regions(actor) };
  }

  @Post('regions')
  @HttpCode(201)
  async registerRegion(@Body() body: unknown, @CurrentActor() actor: Actor, @Req() req: HttpRequest) {
    return answer(await this.commands.registerRegion(parseBody(registerRegionBody, body), commandContext(req, actor, body, 'region')));
  }

  @Post('regions/:regionId/municipalities')
  @HttpCode(201)
  async registerMunicipality(@Param('regionId') regionId: string, @Body() body: unknown, @CurrentActor() actor: Actor, @Req() req: HttpRequest) {
    return answer(await this.commands.registerMunicipality(regionId, parseBody(registerMunicipalityBody, body), commandContext(req, actor, body, `region:${regionId}:municipality`)));
  }

  @Get('organisations')
  async organisations(@CurrentActor() actor: Actor) {
    return { items: await this.lists.organisations(actor) };
  }

  /** The organisation's entry, details and first administrator; the administrator's token is shown once. */
  @Post('organisations')
  @HttpCode(201)
  async registerOrganisation(@Body() body: unknown, @CurrentActor() actor: Actor, @Req() req: HttpRequest) {
    const parsed = parseBody(registerOrganisationBody, body);
    const written = await this.commands.registerOrganisation(parsed, commandContext(req, actor, body, 'organisation:register'));
    return { orgId: parsed.orgId, ...answer(written), administrator: written.administrator };
  }

  @Post('organisations/:orgId/rename')
  @HttpCode(200)
  async rename(@Param('orgId') orgId: string, @Body() body: unknown, @CurrentActor() actor: Actor, @Req() req: HttpRequest) {
    return answer(await this.commands.registry(orgId, { type: 'Rename', body: parseBody(renameOrganisationBody, body) }, commandContext(req, actor, body, `organisation:${orgId}:rename`)));
  }

  @Post('organisations/:orgId/disable')
  @HttpCode(200)
  async disable(@Param('orgId') orgId: string, @Body() body: unknown, @CurrentActor() actor: Actor, @Req() req: HttpRequest) {
    parseBody(organisationActionBody, body);
    return answer(await this.commands.registry(orgId, { type: 'Disable' }, commandContext(req, actor, body ?? {}, `organisation:${orgId}:disable`)));
  }

  @Post('organisations/:orgId/enable')
  @HttpCode(200)
  async enable(@Param('orgId') orgId: string, @Body() body: unknown, @CurrentActor() actor: Actor, @Req() req: HttpRequest) {
    parseBody(organisationActionBody, body);
    return answer(await this.commands.registry(orgId, { type: 'Enable' }, commandContext(req, actor, body ?? {}, `organisation:${orgId}:enable`)));
  }

  /** A coordinator's account; its token is shown once (every call is a new account, as `POST /api/users`). */
  @Post('coordinators')
  @HttpCode(201)
  createCoordinator(@Body() body: unknown, @CurrentActor() actor: Actor, @Req() req: HttpRequest) {
    const commandId = randomUUID();
    return this.commands.createCoordinator(parseBody(createCoordinatorBody, body), { actor, commandId, correlationId: req.id ?? commandId, requestHash: '', idempotent: false });
  }

  @Get('coordinators')
  async coordinators(@CurrentActor() actor: Actor) {
    return { items: await this.lists.coordinators(actor) };
  }

  @Post('coordinators/:id/disable')
  @HttpCode(200)
  disableCoordinator(@Param('id') id: string, @Body() body: unknown, @CurrentActor() actor: Actor, @Req() req: HttpRequest) {
    parseBody(accountActionBody, body);
    return this.commands.coordinatorAccount(id, 'disable', commandContext(req, actor, body ?? {}, `coordinator:${id}:disable`));
  }

  @Post('coordinators/:id/enable')
  @HttpCode(200)
  enableCoordinator(@Param('id') id: string, @Body() body: unknown, @CurrentActor() actor: Actor, @Req() req: HttpRequest) {
    parseBody(accountActionBody, body);
    return this.commands.coordinatorAccount(id, 'enable', commandContext(req, actor, body ?? {}, `coordinator:${id}:enable`));
  }

  /** `?from=&to=&format=json|xlsx`: the coordinator's roll-up of its organisations' monitoring figures (§3.4). */
  @Get('region/figures')
  async figures(@Query() query: Record<string, unknown>, @CurrentActor() actor: Actor, @Req() req: HttpRequest, @Res({ passthrough: true }) res: HttpReply) {
    const { territory, q } = this.rollup.parse(actor, query);
    await awaitFreshness(this.rm, req, res);
    const rollup = await this.rollup.build(territory, q);
    if (q.format === 'json') return rollup;
    res.header('Content-Disposition', `attachment; filename="region-${q.from}-${q.to}.xlsx"`);
    return new StreamableFile(await rollupXlsx(rollup), { type: XLSX });
  }
}
