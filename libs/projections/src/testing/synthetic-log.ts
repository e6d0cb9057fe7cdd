import type { EventStore } from '#libs/event-store';
import { addDays, addMonths } from '#core/shared';
import { MENTORING_FORMS } from '#core/mentorship';
import { entry, type LogEntry } from './log-entry';

export interface SyntheticLogOptions {
  mentorships: number;
  /** How many mentorships run side by side (their events interleave in the log). */
  concurrency?: number;
  orgId?: string;
  /** Stop after this many events (whatever the mentorships count reaches). */
  maxEvents?: number;
}

/**
 * A large log shaped like a real one, written fast: each mentorship follows a fixed valid path
 * (most complete with reports and publication; some are withdrawn, some replaced and continued,
 * some still running) with its people registered just before. For benchmarks and crash tests.
 */
export function* syntheticLog(options: SyntheticLogOptions): Generator<LogEntry> {
  const orgId = options.orgId ?? 'bench';
  const width = options.concurrency ?? 500;
  let emitted = 0;
  for (let start = 0; start < options.mentorships; start += width) {
    const lanes: LogEntry[][] = [];
    for (let i = start; i < Math.min(options.mentorships, start + width); i++) lanes.push(mentorshipPath(orgId, i));
    for (let step = 0; lanes.some((l) => step < l.length); step++) {
      for (const lane of lanes) {
        if (step >= lane.length) continue;
        yield lane[step];
        if (++emitted >= (options.maxEvents ?? Infinity)) return;
      }
    }
  }
}

function mentorshipPath(orgId: string, i: number): LogEntry[] {
  const id = `${orgId}-ms-${i}`;
  const mentor = `${orgId}-mentor-${Math.floor(i / 3)}`;
  const mentee = `${orgId}-mentee-${i}`;
  const d0 = addDays('2024-01-10', i % 700);
  const day = (n: number) => addDays(d0, n);
  const out: LogEntry[] = [];
  const add = (stream: string, type: string, data: Record<string, unknown>) => out.push(entry(stream, type, data, orgId, data.date as string | undefined));
  if (i % 3 === 0) {
    add(`person-${mentor}`, 'PersonRegistered', { personId: mentor, orgId, fullName: `Наставник ${i}`, position: 'Старший воспитатель', firstWorkingDay: '2015-09-01' });
    add(`person-${mentor}`, 'PersonalDataConsentRecorded', { personId: mentor, date: '2015-09-01', documentRef: 'ПДн' });
    add(`mentor-${mentor}`, 'MentorBankEntered', { personId: mentor, orgId, competences: ['ФГОС ДО', 'игровые технологии'] });
  }
  add(`person-${mentee}`, 'PersonRegistered', { personId: mentee, orgId, fullName: `Наставляемый ${i}`, position: 'Воспитатель', firstWorkingDay: day(-10) });
  add(`person-${mentee}`, 'PersonalDataConsentRecorded', { personId: mentee, date: day(-10), documentRef: 'ПДн' });
  add(`mentee-${mentee}`, 'MenteeBankEntered', { personId: mentee, orgId, requests: ['планирование занятий'] });
  add(`mentor-${mentor}`, 'MenteeSlotsReserved', { mentorId: mentor, mentorshipId: id, menteeIds: [mentee] });
  const s = `mentorship-${id}`;
  add(s, 'MentorshipProposed', {
    mentorshipId: id, orgId, mentorId: mentor, mentees: [{ personId: mentee, firstWorkingDay: day(-10) }],
    form: MENTORING_FORMS[i % MENTORING_FORMS.length] === 'group' ? 'traditional' : MENTORING_FORMS[i % MENTORING_FORMS.length],
    topic: `Адаптация ${i}`, plannedStart: day(5), plannedEnd: addMonths(day(5), 6), date: day(0),
  });
  add(s, 'ConsentRecorded', { personId: mentor, given: true, date: day(1), documentRef: 'Согласие наставника' });
  if (i % 10 === 9) {
    add(s, 'MentorshipWithdrawn', { date: day(2), reason: 'Отозвано' });
    return out;
  }
  add(s, 'ConsentRecorded', { personId: mentee, given: true, date: day(1), documentRef: 'Согласие наставляемого' });
  add(s, 'OrderIssued', { number: `${i}-к`, date: day(3 + (i % 40)) });
  add(s, 'ProgramDrafted', {
    date: day(8 + (i % 40)),
    activities: [
      { id: 'A1', kind: 'workplace-intro', title: 'Знакомство с группой', due: day(30) },
      { id: 'A2', kind: 'practical-task', title: 'Открытое занятие', due: day(90) },
    ],
  });
  add(s, 'ProgramAcknowledged', { personId: mentee, date: day(50) });
  add(s, 'ActivityCompleted', { activityId: 'A1', date: day(60) });
  if (i % 10 === 8) {
    add(s, 'ReplacementRequested', { date: day(70), reason: 'transferred' });
    const successor = `${id}-2`;
    const newMentor = `${orgId}-mentor-${Math.floor(i / 3) + 1}`;
    add(s, 'MentorReplaced', { date: day(71), reason: 'transferred', newMentorId: newMentor, newMentorConsentRef: 'Согласие', orderNumber: `${i}-з`, successorId: successor });
    add(`mentorship-${successor}`, 'MentorshipContinued', {
      mentorshipId: successor, orgId, mentorId: newMentor, mentees: [{ personId: mentee, firstWorkingDay: day(-10) }], form: 'traditional',
      topic: `Адаптация ${i}`, plannedStart: day(5), plannedEnd: addMonths(day(5), 6), date: day(71), predecessorId: id,
      newMentorConsentRef: 'Согласие', orderNumber: `${i}-з`,
    });
    return out;
  }
  if (i % 10 === 7) return out;
  add(s, 'ActivityCompleted', { activityId: 'A2', date: day(100) });
  add(s, 'MentorshipCompleted', { date: day(180), reason: 'plan-fulfilled' });
  add(s, 'MentorReportSubmitted', { personId: mentor, date: day(185 + (i % 8)), text: 'Программа выполнена', recommendations: 'Аттестация' });
  add(s, 'MenteeReportSubmitted', { personId: mentee, date: day(186 + (i % 8)), text: 'Полезно', mentorEvaluation: 3 + (i % 3) });
  if (i % 2 === 0) add(s, 'ResultsPublished', { date: day(200), summary: 'Итоги программы наставничества' });
  return out;
}

/** Writes log entries into a store in large groups (`chunk` appends in flight at once); returns how many it wrote. */
export async function writeLog(store: EventStore, entries: Iterable<LogEntry>, chunk = 5000): Promise<number> {
  let buffer: Promise<unknown>[] = [];
  let n = 0;
  for (const e of entries) {
    buffer.push(store.append(e.streamId, [e.event], 'any'));
    n++;
    if (buffer.length >= chunk) {
      await Promise.all(buffer);
      buffer = [];
    }
  }
  await Promise.all(buffer);
  return n;
}

/** Writes a synthetic log into a store in large groups; returns how many events it wrote. */
export function writeSyntheticLog(store: EventStore, options: SyntheticLogOptions, chunk = 5000): Promise<number> {
  return writeLog(store, syntheticLog(options), chunk);
}
