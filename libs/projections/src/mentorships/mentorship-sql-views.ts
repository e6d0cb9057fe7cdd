import { MENTORSHIP_STATES, inPhase, statesIn, type MentorshipState } from '#core/mentorship';

/** States as an SQL list, from the machine's phases: no view names them by hand. */
const sqlList = (states: readonly MentorshipState[]): string => `(${states.map((s) => `'${s}'`).join(', ')})`;

/**
 * The website section of §8 for programs: an SQL view over the list with only these columns, so
 * no query of it can show more: no names or ids of people, no first working days, no consent or
 * order references, no reports, evaluations or reasons. A program is shown while it runs
 * (approved by order, §3.3), and its results only once published after completion (§8.2).
 */
export const publicProgramsView = (p: string): string =>
  `CREATE VIEW IF NOT EXISTS "${p}public_programs" AS
   SELECT org_id, CASE WHEN state = 'completed' THEN 'completed' ELSE 'in-progress' END AS status,
          topic, form, planned_start, planned_end, mentee_count, completed_on, published_on, summary
   FROM "${p}mentorships"
   WHERE state IN ${sqlList(statesIn('in-progress'))} OR (state = 'completed' AND published_on IS NOT NULL)`;

/** Mentees in unfinished mentorships, per mentor (§3.7: every state the machine does not tag finished). */
export const mentorLoadView = (p: string): string =>
  `CREATE VIEW IF NOT EXISTS "${p}mentor_load" AS
   SELECT org_id, mentor_id, SUM(mentee_count) AS mentees, COUNT(*) AS mentorships FROM "${p}mentorships"
   WHERE state IN ${sqlList(MENTORSHIP_STATES.filter((s) => !inPhase(s, 'finished')))} GROUP BY org_id, mentor_id`;
