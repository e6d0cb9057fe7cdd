import {
  ACTIVITIES, actor, actors, GROUP, MENTEE, MENTEE_2, MENTOR, MENTOR_2, ONE, SUCCESSOR_ID, TODAY,
} from '../testing/fixtures';
import type { Actor } from '../people/roles';
import { STEP_BODIES, type StepName } from './mentorship.commands';
import type { MentorshipEvent } from './mentorship.events';
import { fold, initialSnapshot } from './mentorship.state';
import { availableSteps, stepBodyJsonSchema, viewOf, warnings } from './mentorship.view';

const stepsOf = (events: MentorshipEvent[], a: Actor): StepName[] => availableSteps(fold(events), a).map((s) => s.step);

const report = { date: '2025-06-01', text: 'Отчёт', recommendations: 'Рекомендации' };
const finished: MentorshipEvent[] = [
  ...ONE.completed,
  { type: 'MentorReportSubmitted', data: { personId: MENTOR, ...report } },
  { type: 'MenteeReportSubmitted', data: { personId: MENTEE, date: '2025-06-01', text: 'Отчёт', mentorEvaluation: 5 } },
  { type: 'ResultsPublished', data: { date: '2025-06-02', summary: 'Итоги' } },
];
const replaced: MentorshipEvent[] = [...ONE.active, {
  type: 'MentorReplaced',
  data: { date: '2024-10-01', reason: 'other', newMentorId: MENTOR_2, newMentorConsentRef: 'Согласие', orderNumber: '31-к', successorId: SUCCESSOR_ID },
}];
const declined: MentorshipEvent[] = [...ONE.proposed, { type: 'ConsentRecorded', data: { personId: MENTOR, given: false, date: '2024-09-04', documentRef: 'Отказ' } }];
const withdrawn: MentorshipEvent[] = [...ONE.consented, { type: 'MentorshipWithdrawn', data: { date: '2024-09-06', reason: 'Отозвано' } }];

describe('availableSteps: the machine says which steps exist, the policy whose they are', () => {
  const roles = {
    curator: actors.curator(), head: actors.head(), mentor: actors.mentor(), mentee: actors.mentee(), auditor: actors.auditor(), methodist: actors.methodist(),
  };
  const none = { curator: [], head: [], mentor: [], mentee: [], auditor: [], methodist: [] };
  const table: [string, MentorshipEvent[], Record<keyof typeof roles, StepName[]>][] = [
    ['proposed', ONE.proposed, { ...none, curator: ['consent', 'withdraw'] }],
    ['consented', ONE.consented, { ...none, curator: ['withdraw'], head: ['order'] }],
    ['ordered', ONE.ordered, { ...none, curator: ['request-replacement'], head: ['replace'], mentor: ['program', 'request-replacement'], mentee: ['request-replacement'] }],
    ['program-drafted', ONE['program-drafted'], { ...none, curator: ['request-replacement'], head: ['replace'], mentor: ['request-replacement'], mentee: ['acknowledge', 'request-replacement'] }],
    ['active', ONE.active, {
      ...none,
      curator: ['activity-done', 'amend', 'extend', 'complete', 'request-replacement'],
      head: ['replace'],
      mentor: ['activity-done', 'amend', 'extend', 'request-replacement'],
      mentee: ['request-replacement'],
    }],
    ['completed', ONE.completed, { ...none, curator: ['publish'], mentor: ['mentor-report'], mentee: ['mentee-report'] }],
    ['completed, reported and published', finished, none],
    ['replaced', replaced, none],
    ['declined', declined, none],
    ['withdrawn', withdrawn, none],
  ];

  describe.each(table)('%s', (_state, events, expected) => {
    it.each(Object.keys(roles) as (keyof typeof roles)[])('as %s', (role) => {
      expect(stepsOf(events, roles[role])).toEqual(expected[role]);
    });
  });

  it('offers nothing to a mentor or mentee of another mentorship, or to another organisation', () => {
    expect(stepsOf(ONE.ordered, actors.mentor(MENTOR_2))).toEqual([]);
    expect(stepsOf(ONE['program-drafted'], actors.mentee(MENTEE_2))).toEqual([]);
    expect(stepsOf(ONE.consented, actor('head', 'p-head', 'org-2'))).toEqual([]);
  });

  it('says under which roles an actor with several roles may act', () => {
    const both: Actor = { userId: 'u', orgId: 'org-1', roles: ['curator', 'mentor'], personId: MENTOR };
    expect(availableSteps(fold(ONE.active), both).find((s) => s.step === 'amend')?.as).toEqual(['curator', 'mentor']);
    expect(availableSteps(fold(ONE.active), both).find((s) => s.step === 'complete')?.as).toEqual(['curator']);
  });

  it('offers a partly reported group\'s remaining steps, not the ones a mentee already took', () => {
    const events: MentorshipEvent[] = [
      ...GROUP.completed,
      { type: 'MentorReportSubmitted', data: { personId: MENTOR, ...report } },
      { type: 'MenteeReportSubmitted', data: { personId: MENTEE, date: '2025-06-01', text: 'Отчёт', mentorEvaluation: 5 } },
    ];
    expect(stepsOf(events, actors.mentor())).toEqual([]);
    expect(stepsOf(events, actors.mentee(MENTEE))).toEqual([]);
    expect(stepsOf(events, actors.mentee(MENTEE_2))).toEqual(['mentee-report']);
  });

  it('does not offer acknowledgement again to a group mentee who acknowledged', () => {
    const events: MentorshipEvent[] = [...GROUP['program-drafted'], { type: 'ProgramAcknowledged', data: { personId: MENTEE, date: '2024-09-18' } }];
    expect(stepsOf(events, actors.mentee(MENTEE))).toEqual(['request-replacement']);
    expect(stepsOf(events, actors.mentee(MENTEE_2))).toEqual(['acknowledge', 'request-replacement']);
  });
});

