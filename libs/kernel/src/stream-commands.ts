import { Inject, Injectable } from '@nestjs/common';
import type { z } from 'zod';
import { EVENT_STORE, type EventStore, type ExpectedRevision } from '#libs/event-store';
import type { BusinessDate } from '#core/shared';
import { CLOCK, todayIn, type Clock } from './clock';
import { APP_CONFIG, type AppConfig } from './config';
import type { CommandContext } from './command-context';
import { parseBody } from './parse-body';
import { handleCommand, writeDecision, type CommandOutcome, type Decision, type StreamCommand } from './handle-command';

/** The command path as a provider: every command handler of every lib runs its command through `handle`. */
@Injectable()
export class StreamCommands {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  handle<S>(command: StreamCommand<S>): Promise<CommandOutcome> {
    return handleCommand(this.store, this.clock, command);
  }

  /** Writes a decision again where it was first written (completing a command that stopped half-way): idempotent. */
  async write(stream: string, expected: ExpectedRevision, ctx: CommandContext, decision: Decision): Promise<void> {
    await writeDecision(this.store, this.clock, ctx, stream, expected, decision);
  }

  /** A command's body, validated, with its dates no later than five years from today (`parseBody`). */
  parse<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
    return parseBody(schema, body, { today: this.today() });
  }

  /** The organisation's today (`TIME_ZONE`), for rules on business dates. */
  today(): BusinessDate {
    return todayIn(this.clock, this.config.timeZone);
  }
}
