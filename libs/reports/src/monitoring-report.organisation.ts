import { PHASE_TITLES, type RoadmapPhase, CONTINUOUS_STAGE, missingOf, reachedStage, ROADMAP_STAGES, stageComplete } from '#core/roadmap';
import { QUESTIONNAIRE_IDS, summariseResponses, type QuestionnaireId, type ResponseFacts } from '#core/surveys';
import type { ReadModels } from '#libs/projections';

/** The organisation's roadmap as the read model has it: business dates of its entries. */
export interface RoadmapFact {
  draftedOn: string | null;
  approvedOn: string | null;
  done: Record<string, string>;
}

/** A survey response dated in the period: [questionnaire, respondent role, answers as JSON]. */
export type SurveyResponseFact = [QuestionnaireId, ResponseFacts['role'], string];

export interface OrganisationFacts {
  roadmap: RoadmapFact | null;
  surveyResponses: SurveyResponseFact[];
}

export function loadOrganisationFacts(rm: ReadModels, q: { orgId: string; from: string; to: string }): OrganisationFacts {
  const r = rm.prepare(`SELECT drafted_on, approved_on, done FROM ${rm.table('roadmaps')} WHERE org_id = ?`).get(q.orgId) as
    | { drafted_on: string | null; approved_on: string | null; done: string }
    | undefined;
  return {
    roadmap: r ? { draftedOn: r.drafted_on, approvedOn: r.approved_on, done: JSON.parse(r.done) } : null,
    surveyResponses: rm.db.tuples(
      `SELECT questionnaire, role, answers FROM ${rm.table('survey_responses')} WHERE org_id = @org AND answered_on >= @from AND answered_on <= @to`,
      { org: q.orgId, from: q.from, to: q.to },
    ) as SurveyResponseFact[],
  };
}

/** The roadmap as it stood at the period's end: entries dated after it do not count yet. */
export function roadmapSection(fact: RoadmapFact | null, to: string) {
  const done = Object.fromEntries(Object.entries(fact?.done ?? {}).filter(([, d]) => d <= to));
  const approved = !!fact?.approvedOn && fact.approvedOn <= to;
  const reached = reachedStage(done);
  const phase: RoadmapPhase = !fact?.draftedOn || fact.draftedOn > to ? 'new' : !approved ? 'drafted' : reached === 'implemented' ? 'implemented' : 'approved';
  const current = phase === 'approved' && reached !== 'implemented' ? reached : null;
  return {
    clause: 'Дорожная карта; §3.3, §3.4',
    phase,
    phaseTitle: PHASE_TITLES[phase],
    stage: current ? { no: current, title: ROADMAP_STAGES[current - 1].title } : null,
    approvedOn: approved ? fact!.approvedOn : null,
    stages: ROADMAP_STAGES.map((s) => {
      const required = s.activities.filter((a) => a.required);
      return { no: s.no, title: s.title, required: required.length, done: required.filter((a) => done[a.id]).length, complete: stageComplete(s.no, done) };
    }),
    missing: current
      ? [...missingOf(current, done), ...(current !== CONTINUOUS_STAGE ? missingOf(CONTINUOUS_STAGE, done) : [])].map((a) => ({ id: a.id, stage: a.stage, title: a.title }))
      : [],
  };
}

/** Each questionnaire's responses dated in the period, in figures (no one's words). */
export function surveysSection(responses: readonly SurveyResponseFact[]) {
  return QUESTIONNAIRE_IDS.map((id) =>
    summariseResponses(id, responses.filter((r) => r[0] === id).map(([, role, answers]) => ({ role, answers: JSON.parse(answers) }))));
}