describe('warnings (§1.2 vs §3.7)', () => {
  const proposal = (plannedEnd: string): MentorshipEvent[] => {
    const [first] = ONE.proposed;
    return [{ ...first, data: { ...first.data, plannedEnd } } as MentorshipEvent];
  };

  it('warns when the planned term is under three months, never blocks', () => {
    expect(warnings(fold(proposal('2024-12-09')))).toEqual([expect.objectContaining({ code: 'program-shorter-than-3-months', clause: '§1.2' })]);
    expect(warnings(fold(proposal('2024-10-10')))[0].message).toMatch(/3 месяцев/);
  });

  it('does not warn from three months on, nor before a proposal', () => {
    expect(warnings(fold(proposal('2024-12-10')))).toEqual([]);
    expect(warnings(fold(ONE.active))).toEqual([]);
    expect(warnings(initialSnapshot())).toEqual([]);
  });

  it('follows an extension past three months', () => {
    const short: MentorshipEvent[] = [
      ...proposal('2024-11-10'), ...ONE.ordered.slice(1),
      { type: 'ProgramDrafted', data: { date: '2024-09-16', activities: [ACTIVITIES[0]] } },
      { type: 'ProgramAcknowledged', data: { personId: MENTEE, date: '2024-09-18' } },
    ];
    expect(warnings(fold(short))).toHaveLength(1);
    const extended: MentorshipEvent = { type: 'ProgramExtended', data: { date: '2024-10-01', plannedEnd: '2024-12-10', agreedBy: [MENTOR, MENTEE] } };
    expect(warnings(fold([...short, extended]))).toEqual([]);
  });
});

describe('viewOf and body schemas', () => {
  it('combines the state, deadline flags and warnings for a given today', () => {
    const view = viewOf(fold(ONE.ordered), '2024-09-25');
    expect(view.state).toBe('ordered');
    expect(view.deadlines.find((d) => d.kind === 'program')).toMatchObject({ status: 'overdue', daysLate: 5 });
    expect(viewOf(initialSnapshot(), TODAY)).toEqual({ state: 'new', deadlines: [], warnings: [] });
  });

  it('publishes a JSON schema for each step body from the same zod schema', () => {
    const schema = stepBodyJsonSchema('order') as { properties: Record<string, unknown>; required: string[]; additionalProperties: boolean };
    expect(Object.keys(schema.properties).sort()).toEqual(['agreement', 'date', 'number']);
    expect(schema.required.sort()).toEqual(['date', 'number']);
    expect(schema.additionalProperties).toBe(false);
    expect(STEP_BODIES.order.safeParse({ number: '1', date: '2024-09-10', extra: 1 }).success).toBe(false);
  });
});
