import type { Role } from '../people/roles';
import type { RoadmapStepName } from './roadmap.commands';
import type { RoadmapEventType } from './roadmap.events';

/** Who takes each roadmap step, by the regulation, and what it needs first. */
export interface RoadmapStepPolicy {
  event: RoadmapEventType;
  title: string;
  roles: readonly Role[];
  roleClause: string;
  requires: { clause: string; message: string };
}

export const ROADMAP_STEP_POLICIES: Record<RoadmapStepName, RoadmapStepPolicy> = {
  draft: {
    event: 'RoadmapDrafted', title: 'Разработать дорожную карту', roles: ['curator'], roleClause: '§3.4',
    requires: { clause: '§3.4', message: 'Дорожная карта разрабатывается один раз, до утверждения.' },
  },
  approve: {
    event: 'RoadmapApproved', title: 'Утвердить дорожную карту', roles: ['head'], roleClause: '§3.3',
    requires: { clause: '§3.3', message: 'Утвердить можно разработанную и ещё не утверждённую дорожную карту.' },
  },
  'activity-done': {
    event: 'RoadmapActivityDone', title: 'Отметить мероприятие выполненным', roles: ['curator'], roleClause: '§3.4',
    requires: { clause: '§3.3', message: 'Мероприятия отмечаются после утверждения дорожной карты заведующим.' },
  },
  'mentor-trained': {
    event: 'MentorTrainingCompleted', title: 'Записать обучение наставника', roles: ['curator'], roleClause: '§3.4, §3.8',
    requires: { clause: 'Дорожная карта, этап 4', message: 'Обучение наставников записывается с этапа 4 «Отбор и обучение» утверждённой дорожной карты.' },
  },
};
