import { Controller, HttpCode, Inject, Post, Query, Req, UploadedFile, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CurrentActor } from '#libs/auth';
import { positionToString, type LogPosition } from '#libs/event-store';
import { APP_CONFIG, CLOCK, commandIdFor, hashRequest, todayIn, type AppConfig, type Clock, type CommandContext, type HttpRequest } from '#libs/kernel';
import { RecordPersonalDataConsentCommand, RegisterPersonCommand } from '#libs/people';
import type { Actor } from '#core/people';
import { DomainError } from '#core/shared';
import { mayRegisterPeople } from './may-register-people';
import { StaffListQuery } from './staff-list.query';
import { IMPORT_COLUMNS, readStaffFile } from './staff-import.parser';
import { checkStaffRows, staffKey, type RejectedRow } from './staff-import.rows';
import { StaffFileInterceptor, type UploadedStaffFile } from './staff-file.interceptor';

const MAX_BYTES = 2 * 1024 * 1024;

/**
 * `POST /api/people/import?dryRun=true` with a CSV or XLSX file (multipart field `file`): a
 * preview of what would be registered and why other rows are rejected. Without `dryRun` every
 * accepted row goes through the RegisterPerson command (and the consent command when the row
 * carries one); a row the command refuses joins the rejected ones with the reason and clause.
 */
@Controller('people')
export class StaffImportController {
  constructor(
    private readonly commands: CommandBus,
    private readonly staff: StaffListQuery,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('import')
  @HttpCode(200)
  @UseInterceptors(StaffFileInterceptor('file', { fileSize: MAX_BYTES, files: 1, fields: 10, fieldSize: 10_000, parts: 20 }))
  async import(
    @UploadedFile() file: UploadedStaffFile | undefined, @Query('dryRun') dryRunParam: string | undefined,
    @CurrentActor() actor: Actor, @Req() req: HttpRequest,
  ) {
    if (!mayRegisterPeople(actor)) {
      throw new DomainError({ kind: 'forbidden', code: 'role-not-allowed', clause: '§3.4', message: 'Загружать список сотрудников может куратор или заведующий.' });
    }
    if (!file) throw new DomainError({ kind: 'invalid', code: 'file-required', message: 'Приложите файл CSV или XLSX (поле формы «file»).' });
    const dryRun = dryRunParam === 'true' || dryRunParam === '1';
    const sheet = await readStaffFile(file);
    const registered = new Set(this.staff.list(actor).items.map((p) => staffKey(p.fullName, p.firstWorkingDay ?? '')));
    const { accepted, rejected } = checkStaffRows(sheet.rows, registered, todayIn(this.clock, this.config.timeZone));
    const report = { dryRun, fileName: file.originalname, total: sheet.rows.length, columns: sheet.columns, ignoredColumns: sheet.ignoredColumns, expectedColumns: IMPORT_COLUMNS };
    if (dryRun) return { ...report, accepted: accepted.map((a) => ({ line: a.line, ...a.person, consent: a.consent ?? null })), rejected };

    const key = typeof req.headers['idempotency-key'] === 'string' ? req.headers['idempotency-key'] : undefined;
    const ctx = (scope: string, body: unknown): CommandContext => {
      const commandId = commandIdFor(actor, key === undefined ? undefined : `people-import:${key}:${scope}`);
      return { actor, commandId, correlationId: req.id ?? commandId, requestHash: hashRequest({ scope, body }), idempotent: key !== undefined };
    };
    const done = [];
    const refused: RejectedRow[] = [];
    let position: LogPosition | undefined;
    const refusal = (e: unknown) => {
      if (!(e instanceof DomainError)) throw e;
      return { field: null, column: null, message: e.message, clause: e.refusal.clause };
    };
    for (const row of accepted) {
      let personId: string;
      try {
        const r = await this.commands.execute(new RegisterPersonCommand(row.person, ctx(`${row.line}:person`, row.person)));
        personId = r.personId;
        position = r.position ?? position;
      } catch (e) {
        const { fullName, position: job, firstWorkingDay } = row.person;
        refused.push({ line: row.line, values: { fullName, position: job, firstWorkingDay }, errors: [refusal(e)] });
        continue;
      }
      // The person is registered either way; a refused consent is reported on their row, to be recorded by hand.
      let consentError = null;
      if (row.consent) {
        try {
          const c = await this.commands.execute(new RecordPersonalDataConsentCommand(personId, row.consent, ctx(`${row.line}:consent`, row.consent)));
          position = c.position ?? position;
        } catch (e) {
          consentError = refusal(e);
        }
      }
      done.push({ line: row.line, personId, ...row.person, consent: consentError ? null : row.consent ?? null, consentError });
    }
    return { ...report, accepted: done, rejected: [...rejected, ...refused].sort((a, b) => a.line - b.line), position: position ? positionToString(position) : null };
  }
}
