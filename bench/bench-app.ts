import { NestFactory } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppModule } from '../apps/api/src/app.module';
import { SqliteEventStore, type EventStore } from '#libs/event-store';
import { EnterBankCommand, RecordPersonalDataConsentCommand, RegisterPersonCommand } from '#libs/people';
import { ProposeMentorshipCommand, TakeStepCommand } from '#libs/mentorships';
import { configFromEnv, type CommandContext } from '#libs/kernel';
import type { Actor } from '#core/people';

export const TODAY = '2026-11-24';
const actor: Actor = { userId: 'bench', orgId: 'bench', roles: ['curator', 'head', 'mentor', 'mentee'] };
export const ctx = (personId?: string): CommandContext => {
  const id = randomUUID();
  return { actor: { ...actor, personId }, commandId: id, correlationId: id, requestHash: '', idempotent: false };
};

export interface BenchAppOptions {
  store?: EventStore;
  /** `off` (default): projections run in their own process, as past one machine; `inline`: in this one, as `npm start` does. */
  projections?: 'inline' | 'off';
  /** Where the embedded store commits: its writer thread (default) or the main thread (the design before it). */
  writer?: 'thread' | 'inline';
}

/** The real command side (Nest app context, no HTTP) on a fresh durable embedded store. */
export async function benchApp(options: BenchAppOptions = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'mentorship-bench-'));
  const s = options.store ?? new SqliteEventStore({ file: join(dir, 'events.sqlite'), writer: options.writer });
  const app = await NestFactory.createApplicationContext(
    AppModule.forRoot({
      store: s,
      clock: { now: () => new Date(`${TODAY}T09:00:00+03:00`) },
      config: { ...configFromEnv({}), defaultOrgId: 'bench', reservationGraceMs: 300_000 },
      projections: { mode: options.projections ?? 'off' },
    }),
    { logger: false },
  );
  const bus = app.get(CommandBus);
  return {
    app, bus, store: s, dir,
    async close() {
      await app.close();
      await s.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** `n` mentorships in state `ordered`, each with its own mentee (mentors hold three each). */
export async function orderedMentorships(bus: CommandBus, n: number): Promise<string[]> {
  const person = async (bank: 'mentor' | 'mentee') => {
    const { personId } = await bus.execute(new RegisterPersonCommand({ fullName: 'Сотрудник', position: 'Воспитатель', firstWorkingDay: '2026-09-01' }, ctx()));
    await bus.execute(new RecordPersonalDataConsentCommand(personId, { date: '2026-09-01', documentRef: 'ПДн' }, ctx()));
    await bus.execute(new EnterBankCommand(bank, bank === 'mentor' ? { personId, competences: ['ФГОС'] } : { personId, requests: ['игра'] }, ctx()));
    return personId as string;
  };
  const ids: string[] = [];
  let mentor = '';
  for (let i = 0; i < n; i++) {
    if (i % 3 === 0) mentor = await person('mentor');
    const mentee = await person('mentee');
    const { mentorshipId } = await bus.execute(new ProposeMentorshipCommand({
      mentorId: mentor, menteeIds: [mentee], form: 'traditional', topic: 'Нагрузка', plannedStart: '2026-10-01', plannedEnd: '2027-03-31', date: '2026-09-10',
    }, ctx()));
    for (const p of [mentor, mentee]) await bus.execute(new TakeStepCommand(mentorshipId, 'consent', { personId: p, given: true, date: '2026-09-11', documentRef: 'С' }, ctx()));
    await bus.execute(new TakeStepCommand(mentorshipId, 'order', { number: `${i}`, date: '2026-09-12' }, ctx()));
    ids.push(mentorshipId);
  }
  return ids;
}

/** A step a curator may repeat without end: a recorded replacement request (§3.8). */
export const repeatableStep = (id: string) =>
  new TakeStepCommand(id, 'request-replacement', { date: '2026-09-20', reason: 'other', note: 'нагрузочный тест' }, ctx());
