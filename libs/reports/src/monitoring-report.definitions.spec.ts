import { SqliteEventStore } from '#libs/event-store';
import { activeGeneration, Projector, ReadModels } from '#libs/projections';
import { appendAll, entry, type LogEntry } from '#testing/projections';
import { buildMonitoringReport } from './monitoring-report';
import { FIGURE_DEFINITIONS } from './monitoring-report.definitions';
import { loadReportFacts } from './monitoring-report.facts';

const ORG = 'org-edges';
/** The period of every test: March 2026, both ends included. */
const FROM = '2026-03-01';
const TO = '2026-03-31';
const TODAY = '2026-06-01';

let n = 0;
/**
 * A one-to-one mentorship through the log as the command side writes it, up to where `dates` go:
 * proposed, consented and ordered (`order`), program and acknowledgement, completed, mentee's report.
 */
function mentorship(dates: { proposed: string; order?: string; completed?: string; report?: string; evaluation?: number; withdrawn?: string }): LogEntry[] {
  const id = `ms-${++n}`;
  const mentor = `mentor-${n}`;
  const mentee = `mentee-${n}`;
  const s = `mentorship-${id}`;
  const out: LogEntry[] = [
    entry(`person-${mentor}`, 'PersonRegistered', { personId: mentor, orgId: ORG, fullName: `Наставник ${n}`, position: 'Воспитатель', firstWorkingDay: '2015-09-01' }, ORG, undefined),
    entry(`person-${mentee}`, 'PersonRegistered', { personId: mentee, orgId: ORG, fullName: `Наставляемый ${n}`, position: 'Воспитатель', firstWorkingDay: '2025-09-01' }, ORG, undefined),
    entry(s, 'MentorshipProposed', {
      mentorshipId: id, orgId: ORG, mentorId: mentor, mentees: [{ personId: mentee, firstWorkingDay: '2025-09-01' }], form: 'traditional',
      topic: 'Адаптация', plannedStart: dates.proposed, plannedEnd: '2026-12-31', date: dates.proposed,
    }, ORG, dates.proposed),
  ];
  const add = (type: string, data: Record<string, unknown>) => out.push(entry(s, type, data, ORG, data.date as string));
  if (dates.withdrawn) {
    add('MentorshipWithdrawn', { date: dates.withdrawn, reason: 'Передумали' });
    return out;
  }
  if (!dates.order) return out;
  add('ConsentRecorded', { personId: mentor, given: true, date: dates.proposed, documentRef: 'С-1' });
  add('ConsentRecorded', { personId: mentee, given: true, date: dates.proposed, documentRef: 'С-2' });
  add('OrderIssued', { number: `${n}-к`, date: dates.order });
  add('ProgramDrafted', { date: dates.order, activities: [{ id: 'A1', kind: 'theory', title: 'Семинар', due: '2026-12-01' }] });
  add('ProgramAcknowledged', { personId: mentee, date: dates.order });
  if (!dates.completed) return out;
  add('MentorshipCompleted', { date: dates.completed, reason: 'plan-fulfilled' });
  if (dates.report) add('MenteeReportSubmitted', { personId: mentee, date: dates.report, text: 'Отчёт', mentorEvaluation: dates.evaluation ?? 5 });
  return out;
}

/** The report for March from read models built from `log`, as the API builds it. */
async function reportOf(log: LogEntry[]) {
  const store = new SqliteEventStore({ file: ':memory:' });
  const config = { timeZone: 'Europe/Moscow' } as ConstructorParameters<typeof ReadModels>[3];
  const rm = new ReadModels({ file: ':memory:', mode: 'off', waitMs: 0 } as ConstructorParameters<typeof ReadModels>[0], store, { now: () => new Date(`${TODAY}T09:00:00Z`) }, config);
  try {
    await appendAll(store, log);
    await new Projector(store, rm.db, rm.projections, { generation: activeGeneration(rm.db)!, untilCaughtUp: true }).run();
    const facts = loadReportFacts(rm, { orgId: ORG, from: FROM, to: TO, today: TODAY });
    return buildMonitoringReport(facts, { from: FROM, to: TO, today: TODAY });
  } finally {
    rm.onApplicationShutdown();
    await store.close();
  }
}

