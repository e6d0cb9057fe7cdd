import { assign, setup } from 'xstate';
import { EMPTY_ROADMAP, type RoadmapContext } from './roadmap.context';
import type { RoadmapEvent, RoadmapEventOf } from './roadmap.events';
import { STAGE_NUMBERS, stageComplete, type StageNo } from './roadmap.stages';
import { activityOpen } from './rules/activity-open.rule';

/**
 * The organisation's roadmap (DESIGN.md, "Other streams"): drafted by the curator, approved by the
 * head, then stage by stage as the table of the regulation orders them. Its events are the stored
 * events, its guards read only event-derived context, and it runs no side effects.
 */
const on = <K extends RoadmapEvent['type']>(event: RoadmapEvent, _type: K) => event as RoadmapEventOf<K>;

export type Reached = StageNo | 'implemented';
export const stateKeyOf = (reached: Reached): string => (reached === 'implemented' ? 'implemented' : `stage${reached}`);

/** From stage 4 on («Отбор и обучение»), mentors' training is recorded. */
const TRAINING_FROM: StageNo = 4;

const machineSetup = setup({
  types: {
    context: {} as RoadmapContext,
    events: {} as RoadmapEvent,
  },
  guards: {
    activityOpen: ({ context, event }, params: { reached: Reached }) =>
      !activityOpen(context, on(event, 'RoadmapActivityDone').data.activityId, params.reached),
    mentorNotYetTrained: ({ context, event }) => !context.trained[on(event, 'MentorTrainingCompleted').data.personId],
    approvalNotBeforeDraft: ({ context, event }) => on(event, 'RoadmapApproved').data.date >= (context.drafted?.date ?? ''),
    stageComplete: ({ context }, params: { stage: StageNo }) => stageComplete(params.stage, context.done),
  },
  actions: {
    recordDraft: assign(({ event }) => {
      const { orgId, date, documentRef } = on(event, 'RoadmapDrafted').data;
      return { ...EMPTY_ROADMAP, orgId, drafted: { date, documentRef } };
    }),
    recordApproval: assign(({ event }) => {
      const { date, documentRef } = on(event, 'RoadmapApproved').data;
      return { approved: { date, documentRef } };
    }),
    recordActivity: assign(({ context, event }) => {
      const { activityId, date, documentRef } = on(event, 'RoadmapActivityDone').data;
      return { done: { ...context.done, [activityId]: { date, documentRef } } };
    }),
    recordTraining: assign(({ context, event }) => {
      const { personId, date, documentRef } = on(event, 'MentorTrainingCompleted').data;
      return { trained: { ...context.trained, [personId]: { date, documentRef } } };
    }),
  },
});

/** One state per stage: activities up to it (and stage 7's) are open; a complete stage moves on by itself. */
function stageState(reached: Reached) {
  const next: Reached = reached === 'implemented' || reached === 7 ? 'implemented' : ((reached + 1) as StageNo);
  const training = reached === 'implemented' || reached >= TRAINING_FROM;
  return {
    ...(reached === 'implemented' ? {} : { always: { guard: { type: 'stageComplete' as const, params: { stage: reached } }, target: stateKeyOf(next) } }),
    on: {
      RoadmapActivityDone: { guard: { type: 'activityOpen' as const, params: { reached } }, actions: 'recordActivity' as const },
      ...(training ? { MentorTrainingCompleted: { guard: 'mentorNotYetTrained' as const, actions: 'recordTraining' as const } } : {}),
    },
  };
}

const approvedStates = Object.fromEntries(
  [...STAGE_NUMBERS, 'implemented' as const].map((reached) => [stateKeyOf(reached), stageState(reached)]),
);

export const roadmapMachine = machineSetup.createMachine({
  id: 'roadmap',
  initial: 'new',
  context: EMPTY_ROADMAP,
  states: {
    new: { on: { RoadmapDrafted: { target: 'drafted', actions: 'recordDraft' } } },
    drafted: { on: { RoadmapApproved: { guard: 'approvalNotBeforeDraft', target: 'approved', actions: 'recordApproval' } } },
    approved: { initial: 'stage1', states: approvedStates },
  },
});

export type RoadmapMachine = typeof roadmapMachine;
