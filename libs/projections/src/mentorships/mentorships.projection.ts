import { type Projection, streamKey } from '../projection';
import { projectMentorship } from './mentorship-list.projection';
import { DEADLINES, MENTORSHIP_MENTEES, MENTORSHIPS, deadlineRows, menteeRows, mentorshipRow } from './mentorship-list.tables';
import type { MentorshipView } from './mentorship.view';
import { mentorLoadView, publicProgramsView } from './mentorship-sql-views';

/**
 * Everything read from `mentorship-` streams: the list, the mentees, the deadlines; the mentor
 * load and the public programs are SQL views over the list. One fold, one checkpoint.
 */
export const mentorshipsProjection: Projection<MentorshipView> = {
  name: 'mentorships',
  streamPrefixes: ['mentorship-'],
  main: MENTORSHIPS,
  derived: [MENTORSHIP_MENTEES, DEADLINES],
  sqlViews: (p) => [mentorLoadView(p), publicProgramsView(p)],
  keyOf: (e) => streamKey(e.streamId),
  project: projectMentorship,
  rows: (v) => ({ main: mentorshipRow(v), derived: { mentorship_mentees: menteeRows(v), deadlines: deadlineRows(v) } }),
};
