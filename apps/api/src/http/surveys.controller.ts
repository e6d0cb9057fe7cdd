import { Body, Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Actor } from '#core/people';
import { CurrentActor } from '#libs/auth';
import { ReadModels } from '#libs/projections';
import { AnswerSurveyCommand, CloseSurveyCommand, OpenSurveyCommand, type SurveyWritten, SurveysReader } from '#libs/surveys';
import { positionOf, type HttpRequest, type HttpReply } from '#libs/kernel';
import { awaitFreshness } from './queries/freshness';
import { commandContext } from './request-context';

const answer = (w: SurveyWritten) => ({ id: w.surveyId, revision: w.revision, replayed: w.replayed, position: positionOf(w) });

/** Questionnaires of roadmap stages 3 and 6: the curator opens and closes a survey, staff answer. */
@Controller('surveys')
export class SurveysController {
  constructor(private readonly commands: CommandBus, private readonly reader: SurveysReader, private readonly rm: ReadModels) {}

  @Get('questionnaires')
  questionnaires() {
    return this.reader.questionnaires();
  }

  @Get()
  async list(@CurrentActor() actor: Actor, @Req() req: HttpRequest, @Res({ passthrough: true }) res: HttpReply) {
    const freshness = await awaitFreshness(this.rm, req, res);
    return { ...this.reader.list(actor), ...freshness };
  }

  @Post()
  @HttpCode(201)
  async open(@Body() body: unknown, @CurrentActor() actor: Actor, @Req() req: HttpRequest, @Res({ passthrough: true }) res: HttpReply) {
    const w = await this.commands.execute(new OpenSurveyCommand(body, commandContext(req, actor, body, 'survey')));
    res.header('Location', `/api/surveys/${w.surveyId}`);
    return answer(w);
  }

  @Get(':id')
  async get(@Param('id') id: string, @CurrentActor() actor: Actor, @Res({ passthrough: true }) res: HttpReply) {
    const survey = await this.reader.get(actor, id);
    res.header('ETag', `"${survey.revision}"`);
    res.header('Vary', 'Authorization');
    return survey;
  }

  @Post(':id/responses')
  @HttpCode(201)
  async respond(@Param('id') id: string, @Body() body: unknown, @CurrentActor() actor: Actor, @Req() req: HttpRequest) {
    return answer(await this.commands.execute(new AnswerSurveyCommand(id, body, commandContext(req, actor, body, `survey:${id}:response`))));
  }

  @Post(':id/close')
  @HttpCode(200)
  async close(@Param('id') id: string, @Body() body: unknown, @CurrentActor() actor: Actor, @Req() req: HttpRequest) {
    return answer(await this.commands.execute(new CloseSurveyCommand(id, body, commandContext(req, actor, body, `survey:${id}:close`))));
  }
}
