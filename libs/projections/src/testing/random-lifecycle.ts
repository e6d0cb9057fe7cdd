import {
  COMPLETION_REASONS, MENTORING_FORMS, REPLACEMENT_REASONS, evolve, initialSnapshot, inPhase, stateOf,
  type MentorshipEvent, type MentorshipSnapshot,
} from '#core/mentorship';
import { addDays, addMonths } from '#core/shared';
import { entry, type LogEntry } from './log-entry';

/**
 * A random but valid history of two organisations, driven by a list of choices (so fast-check
 * can shrink it): every mentorship event is one the machine accepts at that point, so the log is
 * one the command side could have written.
 */
export function randomLifecycle(choices: number[]): LogEntry[] {
  const out: LogEntry[] = [];
  let day = '2025-09-01';
  let next = 0;
  // Past the end of the choices, keep varying deterministically so long walks still branch.
  const pick = () => ((choices[next % choices.length] ?? 0) + Math.floor(next++ / choices.length) * 7919) % 1_000_003;
  const people: Record<string, { mentors: string[]; mentees: { id: string; firstWorkingDay: string }[] }> = {};
  const hire = (orgId: string, id: string, bank: 'mentor' | 'mentee', firstWorkingDay: string) => {
    out.push(entry(`person-${id}`, 'PersonRegistered', { personId: id, orgId, fullName: `ФИО ${id}`, position: 'Воспитатель', firstWorkingDay }, orgId, undefined));
    out.push(entry(`person-${id}`, 'PersonalDataConsentRecorded', { personId: id, date: firstWorkingDay, documentRef: `ПДн ${id}` }, orgId, firstWorkingDay));
    out.push(bank === 'mentor'
      ? entry(`mentor-${id}`, 'MentorBankEntered', { personId: id, orgId, competences: ['ФГОС ДО'] }, orgId, undefined)
      : entry(`mentee-${id}`, 'MenteeBankEntered', { personId: id, orgId, requests: ['игра'] }, orgId, undefined));
    if (bank === 'mentor') people[orgId].mentors.push(id);
    else people[orgId].mentees.push({ id, firstWorkingDay });
  };
  for (const org of ['org-a', 'org-b']) {
    people[org] = { mentors: [], mentees: [] };
    for (let i = 0; i < 3; i++) hire(org, `${org}-mentor-${i}`, 'mentor', '2015-09-01');
    for (let i = 0; i < 4; i++) hire(org, `${org}-mentee-${i}`, 'mentee', addDays('2025-08-20', i * 3));
  }
  const mentorships: { id: string; orgId: string; snapshot: MentorshipSnapshot }[] = [];
  const write = (m: { id: string; orgId: string; snapshot: MentorshipSnapshot }, e: MentorshipEvent) => {
    m.snapshot = evolve(m.snapshot, e);
    out.push(entry(`mentorship-${m.id}`, e.type, e.data, m.orgId, (e.data as { date?: string }).date));
  };
  for (let step = 0; step < choices.length * 3; step++) {
    day = addDays(day, pick() % 4);
    const c = pick();
    if (c % 9 === 0 || mentorships.length === 0) {
      const orgId = c % 2 ? 'org-a' : 'org-b';
      if (c % 7 === 0) hire(orgId, `${orgId}-late-${step}`, 'mentee', addDays(day, -(pick() % 40)));
      const org = people[orgId];
      const mentees = [org.mentees[pick() % org.mentees.length], org.mentees[pick() % org.mentees.length]].slice(0, 1 + (c % 2));
      const unique = [...new Map(mentees.map((m) => [m.id, m])).values()];
      const m = { id: `ms-${mentorships.length + 1}`, orgId, snapshot: initialSnapshot() };
      const mentorId = org.mentors[pick() % org.mentors.length];
      // As the command side records it: mentees already in an unfinished mentorship of theirs (a warning).
      const otherUnfinished = unique.map((x) => ({
        personId: x.id,
        mentorshipIds: mentorships.filter((o) => !inPhase(stateOf(o.snapshot), 'finished') && o.snapshot.context.mentees.some((p) => p.personId === x.id)).map((o) => o.id),
      })).filter((o) => o.mentorshipIds.length > 0);
      out.push(entry(`mentor-${mentorId}`, 'MenteeSlotsReserved', { mentorId, mentorshipId: m.id, menteeIds: unique.map((x) => x.id) }, orgId, day));
      write(m, {
        type: 'MentorshipProposed',
        data: {
          mentorshipId: m.id, orgId, mentorId, mentees: unique.map((x) => ({ personId: x.id, firstWorkingDay: x.firstWorkingDay })),
          form: unique.length > 1 ? 'group' : MENTORING_FORMS[pick() % MENTORING_FORMS.length],
          topic: `Тема ${m.id}`, plannedStart: addDays(day, 5), plannedEnd: addMonths(day, 2 + (pick() % 9)), date: day,
          ...(otherUnfinished.length ? { otherUnfinished } : {}),
        },
      });
      mentorships.push(m);
      continue;
    }
    // Mostly the latest few, so mentorships get deep into their lifecycle.
    const recent = pick() % 4 === 0 ? mentorships.length : Math.min(4, mentorships.length);
    const m = mentorships[mentorships.length - 1 - (pick() % recent)];
    const candidates = candidateEvents(m.snapshot, day, pick(), people[m.orgId].mentors, `ms-${mentorships.length + 1}`).filter((e) => m.snapshot.can(e));
    if (candidates.length === 0) continue;
    const e = candidates[pick() % candidates.length];
    write(m, e);
    if (e.type === 'MentorReplaced') {
      const ctx = m.snapshot.context;
      const successor = { id: e.data.successorId, orgId: m.orgId, snapshot: initialSnapshot() };
      write(successor, {
        type: 'MentorshipContinued',
        data: {
          mentorshipId: successor.id, orgId: m.orgId, mentorId: e.data.newMentorId, mentees: ctx.mentees, form: ctx.form, topic: ctx.topic,
          plannedStart: ctx.plannedStart, plannedEnd: ctx.plannedEnd, date: day, predecessorId: m.id,
          newMentorConsentRef: 'Согласие нового наставника', orderNumber: `${step}-з`,
        },
      });
      mentorships.push(successor);
    }
  }
  return out;
}