describe('each figure of the monitoring report at the edges of its period (FIGURE_DEFINITIONS)', () => {
  it('evaluation: reports dated on the first and the last day count, the day before and after do not — whatever the mentorship\'s own period', async () => {
    const r = await reportOf([
      // Completed in February, before the period: the mentorship is not in March, its report filed on 1 March is.
      ...mentorship({ proposed: '2026-01-10', order: '2026-01-15', completed: '2026-02-20', report: '2026-03-01', evaluation: 4 }),
      ...mentorship({ proposed: '2026-01-10', order: '2026-01-15', completed: '2026-03-20', report: '2026-03-31', evaluation: 5 }),
      ...mentorship({ proposed: '2026-01-10', order: '2026-01-15', completed: '2026-02-20', report: '2026-02-28', evaluation: 1 }),
      ...mentorship({ proposed: '2026-01-10', order: '2026-01-15', completed: '2026-03-25', report: '2026-04-01', evaluation: 1 }),
    ]);
    expect(r.mentorEvaluation).toMatchObject({ count: 2, average: 4.5 });
    expect(r.mentorEvaluation.distribution.map((d) => d.count)).toEqual([0, 0, 0, 1, 1]);
    expect(r.mentorships).toBe(2); // the two completed in February are not in the period
    expect(FIGURE_DEFINITIONS.evaluation).toContain('к какому бы периоду ни относилось само наставничество');
  });

  it('in the period: proposed on its last day is in, the day after is not; ended on its first day is in, the day before is not', async () => {
    const r = await reportOf([
      ...mentorship({ proposed: '2026-03-31' }),
      ...mentorship({ proposed: '2026-04-01' }),
      ...mentorship({ proposed: '2026-02-01', withdrawn: '2026-03-01' }),
      ...mentorship({ proposed: '2026-02-01', withdrawn: '2026-02-28' }),
    ]);
    expect(r.mentorships).toBe(2);
    expect(Object.fromEntries(r.byState.filter((x) => x.count).map((x) => [x.state, x.count]))).toEqual({ proposed: 1, withdrawn: 1 });
  });

  it('started: first orders dated on the first and the last day; not the day before or after', async () => {
    const r = await reportOf([
      ...mentorship({ proposed: '2026-02-20', order: '2026-02-28' }),
      ...mentorship({ proposed: '2026-02-20', order: '2026-03-01' }),
      ...mentorship({ proposed: '2026-02-20', order: '2026-03-31' }),
      ...mentorship({ proposed: '2026-02-20', order: '2026-04-01' }),
    ]);
    expect(r.started).toBe(2);
    // Took part: ordered by the last day. The one ordered on 1 April is in the period (proposed in it) but did not take part.
    expect(r.participants).toEqual({ mentors: 3, mentees: 3, people: 6 });
  });

  it('completed: dated on the first and the last day; not the day before or after', async () => {
    const r = await reportOf([
      ...mentorship({ proposed: '2026-01-10', order: '2026-01-15', completed: '2026-02-28' }),
      ...mentorship({ proposed: '2026-01-10', order: '2026-01-15', completed: '2026-03-01' }),
      ...mentorship({ proposed: '2026-01-10', order: '2026-01-15', completed: '2026-03-31' }),
      ...mentorship({ proposed: '2026-01-10', order: '2026-01-15', completed: '2026-04-01' }),
    ]);
    expect(r.completed).toBe(2);
    expect(r.completionsByReason.find((x) => x.reason === 'plan-fulfilled')?.count).toBe(2);
  });

  it('deadlines: falling due on the first and the last day count; the day before and after do not', async () => {
    // The program is due 10 days after the order (§3.6): orders of 18, 19 February and 21, 22 March.
    const r = await reportOf(['2026-02-18', '2026-02-19', '2026-03-21', '2026-03-22'].flatMap((order) => mentorship({ proposed: '2026-02-10', order })));
    expect(r.deadlines.find((d) => d.kind === 'program')).toMatchObject({ total: 2, onTime: 2, onTimeRate: 1 });
  });

  it('engagement: staff who started work by the last day of the period', async () => {
    const staff = (day: string, i: number) => entry(`person-s${i}`, 'PersonRegistered', { personId: `s${i}`, orgId: ORG, fullName: `Сотрудник ${i}`, position: 'Воспитатель', firstWorkingDay: day }, ORG, undefined);
    const r = await reportOf([...mentorship({ proposed: '2026-02-20', order: '2026-03-01' }), staff('2026-03-31', 1), staff('2026-04-01', 2)]);
    expect(r.engagement).toEqual({ participants: 2, staff: 3, share: 0.667 });
  });
});
