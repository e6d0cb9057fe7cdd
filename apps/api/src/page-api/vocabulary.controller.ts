import { Controller, Get } from '@nestjs/common';
import { COMPLETION_REASON_TITLES, REPLACEMENT_REASON_TITLES } from '#libs/reports';
import {
  ACTIVITY_KIND_TITLES, FORM_TITLES, NOTICE_PARTY_TITLES, PAY_KIND_TITLES, STATE_TITLES, STEP_NAMES, STEP_POLICIES,
} from '#core/mentorship';
import { ROLE_TITLES } from '#core/people';

const DEADLINE_STATUS_TITLES = { upcoming: 'предстоит', met: 'в срок', late: 'с опозданием', overdue: 'просрочено' };

/**
 * `GET /api/vocabulary`: Russian words for the enum values the schemas carry, so a generated
 * form shows «Традиционная» rather than `traditional`. Each dictionary is one enum of the core.
 */
@Controller('vocabulary')
export class VocabularyController {
  private readonly vocabulary = {
    enums: {
      form: FORM_TITLES,
      activityKind: ACTIVITY_KIND_TITLES,
      completionReason: COMPLETION_REASON_TITLES,
      replacementReason: REPLACEMENT_REASON_TITLES,
      payKind: PAY_KIND_TITLES,
      noticeParty: NOTICE_PARTY_TITLES,
      role: ROLE_TITLES,
      state: STATE_TITLES,
    },
    steps: Object.fromEntries(STEP_NAMES.map((s) => [s, { title: STEP_POLICIES[s].title, roles: STEP_POLICIES[s].roles, clause: STEP_POLICIES[s].roleClause }])),
    deadlineStatus: DEADLINE_STATUS_TITLES,
  };

  @Get()
  get() {
    return this.vocabulary;
  }
}