/** Every event that could be next for this mentorship on `day` (the machine filters the impossible ones). */
function candidateEvents(s: MentorshipSnapshot, day: string, c: number, mentors: string[], successorId: string): MentorshipEvent[] {
  const ctx = s.context;
  if (stateOf(s) === 'new') return [];
  const everyone = [ctx.mentorId, ...ctx.mentees.map((m) => m.personId)];
  const pending = ctx.program?.activities.filter((a) => !a.doneOn) ?? [];
  const activities = [{ id: `A${ctx.nextActivityNo}`, kind: 'theory' as const, title: 'Мероприятие', due: addDays(day, 20) }];
  return [
    ...everyone.map((personId) => ({ type: 'ConsentRecorded' as const, data: { personId, given: c % 13 !== 0, date: day, documentRef: `Согласие ${personId}` } })),
    ...(c % 11 === 0 ? [{ type: 'MentorshipWithdrawn' as const, data: { date: day, reason: 'Передумали' } }] : []),
    { type: 'OrderIssued', data: { number: `${c}-к`, date: day } },
    { type: 'ProgramDrafted', data: { date: day, activities } },
    ...ctx.mentees.map((m) => ({ type: 'ProgramAcknowledged' as const, data: { personId: m.personId, date: day } })),
    ...pending.map((a) => ({ type: 'ActivityCompleted' as const, data: { activityId: a.id, date: day } })),
    { type: 'ProgramAmended', data: { date: day, activities, agreedBy: everyone } },
    { type: 'ProgramExtended', data: { date: day, plannedEnd: addMonths(ctx.plannedEnd, 1), agreedBy: everyone } },
    { type: 'MentorshipCompleted', data: { date: day, reason: COMPLETION_REASONS[c % COMPLETION_REASONS.length] } },
    // Now and then an early end by notice (ТК РФ ст. 351.8): the mentor's or the employer's; the machine keeps those whose notice period holds.
    ...(c % 16 === 0 ? [{
      type: 'MentorshipEndedEarly' as const,
      data: Math.floor(c / 16) % 2 ? { date: day, noticeBy: 'employer' as const, noticeDate: addDays(day, -(Math.floor(c / 32) % 9)), noticeRef: 'Уведомление' }
        : { date: day, noticeBy: 'mentor' as const, personId: ctx.mentorId, noticeDate: addDays(day, -(Math.floor(c / 32) % 9)), noticeRef: 'Заявление' },
    }] : []),
    { type: 'MentorReportSubmitted', data: { personId: ctx.mentorId, date: day, text: 'Отчёт', recommendations: 'Рекомендации' } },
    ...ctx.mentees.map((m) => ({ type: 'MenteeReportSubmitted' as const, data: { personId: m.personId, date: day, text: 'Отчёт', mentorEvaluation: 1 + (c % 5) } })),
    { type: 'ReplacementRequested', data: { date: day, reason: REPLACEMENT_REASONS[c % REPLACEMENT_REASONS.length] } },
    ...mentors.filter((id) => id !== ctx.mentorId && c % 5 === 0).slice(0, 1).map((newMentorId) => ({
      type: 'MentorReplaced' as const,
      data: { date: day, reason: REPLACEMENT_REASONS[c % REPLACEMENT_REASONS.length], newMentorId, newMentorConsentRef: 'Согласие', orderNumber: `${c}-з`, successorId },
    })),
    { type: 'ResultsPublished', data: { date: day, summary: 'Итоги программы' } },
  ];
}
