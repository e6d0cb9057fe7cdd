import type { MentorshipContext } from './mentorship.context';
import { labourCodeGoverns } from './rules/early-termination.rule';
import { someConsentInherited } from './rules/new-pair-consent.rule';
import { someActivityPending } from './rules/program-content.rule';

/** What a guard needs of the context alone, whatever its event says, and how a refusal words it. */
export interface GuardPrecondition {
  holds: (ctx: MentorshipContext) => boolean;
  clause: string;
  message: string;
}

/**
 * Preconditions of the machine's named guards (each guard implies its precondition). XState lists a
 * state's transitions without evaluating guards (`getNextTransitions`), so `acceptedEventTypes` asks
 * these as well: a step the machine would refuse for any data is not offered at all.
 */
export const GUARD_PRECONDITIONS: Readonly<Record<string, GuardPrecondition>> = {
  activityPending: {
    holds: someActivityPending,
    clause: '§3.6',
    message: 'Все мероприятия программы уже отмечены выполненными: отмечать нечего. Программу можно скорректировать (п. 7.2) или завершить наставничество (п. 7.1).',
  },
  consentToNewMentorPending: {
    holds: someConsentInherited,
    clause: '§3.7',
    message: 'Согласия собираются, пока наставничество предложено и приказ не издан; после замены наставника — согласия наставляемых на нового наставника, пока они не записаны.',
  },
  earlyEndNoticeKept: {
    holds: labourCodeGoverns,
    clause: 'ТК РФ ст. 351.8',
    message: 'Наставничество утверждено приказом до 01.03.2025 без дополнительного соглашения: досрочное прекращение по статье 351.8 ТК РФ '
      + 'к нему не применяется. Оно завершается по п. 7.1 Положения (когда программа реализуется) или заменой наставника (п. 3.8).',
  },
};
