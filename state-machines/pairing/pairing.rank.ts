import { MAX_MENTEES_PER_MENTOR } from '../mentorship/rules/mentor-capacity.rule';
import type { BusinessDate } from '../shared/business-date';
import { keyStems } from './pairing.text';
import { ofRequests, plural } from './pairing.words';

/** A mentor of the bank as the ranking sees them. */
export interface MentorCandidate {
  personId: string;
  competences: readonly string[];
  /** Mentees in the mentor's unfinished mentorships (§3.7). */
  load: number;
  /** When the mentor completed mentor training (roadmap stage 4), if recorded. */
  trainedOn?: BusinessDate;
}

export interface RequestMatch {
  request: string;
  /** Words of the request found among the mentor's competences. */
  words: string[];
}

export interface Suggestion {
  rank: number;
  personId: string;
  matched: RequestMatch[];
  unmatched: string[];
  load: { current: number; limit: number; free: number };
  trainedOn: BusinessDate | null;
  /** A mentor at the limit cannot take the mentee now (§3.7). */
  available: boolean;
  explanation: string;
}

/** A request is met when at least half of its meaningful words (rounded up) are in the mentor's competences. */
function match(request: string, competenceStems: Set<string>): RequestMatch | null {
  const stems = keyStems(request);
  if (stems.length === 0) return null;
  const found = stems.filter((s) => competenceStems.has(s.stem));
  return found.length >= Math.ceil(stems.length / 2) ? { request, words: [...new Set(found.map((f) => f.word))] } : null;
}

function explain(matched: number, total: number, free: number, current: number, trainedOn: BusinessDate | undefined): string {
  const fit = matched === 0
    ? `не совпадает ни один из ${ofRequests(total)}`
    : `${matched === 1 ? 'совпадает' : 'совпадают'} ${matched} из ${ofRequests(total)}`;
  const places = free > 0
    ? `свободно ${free} ${plural(free, 'место', 'места', 'мест')}`
    : `свободных мест нет (уже ${current} ${plural(current, 'наставляемый', 'наставляемых', 'наставляемых')}, п. 3.7)`;
  const training = trainedOn ? 'прошёл обучение наставников' : 'обучение наставников не записано';
  return `${fit}; ${places}; ${training}`;
}

/**
 * Advice for a curator pairing a mentee (§3.5, §6.1): mentors who can take the mentee first, then
 * by how many of the mentee's requests their competences meet, then trained ones, then the freer.
 * The mutual interest §6.1 also asks for is the people's to judge, not the ranking's.
 */
export function rankMentors(menteeId: string, requests: readonly string[], mentors: readonly MentorCandidate[]): Suggestion[] {
  const scored = mentors
    .filter((m) => m.personId !== menteeId)
    .map((m) => {
      const stems = new Set(m.competences.flatMap((c) => keyStems(c).map((s) => s.stem)));
      const matched = requests.map((r) => match(r, stems)).filter((x): x is RequestMatch => x !== null);
      const free = Math.max(0, MAX_MENTEES_PER_MENTOR - m.load);
      return {
        personId: m.personId,
        matched,
        unmatched: requests.filter((r) => !matched.some((x) => x.request === r)),
        load: { current: m.load, limit: MAX_MENTEES_PER_MENTOR, free },
        trainedOn: m.trainedOn ?? null,
        available: free > 0,
        explanation: explain(matched.length, requests.length, free, m.load, m.trainedOn),
      };
    });
  scored.sort((a, b) =>
    Number(b.available) - Number(a.available)
    || b.matched.length - a.matched.length
    || Number(!!b.trainedOn) - Number(!!a.trainedOn)
    || b.load.free - a.load.free
    || (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0));
  return scored.map((s, i) => ({ rank: i + 1, ...s }));
}
