import { Injectable } from '@nestjs/common';
import { rankMentors } from '#core/pairing';
import type { Actor } from '#core/people';
import { DomainError } from '#core/shared';
import { requireRole, STAFF_READERS } from './read-access';
import { ReadModels } from '../read-models';

export const SUGGESTION_NOTE = 'Подбор — только рекомендация: пару (группу) предлагает куратор (п. 3.4) и утверждает заведующий (п. 6.2); '
  + 'взаимный интерес наставника и наставляемого (п. 6.1) оценивают они сами.';

/**
 * `GET /api/banks/mentees/:id/suggestions`: the mentor bank ranked for one mentee from the read
 * models: competences against the mentee's requests, the load against the limit of 3 (the same
 * `mentor_load` the banks show), and mentor training from the roadmap (stage 4).
 */
@Injectable()
export class PairingSuggestionsQuery {
  constructor(private readonly rm: ReadModels) {}

  suggest(actor: Actor, menteeId: string) {
    requireRole(actor, STAFF_READERS, 'Подбор наставников видят заведующий, куратор, методический совет и аудитор.', '§3.5');
    const rm = this.rm;
    const mentee = rm.prepare(`SELECT person_id, full_name, position, requests FROM ${rm.table('mentee_bank')} WHERE org_id = ? AND person_id = ?`)
      .get(actor.orgId, menteeId) as { person_id: string; full_name: string; position: string; requests: string } | undefined;
    if (!mentee) {
      throw new DomainError({
        kind: 'not-found', code: 'mentee-not-in-bank', clause: '§3.4',
        message: 'Сотрудник не найден в банке наставляемых: наставника подбирают для наставляемых из банка.',
      });
    }
    const mentors = rm.prepare(
      `SELECT b.person_id, b.full_name, b.position, b.competences, COALESCE(l.mentees, 0) AS load, t.trained_on
       FROM ${rm.table('mentor_bank')} b
       LEFT JOIN ${rm.table('mentor_load')} l ON l.org_id = b.org_id AND l.mentor_id = b.person_id
       LEFT JOIN ${rm.table('trained_mentors')} t ON t.org_id = b.org_id AND t.person_id = b.person_id
       WHERE b.org_id = ?`,
    ).all(actor.orgId) as { person_id: string; full_name: string; position: string; competences: string; load: number; trained_on: string | null }[];
    const byId = new Map(mentors.map((m) => [m.person_id, m]));
    const requests = JSON.parse(mentee.requests) as string[];
    const ranked = rankMentors(menteeId, requests, mentors.map((m) => ({
      personId: m.person_id, competences: JSON.parse(m.competences) as string[], load: m.load, ...(m.trained_on ? { trainedOn: m.trained_on } : {}),
    })));
    return {
      mentee: { personId: mentee.person_id, fullName: mentee.full_name, position: mentee.position, requests },
      items: ranked.map((s) => {
        const m = byId.get(s.personId)!;
        return { ...s, fullName: m.full_name, position: m.position, competences: JSON.parse(m.competences) as string[] };
      }),
      total: ranked.length,
      clause: '§3.5, §6.1',
      note: SUGGESTION_NOTE,
    };
  }
}
