import { BanksController } from './banks.controller';
import { DeadlinesController } from './deadlines.controller';
import { MentorLoadController } from './mentor-load.controller';
import { MentorshipListController } from './mentorship-list.controller';
import { MonitoringReportController } from './monitoring-report.controller';
import { ProjectionsHealthController } from './projections-health.controller';
import { PublicSectionController } from './public-section.controller';

/** Controllers of the read side: every one answers from read models, never from a replay. */
export const QUERY_CONTROLLERS = [
  MentorshipListController, MentorLoadController, DeadlinesController, BanksController,
  PublicSectionController, MonitoringReportController, ProjectionsHealthController,
];
