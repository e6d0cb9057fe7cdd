import { Injectable } from '@nestjs/common';
import { ReadModels, requireRole, STAFF_READERS } from '#libs/projections';
import { MAX_MENTEES_PER_MENTOR } from '#core/mentorship';
import type { Actor } from '#core/people';
import { genderOf } from '#libs/russian-names';

interface Row {
  person_id: string; full_name: string; position: string | null; first_working_day: string | null; consent_on: string | null;
  competences: string | null; requests: string | null; load: number | null;
  withdrawn_on: string | null; destroyed_on: string | null;
}

/** Every registered staff member of the organisation with consent and bank membership: the people page's table. */
@Injectable()
export class StaffListQuery {
  constructor(private readonly rm: ReadModels) {}

  list(actor: Actor) {
    requireRole(actor, STAFF_READERS, 'Список сотрудников видят заведующий, куратор, методический совет и аудитор.', '§3.4');
    const rm = this.rm;
    const rows = rm.prepare(
      `SELECT p.person_id, p.full_name, p.position, p.first_working_day, p.personal_data_consent_on AS consent_on,
         p.consent_withdrawn_on AS withdrawn_on, p.personal_data_destroyed_on AS destroyed_on, mb.competences, eb.requests, l.mentees AS load
       FROM ${rm.table('people')} p
       LEFT JOIN ${rm.table('mentor_bank')} mb ON mb.person_id = p.person_id
       LEFT JOIN ${rm.table('mentee_bank')} eb ON eb.person_id = p.person_id
       LEFT JOIN ${rm.table('mentor_load')} l ON l.org_id = p.org_id AND l.mentor_id = p.person_id
       WHERE p.org_id = ? ORDER BY p.full_name, p.person_id`,
    ).all(actor.orgId) as Row[];
    const items = rows.map((r) => ({
      personId: r.person_id,
      fullName: r.full_name,
      /** For the grammar of sentences about the person («запишите её согласие»); null when the name has no patronymic. */
      gender: genderOf(r.full_name),
      position: r.position,
      firstWorkingDay: r.first_working_day,
      personalDataConsentOn: r.consent_on,
      consentWithdrawnOn: r.withdrawn_on,
      personalDataDestroyedOn: r.destroyed_on,
      mentorBank: r.competences === null ? null : { competences: JSON.parse(r.competences) as string[], load: r.load ?? 0, limit: MAX_MENTEES_PER_MENTOR },
      menteeBank: r.requests === null ? null : { requests: JSON.parse(r.requests) as string[] },
    }));
    return { items, total: items.length };
  }
}
