import type { z } from 'zod';
import { ACCOUNT_EVENT_SCHEMAS } from '../accounts/accounts.events';
import { PEOPLE_EVENT_SCHEMAS } from '../people/people.events';
import { PROGRAM_BANK_EVENT_SCHEMAS } from '../programs/program-bank.events';
import { REGISTRY_EVENT_SCHEMAS } from '../region/organisation-registry.events';
import { TERRITORY_EVENT_SCHEMAS } from '../region/territory.events';
import { ROADMAP_EVENT_SCHEMAS } from '../roadmap/roadmap.events';
import { SURVEY_EVENT_SCHEMAS } from '../surveys/surveys.events';
import { EVENT_FIELD_TITLES, EVENT_TITLES, HIDDEN_EVENT_FIELDS, eventTitle } from './event-titles';
import { MENTORSHIP_EVENT_SCHEMAS } from './mentorship.events';

const SCHEMAS: Record<string, z.ZodObject> = {
  ...MENTORSHIP_EVENT_SCHEMAS, ...PEOPLE_EVENT_SCHEMAS, ...ACCOUNT_EVENT_SCHEMAS, ...ROADMAP_EVENT_SCHEMAS, ...SURVEY_EVENT_SCHEMAS, ...PROGRAM_BANK_EVENT_SCHEMAS,
  ...REGISTRY_EVENT_SCHEMAS, ...TERRITORY_EVENT_SCHEMAS,
};

describe('events by their Russian names, their data by labelled fields', () => {
  it.each(Object.keys(SCHEMAS))('%s has a Russian name', (type) => {
    expect(EVENT_TITLES[type]).toMatch(/^[А-ЯЁ][^A-Za-z]*$/);
  });

  it.each(Object.keys(SCHEMAS))('every field of %s is labelled or left out as a link between records', (type) => {
    const unlabelled = Object.keys(SCHEMAS[type].shape).filter((f) => !EVENT_FIELD_TITLES[f] && !HIDDEN_EVENT_FIELDS.has(f));
    expect(unlabelled).toEqual([]);
  });

  it('labels are Russian words, and an unknown type is never shown by its key', () => {
    for (const label of Object.values(EVENT_FIELD_TITLES)) expect(label).not.toMatch(/[A-Za-z]/);
    expect(eventTitle('SomethingNew')).toBe('Запись журнала');
  });
});
