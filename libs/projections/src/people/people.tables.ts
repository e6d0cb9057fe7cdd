import type { Row, TableSpec } from '../projection';
import type { PersonView } from './person.view';

/** One row per staff member, with their bank entries (the banks are SQL views over it). */
export const PEOPLE: TableSpec = {
  name: 'people',
  columns: [
    'org_id', 'person_id', 'full_name', 'position', 'first_working_day', 'personal_data_consent_on',
    'competences', 'mentor_bank_on', 'requests', 'mentee_bank_on', 'consent_withdrawn_on', 'personal_data_destroyed_on',
  ],
  key: ['person_id'],
  // The report counts registered staff by first working day from the index alone (with the name, which
  // says "registered"), and the mentee bank's entry dates (its view's conditions) likewise: no row read.
  indexes: [['org_id', 'first_working_day', 'full_name'], ['org_id', 'mentee_bank_on', 'consent_withdrawn_on']],
};

/** The row holds the whole view, so the writer reads the view back from it. */
export function personFromRow(r: Row): PersonView {
  const s = (k: string) => (r[k] === null ? undefined : String(r[k]));
  return {
    personId: String(r.person_id),
    orgId: String(r.org_id),
    fullName: s('full_name'),
    position: s('position'),
    firstWorkingDay: s('first_working_day'),
    personalDataConsentOn: s('personal_data_consent_on'),
    consentWithdrawnOn: s('consent_withdrawn_on'),
    personalDataDestroyedOn: s('personal_data_destroyed_on'),
    mentorBank: r.mentor_bank_on === null ? undefined : { competences: JSON.parse(String(r.competences)), enteredOn: String(r.mentor_bank_on) },
    menteeBank: r.mentee_bank_on === null ? undefined : { requests: JSON.parse(String(r.requests)), enteredOn: String(r.mentee_bank_on) },
  };
}

export function personRow(v: PersonView): Row {
  return {
    org_id: v.orgId, person_id: v.personId, full_name: v.fullName ?? null, position: v.position ?? null,
    first_working_day: v.firstWorkingDay ?? null, personal_data_consent_on: v.personalDataConsentOn ?? null,
    competences: v.mentorBank ? JSON.stringify(v.mentorBank.competences) : null, mentor_bank_on: v.mentorBank?.enteredOn ?? null,
    requests: v.menteeBank ? JSON.stringify(v.menteeBank.requests) : null, mentee_bank_on: v.menteeBank?.enteredOn ?? null,
    consent_withdrawn_on: v.consentWithdrawnOn ?? null, personal_data_destroyed_on: v.personalDataDestroyedOn ?? null,
  };
}

/**
 * The banks (§3.4, §3.8), and the banks as the website shows them (§8.1 «базы наставников и
 * наставляемых»). A mentor bank is a roster of who can mentor, so it names the mentor with
 * position and competences; a mentee is shown only by position and professional requests, because
 * naming a young teacher next to their difficulties is more than the website needs. Only people
 * registered with personal-data consent; no dates, ids or consent data in the public views.
 */
export const peopleSqlViews = (p: string): string[] => [
  `CREATE VIEW IF NOT EXISTS "${p}mentor_bank" AS SELECT org_id, person_id, full_name, position, competences, mentor_bank_on AS entered_on
   FROM "${p}people" WHERE mentor_bank_on IS NOT NULL AND consent_withdrawn_on IS NULL`,
  `CREATE VIEW IF NOT EXISTS "${p}mentee_bank" AS SELECT org_id, person_id, full_name, position, first_working_day, requests, mentee_bank_on AS entered_on
   FROM "${p}people" WHERE mentee_bank_on IS NOT NULL AND consent_withdrawn_on IS NULL`,
  `CREATE VIEW IF NOT EXISTS "${p}public_mentors" AS SELECT org_id, full_name, position, competences
   FROM "${p}people" WHERE mentor_bank_on IS NOT NULL AND full_name IS NOT NULL AND personal_data_consent_on IS NOT NULL AND consent_withdrawn_on IS NULL`,
  `CREATE VIEW IF NOT EXISTS "${p}public_mentees" AS SELECT org_id, position, requests
   FROM "${p}people" WHERE mentee_bank_on IS NOT NULL AND full_name IS NOT NULL AND personal_data_consent_on IS NOT NULL AND consent_withdrawn_on IS NULL`,
];
